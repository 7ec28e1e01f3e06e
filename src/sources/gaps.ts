import type { CollectionGap } from '../model/index.js'

/**
 * Gaps once each, in first-seen order. The account is part of a gap's identity: the same
 * failure in two accounts is two gaps, each carried only into diagnoses touching its account.
 */
export function dedupeGaps(gaps: readonly CollectionGap[]): CollectionGap[] {
  const seen = new Set<string>()
  return gaps.filter((gap) => {
    const key = `${gap.source}\u0000${gap.error}\u0000${gap.effect}\u0000${gap.account ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
