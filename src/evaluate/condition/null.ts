/**
 * Null: `"true"` asks that the key be absent, `"false"` that it be present. No variables, and
 * no IfExists form. A known key with an empty list of values counts as absent; a set-operator
 * prefix changes nothing. An unknown key is handled before this (the clause is unknown).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
 */
import type { ConditionClause, ContextValue } from '../../model/index.js'
import { listOf } from './words.js'

export interface NullOutcome {
  readonly result: boolean
  readonly why: string
}

export function evaluateNull(clause: ConditionClause, found: Exclude<ContextValue, { kind: 'unknown' }>): NullOutcome {
  const present = found.kind === 'known' && found.values.length > 0
  const wanted = present ? 'false' : 'true'
  const result = clause.values.some((v) => v.toLowerCase() === wanted)
  const state = present
    ? `${clause.key} is present in the request (${listOf(found.kind === 'known' ? found.values : [])})`
    : `${clause.key} ${found.kind === 'known' ? 'has no value in' : 'is absent from'} the request`
  const bad = clause.values.find((v) => v.toLowerCase() !== 'true' && v.toLowerCase() !== 'false')
  const asked = result
    ? `which is what Null: "${wanted}" asks for`
    : `which is not what Null: ${listOf(clause.values.map((v) => `"${v}"`))} asks for`
  const note = bad === undefined ? '' : ` (Null takes "true" or "false", not "${bad}")`
  return { result, why: `${state}, ${asked}, so ${clause.operator.name} is ${result}${note}` }
}
