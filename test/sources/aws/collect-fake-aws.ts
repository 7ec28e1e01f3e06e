/**
 * One fake AWS for the collect tests, answering both ways of reading it: the bulk reads of
 * `collect` (GetAccountAuthorizationDetails, ListBuckets, the OU tree, …) and the per-entity
 * reads of the live source (GetRole, ListAttachedRolePolicies, ListParents, …), so that a
 * snapshot and a live diagnosis can be compared on the very same account.
 *
 * Every client class is mocked (`mockClient(IAMClient)` stubs the prototype's `send`), so the
 * clients commands build for themselves answer too. The account a request is for comes from
 * its credentials: `ASIA<account>` for assumed roles, anything else is the caller's account.
 * The region comes from the client's configuration. Answers are shaped as AWS sends them:
 * URL-encoded IAM documents, small pages (Marker/IsTruncated, NextToken, ContinuationToken).
 */
import { DescribeRegionsCommand, DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2'
import * as iam from '@aws-sdk/client-iam'
import * as org from '@aws-sdk/client-organizations'
import { GetBucketLocationCommand, GetBucketPolicyCommand, ListBucketsCommand } from '@aws-sdk/client-s3'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import type { OrgPolicyType } from '../../../src/sources/snapshot/format.js'
import { awsError, iamDocument, mockClientClasses, operationsOf, type AnyStub } from '../../helpers/aws-mock.js'

export interface FakeEntity {
  readonly name: string
  readonly id: string
  readonly path?: string
  readonly managed?: readonly string[]
  readonly inline?: Readonly<Record<string, object>>
}
export interface FakeUser extends FakeEntity {
  readonly groups?: readonly string[]
  readonly boundary?: string
  readonly tags?: Readonly<Record<string, string>>
}
export interface FakeRole extends FakeEntity {
  readonly trust?: object
  readonly boundary?: string
  readonly tags?: Readonly<Record<string, string>>
}
export interface FakeAccount {
  readonly users?: readonly FakeUser[]
  readonly groups?: readonly FakeEntity[]
  readonly roles?: readonly FakeRole[]
  /** Managed policies (customer and AWS managed), each with its default version. */
  readonly policies?: readonly { readonly arn: string; readonly document: object; readonly version?: string; readonly onlyByGetPolicy?: boolean }[]
  /** `policy: 'denied'`: GetBucketPolicy answers AccessDenied. */
  readonly buckets?: readonly { readonly name: string; readonly region: string; readonly policy: object | null | 'denied' }[]
  readonly endpoints?: readonly { readonly id: string; readonly vpcId: string; readonly region: string; readonly serviceName: string; readonly policy: object | null }[]
  readonly regions?: readonly string[]
}
export interface FakeOrganization {
  readonly id: string
  readonly managementAccountId: string
  readonly root: { readonly id: string; readonly name: string; readonly policyTypes: readonly OrgPolicyType[] }
  readonly ous: readonly { readonly id: string; readonly name: string; readonly parentId: string }[]
  readonly accounts: readonly { readonly id: string; readonly name: string; readonly parentId: string; readonly state?: string }[]
  readonly policies: readonly { readonly id: string; readonly name: string; readonly type: OrgPolicyType; readonly document: object; readonly targets: readonly string[] }[]
}
export interface FakeWorld {
  readonly caller: string
  readonly callerArn?: string
  readonly organization: FakeOrganization | null
  readonly accounts: Readonly<Record<string, FakeAccount>>
  /** Organizations answers AccessDenied to everything but DescribeOrganization. */
  readonly organizationDenied?: boolean
}

type Input = Record<string, unknown>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GetClient = () => any

export interface FakeAws {
  readonly stubs: Readonly<Record<'sts' | 'iam' | 'organizations' | 's3' | 'ec2', AnyStub>>
  /** The access key each answered request was signed with, as `service:Operation key`. */
  readonly signedWith: string[]
  /** Every operation sent, as `service:Operation`. */
  operations(): string[]
  restore(): void
}

/** Two items per page, so that every list is paged. */
function paged<T>(items: readonly T[], token: unknown, size = 2): { items: T[]; next: string | undefined } {
  const start = typeof token === 'string' ? Number(token) : 0
  return { items: items.slice(start, start + size), next: start + size < items.length ? String(start + size) : undefined }
}

const tagList = (tags: Readonly<Record<string, string>> | undefined) => Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }))
const arnOf = (account: string, kind: string, e: FakeEntity) => `arn:aws:iam::${account}:${kind}${e.path ?? '/'}${e.name}`
const policyName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1)

