/** "Did you mean …?" for misspelt element names, operators and principal types. */

/** Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

export interface Suggestion {
  readonly name: string
  /** True when the only difference is letter case. */
  readonly caseOnly: boolean
}

/**
 * The known name closest to `text`: a case-insensitive match first, then the nearest by
 * edit distance when it is close enough to be a typo (at most 1 edit per 4 characters, 3 at most).
 */
export function closest(text: string, known: Iterable<string>): Suggestion | null {
  const lower = text.toLowerCase()
  let best: string | null = null
  let bestDistance = Infinity
  for (const name of known) {
    if (name.toLowerCase() === lower) return { name, caseOnly: true }
    const d = editDistance(lower, name.toLowerCase())
    if (d < bestDistance) {
      best = name
      bestDistance = d
    }
  }
  const allowed = Math.min(3, Math.max(1, Math.floor(text.length / 4)))
  return best !== null && bestDistance <= allowed ? { name: best, caseOnly: false } : null
}
