/**
 * The `accounts` part of a snapshot: IAM as GetAccountAuthorizationDetails gives it (in
 * camelCase), buckets and VPC endpoints. Names IAM keeps unique stay unique here, so a lookup
 * by name can never pick the wrong entity.
 */
import { ACCOUNT, ARN, at, Checker, type Json } from './check.js'
import type {
  AttachedPolicy,
  OrganizationMembership,
  InlinePolicy,
  PermissionsBoundary,
  SnapshotAccount,
  SnapshotBucket,
  SnapshotGroup,
  SnapshotIam,
  SnapshotManagedPolicy,
  SnapshotRole,
  SnapshotUser,
  SnapshotVpcEndpoint,
  Tag,
} from './format.js'

// Unique-ID shapes: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
const USER_ID = { test: /^AIDA[A-Z0-9]+$/, what: 'an IAM user ID (AIDA…)' }
const ROLE_ID = { test: /^AROA[A-Z0-9]+$/, what: 'an IAM role ID (AROA…)' }
const GROUP_ID = { test: /^AGPA[A-Z0-9]+$/, what: 'an IAM group ID (AGPA…)' }
const PATH = { test: /^\/([\x21-\x7e]*\/)?$/, what: 'an IAM path such as "/" or "/division/"' }
const VPCE_ID = { test: /^vpce-[0-9a-z]+$/, what: 'a VPC endpoint ID (vpce-…)' }
const VPC_ID = { test: /^vpc-[0-9a-z]+$/, what: 'a VPC ID (vpc-…)' }

function attached(c: Checker, value: unknown, path: string): AttachedPolicy[] {
  return c.objects(value, path, (o, p) => ({ policyName: c.string(o.policyName, at(p, 'policyName')), policyArn: c.string(o.policyArn, at(p, 'policyArn'), ARN) }))
}

function inline(c: Checker, value: unknown, path: string): InlinePolicy[] {
  const list = c.objects(value, path, (o, p) => ({ policyName: c.string(o.policyName, at(p, 'policyName')), policyDocument: c.document(o.policyDocument, at(p, 'policyDocument')) }))
  c.unique(list, (x) => x.policyName, path, 'inline policy')
  return list
}

function boundary(c: Checker, value: unknown, path: string): PermissionsBoundary | null {
  if (value === undefined || value === null) return null
  const o = c.object(value, path, 'an object or null')
  return {
    permissionsBoundaryType: c.string(o.permissionsBoundaryType, at(path, 'permissionsBoundaryType')),
    permissionsBoundaryArn: c.string(o.permissionsBoundaryArn, at(path, 'permissionsBoundaryArn'), ARN),
  }
}

/** Tags are optional: absent means "not read", which keeps principal tags unknown. */
function tags(c: Checker, value: unknown, path: string): { tags?: Tag[] } {
  if (value === undefined) return {}
  return { tags: c.objects(value, path, (o, p) => ({ key: c.string(o.key, at(p, 'key')), value: c.string(o.value, at(p, 'value')) })) }
}

function user(c: Checker, o: Json, p: string): SnapshotUser {
  return {
    path: c.string(o.path, at(p, 'path'), PATH),
    userName: c.string(o.userName, at(p, 'userName')),
    userId: c.string(o.userId, at(p, 'userId'), USER_ID),
    arn: c.string(o.arn, at(p, 'arn'), ARN),
    groupList: c.strings(o.groupList, at(p, 'groupList')),
    attachedManagedPolicies: attached(c, o.attachedManagedPolicies, at(p, 'attachedManagedPolicies')),
    userPolicyList: inline(c, o.userPolicyList, at(p, 'userPolicyList')),
    permissionsBoundary: boundary(c, o.permissionsBoundary, at(p, 'permissionsBoundary')),
    ...tags(c, o.tags, at(p, 'tags')),
  }
}

function group(c: Checker, o: Json, p: string): SnapshotGroup {
  return {
    path: c.string(o.path, at(p, 'path'), PATH),
    groupName: c.string(o.groupName, at(p, 'groupName')),
    groupId: c.string(o.groupId, at(p, 'groupId'), GROUP_ID),
    arn: c.string(o.arn, at(p, 'arn'), ARN),
    attachedManagedPolicies: attached(c, o.attachedManagedPolicies, at(p, 'attachedManagedPolicies')),
    groupPolicyList: inline(c, o.groupPolicyList, at(p, 'groupPolicyList')),
  }
}

function role(c: Checker, o: Json, p: string): SnapshotRole {
  return {
    path: c.string(o.path, at(p, 'path'), PATH),
    roleName: c.string(o.roleName, at(p, 'roleName')),
    roleId: c.string(o.roleId, at(p, 'roleId'), ROLE_ID),
    arn: c.string(o.arn, at(p, 'arn'), ARN),
    assumeRolePolicyDocument: c.nullableDocument(o.assumeRolePolicyDocument ?? null, at(p, 'assumeRolePolicyDocument')),
    attachedManagedPolicies: attached(c, o.attachedManagedPolicies, at(p, 'attachedManagedPolicies')),
    rolePolicyList: inline(c, o.rolePolicyList, at(p, 'rolePolicyList')),
    permissionsBoundary: boundary(c, o.permissionsBoundary, at(p, 'permissionsBoundary')),
    ...tags(c, o.tags, at(p, 'tags')),
  }
}

