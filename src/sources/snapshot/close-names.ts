/** "Did you mean": names a typo away from the one asked for. */

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * Candidates whose name is close to `wanted`: the same name in another case or account, one
 * containing the other, or a few edits away (more edits allowed for longer names). Closest first.
 */
export function closeNames<T>(wanted: string, candidates: readonly T[], nameOf: (c: T) => string, limit = 5): T[] {
  const target = wanted.toLowerCase()
  const scored = candidates
    .map((candidate) => {
      const name = nameOf(candidate).toLowerCase()
      const edits = distance(target, name)
      const contains = target.length >= 4 && name.length >= 4 && (name.includes(target) || target.includes(name))
      const close = edits <= Math.max(1, Math.floor(target.length / 4)) || contains
      return { candidate, edits, close }
    })
    .filter((s) => s.close)
  scored.sort((a, b) => a.edits - b.edits)
  return scored.slice(0, limit).map((s) => s.candidate)
}
