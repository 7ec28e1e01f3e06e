/**
 * The one-sentence `why` of a condition trace, for a tired engineer in an outage:
 * "aws:PrincipalArn is arn:aws:iam::111111111111:role/TestReadOnly, which matches none of
 * arn:aws:iam::*:role/CloudOps, so ArnNotLike is true". Built only when someone reads it.
 */
import { lookupContext, type ConditionClause, type Tri } from '../../model/index.js'
import type { ValueCheck } from './check.js'
import type { FamilyMatcher } from './family.js'
import type { ConditionEnv } from './index.js'
import { isIpv4Mapped, parseAddress } from './ip.js'
import { keysSubject, listOf, show, type Relation } from './words.js'

/** What happened, as recorded by the evaluator; why() turns it into words. */
export type Story =
  | { readonly kind: 'unknownKey' }
  | { readonly kind: 'badOperator' }
  | { readonly kind: 'absent'; readonly empty: boolean }
  | { readonly kind: 'several'; readonly values: readonly string[] }
  | { readonly kind: 'single'; readonly check: ValueCheck }
  | { readonly kind: 'set'; readonly checks: readonly ValueCheck[]; readonly deciding: number }
  | { readonly kind: 'emptySet'; readonly values: readonly string[] }

export interface Teller {
  readonly clause: ConditionClause
  readonly env: ConditionEnv
  readonly matcher: FamilyMatcher<unknown> | null
  readonly negated: boolean
  readonly relation: Relation
  /** False when only the result matters: no sentence is written. */
  readonly words: boolean
}

const EITHER_WAY = 'so this condition could go either way'

export function why(t: Teller, story: Story, result: Tri): string {
  const { key } = t.clause
  const op = t.clause.operator.name
  const verdict = `so ${op} is ${result}`
  switch (story.kind) {
    case 'unknownKey':
      return `${key} is not known (the request context does not say), ${EITHER_WAY}`
    case 'badOperator':
      return `IAM has no condition operator called ${op}, so the policy is invalid and this condition cannot be judged`
    case 'absent':
      return `${key} ${story.empty ? 'has no value in' : 'is absent from'} the request, ${verdict}${absentReason(t, result)}`
    case 'emptySet':
      return `${key} holds only empty values in the request (${listOf(story.values)}), which count as no values at all, ${verdict}${absentReason(t, result)}`
    case 'several':
      return t.negated
        ? `${key} has several values in the request (${listOf(story.values)}), and AWS does not say how ${op} treats several values without ForAnyValue: or ForAllValues:, ${EITHER_WAY}`
        : `${key} has several values in the request (${listOf(story.values)}), and ${op} without ForAnyValue: or ForAllValues: matches no key with several values, ${verdict}`
    case 'single':
      return single(t, story.check, result)
    case 'set':
      return set(t, story.checks, story.deciding, result)
  }
}

function absentReason(t: Teller, result: Tri): string {
  const { operator } = t.clause
  if (operator.ifExists && result === true) return ''
  if (operator.setOperator === 'ForAllValues') return ' (with no values, none can fail it)'
  if (operator.setOperator === 'ForAnyValue') return ' (with no values, none can match)'
  if (t.negated) return ' (a negated operator holds when the key is missing)'
  return ''
}

/** "which matches X" or "which matches none of X", from the value's side of the operator. */
function relation(t: Teller, check: ValueCheck): string {
  const values = t.clause.values
  if (check.hit >= 0) return t.relation.hit(show(values[check.hit]!))
  if (!check.readable) {
    // What a negated operator makes of a request value it cannot read is not in AWS's documentation;
    // the value matches nothing, so the negation holds. Said, so nobody takes it for AWS's word.
    const undocumented = t.negated ? ' (AWS does not document how a negated operator treats a value it cannot read; denydoctor takes it to match nothing)' : ''
    return `is not ${t.matcher?.noun ?? 'readable'} and therefore ${t.relation.none(listOf(values), values.length)}${undocumented}`
  }
  return t.relation.none(listOf(values), values.length)
}

/** "aws:x, which is not known" / "aws:x and aws:y, which are not known". */
function unknownVariables(keys: readonly string[]): string {
  const unique = [...new Set(keys)]
  return `${unique.join(' and ')}, which ${unique.length === 1 ? 'is' : 'are'} not known`
}

function single(t: Teller, check: ValueCheck, result: Tri): string {
  const { key } = t.clause
  const op = t.clause.operator.name
  const subject = `${key} is ${show(check.value)}`
  if (result === 'unknown') {
    return `${subject}, but the policy values use ${unknownVariables(check.unknown ?? [])}, ${EITHER_WAY}`
  }
  return `${subject}, which ${relation(t, check)}, so ${op} is ${result}${notes(t, check)}`
}

function set(t: Teller, checks: readonly ValueCheck[], deciding: number, result: Tri): string {
  const { key, values } = t.clause
  const op = t.clause.operator.name
  const all = `every value of ${key} (${listOf(checks.map((c) => c.value))})`
  if (result === 'unknown') {
    const unknown = checks.flatMap((c) => c.unknown ?? [])
    return `whether the values of ${key} satisfy ${op} depends on ${unknownVariables(unknown)}, ${EITHER_WAY}`
  }
  const check = checks[deciding]
  if (check) return `${key} value ${show(check.value)} ${relation(t, check)}, so ${op} is ${result}${notes(t, check)}`
  // No single value settled it, so every value came out as the result did; under a negated
  // operator a value comes out true by matching none of the policy values.
  const matchedAll = (result === true) !== t.negated
  const phrase = matchedAll ? t.relation.some(listOf(values), values.length) : t.relation.none(listOf(values), values.length)
  return `${all} ${phrase}, so ${op} is ${result}${checks[0] ? notes(t, checks[0]) : ''}`
}

/** Side remarks that explain a non-match: variables without value, unreadable policy values, IPv4-mapped addresses. */
function notes(t: Teller, check: ValueCheck): string {
  if (check.hit >= 0) return ''
  const out: string[] = []
  if (check.missing) {
    const several = check.missing.filter((k) => {
      const found = lookupContext(t.env.context, k)
      return found.kind === 'known' && found.values.length > 1
    })
    const none = check.missing.filter((k) => !several.includes(k))
    if (none.length) out.push(`${keysSubject(none, 'has', 'have')} no value in this request, so a policy value using it matches nothing`)
    if (several.length) out.push(`${keysSubject(several, 'has', 'have')} several values, and a multivalued key cannot be a policy variable`)
  }
  const problem = t.matcher ? t.clause.values.map((v) => t.matcher!.policyProblem(v)).find((p) => p !== null) : null
  if (problem) out.push(problem)
  if (t.clause.operator.base.endsWith('IpAddress')) {
    const address = parseAddress(check.value)
    if (address && isIpv4Mapped(address)) {
      out.push(`${check.value} is an IPv4-mapped IPv6 address, which no IPv4 range contains`)
    }
  }
  return out.length ? ` (${out.join('; ')})` : ''
}
