/**
 * What every operator family (string, numeric, date, …) provides to the clause evaluator:
 * how to read a request value, and whether it satisfies the family's *positive* operator
 * against one policy value. Negation, several values, set operators, IfExists and missing
 * keys are handled once, in index.ts, for all families.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import type { PolicyVersion, Tri } from '../../model/index.js'
import type { ConditionEnv } from './index.js'

/** A policy value that uses a variable with no value (`missing`) or an unknown one. */
export interface VariableOutcome {
  readonly kind: 'missing' | 'unknown'
  readonly keys: readonly string[]
}

/** One request value against one policy value: matched, did not, or hangs on a variable. */
export type Outcome = boolean | VariableOutcome

/** `test` with the base operator and the policy value fixed in advance. */
export type ValueTest<R> = (request: R, env: ConditionEnv) => Outcome

export const NEVER: ValueTest<unknown> = () => false

export interface FamilyMatcher<R> {
  /** What a request value must be, for explanations: "a number", "an IP address". */
  readonly noun: string
  /** Reads a request value; null when it is not of this family's type (it then matches nothing). */
  read(requestValue: string): R | null
  /**
   * Whether the request value satisfies `base` against one policy value. `base` is always the
   * positive operator (StringNotLike arrives as StringLike). An unreadable policy value is false.
   */
  test(base: string, request: R, policyValue: string, env: ConditionEnv): Outcome
  /** Why a policy value cannot be read (null when it can), for explanations only. */
  policyProblem(policyValue: string): string | null
  /**
   * `test` for one base operator and policy value, with the value parsed (and its pattern
   * compiled) once: compiled statements keep these, because an audit tests the same policy
   * values against thousands of requests. Must answer exactly as `test` does, which stays the
   * reference (and the path explanations take).
   */
  prepare(base: string, policyValue: string, version: PolicyVersion | null): ValueTest<R>
}

/** Erases the request type so families can sit in one table. */
export function family<R>(matcher: FamilyMatcher<R>): FamilyMatcher<unknown> {
  return matcher as FamilyMatcher<unknown>
}

/** The positive operator a negated one is the NOR of. ArnEquals and ArnLike are one operator. */
export const POSITIVE_BASE: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnLike',
  ArnNotLike: 'ArnLike',
  ArnEquals: 'ArnLike',
}

export function not3(a: Tri): Tri {
  return a === 'unknown' ? a : !a
}

/** Bounded memo for parsed policy values (CIDRs, dates, base-64), which repeat endlessly in audits. */
export function memo<T>(limit = 20_000): (key: string, make: (key: string) => T) => T {
  const cache = new Map<string, T>()
  return (key, make) => {
    if (cache.has(key)) return cache.get(key) as T
    const value = make(key)
    if (cache.size >= limit) cache.clear()
    cache.set(key, value)
    return value
  }
}

function compareInOrder(comparison: string, request: number, policy: number): boolean {
  switch (comparison) {
    case 'Equals':
      return request === policy
    case 'LessThan':
      return request < policy
    case 'LessThanEquals':
      return request <= policy
    case 'GreaterThan':
      return request > policy
    case 'GreaterThanEquals':
      return request >= policy
    default:
      return false
  }
}

/**
 * A family whose values are read as numbers and compared by order (Numeric…, Date…): what
 * follows the prefix in the operator's name says which comparison (`DateLessThanEquals`).
 */
export function orderedFamily(prefix: 'Numeric' | 'Date', noun: string, parse: (text: string) => number | null): FamilyMatcher<unknown> {
  const comparisonOf = (base: string) => (base.startsWith(prefix) ? base.slice(prefix.length) : '')
  return family<number>({
    noun,
    read: parse,
    test(base, request, policyValue) {
      const policy = parse(policyValue)
      return policy !== null && compareInOrder(comparisonOf(base), request, policy)
    },
    policyProblem: (policyValue) => (parse(policyValue) === null ? `${policyValue} is not ${noun}` : null),
    prepare(base, policyValue): ValueTest<number> {
      const policy = parse(policyValue)
      const comparison = comparisonOf(base)
      return policy === null ? NEVER : (request) => compareInOrder(comparison, request, policy)
    },
  })
}