export function installFakeAws(world: FakeWorld, options: { readonly skip?: readonly 'iam'[] } = {}): FakeAws {
  const stubs = mockClientClasses()
  if (options.skip?.includes('iam')) stubs.iam.restore()

  const signedWith: string[] = []
  async function whose(getClient: GetClient, label: string): Promise<{ account: string; data: FakeAccount; region: string }> {
    const config = getClient().config
    const credentials = await config.credentials()
    signedWith.push(`${label} ${credentials.accessKeyId}`)
    const assumed = /^ASIA(\d{12})$/.exec(credentials.accessKeyId ?? '')
    const account = assumed?.[1] ?? world.caller
    return { account, data: world.accounts[account] ?? {}, region: await config.region() }
  }
  /** Registers an answer that knows whose request it is. */
  function on(stub: AnyStub, command: unknown, answer: (input: Input, who: Awaited<ReturnType<typeof whose>>) => unknown): void {
    const label = `${(command as { name: string }).name.replace(/Command$/, '')}`
    stub.on(command as never).callsFake(async (input: Input, getClient: GetClient) => answer(input, await whose(getClient, label)))
  }

  on(stubs.sts, GetCallerIdentityCommand, (_i, { account }) => ({
    Account: account,
    Arn: account === world.caller ? (world.callerArn ?? `arn:aws:iam::${account}:user/operator`) : `arn:aws:sts::${account}:assumed-role/Reader/denydoctor-collect`,
    UserId: 'AIDAOPERATOR',
  }))
  installIam(stubs.iam, on)
  installOrganizations(world, stubs.organizations, on)
  installS3(stubs.s3, on)
  installEc2(stubs.ec2, on)

  return {
    stubs,
    signedWith,
    operations: () => operationsOf(stubs),
    restore: () => Object.values(stubs).forEach((stub) => stub.restore()),
  }
}

type On = (stub: AnyStub, command: unknown, answer: (input: Input, who: { account: string; data: FakeAccount; region: string }) => unknown) => void

