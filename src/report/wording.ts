/**
 * The words the text and markdown reports share: how a decision, a policy, a statement and a
 * missing Allow are named for people. Everything here reads the Verdict only.
 */
import { say } from '../i18n/index.js'
import type { ConditionTrace, Decision, MissingAllow, PolicyType, StatementFinding, Verdict } from '../model/index.js'
import { AWS_OWNED_LEVEL } from '../evaluate/aws-owned.js'

/** The loud part of the first line (in the language being spoken). */
export const DECISION_HEADLINE: Readonly<Record<Decision, string>> = {
  get Allowed() { return say()['report.headline'].Allowed },
  get ExplicitDeny() { return say()['report.headline'].ExplicitDeny },
  get ImplicitDeny() { return say()['report.headline'].ImplicitDeny },
  get Undetermined() { return say()['report.headline'].Undetermined },
}

/**
 * The headline for this verdict. An Undetermined verdict that no statement leaves open is
 * open because sources could not be read, and says so rather than blaming the request.
 */
export function decisionHeadline(verdict: Verdict): string {
  if (verdict.decision === 'Undetermined' && verdict.incomplete.length > 0) {
    const hangsOnRequest = [...verdict.denies, ...verdict.allows].some((f) => !f.certain)
    if (!hangsOnRequest) return say()['report.headlineUnread']
  }
  return DECISION_HEADLINE[verdict.decision]
}

/** The same, for a markdown heading. */
export const DECISION_TITLE: Readonly<Record<Decision, string>> = {
  get Allowed() { return say()['report.title'].Allowed },
  get ExplicitDeny() { return say()['report.title'].ExplicitDeny },
  get ImplicitDeny() { return say()['report.title'].ImplicitDeny },
  get Undetermined() { return say()['report.title'].Undetermined },
}

/** The policy types in reports. */
export const POLICY_TYPE_WORDS: Readonly<Record<PolicyType, string>> = {
  get identity() { return say()['report.policyType'].identity },
  get boundary() { return say()['report.policyType'].boundary },
  get scp() { return say()['report.policyType'].scp },
  get rcp() { return say()['report.policyType'].rcp },
  get resource() { return say()['report.policyType'].resource },
  get vpce() { return say()['report.policyType'].vpce },
  get session() { return say()['report.policyType'].session },
}

