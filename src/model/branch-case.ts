/**
 * What kind of line a branch is, and what AWS's message showed, as data for the reports: a
 * report in any language words a branch or the message evidence from these, not from the
 * English summary. They ride on the Branch and MessageEvidence objects as non-enumerable
 * properties, so that the JSON (`branches`, `messageEvidence`: the contract's output) stays as
 * it was; a verdict read back from JSON has none, and a report then shows the English summary.
 */
import type { BranchOutcome } from './branches.js'

/** Why the values of a key that matter cannot be listed exactly (evaluate/branches.ts candidatesFor). */
export type UncountableReason =
  | { readonly code: 'policyVariable' }
  | { readonly code: 'notNamedDirectly' }
  | { readonly code: 'operator'; readonly operator: string }
  | { readonly code: 'multiValued' }
  | { readonly code: 'ranges'; readonly family: string }
  | { readonly code: 'variablesInConditions' }
  | { readonly code: 'patterns'; readonly count: number }
  | { readonly code: 'values'; readonly count: number }
  | { readonly code: 'sampleClash'; readonly pattern: string }
  | { readonly code: 'matchesEverything'; readonly pattern: string }
  | { readonly code: 'firstKeysOnly'; readonly max: number }

export type BranchCase =
  /** Each value that matters and what it leads to (`outcomes`). */
  | { readonly kind: 'outcomes' }
  /** Every value was tried, and none settles the answer on its own. */
  | { readonly kind: 'noValueSettles' }
  /** The values that matter cannot be listed exactly. */
  | { readonly kind: 'uncountable'; readonly reason: UncountableReason }
  /** AWS's message ruled out the outcomes in `ruledOut`; `outcomes` are those left. */
  | { readonly kind: 'narrowed'; readonly ruledOut: readonly BranchOutcome[] }

/** What the message evidence was worked out from, beyond its JSON fields (evaluate/message-evidence.ts). */
export interface EvidenceDetail {
  /** The message names a policy ARN: 'read' (one of the policies read), 'unread' (none of them), or 'none'. */
  readonly namedPolicy: 'none' | 'read' | 'unread'
  /** An explicit SCP deny may also be an SCP level without an Allow (AWS words both the same way). */
  readonly scpGateOpen: boolean
  /** Some source could not be read, so a policy in it may be the one. */
  readonly sourceUnread: boolean
  /** An implicit-deny message disagrees because a statement of that type certainly allows the call. */
  readonly certainAllow: boolean
}

/** `target` with a non-enumerable `key` (kept off JSON and off spreads). */
export function withHidden<T extends object, K extends string, V>(target: T, key: K, value: V): T & { readonly [P in K]: V } {
  Object.defineProperty(target, key, { value, enumerable: false, configurable: true, writable: false })
  return target as T & { readonly [P in K]: V }
}
