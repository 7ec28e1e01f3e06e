import { makeContext, type ConditionClause, type ConditionTrace, type PolicyVersion } from '../../../src/model/index.js'
import { parseOperator } from '../../../src/model/operators.js'
import { evaluateClause, type ConditionEnv } from '../../../src/evaluate/condition/index.js'

export type Pairs = Record<string, string | string[]>

export interface EnvOptions {
  /** Default true: keys not given are absent. False: keys not given are unknown. */
  readonly complete?: boolean
  readonly absent?: string[]
  readonly version?: PolicyVersion | null
}

export function env(pairs: Pairs = {}, options: EnvOptions = {}): ConditionEnv {
  const context = makeContext(Object.entries(pairs), { complete: options.complete ?? true, absent: options.absent ?? [] })
  return { context, version: options.version === undefined ? '2012-10-17' : options.version }
}

export function clause(operator: string, key: string, values: string | string[]): ConditionClause {
  const parsed = parseOperator(operator)
  if (!parsed) throw new Error(`test uses an operator IAM does not know: ${operator}`)
  return { operator: parsed, key, values: typeof values === 'string' ? [values] : values }
}

/** Evaluates one clause and returns its trace. */
export function run(operator: string, key: string, values: string | string[], pairs: Pairs = {}, options: EnvOptions = {}): ConditionTrace {
  return evaluateClause(clause(operator, key, values), env(pairs, options)).trace
}

/** Just the three-valued result. */
export function result(operator: string, key: string, values: string | string[], pairs: Pairs = {}, options: EnvOptions = {}) {
  return run(operator, key, values, pairs, options).result
}
