import type { PolicyType } from '../model/index.js'

/**
 * The reason part of an AccessDenied message: "with an explicit deny in a <type>[: <arn>]" or
 * "because no <type> allows the <action> action", plus the service-specific reasons.
 * Wording: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 * ARN suffix: https://aws.amazon.com/blogs/security/enhanced-access-denied-error-messages-with-policy-arns
 */

interface Phrase {
  readonly pattern: string
  readonly type: PolicyType
  readonly words: string
  readonly trust?: boolean
}

// Case-insensitive; `a`/`an`/`the` and singular/plural variants seen in real messages.
const PHRASES: readonly Phrase[] = [
  { pattern: 'service\\s+control\\s+polic(?:y|ies)', type: 'scp', words: 'service control policy' },
  { pattern: 'resource\\s+control\\s+polic(?:y|ies)', type: 'rcp', words: 'resource control policy' },
  { pattern: 'identity[-\\s]?based\\s+polic(?:y|ies)', type: 'identity', words: 'identity-based policy' },
  { pattern: 'resource[-\\s]?based\\s+polic(?:y|ies)', type: 'resource', words: 'resource-based policy' },
  { pattern: 'permissions?\\s+boundar(?:y|ies)', type: 'boundary', words: 'permissions boundary' },
  { pattern: 'sessions?\\s+polic(?:y|ies)', type: 'session', words: 'session policy' },
  { pattern: 'vpc\\s+endpoint\\s+polic(?:y|ies)', type: 'vpce', words: 'VPC endpoint policy' },
  { pattern: '(?:role\\s+)?trust\\s+polic(?:y|ies)', type: 'resource', words: 'role trust policy', trust: true },
]

const ANY_PHRASE = PHRASES.map((p) => `(${p.pattern})`).join('|')
const ARTICLE = '(?:an?|the)'

