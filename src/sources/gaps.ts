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

/**
 * The gap for a federated user (GetFederationToken): the IAM user whose policies limit the
 * session is not in its ARN, so no source can read them.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
export function federatedUserGap(name: string | null, gapSource: string): CollectionGap {
  return {
    source: gapSource,
    error: `the IAM user that called GetFederationToken for \`${name}\` is not in the session ARN`,
    effect: `The policies of that IAM user limit what federated user \`${name}\` may do and were not read; diagnose that IAM user with the same action as well.`,
  }
}

/** The gap when RCPs may apply but nothing names the account that owns the resource (RCPs are that account's). */
export function unknownResourceAccountGap(gapSource: string): CollectionGap {
  return {
    source: gapSource,
    error: 'the account that owns the resource is unknown',
    effect: "RCPs were not read, because they are those of the resource's account; pass --resource-account.",
  }
}
