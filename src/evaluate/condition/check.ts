/**
 * One request value against every policy value of a clause. Several policy values are an OR
 * (a negated operator turns it into a NOR in index.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 */
import type { Tri } from '../../model/index.js'
import type { FamilyMatcher } from './family.js'
import type { ConditionEnv } from './index.js'

export interface ValueCheck {
  readonly value: string
  /** False when the value is not of the family's type (not a number, not an ARN…): it matches nothing. */
  readonly readable: boolean
  /** Index of the first policy value it satisfies, or -1. */
  readonly hit: number
  /** Whether it satisfies the positive operator against any policy value. */
  readonly any: Tri
  /** Variables without a value met on the way (their policy values matched nothing). */
  readonly missing: readonly string[] | null
  /** Unknown variables that left `any` undecided (null when `any` is decided). */
  readonly unknown: readonly string[] | null
}

export function checkValue(
  matcher: FamilyMatcher<unknown>,
  base: string,
  value: string,
  policyValues: readonly string[],
  env: ConditionEnv,
): ValueCheck {
  const read = matcher.read(value)
  if (read === null) return { value, readable: false, hit: -1, any: false, missing: null, unknown: null }
  let missing: string[] | null = null
  let unknown: string[] | null = null
  for (let i = 0; i < policyValues.length; i++) {
    const outcome = matcher.test(base, read, policyValues[i]!, env)
    if (outcome === true) return { value, readable: true, hit: i, any: true, missing, unknown: null }
    if (outcome === false) continue
    if (outcome.kind === 'missing') (missing ??= []).push(...outcome.keys)
    else (unknown ??= []).push(...outcome.keys)
  }
  return { value, readable: true, hit: -1, any: unknown ? 'unknown' : false, missing, unknown }
}