const EXPLICIT = new RegExp(`^[\\s,]*with\\s+an\\s+explicit\\s+deny\\b(?:\\s+in\\s+${ARTICLE}\\s+(?:${ANY_PHRASE}))?`, 'i')
const EXPLICIT_UNKNOWN_TYPE = new RegExp(`^\\s+in\\s+${ARTICLE}\\s+([a-z][\\w -]*?polic(?:y|ies))`, 'i')
const IMPLICIT = new RegExp(`^[\\s,]*because\\s+no\\s+(?:${ANY_PHRASE})\\s+allows?\\b(?:\\s+the\\s+\\S+\\s+action)?`, 'i')
const IMPLICIT_UNKNOWN_TYPE = /^[\s,]*because\s+no\s+([a-z][\w -]*?)\s+allows?\s+the\s+\S+\s+action/i
const CHAINED = new RegExp(`^\\s+transitively\\s+through\\s+${ARTICLE}\\s+(?:${ANY_PHRASE})`, 'i')
const ARN_SUFFIX = /^\s*:\s*("?)(arn:[^\s"']+)\1/i
const NAME_SUFFIX = /^\s*:\s*(?!\s*arn:)([^\s"']+)/i
// Not documented by AWS; one third-party summary shows it, so it is only tolerated.
const WITH_POLICY_ARN = /^\s*,?\s*with\s+policy\s+arn\s*:?\s*("?)(arn:[^\s"']+)\1/i
const KMS_THIS_RESOURCE =
  /^[\s,]*because\s+the\s+resource\s+does\s+not\s+exist\s+in\s+this\s+region,\s+no\s+resource-based\s+policies\s+allow\s+access,\s+or\s+a\s+resource-based\s+policy\s+explicitly\s+denies\s+access/i
const OTHER_BECAUSE = /^[\s,]*because\s+(.+?)(?:\.(?=\s|$)|$)/i

export interface Reason {
  readonly denyKind: 'explicit' | 'implicit' | null
  readonly policyType: PolicyType | null
  readonly policyArn: string | null
  readonly notes: readonly string[]
}

export const SCP_WORDING_NOTE =
  "The message says 'service control policy', but AWS uses that wording both for an SCP Deny and for an SCP chain " +
  'with no Allow, so explicit vs implicit is unreliable for SCPs; every SCP level is checked ' +
  '(https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).'
export const TRUST_NOTE =
  "The message names the role trust policy; denydoctor treats it as the role's resource-based policy (reportedPolicyType 'resource')."
export const NO_REASON_NOTE =
  'The message gives no reason (the format used before 2021, or a service without enhanced messages), so it does not say which policy type denied; every layer is checked.'
export const BARE_EXPLICIT_NOTE =
  "The message says 'with an explicit deny' but not in which type of policy (older format); every layer is checked."
export const KMS_THIS_RESOURCE_NOTE =
  "The message says 'on this resource … the resource does not exist in this Region, no resource-based policies allow access, " +
  "or a resource-based policy explicitly denies access': KMS words it so when the key is in another account. It names no key; " +
  'give the key ARN as the resource.'
export const S3_BPA_AS_RESOURCE_NOTE =
  'S3 reports Block Public Access denials (RestrictPublicBuckets, IgnorePublicAcls) as resource-based policy denials; ' +
  'if the bucket policy has no matching Deny, check the Block Public Access settings ' +
  '(https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html).'

/** Strips sentence punctuation that follows an unquoted ARN. */
export function trimArn(arn: string): string {
  return arn.replace(/[.,;]+$/, '')
}

function phraseAt(match: RegExpExecArray, offset: number): Phrase | null {
  for (let i = 0; i < PHRASES.length; i++) if (match[offset + i] !== undefined) return PHRASES[i] ?? null
  return null
}

/** Reads the policy-ARN suffix that may follow the policy-type phrase. */
function readSuffix(rest: string, notes: string[]): string | null {
  const arn = ARN_SUFFIX.exec(rest) ?? WITH_POLICY_ARN.exec(rest)
  if (arn) return trimArn(arn[2]!)
  const name = NAME_SUFFIX.exec(rest)
  if (name) notes.push(`The message names the denying policy as '${trimArn(name[1]!)}' (not an ARN).`)
  return null
}

function serviceReasonNote(reason: string): string {
  if (/block\s+public\s+access/i.test(reason)) return `Block Public Access reason: ${reason}.`
  if (/\bSSE-C\b|customer\s+provided\s+keys/i.test(reason)) return `S3 encryption setting reason: ${reason}.`
  return `The service gives its own reason: ${reason}.`
}

/**
 * Parses the reason that follows "… perform: <action>[ on resource: …]". `rest` starts right
 * after the resource (or the action when there is none).
 */
export function parseReason(rest: string): Reason {
  const notes: string[] = []
  const explicit = EXPLICIT.exec(rest)
  const implicit = explicit ? null : IMPLICIT.exec(rest)
  const match = explicit ?? implicit
  if (match) {
    const denyKind = explicit ? 'explicit' : 'implicit'
    let after = rest.slice(match[0].length)
    const phrase = phraseAt(match, 1)
    if (!phrase) {
      const unknown = explicit ? EXPLICIT_UNKNOWN_TYPE.exec(after) : null
      if (unknown) {
        notes.push(`The message names a policy type denydoctor does not know: '${unknown[1]}'; every layer is checked.`)
        after = after.slice(unknown[0].length)
        return { denyKind, policyType: null, policyArn: readSuffix(after, notes), notes }
      }
      notes.push(BARE_EXPLICIT_NOTE)
      return { denyKind, policyType: null, policyArn: null, notes }
    }
    if (phrase.type === 'scp') notes.push(SCP_WORDING_NOTE)
    if (phrase.trust) notes.push(TRUST_NOTE)
    const chained = CHAINED.exec(after)
    if (chained) {
      const second = phraseAt(chained, 1)
      notes.push(
        `The message names a ${phrase.words} reached "transitively through a ${second?.words ?? 'policy'}": ` +
          `AWS reports only one layer, so the ${phrase.words} is reported and the ${second?.words ?? 'other layer'} is checked too.`,
      )
      if (second?.type === 'scp' && phrase.type !== 'scp') notes.push(SCP_WORDING_NOTE)
      after = after.slice(chained[0].length)
    }
    return { denyKind, policyType: phrase.type, policyArn: readSuffix(after, notes), notes }
  }
  const unknownImplicit = IMPLICIT_UNKNOWN_TYPE.exec(rest)
  if (unknownImplicit) {
    notes.push(`The message names a policy type denydoctor does not know: '${unknownImplicit[1]}'; every layer is checked.`)
    return { denyKind: 'implicit', policyType: null, policyArn: null, notes }
  }
  if (KMS_THIS_RESOURCE.test(rest)) return { denyKind: null, policyType: null, policyArn: null, notes: [KMS_THIS_RESOURCE_NOTE] }
  const other = OTHER_BECAUSE.exec(rest)
  if (other) return { denyKind: null, policyType: null, policyArn: null, notes: [serviceReasonNote(other[1]!.trim())] }
  return { denyKind: null, policyType: null, policyArn: null, notes: [NO_REASON_NOTE] }
}
