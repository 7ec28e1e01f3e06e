/**
 * Condition clauses compiled once per statement, for deciding alone: the key lower-cased, the
 * operator split into family, negation and set operator, each policy value parsed (numbers,
 * dates, CIDRs, ARN segments, wildcard patterns) by its family's `prepare`.
 *
 * decideClauses gives exactly the `result` that evaluateConditionBlock gives (index.ts stays
 * the reference, and writes the traces when someone reads why); it allocates nothing on the
 * way, because most condition blocks of a large policy set are false for a given request.
 */
import { canonicalKey, lookupValues, type ConditionClause, type PolicyVersion, type SetOperator, type Tri } from '../../model/index.js'
import { NEGATED_OPERATORS, operatorFamily } from '../../model/operators.js'
import { not3, POSITIVE_BASE, type ValueTest } from './family.js'
import { FAMILIES, type ConditionEnv } from './index.js'
import { decidePartial } from './partial.js'

export interface CompiledClause {
  readonly lowerKey: string
  /** 'null': the Null operator; 'bad': an operator IAM does not know (always undecided). */
  readonly kind: 'family' | 'null' | 'bad'
  readonly setOperator: SetOperator | null
  readonly ifExists: boolean
  readonly negated: boolean
  /** Null only: its result when the key has values, and when it has none. */
  readonly nullWhenPresent: boolean
  readonly nullWhenAbsent: boolean
  readonly read: (requestValue: string) => unknown
  readonly tests: readonly ValueTest<unknown>[]
  /** The clause as written, for a key whose value is partly known (rare, so decided the slow way). */
  readonly clause: ConditionClause
}

const unreadable = (): null => null
const NO_VALUES: readonly string[] = []

export function compileClause(clause: ConditionClause, version: PolicyVersion | null): CompiledClause {
  const { operator } = clause
  const familyName = operatorFamily(operator.base)
  const positiveBase = POSITIVE_BASE[operator.base] ?? operator.base
  const matcher = familyName && familyName !== 'null' ? FAMILIES[familyName] : null
  // Only Null reads its values as true / false; other operators' values are prepared by their family.
  const lowered = familyName === 'null' ? clause.values.map((v) => v.toLowerCase()) : NO_VALUES
  return {
    lowerKey: canonicalKey(clause.key.toLowerCase()),
    kind: familyName === 'null' ? 'null' : matcher ? 'family' : 'bad',
    setOperator: operator.setOperator,
    ifExists: operator.ifExists,
    negated: NEGATED_OPERATORS.has(operator.base),
    nullWhenPresent: lowered.includes('false'),
    nullWhenAbsent: lowered.includes('true'),
    read: matcher ? (value) => matcher.read(value) : unreadable,
    tests: matcher ? clause.values.map((value) => matcher.prepare(positiveBase, value, version)) : [],
    clause,
  }
}

/** AND across clauses, as evaluateConditionBlock decides it. */
export function decideClauses(clauses: readonly CompiledClause[], env: ConditionEnv): Tri {
  let result: Tri = true
  for (let i = 0; i < clauses.length; i++) {
    const r = decideClause(clauses[i]!, env)
    if (r === false) return false
    if (r === 'unknown') result = 'unknown'
  }
  return result
}

/** evaluateClause's result, step for step (see index.ts for the AWS rules behind each). */
function decideClause(c: CompiledClause, env: ConditionEnv): Tri {
  const values = lookupValues(env.context, c.lowerKey)
  if (values === undefined) {
    const partial = env.context.partial?.get(c.lowerKey)
    return partial ? decidePartial(c.clause, partial, env, false).result : 'unknown'
  }
  if (c.kind === 'null') return values !== null && values.length > 0 ? c.nullWhenPresent : c.nullWhenAbsent
  if (c.kind === 'bad') return 'unknown'

  const noValues = values === null || values.length === 0
  if (c.setOperator) {
    if (noValues && c.ifExists) return true
    const forAll = c.setOperator === 'ForAllValues'
    if (noValues || values.every((v) => v === '')) return forAll
    // The value that settles it: the first to fail ForAllValues, or the first to pass ForAnyValue.
    const settling = !forAll
    let undecided = false
    for (let i = 0; i < values.length; i++) {
      const any = satisfiesAny(c, values[i]!, env)
      const r = c.negated ? not3(any) : any
      if (r === settling) return settling
      if (r === 'unknown') undecided = true
    }
    return undecided ? 'unknown' : !settling
  }
  if (noValues) return c.ifExists || c.negated
  // Several values without a set operator (index.ts says why).
  if (values.length > 1) return c.negated ? 'unknown' : false
  const any = satisfiesAny(c, values[0]!, env)
  return c.negated ? not3(any) : any
}

/** checkValue's `any`: whether one request value satisfies the positive operator against some policy value. */
function satisfiesAny(c: CompiledClause, value: string, env: ConditionEnv): Tri {
  const read = c.read(value)
  if (read === null) return false
  let unknown = false
  const tests = c.tests
  for (let i = 0; i < tests.length; i++) {
    const outcome = tests[i]!(read, env)
    if (outcome === true) return true
    if (outcome !== false && outcome.kind === 'unknown') unknown = true
  }
  return unknown ? 'unknown' : false
}
