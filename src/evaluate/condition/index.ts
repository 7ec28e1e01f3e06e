/**
 * Condition evaluation, three-valued: a clause is true, false, or 'unknown' when it reads a key
 * the request context does not know ("Unknown is not absent", cli-contract.md).
 *
 * Block logic: operators and keys are ANDed, a key's values are ORed, and a negated operator's
 * values are NORed. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 *
 * Missing keys: positive operators are false, negated ones true, `…IfExists` true, Null as
 * asked. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 *
 * Set operators: ForAllValues is true when every request value satisfies the operator (and
 * when there are none); ForAnyValue when at least one does (false when there are none).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
import {
  lookupContext,
  type ConditionClause,
  type ConditionTrace,
  type PolicyVersion,
  type RequestContext,
  type Tri,
} from '../../model/index.js'
import { NEGATED_OPERATORS, operatorFamily, type OperatorFamily } from '../../model/operators.js'
import { arnFamily } from './arn.js'
import { binaryFamily } from './binary.js'
import { boolFamily } from './bool.js'
import { checkValue, type ValueCheck } from './check.js'
import { dateFamily } from './date.js'
import { not3, POSITIVE_BASE, type FamilyMatcher } from './family.js'
import { ipFamily } from './ip.js'
import { evaluateNull } from './null.js'
import { numericFamily } from './numeric.js'
import { decidePartial } from './partial.js'
import { stringFamily } from './string.js'
import { why, type Story, type Teller } from './why.js'
import { relationOf } from './words.js'

export interface ConditionEnv {
  readonly context: RequestContext
  readonly version: PolicyVersion | null
}

export interface BlockResult {
  readonly result: Tri
  /** One trace per clause; empty for a false block, whose statement nobody reports. */
  readonly traces: readonly ConditionTrace[]
  /** Keys whose being unknown leaves the block undecided; empty when the block is decided. */
  readonly unknownKeys: readonly string[]
}

export const FAMILIES: Readonly<Record<Exclude<OperatorFamily, 'null'>, FamilyMatcher<unknown>>> = {
  string: stringFamily,
  numeric: numericFamily,
  date: dateFamily,
  bool: boolFamily,
  binary: binaryFamily,
  ip: ipFamily,
  arn: arnFamily,
}

const FALSE_BLOCK: BlockResult = { result: false, traces: [], unknownKeys: [] }

/** AND across clauses: false if any clause is false (whatever the unknown ones hold), else 'unknown' if any is unknown, else true. An empty block is true. */
export function evaluateConditionBlock(clauses: readonly ConditionClause[], env: ConditionEnv): BlockResult {
  // Most condition blocks of a large policy set are false for a given request, and then
  // nobody reads why: decide first without words, and write them only for a block that holds.
  for (const clause of clauses) {
    if (evaluateClause(clause, env, false).trace.result === false) return FALSE_BLOCK
  }
  const traces: ConditionTrace[] = []
  let unknownKeys: string[] | null = null
  for (const clause of clauses) {
    const { trace, unknownKeys: keys } = evaluateClause(clause, env)
    traces.push(trace)
    if (trace.result === 'unknown') (unknownKeys ??= []).push(...keys)
  }
  if (unknownKeys) return { result: 'unknown', traces, unknownKeys: [...new Set(unknownKeys)] }
  return { result: true, traces, unknownKeys: [] }
}