function installIam(stub: AnyStub, on: On): void {
  const noSuch = (what: string) => awsError('NoSuchEntity', `The ${what} cannot be found.`, 404)
  const find = <T extends FakeEntity>(list: readonly T[] | undefined, name: unknown, what: string): T => {
    const found = list?.find((e) => e.name === name)
    if (!found) throw noSuch(`${what} with name ${String(name)}`)
    return found
  }
  const attached = (_account: FakeAccount, e: FakeEntity) =>
    (e.managed ?? []).map((arn) => ({ PolicyArn: arn, PolicyName: policyName(arn) }))
  const inlineList = (e: FakeEntity) => Object.entries(e.inline ?? {}).map(([PolicyName, doc]) => ({ PolicyName, PolicyDocument: iamDocument(doc) }))
  const boundary = (arn: string | undefined) => (arn ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } } : {})

  on(stub, iam.GetAccountAuthorizationDetailsCommand, (input, { account, data }) => {
    const entries = [
      ...(data.users ?? []).map((u) => ({ UserDetailList: { Path: u.path ?? '/', UserName: u.name, UserId: u.id, Arn: arnOf(account, 'user', u), GroupList: [...(u.groups ?? [])], AttachedManagedPolicies: attached(data, u), UserPolicyList: inlineList(u), ...boundary(u.boundary), ...(u.tags ? { Tags: tagList(u.tags) } : {}) } })),
      ...(data.groups ?? []).map((g) => ({ GroupDetailList: { Path: g.path ?? '/', GroupName: g.name, GroupId: g.id, Arn: arnOf(account, 'group', g), AttachedManagedPolicies: attached(data, g), GroupPolicyList: inlineList(g) } })),
      ...(data.roles ?? []).map((r) => ({ RoleDetailList: { Path: r.path ?? '/', RoleName: r.name, RoleId: r.id, Arn: arnOf(account, 'role', r), AssumeRolePolicyDocument: iamDocument(r.trust ?? { Version: '2012-10-17', Statement: [] }), AttachedManagedPolicies: attached(data, r), RolePolicyList: inlineList(r), ...boundary(r.boundary), ...(r.tags ? { Tags: tagList(r.tags) } : {}) } })),
      ...(data.policies ?? []).filter((p) => !p.onlyByGetPolicy).map((p) => ({
        Policies: { Arn: p.arn, PolicyName: policyName(p.arn), PolicyId: `ANPA${policyName(p.arn).toUpperCase().replace(/[^A-Z0-9]/g, '')}`, Path: '/', DefaultVersionId: p.version ?? 'v1', PolicyVersionList: [{ VersionId: 'v0', IsDefaultVersion: false, Document: iamDocument({ Version: '2012-10-17', Statement: [] }) }, { VersionId: p.version ?? 'v1', IsDefaultVersion: true, Document: iamDocument(p.document) }] },
      })),
    ]
    const { items, next } = paged(entries, input['Marker'], 3)
    const out: Record<string, unknown[]> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] }
    for (const entry of items) for (const [key, value] of Object.entries(entry)) out[key]!.push(value)
    return { ...out, IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) }
  })
  on(stub, iam.GetUserCommand, (input, { account, data }) => {
    const u = find(data.users, input['UserName'], 'user')
    return { User: { Path: u.path ?? '/', UserName: u.name, UserId: u.id, Arn: arnOf(account, 'user', u), CreateDate: new Date(0), ...boundary(u.boundary), Tags: tagList(u.tags) } }
  })
  on(stub, iam.GetRoleCommand, (input, { account, data }) => {
    const r = find(data.roles, input['RoleName'], 'role')
    return { Role: { Path: r.path ?? '/', RoleName: r.name, RoleId: r.id, Arn: arnOf(account, 'role', r), CreateDate: new Date(0), AssumeRolePolicyDocument: iamDocument(r.trust ?? { Version: '2012-10-17', Statement: [] }), ...boundary(r.boundary), Tags: tagList(r.tags) } }
  })
  const lists = [
    [iam.ListAttachedUserPoliciesCommand, iam.ListUserPoliciesCommand, iam.GetUserPolicyCommand, 'users', 'UserName'],
    [iam.ListAttachedRolePoliciesCommand, iam.ListRolePoliciesCommand, iam.GetRolePolicyCommand, 'roles', 'RoleName'],
    [iam.ListAttachedGroupPoliciesCommand, iam.ListGroupPoliciesCommand, iam.GetGroupPolicyCommand, 'groups', 'GroupName'],
  ] as const
  for (const [listAttached, listInline, getInline, kind, key] of lists) {
    on(stub, listAttached, (input, { data }) => {
      const { items, next } = paged(attached(data, find(data[kind], input[key], kind)), input['Marker'])
      return { AttachedPolicies: items, IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) }
    })
    on(stub, listInline, (input, { data }) => {
      const { items, next } = paged(Object.keys(find(data[kind], input[key], kind).inline ?? {}), input['Marker'])
      return { PolicyNames: items, IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) }
    })
    on(stub, getInline, (input, { data }) => {
      const doc = find(data[kind], input[key], kind).inline?.[String(input['PolicyName'])]
      if (!doc) throw noSuch(`inline policy ${String(input['PolicyName'])}`)
      return { [key]: input[key], PolicyName: input['PolicyName'], PolicyDocument: iamDocument(doc) }
    })
  }
  on(stub, iam.ListGroupsForUserCommand, (input, { account, data }) => {
    const user = find(data.users, input['UserName'], 'user')
    const groups = (user.groups ?? []).map((name) => find(data.groups, name, 'group')).map((g) => ({ Path: g.path ?? '/', GroupName: g.name, GroupId: g.id, Arn: arnOf(account, 'group', g), CreateDate: new Date(0) }))
    const { items, next } = paged(groups, input['Marker'])
    return { Groups: items, IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) }
  })
  const managed = (data: FakeAccount, arn: unknown) => {
    const found = data.policies?.find((p) => p.arn === arn)
    if (!found) throw noSuch(`policy ${String(arn)}`)
    return found
  }
  on(stub, iam.GetPolicyCommand, (input, { data }) => {
    const p = managed(data, input['PolicyArn'])
    return { Policy: { Arn: p.arn, PolicyName: policyName(p.arn), DefaultVersionId: p.version ?? 'v1', AttachmentCount: 1 } }
  })
  on(stub, iam.GetPolicyVersionCommand, (input, { data }) => {
    const p = managed(data, input['PolicyArn'])
    if (input['VersionId'] !== (p.version ?? 'v1')) throw noSuch(`policy version ${String(input['VersionId'])}`)
    return { PolicyVersion: { VersionId: p.version ?? 'v1', IsDefaultVersion: true, Document: iamDocument(p.document) } }
  })
}

