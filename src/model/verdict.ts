import type { Branch, MessageEvidence } from './branches.js'
import type { CollectionGap, PolicyType } from './policy-set.js'

export const DECISIONS = ['Allowed', 'ExplicitDeny', 'ImplicitDeny', 'Undetermined'] as const
export type Decision = (typeof DECISIONS)[number]
/** How severe each decision is: the most severe answer wins, and summaries list it first. */
export const DECISION_SEVERITY: Readonly<Record<Decision, number>> = { ExplicitDeny: 3, ImplicitDeny: 2, Undetermined: 1, Allowed: 0 }

/** Three-valued truth: conditions on unknown keys are neither true nor false. */
export type Tri = true | false | 'unknown'

/** How one condition clause evaluated, with the values side by side. */
export interface ConditionTrace {
  readonly operator: string
  readonly key: string
  readonly policyValues: readonly string[]
  /** The request's values; null when absent, 'unknown' when the request does not say. */
  readonly requestValues: readonly string[] | null | 'unknown'
  readonly result: Tri
  /** One sentence: "aws:MultiFactorAuthPresent is absent, so BoolIfExists is true". */
  readonly why: string
}

/** A statement that applies (or may apply) to the request, with what matched and why. */
export interface StatementFinding {
  readonly policyType: PolicyType
  readonly policyName: string | null
  readonly policyArn: string | null
  readonly attachedTo: string | null
  readonly statementIndex: number
  readonly sid: string | null
  /** True when the statement certainly applies; false when it hangs on unknown keys or resource. */
  readonly certain: boolean
  readonly unknownKeys: readonly string[]
  readonly explanation: string
  readonly effect: 'Allow' | 'Deny'
  /** Where the policy came from, for people. */
  readonly origin: string | null
  /** The pattern of Action/NotAction that matched (or "NotAction does not list it"). */
  readonly matchedAction: string
  readonly matchedResource: string
  readonly matchedPrincipal: string | null
  readonly conditions: readonly ConditionTrace[]
  /** For an unknown resource: the resource types this statement could hit. */
  readonly resourceTypes: readonly string[]
  /** The resource ARN this finding is about (null for an unknown resource). */
  readonly resource: string | null
  /** The statement as written, for the report. */
  readonly statement: Readonly<Record<string, unknown>>
}

/** A layer that needed an Allow and had none. */
export interface MissingAllow {
  readonly policyType: PolicyType
  readonly level: string | null
  readonly explanation: string
}

/**
 * A context value assumed because every direct SDK, CLI or console call by this principal
 * carries it (cli-contract.md, "a direct call is not unknown"); `--context` or `--unknown`
 * overrides it.
 */
export interface Assumption {
  readonly key: string
  readonly value: string | readonly string[]
  readonly why: string
}

/** The verdict as the contract's JSON output; extra fields are allowed by the contract. */
export interface Verdict {
  readonly decision: Decision
  readonly request: {
    readonly principal: string
    readonly action: string
    readonly resources: readonly string[]
    readonly context: Record<string, string | string[]>
  }
  readonly denies: readonly StatementFinding[]
  readonly missingAllows: readonly MissingAllow[]
  readonly allows: readonly StatementFinding[]
  readonly incomplete: readonly CollectionGap[]
  /**
   * Context values assumed for a direct call, so a script sees what the verdict rests on. The
   * engine always sets it (empty for `evaluate`); optional only for verdicts built by hand.
   */
  readonly assumptions?: readonly Assumption[]
  readonly suggestions: readonly string[]
  /** Doubtful policy constructs and unknown actions/keys, for the report. */
  readonly warnings: readonly string[]
  /** Undetermined only: per unknown key, the decision for each value that matters (an extra field). */
  readonly branches?: readonly Branch[]
  /** `explain` only: what AWS's message adds to the verdict (an extra field). */
  readonly messageEvidence?: MessageEvidence
}