function managed(c: Checker, o: Json, p: string): SnapshotManagedPolicy {
  const optional = (key: 'policyId' | 'path') => (o[key] === undefined ? {} : { [key]: c.string(o[key], at(p, key)) })
  return {
    arn: c.string(o.arn, at(p, 'arn'), ARN),
    policyName: c.string(o.policyName, at(p, 'policyName')),
    ...optional('policyId'),
    ...optional('path'),
    defaultVersionId: c.string(o.defaultVersionId, at(p, 'defaultVersionId')),
    document: c.document(o.document, at(p, 'document')),
  }
}

function iam(c: Checker, value: unknown, path: string): SnapshotIam | null {
  if (value === null) return null
  const o = c.object(value, path, 'an object or null')
  const result: SnapshotIam = {
    users: c.objects(o.users, at(path, 'users'), (x, p) => user(c, x, p)),
    groups: c.objects(o.groups, at(path, 'groups'), (x, p) => group(c, x, p)),
    roles: c.objects(o.roles, at(path, 'roles'), (x, p) => role(c, x, p)),
    policies: c.objects(o.policies, at(path, 'policies'), (x, p) => managed(c, x, p)),
  }
  // IAM names are unique regardless of case: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names
  c.unique(result.users, (u) => u.userName.toLowerCase(), at(path, 'users'), 'user name')
  c.unique(result.groups, (g) => g.groupName.toLowerCase(), at(path, 'groups'), 'group name')
  c.unique(result.roles, (r) => r.roleName.toLowerCase(), at(path, 'roles'), 'role name')
  c.unique(result.policies, (m) => m.arn, at(path, 'policies'), 'policy ARN')
  return result
}

function bucket(c: Checker, o: Json, p: string): SnapshotBucket {
  return { name: c.string(o.name, at(p, 'name')), region: c.string(o.region, at(p, 'region')), policy: c.nullableDocument(o.policy, at(p, 'policy')) }
}

function endpoint(c: Checker, o: Json, p: string): SnapshotVpcEndpoint {
  return {
    id: c.string(o.id, at(p, 'id'), VPCE_ID),
    vpcId: c.string(o.vpcId, at(p, 'vpcId'), VPC_ID),
    region: c.string(o.region, at(p, 'region')),
    serviceName: c.string(o.serviceName, at(p, 'serviceName')),
    policy: c.nullableDocument(o.policy, at(p, 'policy')),
  }
}

const ORGANIZATION_ID = { test: /^o-[a-z0-9]{10,32}$/, what: 'an organization ID (o-…)' }

/** `"none"`, or `{ "id": "o-…", "managementAccountId" }` (format.ts). */
function membership(c: Checker, value: unknown, path: string): { organizationMembership?: OrganizationMembership } {
  if (value === undefined) return {}
  if (value === 'none') return { organizationMembership: 'none' }
  const o = c.object(value, path, '"none" or an object {"id": "o-…", "managementAccountId"}')
  return { organizationMembership: { id: c.string(o.id, at(path, 'id'), ORGANIZATION_ID), managementAccountId: c.string(o.managementAccountId, at(path, 'managementAccountId'), ACCOUNT) } }
}

export function readAccounts(c: Checker, value: unknown, path: string): SnapshotAccount[] {
  const accounts = c.objects(value, path, (o, p) => ({
    id: c.string(o.id, at(p, 'id'), ACCOUNT),
    ...membership(c, o.organizationMembership, at(p, 'organizationMembership')),
    iam: iam(c, o.iam, at(p, 'iam')),
    buckets: c.objects(o.buckets, at(p, 'buckets'), (x, q) => bucket(c, x, q)),
    vpcEndpoints: c.objects(o.vpcEndpoints, at(p, 'vpcEndpoints'), (x, q) => endpoint(c, x, q)),
  }))
  c.unique(accounts, (a) => a.id, path, 'account')
  // Bucket names and endpoint IDs are unique across AWS: one owner each.
  const buckets = accounts.flatMap((a, i) => a.buckets.map((b, j) => ({ name: b.name, where: at(at(at(path, i), 'buckets'), j) })))
  const endpoints = accounts.flatMap((a, i) => a.vpcEndpoints.map((e, j) => ({ name: e.id, where: at(at(at(path, i), 'vpcEndpoints'), j) })))
  for (const [items, what] of [[buckets, 'bucket'], [endpoints, 'VPC endpoint']] as const) {
    const seen = new Map<string, string>()
    for (const item of items) {
      const first = seen.get(item.name)
      if (first) throw c.problem(item.where, `${what} ${JSON.stringify(item.name)} appears twice (also at ${first})`)
      seen.set(item.name, item.where)
    }
  }
  return accounts
}
