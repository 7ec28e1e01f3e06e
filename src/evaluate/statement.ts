import type { PrincipalInfo, RequestContext, ResourceTypeHint, SourcedPolicy, Statement, Tri } from '../model/index.js'
import { evaluateConditionBlock, type BlockResult, type ConditionEnv } from './condition/index.js'
import { matchAction } from './match/action.js'
import type { ActionCandidate } from './policy-index.js'
import { matchPrincipal, type PrincipalStrength } from './match/principal.js'
import { matchResource } from './match/resource.js'
import { triAnd } from './tri.js'

/** Everything needed to match statements of one policy against one resource of the request. */
export interface MatchInput {
  readonly principal: PrincipalInfo
  readonly action: string
  /** null: the resource is unknown. */
  readonly resource: string | null
  readonly resourceTypes: readonly ResourceTypeHint[]
  readonly context: RequestContext
}

/**
 * A statement that applies or may apply, as the decision needs it. What matched and why is
 * worked out only when someone reads the findings (explainHit, in explain.ts).
 */
export interface Hit {
  readonly policy: SourcedPolicy
  readonly candidate: ActionCandidate
  readonly applies: Exclude<Tri, false>
}

/** A statement that applies (true) or may apply ('unknown'), with what matched. */
export interface StatementHit {
  readonly policy: SourcedPolicy
  readonly statement: Statement
  readonly applies: Exclude<Tri, false>
  readonly strength: PrincipalStrength | null
  readonly matchedAction: string
  readonly matchedResource: string
  readonly matchedPrincipal: string | null
  readonly conditions: BlockResult
  readonly unknownKeys: readonly string[]
  readonly resourceTypes: readonly string[]
}

/**
 * The reference matcher, which also says what matched: action first (cheapest; explainHit
 * passes it already matched), then principal, resource and conditions. The engine decides
 * with the compiled form (compiled.ts), which must agree with this on `applies`; this one
 * runs again only for the statements a verdict reports. Returns null when it
 * certainly does not apply.
 */
export function matchStatement(
  policy: SourcedPolicy,
  statement: Statement,
  input: MatchInput,
  env: ConditionEnv,
  matchedAction?: string,
): StatementHit | null {
  let actionPattern = matchedAction
  if (actionPattern === undefined) {
    const action = matchAction(statement, input.action)
    if (!action.matched) return null
    actionPattern = action.pattern
  }
  const principal = matchPrincipal(statement, input.principal)
  if (principal.result === false) return null
  const resource = matchResource(statement, input.resource, input.resourceTypes, env)
  if (resource.result === false) return null
  const conditions = evaluateConditionBlock(statement.conditions, env)
  if (conditions.result === false) return null
  const applies = triAnd(triAnd(principal.result, resource.result), conditions.result)
  if (applies === false) return null
  const unknownKeys = [...new Set([...principal.unknownKeys, ...resource.unknownKeys, ...conditions.unknownKeys])]
  return {
    policy,
    statement,
    applies,
    strength: principal.strength,
    matchedAction: actionPattern,
    matchedResource: resource.pattern,
    matchedPrincipal: principal.entry,
    conditions,
    unknownKeys,
    resourceTypes: resource.resourceTypes,
  }
}
