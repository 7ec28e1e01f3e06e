/**
 * The words the text and markdown reports share: how a decision, a policy, a statement and a
 * missing Allow are named for people. Everything here reads the Verdict only.
 */
import { AWS_OWNED_LEVEL } from '../evaluate/aws-owned.js'
import { POLICY_TYPE_NAMES, type ConditionTrace, type Decision, type MissingAllow, type PolicyType, type StatementFinding, type Verdict } from '../model/index.js'

/** The loud part of the first line. */
export const DECISION_HEADLINE: Readonly<Record<Decision, string>> = {
  Allowed: 'ALLOWED',
  ExplicitDeny: 'DENIED (explicit deny)',
  ImplicitDeny: 'DENIED (implicit: nothing allows it)',
  Undetermined: 'UNDETERMINED (depends on what the request carried)',
}

/**
 * The headline for this verdict. An Undetermined verdict that no statement leaves open is
 * open because sources could not be read, and says so rather than blaming the request.
 */
export function decisionHeadline(verdict: Verdict): string {
  if (verdict.decision === 'Undetermined' && verdict.incomplete.length > 0) {
    const hangsOnRequest = [...verdict.denies, ...verdict.allows].some((f) => !f.certain)
    if (!hangsOnRequest) return 'UNDETERMINED (some policies could not be read)'
  }
  return DECISION_HEADLINE[verdict.decision]
}

/** The same, for a markdown heading. */
export const DECISION_TITLE: Readonly<Record<Decision, string>> = {
  Allowed: 'Allowed',
  ExplicitDeny: 'Explicit deny',
  ImplicitDeny: 'Implicit deny',
  Undetermined: 'Undetermined',
}

/** The policy types in reports. */
export const POLICY_TYPE_WORDS = POLICY_TYPE_NAMES

/** `SCP "DenyRunInstances" attached to ou-abcd-11111111`, or the source's own origin sentence. */
export function policyTitle(finding: StatementFinding): string {
  if (finding.origin) return splitOrigin(finding.origin).name
  const parts = [POLICY_TYPE_WORDS[finding.policyType]]
  if (finding.policyName) parts.push(`"${finding.policyName}"`)
  else if (finding.policyArn) parts.push(finding.policyArn)
  if (finding.attachedTo) parts.push(`attached to ${finding.attachedTo}`)
  return parts.join(' ')
}

/**
 * A source's origin sentence split into the name (for a heading) and the reasoning in
 * parentheses after it (for the line below): "bucket policy of `b` (account 1: S3 returns a
 * bucket policy only to its owner's account)". A parenthesis without a colon is part of the
 * name ("OU `Prod` (ou-demo-prod11)").
 */
export function splitOrigin(origin: string): { readonly name: string; readonly note: string | null } {
  const match = /^(.*?) \(([^()]*: [^()]*)\)$/.exec(origin)
  return match ? { name: match[1]!, note: match[2]! } : { name: origin, note: null }
}

/** The reasoning the source put in its origin sentence, shown below the heading rather than in it. */
export function policyNote(finding: StatementFinding): string | null {
  return finding.origin ? splitOrigin(finding.origin).note : null
}

/** `statement 1 (Sid DenyEC2)`: 1-based, as people count. */
export function statementLabel(finding: StatementFinding): string {
  const n = `statement ${finding.statementIndex + 1}`
  return finding.sid ? `${n} (Sid ${finding.sid})` : n
}

/** `SCPs at ou-abcd-11111111`: the layer that had no Allow. */
export function missingAllowLabel(missing: MissingAllow): string {
  const plural: Readonly<Record<PolicyType, string>> = {
    identity: 'identity-based policies',
    boundary: 'permissions boundary',
    scp: 'SCPs',
    rcp: 'RCPs',
    resource: 'resource-based policy',
    vpce: 'VPC endpoint policy',
    session: 'session policy',
  }
  // Not a policy that lacks an Allow but AWS's own refusal: it is named as such ("AWS-owned resource: …").
  if (missing.level === AWS_OWNED_LEVEL) return AWS_OWNED_LEVEL
  const what = plural[missing.policyType]
  return missing.level ? `${what} at ${missing.level}` : what
}

/** `ec2:RunInstances by arn:…` */
export function requestSummary(verdict: Verdict): string {
  return `${verdict.request.action} by ${verdict.request.principal}`
}

export function formatContextValue(value: string | readonly string[]): string {
  return typeof value === 'string' ? value : `[${value.join(', ')}]`
}

export function formatRequestValues(values: ConditionTrace['requestValues']): string {
  if (values === 'unknown') return '(unknown)'
  if (values === null) return '(absent)'
  if (values.length === 0) return '(empty)'
  return values.join(', ')
}

export function formatResult(result: ConditionTrace['result']): string {
  return result === 'unknown' ? 'unknown' : String(result)
}

/**
 * What an uncertain statement hangs on, as one sentence:
 * "denies unless aws:PrincipalArn matches "arn:aws:iam::*:role/CloudOps" — the request context
 * does not say what aws:PrincipalArn was."
 */
