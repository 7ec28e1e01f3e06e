/**
 * The snapshot file, version 1: everything a diagnosis reads, saved for offline use. Shaped
 * after the AWS APIs that fill it (field names in camelCase), so `collect` can copy them over:
 * IAM GetAccountAuthorizationDetails, Organizations (DescribeOrganization, ListRoots,
 * ListOrganizationalUnitsForParent, ListAccounts, ListPolicies/DescribePolicy,
 * ListTargetsForPolicy), S3 GetBucketPolicy and EC2 DescribeVpcEndpoints.
 * Documented in docs/snapshot-format.md and schemas/snapshot.schema.json.
 */
import type { CollectionGap } from '../../model/index.js'

export const SNAPSHOT_FORMAT = 'denydoctor-snapshot'
/** Versions this denydoctor reads. */
export const SNAPSHOT_VERSIONS = [1] as const
export type SnapshotVersion = (typeof SNAPSHOT_VERSIONS)[number]

/** A policy document as an object, or as JSON text (possibly URL-encoded, as IAM returns it). */
export type PolicyDocument = Readonly<Record<string, unknown>> | string

export const ORG_POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] as const
export type OrgPolicyType = (typeof ORG_POLICY_TYPES)[number]

export interface SnapshotRoot {
  readonly id: string
  readonly name: string
  /** Policy types enabled on the root: without SERVICE_CONTROL_POLICY no SCP applies at all. */
  readonly policyTypes: readonly OrgPolicyType[]
}

export interface SnapshotOrgUnit {
  readonly id: string
  readonly name: string
  /** A root or OU ID. */
  readonly parentId: string
}

export interface SnapshotOrgAccount {
  readonly id: string
  readonly name: string
  readonly parentId: string
}

export interface SnapshotOrgPolicy {
  readonly id: string
  readonly arn: string
  readonly name: string
  readonly type: OrgPolicyType
  readonly document: PolicyDocument
}

export interface SnapshotAttachment {
  readonly policyId: string
  /** A root, OU or account ID. */
  readonly targetId: string
}

export interface SnapshotOrganization {
  readonly id: string
  readonly managementAccountId: string
  readonly roots: readonly SnapshotRoot[]
  readonly ous: readonly SnapshotOrgUnit[]
  /** Every account of the organization, the management account included. */
  readonly accounts: readonly SnapshotOrgAccount[]
  readonly policies: readonly SnapshotOrgPolicy[]
  readonly attachments: readonly SnapshotAttachment[]
}

/** AttachedManagedPolicies entry. */
export interface AttachedPolicy {
  readonly policyName: string
  readonly policyArn: string
}

/** UserPolicyList / GroupPolicyList / RolePolicyList entry: an inline policy. */
export interface InlinePolicy {
  readonly policyName: string
  readonly policyDocument: PolicyDocument
}

export interface PermissionsBoundary {
  readonly permissionsBoundaryType: string
  readonly permissionsBoundaryArn: string
}

export interface Tag {
  readonly key: string
  readonly value: string
}

/** UserDetailList entry. */
export interface SnapshotUser {
  readonly path: string
  readonly userName: string
  readonly userId: string
  readonly arn: string
  /** Names of the groups the user belongs to. */
  readonly groupList: readonly string[]
  readonly attachedManagedPolicies: readonly AttachedPolicy[]
  readonly userPolicyList: readonly InlinePolicy[]
  readonly permissionsBoundary?: PermissionsBoundary | null
  /** Absent: the tags were not read (principal tags are then unknown, not absent). */
  readonly tags?: readonly Tag[]
}

/** GroupDetailList entry. */
export interface SnapshotGroup {
  readonly path: string
  readonly groupName: string
  readonly groupId: string
  readonly arn: string
  readonly attachedManagedPolicies: readonly AttachedPolicy[]
  readonly groupPolicyList: readonly InlinePolicy[]
}

/** RoleDetailList entry. */
export interface SnapshotRole {
  readonly path: string
  readonly roleName: string
  readonly roleId: string
  readonly arn: string
  /** The trust policy. */
  readonly assumeRolePolicyDocument: PolicyDocument | null
  readonly attachedManagedPolicies: readonly AttachedPolicy[]
  readonly rolePolicyList: readonly InlinePolicy[]
  readonly permissionsBoundary?: PermissionsBoundary | null
  readonly tags?: readonly Tag[]
}

/** Policies entry (a managed policy), with the document of its default version. */
export interface SnapshotManagedPolicy {
  readonly arn: string
  readonly policyName: string
  readonly policyId?: string
  readonly path?: string
  readonly defaultVersionId: string
  readonly document: PolicyDocument
}

export interface SnapshotIam {
  readonly users: readonly SnapshotUser[]
  readonly groups: readonly SnapshotGroup[]
  readonly roles: readonly SnapshotRole[]
  /** Managed policies (customer and AWS managed) attached to anything in the account. */
  readonly policies: readonly SnapshotManagedPolicy[]
}

export interface SnapshotBucket {
  readonly name: string
  readonly region: string
  /** null: the bucket has no policy (NoSuchBucketPolicy). A policy that could not be read is no bucket entry at all. */
  readonly policy: PolicyDocument | null
}

export interface SnapshotVpcEndpoint {
  readonly id: string
  readonly vpcId: string
  readonly region: string
  readonly serviceName: string
  /** null: the endpoint type takes no policy (nothing to restrict). */
  readonly policy: PolicyDocument | null
}

/**
 * What collect learned of an account that the snapshot's organization does not hold, asking
 * DescribeOrganization with the account's own credentials: `"none"` (in no organization:
 * nothing of AWS Organizations governs it, and aws:PrincipalOrgID / aws:ResourceOrgID are absent
 * from its requests) or the other organization it belongs to (whose SCPs / RCPs the snapshot does
 * not hold).
 */
export type OrganizationMembership = 'none' | { readonly id: string; readonly managementAccountId: string }

export interface SnapshotAccount {
  readonly id: string
  /** Absent: not asked (an account of the snapshot's organization, or a snapshot from before the field). */
  readonly organizationMembership?: OrganizationMembership
  /** IAM of the account; null when it was not collected (see `incomplete`). */
  readonly iam: SnapshotIam | null
  readonly buckets: readonly SnapshotBucket[]
  readonly vpcEndpoints: readonly SnapshotVpcEndpoint[]
}

export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT
  readonly version: SnapshotVersion
  /** ISO 8601 time the collection started. */
  readonly takenAt: string
  /** ARN of the identity that collected it. */
  readonly collectedBy: string | null
  /** null: the accounts are in no organization (or it was not read: see `incomplete`). */
  readonly organization: SnapshotOrganization | null
  readonly accounts: readonly SnapshotAccount[]
  /** What collect could not read; every diagnosis from this snapshot carries these gaps. */
  readonly incomplete: readonly CollectionGap[]
}
