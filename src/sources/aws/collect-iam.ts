/**
 * IAM of one account for a snapshot: GetAccountAuthorizationDetails, every page, copied into
 * the snapshot's camelCase shape. Documents stay exactly as IAM returns them (URL-encoded
 * JSON text), which the snapshot format accepts and decodes when a diagnosis reads them.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
import {
  paginateGetAccountAuthorizationDetails,
  type AttachedPermissionsBoundary,
  type AttachedPolicy as SdkAttachedPolicy,
  type GroupDetail,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type RoleDetail,
  type Tag as SdkTag,
  type UserDetail,
} from '@aws-sdk/client-iam'
import type { CollectionGap } from '../../model/index.js'
import type {
  AttachedPolicy,
  InlinePolicy,
  PermissionsBoundary,
  SnapshotGroup,
  SnapshotIam,
  SnapshotManagedPolicy,
  SnapshotRole,
  SnapshotUser,
  Tag,
} from '../snapshot/format.js'
import type { AwsClientPool } from './clients.js'
import { attempt, UnexpectedResponseError } from './errors.js'
import { ManagedPolicies } from './managed-policies.js'

export interface CollectedIam {
  /** null when the account's IAM could not be read (the gap says why). */
  readonly iam: SnapshotIam | null
  readonly gaps: readonly CollectionGap[]
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new UnexpectedResponseError(`GetAccountAuthorizationDetails returned ${what} without it`)
  return value
}

function attached(list: readonly SdkAttachedPolicy[] | undefined): AttachedPolicy[] {
  return (list ?? []).map((p) => {
    const policyArn = required(p.PolicyArn, 'an attached policy')
    return { policyName: p.PolicyName ?? policyArn.slice(policyArn.lastIndexOf('/') + 1), policyArn }
  })
}

function inline(list: readonly PolicyDetail[] | undefined): InlinePolicy[] {
  return (list ?? []).map((p) => ({ policyName: required(p.PolicyName, 'an inline policy'), policyDocument: required(p.PolicyDocument, `inline policy ${p.PolicyName}`) }))
}

function boundary(value: AttachedPermissionsBoundary | undefined): PermissionsBoundary | null {
  if (!value?.PermissionsBoundaryArn) return null
  return { permissionsBoundaryType: value.PermissionsBoundaryType ?? 'PermissionsBoundaryPolicy', permissionsBoundaryArn: value.PermissionsBoundaryArn }
}

/** IAM lists tags in UserDetailList and RoleDetailList; none listed means none set, so `[]`. */
function tags(list: readonly SdkTag[] | undefined): Tag[] {
  return (list ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }))
}

function user(u: UserDetail): SnapshotUser {
  return {
    path: u.Path ?? '/',
    userName: required(u.UserName, 'a user'),
    userId: required(u.UserId, `user ${u.UserName}`),
    arn: required(u.Arn, `user ${u.UserName}`),
    groupList: u.GroupList ?? [],
    attachedManagedPolicies: attached(u.AttachedManagedPolicies),
    userPolicyList: inline(u.UserPolicyList),
    permissionsBoundary: boundary(u.PermissionsBoundary),
    tags: tags(u.Tags),
  }
}

function group(g: GroupDetail): SnapshotGroup {
  return {
    path: g.Path ?? '/',
    groupName: required(g.GroupName, 'a group'),
    groupId: required(g.GroupId, `group ${g.GroupName}`),
    arn: required(g.Arn, `group ${g.GroupName}`),
    attachedManagedPolicies: attached(g.AttachedManagedPolicies),
    groupPolicyList: inline(g.GroupPolicyList),
  }
}

function role(r: RoleDetail): SnapshotRole {
  return {
    path: r.Path ?? '/',
    roleName: required(r.RoleName, 'a role'),
    roleId: required(r.RoleId, `role ${r.RoleName}`),
    arn: required(r.Arn, `role ${r.RoleName}`),
    assumeRolePolicyDocument: r.AssumeRolePolicyDocument ?? null,
    attachedManagedPolicies: attached(r.AttachedManagedPolicies),
    rolePolicyList: inline(r.RolePolicyList),
    permissionsBoundary: boundary(r.PermissionsBoundary),
    tags: tags(r.Tags),
  }
}