export function hangsOnSentence(finding: StatementFinding): string {
  const verb = finding.effect === 'Deny' ? 'denies' : 'allows'
  const unknownTraces = finding.conditions.filter((c) => c.result === 'unknown')
  const clauses = unknownTraces.map((trace) => `${verb} ${conditionPhrase(trace)}`)
  const keys = unique([...unknownTraces.map((t) => t.key), ...finding.unknownKeys])
  const pieces: string[] = []
  if (clauses.length > 0) {
    const onlyMfa = clauses.length === 1 && clauses[0]!.endsWith(MFA_PHRASE)
    const unsaid = onlyMfa ? 'whether it was' : whatKeysWere(keys)
    pieces.push(`${capitalise(clauses.join(', and '))} — the request context does not say ${unsaid}.`)
  } else if (keys.length > 0) {
    pieces.push(`Hangs on ${keys.join(', ')}: the request context does not say ${whatKeysWere(keys)}.`)
  }
  if (finding.resource === null && finding.resourceTypes.length > 0) {
    pieces.push(`The request does not name the resource; this statement covers ${finding.resourceTypes.join(', ')}.`)
  }
  if (pieces.length === 0) pieces.push(`It may or may not apply: ${finding.explanation}`)
  return pieces.join(' ')
}

function whatKeysWere(keys: readonly string[]): string {
  if (keys.length === 0) return 'what the call carried'
  if (keys.length === 1 && /^aws:MultiFactorAuthPresent$/i.test(keys[0]!)) return 'whether the call was made with MFA'
  return keys.length === 1 ? `what ${keys[0]} was` : `what ${keys.join(', ')} were`
}

const MFA_PHRASE = 'unless the call was made with MFA'

// Negated operators read best as "unless" + their positive form: a Deny with
// ArnNotLike aws:PrincipalArn X "denies unless aws:PrincipalArn matches X".
const NEGATED_AS_POSITIVE: Readonly<Record<string, string>> = {
  StringNotEquals: 'is',
  StringNotEqualsIgnoreCase: 'is (ignoring case)',
  StringNotLike: 'matches',
  NumericNotEquals: 'is',
  DateNotEquals: 'is',
  NotIpAddress: 'is in',
  ArnNotEquals: 'is',
  ArnNotLike: 'matches',
}

const POSITIVE: Readonly<Record<string, string>> = {
  StringEquals: 'is',
  StringEqualsIgnoreCase: 'is (ignoring case)',
  StringLike: 'matches',
  NumericEquals: 'is',
  NumericLessThan: 'is less than',
  NumericLessThanEquals: 'is at most',
  NumericGreaterThan: 'is greater than',
  NumericGreaterThanEquals: 'is at least',
  DateEquals: 'is',
  DateLessThan: 'is before',
  DateLessThanEquals: 'is at or before',
  DateGreaterThan: 'is after',
  DateGreaterThanEquals: 'is at or after',
  Bool: 'is',
  BinaryEquals: 'is',
  IpAddress: 'is in',
  ArnEquals: 'is',
  ArnLike: 'matches',
}

/** "unless aws:PrincipalArn matches "x"", "if aws:MultiFactorAuthPresent is "false" (or is absent)". */
export function conditionPhrase(trace: ConditionTrace): string {
  const match = /^(?:(ForAllValues|ForAnyValue):)?(.*?)(IfExists)?$/.exec(trace.operator)
  const setOperator = match?.[1] ?? null
  const base = match?.[2] ?? trace.operator
  const ifExists = Boolean(match?.[3])
  const subject =
    setOperator === 'ForAnyValue' ? `any value of ${trace.key}` : setOperator === 'ForAllValues' ? `every value of ${trace.key}` : trace.key
  // BoolIfExists false on MFA is the classic "force MFA" statement: absent and false both
  // match, so the statement applies to every call made without MFA.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_ec2_require-mfa.html
  if (base === 'Bool' && ifExists && !setOperator && /^aws:MultiFactorAuthPresent$/i.test(trace.key)) {
    if (trace.policyValues.length === 1 && trace.policyValues[0]!.toLowerCase() === 'false') return MFA_PHRASE
  }
  if (base === 'Null') {
    const wantsAbsent = trace.policyValues.some((v) => v.toLowerCase() === 'true')
    return `if ${trace.key} ${wantsAbsent ? 'is absent' : 'is present'}`
  }
  const values = valueList(trace.policyValues)
  const negated = NEGATED_AS_POSITIVE[base]
  if (negated) {
    // "unless" negates the quantifier too: ForAllValues:StringNotLike holds when no value
    // matches, so it fails as soon as any one does; ForAnyValue:StringNotLike fails only when
    // every value matches. Several policy values of a negated operator act as NOR.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
    const negatedSubject =
      setOperator === 'ForAllValues' ? `any value of ${trace.key}` : setOperator === 'ForAnyValue' ? `every value of ${trace.key}` : trace.key
    return `unless ${negatedSubject} ${negated} ${values}`
  }
  const positive = POSITIVE[base]
  if (positive) return `if ${subject} ${positive} ${values}${ifExists ? ' (or is absent)' : ''}`
  return `if ${trace.operator} ${trace.key} ${values} holds`
}

function valueList(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`)
  if (quoted.length === 1) return quoted[0]!
  return `one of ${quoted.join(', ')}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function unique(items: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const item of items) {
    const lower = item.toLowerCase()
    if (!seen.has(lower)) {
      seen.add(lower)
      out.push(item)
    }
  }
  return out
}
