/**
 * A parsed IAM policy document, normalised: single values become lists, conditions are
 * flattened to one clause per (operator, key). Produced by `src/policy`, read by the engine.
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */

export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const
export type PolicyVersion = (typeof POLICY_VERSIONS)[number]

export const EFFECTS = ['Allow', 'Deny'] as const
export type Effect = (typeof EFFECTS)[number]

/** Set-operator prefix of a condition operator (`ForAllValues:StringLike`). */
export const SET_OPERATORS = ['ForAllValues', 'ForAnyValue'] as const
export type SetOperator = (typeof SET_OPERATORS)[number]

/** A condition operator split into its parts: `ForAnyValue:StringNotLikeIfExists`. */
export interface ParsedOperator {
  /** The operator as written in the policy. */
  readonly name: string
  readonly setOperator: SetOperator | null
  /** The base operator without prefix or `IfExists`, e.g. `StringNotLike`. */
  readonly base: string
  readonly ifExists: boolean
}

/** One key under one operator: `"StringEquals": {"aws:username": ["a", "b"]}` → values a, b. */
export interface ConditionClause {
  readonly operator: ParsedOperator
  /** The key as written (matching is case-insensitive). */
  readonly key: string
  /** Policy values, normalised to strings (JSON true / 10 become "true" / "10"). */
  readonly values: readonly string[]
}

/** The Principal / NotPrincipal element. `"*"` sets `wildcard`; `{"AWS":"*"}` does too. */
export interface PrincipalBlock {
  readonly wildcard: boolean
  readonly aws: readonly string[]
  readonly service: readonly string[]
  readonly federated: readonly string[]
  readonly canonicalUser: readonly string[]
}

export interface Statement {
  /** 0-based position in the policy's Statement list (a lone object is 0). */
  readonly index: number
  readonly sid: string | null
  readonly effect: Effect
  /** Exactly one of action / notAction is set. */
  readonly action: readonly string[] | null
  readonly notAction: readonly string[] | null
  /** Exactly one of resource / notResource is set (except in trust-like documents). */
  readonly resource: readonly string[] | null
  readonly notResource: readonly string[] | null
  readonly principal: PrincipalBlock | null
  readonly notPrincipal: PrincipalBlock | null
  readonly conditions: readonly ConditionClause[]
  /** The statement as the user wrote it, for showing in reports. */
  readonly raw: Readonly<Record<string, unknown>>
}

export interface Policy {
  /** `null` when the document has no Version (variables are then literal text). */
  readonly version: PolicyVersion | null
  readonly id: string | null
  readonly statements: readonly Statement[]
  /** Doubtful but legal things found while parsing (shown in reports). */
  readonly warnings: readonly string[]
}
