import type { Policy } from './policy.js'

/** The seven policy types of the contract's `policyType`. */
export const POLICY_TYPES = ['identity', 'boundary', 'scp', 'rcp', 'resource', 'vpce', 'session'] as const
export type PolicyType = (typeof POLICY_TYPES)[number]

/** Short names for reports: "SCP", "identity-based policy". */
export const POLICY_TYPE_NAMES: Readonly<Record<PolicyType, string>> = {
  identity: 'identity-based policy',
  boundary: 'permissions boundary',
  scp: 'SCP',
  rcp: 'RCP',
  resource: 'resource-based policy',
  vpce: 'VPC endpoint policy',
  session: 'session policy',
}

/** As AWS's AccessDenied messages spell them (iam-deny-reference §1.1). */
export const POLICY_TYPE_MESSAGE_WORDS: Readonly<Record<PolicyType, string>> = {
  ...POLICY_TYPE_NAMES,
  scp: 'service control policy',
  rcp: 'resource control policy',
}

/** Where a policy came from, in words a person recognises. */
export interface PolicySource {
  readonly type: PolicyType
  readonly name: string | null
  readonly arn: string | null
  /** What it is attached to: an OU or account ID for SCPs/RCPs, a group or role name, a bucket, an endpoint. */
  readonly attachedTo: string | null
  /** A sentence fragment for reports: "inline policy `ForceMFA` of group `Developers`". */
  readonly origin: string | null
}

export interface SourcedPolicy {
  readonly source: PolicySource
  readonly policy: Policy
}

/** One level of an organization chain (root, an OU, the account), with what is attached there. */
export interface OrgLevel {
  /** `r-…`, `ou-…` or the account ID; null when the case file does not say. */
  readonly id: string | null
  readonly name: string | null
  readonly policies: readonly SourcedPolicy[]
}

/** Every policy that applies to one request, grouped by type. */
export interface PolicySet {
  readonly identity: readonly SourcedPolicy[]
  readonly boundary: SourcedPolicy | null
  /** Root first, account last. Empty: the account is not governed by any SCP. */
  readonly scps: readonly OrgLevel[]
  readonly rcps: readonly OrgLevel[]
  readonly resource: SourcedPolicy | null
  readonly vpce: SourcedPolicy | null
  readonly session: SourcedPolicy | null
}

/** A source that could not be read. Its presence forbids an `Allowed` verdict. */
export interface CollectionGap {
  readonly source: string
  readonly error: string
  /** What the diagnosis lacks because of it, and how to fix it. */
  readonly effect: string
  /** The AWS call that failed, and on what, when known: "organizations:ListRoots", "s3:GetBucketPolicy on NAME". */
  readonly call?: string
  /**
   * The account it concerns, when it concerns only one (a bucket, a region, an account that
   * could not be reached). A snapshot carries such a gap only into diagnoses that touch that
   * account; a gap without it is carried into every diagnosis.
   */
  readonly account?: string
  /**
   * The layer whose policy the gap leaves unread (a key policy, a bucket policy): that layer's
   * Allow is then unknown, never missing, so the verdict cannot be an implicit deny for it.
   */
  readonly layer?: PolicyType
}
