import type { Intake } from '../intake/index.js'
import { POLICY_TYPE_MESSAGE_WORDS, type Verdict } from '../model/index.js'

/**
 * Whether denydoctor's own finding agrees with what the error message said. The message is
 * incomplete by design (it names one policy type; SCP wording does not tell explicit from
 * implicit), so a disagreement comes with its likely reason.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export interface Comparison {
  readonly agrees: boolean | null
  readonly note: string
}

const WORDS = POLICY_TYPE_MESSAGE_WORDS

export function compareWithMessage(intake: Intake, verdict: Verdict): Comparison | null {
  const type = intake.reportedPolicyType
  const arn = intake.reportedPolicyArn
  if (!type && !arn) return null
  const certain = verdict.denies.filter((d) => d.certain)
  const maybe = verdict.denies.filter((d) => !d.certain)
  const words = type ? WORDS[type] : 'policy'
  const kind = intake.reportedDenyKind === 'implicit' ? 'that no' : `an explicit deny in ${/^[aeiouAEIOU]/.test(words) ? 'an' : 'a'}`
  const said = `the message says ${kind} ${words}${intake.reportedDenyKind === 'implicit' ? ' allows it' : ''}${arn ? ` (${arn})` : ''}`

  if (arn) {
    if (certain.some((d) => d.policyArn === arn)) return { agrees: true, note: `Agrees: ${said}, and that policy denies it here too.` }
    const maybeArn = maybe.filter((d) => d.policyArn === arn)
    if (maybeArn.length > 0) return { agrees: null, note: `Consistent: ${said}; here that policy denies depending on ${keysOf(maybeArn)}.` }
  }
  if (type) {
    const explicitHere = certain.some((d) => d.policyType === type)
    const missingHere = verdict.missingAllows.some((m) => m.policyType === type)
    // "explicit deny in a service control policy" is also used when a level merely lacks an Allow.
    const matches = intake.reportedDenyKind === 'implicit' ? missingHere : explicitHere || (type === 'scp' && missingHere)
    if (matches) return { agrees: true, note: `Agrees: ${said}, and denydoctor finds the same layer.` }
    const maybeHere = maybe.filter((d) => d.policyType === type)
    if (maybeHere.length > 0) {
      return { agrees: null, note: `Consistent: ${said}; here it depends on ${keysOf(maybeHere)}, which the message could not carry.` }
    }
  }
  const reasons = [
    maybe.length > 0 ? `context the message could not carry (${keysOf(maybe)})` : null,
    type === 'resource' && (intake.action ?? '').toLowerCase().startsWith('s3:')
      ? 'S3 Block Public Access, which AWS reports as a resource-based policy denial'
      : null,
    'a policy that changed since the error',
    'context given here that differs from the failed call',
  ].filter((r): r is string => r !== null)
  return { agrees: false, note: `Differs: ${said}, but denydoctor finds ${describe(verdict)}. Likely: ${reasons.join('; or ')}.` }
}

function keysOf(findings: readonly { unknownKeys: readonly string[] }[]): string {
  return [...new Set(findings.flatMap((f) => f.unknownKeys))].join(', ') || 'the resource'
}

function describe(verdict: Verdict): string {
  const first = verdict.denies.find((d) => d.certain)
  if (first) return `an explicit deny in the ${WORDS[first.policyType]} (${first.policyName ?? 'unnamed policy'})`
  if (verdict.missingAllows.length) return `no Allow in the ${verdict.missingAllows.map((m) => WORDS[m.policyType]).join(', ')}`
  return verdict.decision === 'Allowed' ? 'that the request would be allowed' : 'that the outcome depends on unknown context'
}