/** `words: false` skips the `why` sentence (left empty), for deciding alone. */
export function evaluateClause(clause: ConditionClause, env: ConditionEnv, words = true): { trace: ConditionTrace; unknownKeys: string[] } {
  const { operator } = clause
  const found = lookupContext(env.context, clause.key)
  const familyName = operatorFamily(operator.base)
  const negated = NEGATED_OPERATORS.has(operator.base)
  const positiveBase = POSITIVE_BASE[operator.base] ?? operator.base
  const matcher = familyName && familyName !== 'null' ? FAMILIES[familyName] : null
  const teller: Teller = { clause, env, matcher, negated, relation: relationOf(positiveBase), words }

  if (found.kind === 'unknown') return done(teller, 'unknown', 'unknown', { kind: 'unknownKey' }, [clause.key])
  if (found.kind === 'partial') {
    const outcome = decidePartial(clause, found, env, words)
    const shown = outcome.result === 'unknown' ? 'unknown' : [`${found.prefix}…`]
    return { trace: trace(clause, shown, outcome.result, outcome.why), unknownKeys: outcome.result === 'unknown' ? [clause.key] : [] }
  }
  const requestValues = found.kind === 'known' ? found.values : null

  if (familyName === 'null') {
    const outcome = evaluateNull(clause, found)
    return { trace: trace(clause, requestValues, outcome.result, outcome.why), unknownKeys: [] }
  }
  if (!matcher) return done(teller, requestValues, 'unknown', { kind: 'badOperator' }, [])

  const noValues = requestValues === null || requestValues.length === 0
  if (operator.setOperator) {
    if (noValues && operator.ifExists) return done(teller, requestValues, true, { kind: 'absent', empty: requestValues !== null }, [])
    const allEmpty = requestValues !== null && requestValues.every((v) => v === '')
    // ForAllValues "also returns true if … the key values resolve to a null data set, such as
    // an empty string"; ForAnyValue returns false then (single-vs-multi-valued page above).
    if (noValues || allEmpty) {
      const result = operator.setOperator === 'ForAllValues'
      const story: Story = noValues ? { kind: 'absent', empty: requestValues !== null } : { kind: 'emptySet', values: requestValues }
      return done(teller, requestValues, result, story, [])
    }
    const checks = requestValues.map((v) => checkValue(matcher, positiveBase, v, clause.values, env))
    return setResult(teller, requestValues, checks)
  }

  if (noValues) {
    const result = operator.ifExists || negated
    return done(teller, requestValues, result, { kind: 'absent', empty: requestValues !== null }, [])
  }
  if (requestValues.length > 1) {
    // "Multivalued context keys require a condition set operator" (single-vs-multi-valued
    // page). Without one, AWS matches nothing: a bare StringEquals on aws:CalledVia with two
    // services in the chain denies where ForAnyValue:StringEquals allows
    // (https://github.com/boogy/iam-policy-validator/pull/161, observed). For a negated
    // operator AWS documents nothing and nobody has observed it, so it stays undecided rather
    // than guessed either way.
    const result: Tri = negated ? 'unknown' : false
    return done(teller, requestValues, result, { kind: 'several', values: requestValues }, negated ? [clause.key] : [])
  }
  const check = checkValue(matcher, positiveBase, requestValues[0]!, clause.values, env)
  const result = negated ? not3(check.any) : check.any
  return done(teller, requestValues, result, { kind: 'single', check }, result === 'unknown' ? unique(check.unknown) : [])
}

function setResult(teller: Teller, requestValues: readonly string[], checks: readonly ValueCheck[]) {
  const forAll = teller.clause.operator.setOperator === 'ForAllValues'
  // The value that settles it: the first to fail ForAllValues, or the first to pass ForAnyValue.
  const settling = forAll ? false : true
  let deciding = -1
  let undecided: string[] | null = null
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!
    const r = teller.negated ? not3(check.any) : check.any
    if (r === settling) {
      deciding = i
      break
    }
    if (r === 'unknown') (undecided ??= []).push(...(check.unknown ?? []))
  }
  const result: Tri = deciding >= 0 ? settling : undecided ? 'unknown' : !settling
  const keys = result === 'unknown' ? unique(undecided) : []
  return done(teller, requestValues, result, { kind: 'set', checks, deciding }, keys)
}

function unique(keys: readonly string[] | null): string[] {
  return keys ? [...new Set(keys)] : []
}

function done(
  teller: Teller,
  requestValues: readonly string[] | null | 'unknown',
  result: Tri,
  story: Story,
  unknownKeys: string[],
): { trace: ConditionTrace; unknownKeys: string[] } {
  return { trace: trace(teller.clause, requestValues, result, teller.words ? why(teller, story, result) : ''), unknownKeys }
}

/**
 * A plain object with `why` written out now. A lazy getter was tried: in an object literal it
 * costs more than the sentence itself, and on a class prototype it is lost by object spread
 * and breaks under test-library cloning. The sentence is a few concatenations.
 */
function trace(
  clause: ConditionClause,
  requestValues: readonly string[] | null | 'unknown',
  result: Tri,
  why: string,
): ConditionTrace {
  return { operator: clause.operator.name, key: clause.key, policyValues: clause.values, requestValues, result, why }
}
