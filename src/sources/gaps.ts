import type { CollectionGap, PolicySource } from '../model/index.js'
import type { PolicyInputError } from '../policy/index.js'

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

/**
 * The gap for a policy whose document could not be read as a policy, in one wording for every
 * source. The policy is never dropped quietly: its unread Deny could be the very statement
 * that decided the request. `where` says where the document came from ("in the snapshot",
 * "as AWS returned it").
 */
export function unreadablePolicyGap(error: PolicyInputError, source: PolicySource, gapSource: string, where: string): CollectionGap {
  const what = source.origin ?? source.name ?? 'policy'
  return {
    source: gapSource,
    error: `${error.name}: ${error.message.split('\n')[0]}`,
    effect: `The ${what} was left out: its document ${where} could not be read as a policy, so a Deny in it cannot be checked.`,
  }
}
