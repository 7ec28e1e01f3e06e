/**
 * Conditions on a partly known value (model/context.ts, PartialValue): a single value that is
 * certainly present and starts with a known prefix, the rest unknown. A condition is decided
 * when it comes out the same for every possible rest: the `aws:userid` of any session of a
 * role whose ID is AROAXYZ is `AROAXYZ:` plus a session name, so `StringLike
 * "AROAEXAMPLEID:*"` is false for all of them and `StringLike "AROAXYZ:*"` true for all.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable
 *
 * The rest is never empty (a session name has 2 to 64 characters; an unknown value of a
 * present key is at least one character), which the Like rule below relies on.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (RoleSessionName)
 */
import type { ConditionClause, PartialValue, Tri } from '../../model/index.js'
import { NEGATED_OPERATORS, operatorFamily } from '../../model/operators.js'
import { hasVariables } from '../variables.js'
import { not3, POSITIVE_BASE } from './family.js'
import type { ConditionEnv } from './index.js'
import { listOf } from './words.js'

/** How the completions of a prefix fare against one policy value. */
type Reach = 'all' | 'none' | 'some'

export interface PartialOutcome {
  readonly result: Tri
  /** One sentence, written only when asked for. */
  readonly why: string
}

/** Glob positions reachable after reading `text`, `*` matching any run and `?` one character. */
function likeStates(pattern: string, text: string): Set<number> {
  const close = (states: Set<number>) => {
    for (const start of [...states]) for (let p = start; p < pattern.length && pattern[p] === '*'; p++) states.add(p + 1)
    return states
  }
  let states = close(new Set([0]))
  for (const c of text) {
    const next = new Set<number>()
    for (const p of states) {
      if (p >= pattern.length) continue
      const want = pattern[p]
      if (want === '*') next.add(p)
      else if (want === '?' || want === c) next.add(p + 1)
    }
    states = close(next)
    if (states.size === 0) break
  }
  return states
}

function likeReach(pattern: string, prefix: string): Reach {
  const states = [...likeStates(pattern, prefix)].filter((p) => p < pattern.length)
  // Nothing left to match a non-empty rest: no completion matches.
  if (states.length === 0) return 'none'
  // Only stars left: every non-empty rest matches.
  if (states.some((p) => /^\*+$/.test(pattern.slice(p)))) return 'all'
  return 'some'
}

function reachOf(base: string, prefix: string, policyValue: string, env: ConditionEnv): Reach {
  // A value with policy variables depends on the request: not worked out here.
  if (env.version === '2012-10-17' && hasVariables(policyValue)) return 'some'
  switch (base) {
    case 'StringEquals':
      return policyValue.startsWith(prefix) && policyValue.length > prefix.length ? 'some' : 'none'
    case 'StringEqualsIgnoreCase':
      return policyValue.toLowerCase().startsWith(prefix.toLowerCase()) && policyValue.length > prefix.length ? 'some' : 'none'
    case 'StringLike':
      return likeReach(policyValue, prefix)
    default:
      return 'some'
  }
}

/** Whether the positive operator holds for every completion (true), none (false), or depends. */
function positive(base: string, value: PartialValue, policyValues: readonly string[], env: ConditionEnv): Tri {
  let allNone = true
  for (const policyValue of policyValues) {
    const reach = reachOf(base, value.prefix, policyValue, env)
    if (reach === 'all') return true
    if (reach === 'some') allNone = false
  }
  return allNone ? false : 'unknown'
}

/**
 * The clause's result on a partly known value. The value is single and present, so IfExists
 * changes nothing and ForAnyValue / ForAllValues read it as their one value.
 */
export function decidePartial(clause: ConditionClause, value: PartialValue, env: ConditionEnv, words: boolean): PartialOutcome {
  const { operator } = clause
  const shown = `${clause.key} (${value.prefix ? `"${value.prefix}" followed by` : 'present, with'} a value nobody gave)`
  if (operator.base === 'Null') {
    const result = clause.values.some((v) => v.toLowerCase() === 'false')
    return { result, why: words ? `${clause.key} is present in every request of a ${value.completions}, so ${operator.name} is ${result}` : '' }
  }
  const family = operatorFamily(operator.base)
  const base = POSITIVE_BASE[operator.base] ?? operator.base
  const decidable = family === 'string' && value.prefix !== ''
  const any = decidable ? positive(base, value, clause.values, env) : 'unknown'
  const result = NEGATED_OPERATORS.has(operator.base) ? not3(any) : any
  if (!words) return { result, why: '' }
  const values = listOf(clause.values)
  const verb = base === 'StringLike' ? 'matching' : 'equal to'
  if (any === 'unknown') return { result, why: `${shown} may or may not be ${verb} ${values}, so ${operator.name} is neither true nor false until it is known` }
  const what = any ? `every ${value.completions} has ${clause.key} ${verb} ${values}` : `no ${value.completions} can have ${clause.key} ${verb} ${values}`
  return { result, why: `${what} (it is "${value.prefix}" followed by ${value.rest ?? 'the rest'}), so ${operator.name} is ${result}` }
}