function installOrganizations(world: FakeWorld, stub: AnyStub, on: On): void {
  const o = world.organization
  const notInUse = () => awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.')
  const tree = () => {
    if (!o) throw notInUse()
    if (world.organizationDenied) throw awsError('AccessDeniedException', 'You don\'t have permissions to access this resource.')
    return o
  }
  const nextToken = (input: Input, items: readonly unknown[], key: string) => {
    const { items: page, next } = paged(items, input['NextToken'])
    return { [key]: page, ...(next ? { NextToken: next } : {}) }
  }
  const summary = (p: FakeOrganization['policies'][number]) => ({
    Id: p.id,
    Arn: `arn:aws:organizations::${o?.managementAccountId}:policy/${o?.id}/${p.type.toLowerCase()}/${p.id}`,
    Name: p.name,
    Type: p.type,
    AwsManaged: p.name.endsWith('FullAWSAccess'),
  })
  const parentOf = (id: string) => [...tree().ous, ...tree().accounts].find((x) => x.id === id)?.parentId

  on(stub, org.DescribeOrganizationCommand, (_i, { account }) => {
    if (!o || !o.accounts.some((a) => a.id === account)) throw notInUse()
    return { Organization: { Id: o.id, MasterAccountId: o.managementAccountId, FeatureSet: 'ALL' } }
  })
  on(stub, org.ListRootsCommand, () => ({
    Roots: [{ Id: tree().root.id, Name: tree().root.name, PolicyTypes: [...tree().root.policyTypes.map((Type) => ({ Type, Status: 'ENABLED' })), { Type: 'TAG_POLICY', Status: 'ENABLED' }] }],
  }))
  on(stub, org.ListOrganizationalUnitsForParentCommand, (input) =>
    nextToken(input, tree().ous.filter((u) => u.parentId === input['ParentId']).map((u) => ({ Id: u.id, Name: u.name, Arn: `arn:aws:organizations::x:ou/${u.id}` })), 'OrganizationalUnits'),
  )
  on(stub, org.ListAccountsForParentCommand, (input) =>
    nextToken(input, tree().accounts.filter((a) => a.parentId === input['ParentId']).map((a) => ({ Id: a.id, Name: a.name, State: a.state ?? 'ACTIVE' })), 'Accounts'),
  )
  on(stub, org.ListPoliciesCommand, (input) => nextToken(input, tree().policies.filter((p) => p.type === input['Filter']).map(summary), 'Policies'))
  on(stub, org.DescribePolicyCommand, (input) => {
    const p = tree().policies.find((x) => x.id === input['PolicyId'])
    if (!p) throw awsError('PolicyNotFoundException', 'no such policy')
    return { Policy: { PolicySummary: summary(p), Content: JSON.stringify(p.document) } }
  })
  on(stub, org.ListTargetsForPolicyCommand, (input) => {
    const p = tree().policies.find((x) => x.id === input['PolicyId'])
    return nextToken(input, (p?.targets ?? []).map((TargetId) => ({ TargetId, Type: TargetId.startsWith('r-') ? 'ROOT' : TargetId.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT' })), 'Targets')
  })
  // The live source's reads.
  on(stub, org.ListParentsCommand, (input) => {
    const parent = parentOf(String(input['ChildId']))
    if (!parent) throw awsError('ChildNotFoundException', 'child not found')
    return { Parents: [{ Id: parent, Type: parent.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] }
  })
  on(stub, org.ListPoliciesForTargetCommand, (input) =>
    nextToken(input, tree().policies.filter((p) => p.type === input['Filter'] && p.targets.includes(String(input['TargetId']))).map(summary), 'Policies'),
  )
  on(stub, org.DescribeOrganizationalUnitCommand, (input) => ({ OrganizationalUnit: { Id: input['OrganizationalUnitId'], Name: tree().ous.find((u) => u.id === input['OrganizationalUnitId'])?.name } }))
  on(stub, org.DescribeAccountCommand, (input) => ({ Account: { Id: input['AccountId'], Name: tree().accounts.find((a) => a.id === input['AccountId'])?.name } }))
}

function installS3(stub: AnyStub, on: On): void {
  const bucketOf = (data: FakeAccount, account: string, input: Input) => {
    const bucket = data.buckets?.find((b) => b.name === input['Bucket'])
    if (!bucket) throw awsError('NoSuchBucket', 'The specified bucket does not exist', 404)
    if (input['ExpectedBucketOwner'] !== undefined && input['ExpectedBucketOwner'] !== account) throw awsError('AccessDenied', 'Access Denied', 403)
    return bucket
  }
  on(stub, ListBucketsCommand, (input, { data }) => {
    const { items, next } = paged(data.buckets ?? [], input['ContinuationToken'])
    // S3 sends BucketRegion when the request has a parameter; the first bucket goes without, as with an older answer.
    const start = typeof input['ContinuationToken'] === 'string' ? Number(input['ContinuationToken']) : 0
    const buckets = items.map((b, i) => ({ Name: b.name, CreationDate: new Date(0), ...(input['MaxBuckets'] && start + i > 0 ? { BucketRegion: b.region } : {}) }))
    return { Buckets: buckets, Owner: { ID: 'owner' }, ...(next ? { ContinuationToken: next } : {}) }
  })
  on(stub, GetBucketLocationCommand, (input, { account, data }) => {
    const bucket = bucketOf(data, account, input)
    if (bucket.policy === 'denied') throw awsError('AccessDenied', 'Access Denied', 403)
    return { LocationConstraint: bucket.region === 'us-east-1' ? undefined : bucket.region }
  })
  on(stub, GetBucketPolicyCommand, (input, { account, data }) => {
    const bucket = bucketOf(data, account, input)
    if (bucket.policy === 'denied') throw awsError('AccessDenied', 'Access Denied', 403)
    if (bucket.policy === null) throw awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404)
    return { Policy: JSON.stringify(bucket.policy) }
  })
}

function installEc2(stub: AnyStub, on: On): void {
  on(stub, DescribeRegionsCommand, (_i, { data }) => ({ Regions: (data.regions ?? ['us-east-1']).map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })) }))
  on(stub, DescribeVpcEndpointsCommand, (input, { account, data, region }) => {
    const wanted = input['VpcEndpointIds'] as string[] | undefined
    const here = (data.endpoints ?? []).filter((e) => e.region === region && (!wanted || wanted.includes(e.id)))
    const { items, next } = paged(here, input['NextToken'], 1)
    return {
      VpcEndpoints: items.map((e) => ({ VpcEndpointId: e.id, VpcEndpointType: 'Interface', VpcId: e.vpcId, ServiceName: e.serviceName, State: 'available', OwnerId: account, ...(e.policy ? { PolicyDocument: JSON.stringify(e.policy) } : {}) })),
      ...(next ? { NextToken: next } : {}),
    }
  })
}