/** A managed policy with the document of its default version; null when the answer lacks that document. */
function managed(p: ManagedPolicyDetail): SnapshotManagedPolicy | null {
  const arn = required(p.Arn, 'a managed policy')
  const versions = p.PolicyVersionList ?? []
  const version = versions.find((v) => v.IsDefaultVersion) ?? versions.find((v) => v.VersionId !== undefined && v.VersionId === p.DefaultVersionId)
  if (version?.Document === undefined) return null
  return {
    arn,
    policyName: p.PolicyName ?? arn.slice(arn.lastIndexOf('/') + 1),
    ...(p.PolicyId ? { policyId: p.PolicyId } : {}),
    ...(p.Path ? { path: p.Path } : {}),
    defaultVersionId: version.VersionId ?? p.DefaultVersionId ?? 'v1',
    document: version.Document,
  }
}

interface Details {
  readonly users: UserDetail[]
  readonly groups: GroupDetail[]
  readonly roles: RoleDetail[]
  readonly policies: ManagedPolicyDetail[]
}

async function readDetails(pool: AwsClientPool): Promise<Details> {
  const out: Details = { users: [], groups: [], roles: [], policies: [] }
  for await (const page of paginateGetAccountAuthorizationDetails({ client: pool.iam() }, {})) {
    out.users.push(...(page.UserDetailList ?? []))
    out.groups.push(...(page.GroupDetailList ?? []))
    out.roles.push(...(page.RoleDetailList ?? []))
    out.policies.push(...(page.Policies ?? []))
  }
  return out
}

/** Every managed policy something in the account refers to: attachments and permissions boundaries. */
function referencedPolicies(iam: Omit<SnapshotIam, 'policies'>): Set<string> {
  const arns = new Set<string>()
  for (const holder of [...iam.users, ...iam.groups, ...iam.roles]) for (const p of holder.attachedManagedPolicies) arns.add(p.policyArn)
  for (const holder of [...iam.users, ...iam.roles]) if (holder.permissionsBoundary) arns.add(holder.permissionsBoundary.permissionsBoundaryArn)
  return arns
}

const IAM_HELP = 'the credentials need iam:GetAccountAuthorizationDetails (see the collector policy in the README)'

/**
 * The account's IAM, or null with a gap when GetAccountAuthorizationDetails fails: a partial
 * list would make a missing user look like a user that does not exist.
 */
export async function collectIam(pool: AwsClientPool, account: string): Promise<CollectedIam> {
  const read = await attempt(
    async () => {
      const details = await readDetails(pool)
      // Inside the attempt: an answer missing a field the API promises is a gap like any failure.
      const entities = { users: details.users.map(user), groups: details.groups.map(group), roles: details.roles.map(role) }
      return { entities, listed: details.policies.map(managed) }
    },
    'iam',
    { leftOut: `IAM of account ${account} was not read, so none of its users, groups or roles can be diagnosed from the snapshot`, permission: IAM_HELP },
  )
  if (!read.ok) return { iam: null, gaps: [read.gap] }
  const { entities, listed } = read.value
  const policies = new Map<string, SnapshotManagedPolicy>()
  for (const policy of listed) if (policy) policies.set(policy.arn, policy)
  // A policy used only as a permissions boundary, or listed without its default version, is
  // fetched on its own: leaving it out would turn its Deny into a gap in every diagnosis using it.
  const missing = [...referencedPolicies(entities)].filter((arn) => !policies.has(arn))
  const managedPolicies = new ManagedPolicies(pool)
  const gaps: CollectionGap[] = []
  const fetched = await Promise.all(
    missing.map((arn) =>
      attempt(
        () => managedPolicies.fetch(arn),
        'iam',
        {
          leftOut: `The managed policy \`${arn}\` used in account ${account} was not read, so the principals using it cannot be fully diagnosed`,
          permission: 'the credentials need iam:GetPolicy and iam:GetPolicyVersion on it',
        },
      ),
    ),
  )
  for (const result of fetched) {
    if (!result.ok) gaps.push(result.gap)
    else {
      const { arn, name, versionId, document } = result.value
      policies.set(arn, { arn, policyName: name, defaultVersionId: versionId, document })
    }
  }
  return { iam: { ...entities, policies: [...policies.values()] }, gaps }
}
