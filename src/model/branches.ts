import type { Decision, StatementFinding } from './verdict.js'
import type { PolicyType } from './policy-set.js'
import type { BranchCase, EvidenceDetail } from './branch-case.js'

/**
 * "Honest branches" (cli-contract.md, "Unknown is not absent"): for an Undetermined verdict, what
 * the answer is for each value of an unknown key that matters — the values the policies name
 * for it, absent, and any other value — worked out by evaluating again with the key set to each.
 */
export interface BranchOutcome {
  readonly decision: Decision
  /** Values named in the policies that lead to this decision. */
  readonly values: readonly string[]
  /** Wildcard patterns named in the policies: any value matching one (other than the named values) leads here. */
  readonly matching: readonly string[]
  /** The key absent from the request leads here. */
  readonly absent: boolean
  /** Any value matching none of the named values and patterns leads here. */
  readonly other: boolean
  /** For an Undetermined outcome: the other keys it still depends on. */
  readonly dependsOn: readonly string[]
}

/** One unknown key and what each of its values that matters leads to. */
export interface Branch {
  readonly key: string
  /** Empty when the values that matter are too many or not countable (`summary` says why). */
  readonly outcomes: readonly BranchOutcome[]
  /** One line for people: "DENIED if aws:MultiFactorAuthPresent is false or absent, ALLOWED if true". */
  readonly summary: string
  /** What kind of line this is, for the reports (non-enumerable, not in JSON: branch-case.ts). */
  readonly case?: BranchCase
}

/** A statement the message evidence is about. */
export type EvidenceStatement = Pick<StatementFinding, 'policyType' | 'policyName' | 'policyArn' | 'attachedTo' | 'statementIndex' | 'sid' | 'effect' | 'origin'>

/**
 * What AWS's own AccessDenied message adds to the verdict (`explain`): the message says which
 * kind of policy denied, so worlds in which no such policy could have denied are ruled out.
 *
 * - `settled`: one statement was left that could have done what the message says; it decided.
 * - `narrowed`: several are left; the decision stays open between them.
 * - `disagrees`: none of the policies read can have done what the message says.
 */
export interface MessageEvidence {
  readonly outcome: 'settled' | 'narrowed' | 'disagrees'
  /** What the message said: "an explicit deny in an identity-based policy (arn:…)". */
  readonly says: string
  readonly denyKind: 'explicit' | 'implicit'
  readonly policyType: PolicyType | null
  readonly policyArn: string | null
  /** The statements the message leaves (Deny statements; for an implicit deny, the Allows that did not grant). */
  readonly candidates: readonly EvidenceStatement[]
  /** What follows for the unknown keys: "the call was made without MFA (aws:MultiFactorAuthPresent false or absent)". */
  readonly implies: readonly string[]
  /** One or two sentences for people. */
  readonly summary: string
  /** What the evidence was worked out from, for the reports (non-enumerable, not in JSON: branch-case.ts). */
  readonly detail?: EvidenceDetail
}

/** "a, b or c": the items joined by `comma`, the last by `word` (each language's branch lines use it). */
export function joinList(items: readonly string[], comma: string, word: string): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(comma)} ${word} ${items[items.length - 1]}`
}