/** `SCP "DenyRunInstances" attached to ou-abcd-11111111`, or the source's own origin sentence. */
export function policyTitle(finding: Pick<StatementFinding, 'origin' | 'policyName' | 'policyArn' | 'policyType' | 'attachedTo'>): string {
  if (finding.origin) return say()['report.origin'](splitOrigin(finding.origin).name)
  const name = finding.policyName ? `"${finding.policyName}"` : finding.policyArn
  return say()['report.policyTitle'](POLICY_TYPE_WORDS[finding.policyType], name, finding.attachedTo)
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
export function statementLabel(finding: Pick<StatementFinding, 'statementIndex' | 'sid'>): string {
  return say()['report.statement'](finding.statementIndex + 1, finding.sid)
}

/** `SCPs at ou-abcd-11111111`: the layer that had no Allow. */
export function missingAllowLabel(missing: MissingAllow): string {
  // Not a policy that lacks an Allow but AWS's own refusal: it is named as such ("AWS-owned resource: …").
  if (missing.level === AWS_OWNED_LEVEL) return say()['report.awsOwned'].label
  const what = say()['report.missingLayer'][missing.policyType]
  return missing.level ? say()['report.missingAt'](what, missing.level) : what
}

/** `ec2:RunInstances by arn:…` */
export function requestSummary(verdict: Verdict): string {
  return say()['report.requestSummary'](verdict.request.action, verdict.request.principal)
}

export function formatContextValue(value: string | readonly string[]): string {
  return typeof value === 'string' ? value : `[${value.join(', ')}]`
}

export function formatRequestValues(values: ConditionTrace['requestValues']): string {
  const words = say()['report.values']
  if (values === 'unknown') return words.unknown!
  if (values === null) return words.absent!
  if (values.length === 0) return words.empty!
  return values.join(', ')
}

export function formatResult(result: ConditionTrace['result']): string {
  return result === 'unknown' ? say()['report.values'].resultUnknown! : String(result)
}

/**
 * What an uncertain statement hangs on, as one sentence:
 * "denies unless aws:PrincipalArn matches "arn:aws:iam::*:role/CloudOps" — the request context
 * does not say what aws:PrincipalArn was."
 */
export function hangsOnSentence(finding: StatementFinding): string {
  const m = say()
  const verb = m['report.cond.verb'][finding.effect]
  const unknownTraces = finding.conditions.filter((c) => c.result === 'unknown')
  const clauses = unknownTraces.map((trace) => m['report.cond.clause'](verb, conditionPhrase(trace)))
  const keys = unique([...unknownTraces.map((t) => t.key), ...finding.unknownKeys])
  const pieces: string[] = []
  if (clauses.length > 0) {
    const onlyMfa = unknownTraces.length === 1 && conditionPhrase(unknownTraces[0]!) === m['report.cond.mfa']
    const unsaid = onlyMfa ? m['report.unsaid.whetherItWas'] : whatKeysWere(keys)
    pieces.push(m['report.hang.sentence'](clauses, unsaid))
  } else if (keys.length > 0) {
    pieces.push(m['report.hang.keys'](keys, whatKeysWere(keys)))
  }
  if (finding.resource === null && finding.resourceTypes.length > 0) {
    pieces.push(m['report.noResourceCovers'](finding.resourceTypes.join(', ')))
  }
  if (pieces.length === 0) pieces.push(m['report.hang.maybe'](m['report.explanation'](finding)))
  return pieces.join(' ')
}

function whatKeysWere(keys: readonly string[]): string {
  const m = say()
  if (keys.length === 0) return m['report.unsaid.carried']
  if (keys.length === 1 && /^aws:MultiFactorAuthPresent$/i.test(keys[0]!)) return m['report.unsaid.mfa']
  return m['report.unsaid.keys'](keys)
}

// Negated operators read best as "unless" + their positive form: a Deny with
// ArnNotLike aws:PrincipalArn X "denies unless aws:PrincipalArn matches X". The values are
// keys of the catalogue's 'report.cond.predicate' table.
const NEGATED_AS_POSITIVE: Readonly<Record<string, string>> = {
  StringNotEquals: 'is',
  StringNotEqualsIgnoreCase: 'isIgnoringCase',
  StringNotLike: 'matches',
  NumericNotEquals: 'is',
  DateNotEquals: 'is',
  NotIpAddress: 'isIn',
  ArnNotEquals: 'is',
  ArnNotLike: 'matches',
}

const POSITIVE: Readonly<Record<string, string>> = {
  StringEquals: 'is',
  StringEqualsIgnoreCase: 'isIgnoringCase',
  StringLike: 'matches',
  NumericEquals: 'is',
  NumericLessThan: 'lessThan',
  NumericLessThanEquals: 'atMost',
  NumericGreaterThan: 'greaterThan',
  NumericGreaterThanEquals: 'atLeast',
  DateEquals: 'is',
  DateLessThan: 'before',
  DateLessThanEquals: 'atOrBefore',
  DateGreaterThan: 'after',
  DateGreaterThanEquals: 'atOrAfter',
  Bool: 'is',
  BinaryEquals: 'is',
  IpAddress: 'isIn',
  ArnEquals: 'is',
  ArnLike: 'matches',
}

/** "unless aws:PrincipalArn matches "x"", "if aws:MultiFactorAuthPresent is "false" (or is absent)". */
export function conditionPhrase(trace: ConditionTrace): string {
  const m = say()
  const match = /^(?:(ForAllValues|ForAnyValue):)?(.*?)(IfExists)?$/.exec(trace.operator)
  const setOperator = match?.[1] ?? null
  const base = match?.[2] ?? trace.operator
  const ifExists = Boolean(match?.[3])
  const subject =
    setOperator === 'ForAnyValue' ? m['report.cond.anyValue'](trace.key) : setOperator === 'ForAllValues' ? m['report.cond.everyValue'](trace.key) : trace.key
  // BoolIfExists false on MFA is the classic "force MFA" statement: absent and false both
  // match, so the statement applies to every call made without MFA.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_ec2_require-mfa.html
  if (base === 'Bool' && ifExists && !setOperator && /^aws:MultiFactorAuthPresent$/i.test(trace.key)) {
    if (trace.policyValues.length === 1 && trace.policyValues[0]!.toLowerCase() === 'false') return m['report.cond.mfa']
  }
  if (base === 'Null') return m['report.cond.absent'](trace.key, trace.policyValues.some((v) => v.toLowerCase() === 'true'))
  const values = m['report.cond.oneOf'](trace.policyValues.map((v) => `"${v}"`))
  const negated = NEGATED_AS_POSITIVE[base]
  if (negated) {
    // "unless" negates the quantifier too: ForAllValues:StringNotLike holds when no value
    // matches, so it fails as soon as any one does; ForAnyValue:StringNotLike fails only when
    // every value matches. Several policy values of a negated operator act as NOR.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
    const negatedSubject =
      setOperator === 'ForAllValues' ? m['report.cond.anyValue'](trace.key) : setOperator === 'ForAnyValue' ? m['report.cond.everyValue'](trace.key) : trace.key
    return m['report.cond.unless'](negatedSubject, m['report.cond.predicate'][negated]!, values)
  }
  const positive = POSITIVE[base]
  if (positive) return m['report.cond.if'](subject, m['report.cond.predicate'][positive]!, values, ifExists)
  return m['report.cond.holds'](trace.operator, trace.key, values)
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
