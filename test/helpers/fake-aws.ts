/**
 * A fake AWS for command tests: every STS, IAM, Organizations, S3 and EC2 client the command
 * builds for itself is mocked at the class level (`mockClient(IAMClient)` stubs the prototype's
 * `send`, so instances made inside the command answer too). Answers come from a `FakeWorld`
 * and are shaped as the real APIs send them: URL-encoded IAM documents, one item per page
 * (Marker/IsTruncated for IAM, NextToken for Organizations and EC2), plain JSON text from
 * Organizations, S3 and EC2, and errors carrying `name`, `$metadata` and `$fault`.
 */
import { DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2'
import * as iam from '@aws-sdk/client-iam'
import * as org from '@aws-sdk/client-organizations'
import { GetBucketLocationCommand, GetBucketPolicyCommand } from '@aws-sdk/client-s3'
import { DecodeAuthorizationMessageCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { afterEach } from 'vitest'
import { awsError, expectOnlyReads, iamDocument, mockClientClasses, operationsOf, type AnyStub } from './aws-mock.js'
import type { FakeWorld } from './fake-world.js'

export { awsError } from './aws-mock.js'

type Handler = (input: Record<string, unknown>) => unknown

/** One item per page: `Marker` (IAM) or `NextToken` (Organizations, EC2) is the next index. */
function page<T>(items: readonly T[], token: unknown): { item: T[]; next: string | undefined } {
  const index = typeof token === 'string' ? Number(token) : 0
  return { item: items.slice(index, index + 1), next: index + 1 < items.length ? String(index + 1) : undefined }
}

function iamPage<K extends string, T>(key: K, items: readonly T[], input: Record<string, unknown>) {
  const { item, next } = page(items, input['Marker'])
  return { [key]: item, IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) }
}

function orgPage<K extends string, T>(key: K, items: readonly T[], input: Record<string, unknown>) {
  const { item, next } = page(items, input['NextToken'])
  return { [key]: item, ...(next ? { NextToken: next } : {}) }
}

export interface FakeAws {
  readonly sts: AnyStub
  readonly iam: AnyStub
  readonly organizations: AnyStub
  readonly s3: AnyStub
  readonly ec2: AnyStub
  /** Every operation sent, as `service:Operation`, in order per service. */
  operations(): string[]
}

let installed: Record<string, AnyStub> | null = null

afterEach(() => {
  if (!installed) return
  const stubs = installed
  installed = null
  const sent = operationsOf(stubs)
  for (const stub of Object.values(stubs)) stub.restore()
  // Any command that is not a read, sent by any client during the test, fails it.
  expectOnlyReads(sent)
})

/** Mocks every SDK client class and answers from `world`. Restored after the test. */
export function installFakeAws(world: FakeWorld): FakeAws {
  const stubs = mockClientClasses()
  installed = stubs
  // A failure named in world.failures ("organizations:DescribeOrganization") replaces the answer.
  const on = (stub: AnyStub, service: string, command: new (input: never) => object, handler: Handler) =>
    stub.on(command as never).callsFake((input: Record<string, unknown>) => {
      const failure = world.failures?.[`${service}:${command.name.replace(/Command$/, '')}`]
      if (failure) throw failure
      return handler(input)
    })

  on(stubs.sts, 'sts', GetCallerIdentityCommand, () => ({ Account: world.account, Arn: `arn:aws:iam::${world.account}:user/operator`, UserId: 'AIDAOPERATOR00000001' }))
  on(stubs.sts, 'sts', DecodeAuthorizationMessageCommand, (input) => {
    const decoded = world.decoded?.[String(input['EncodedMessage'])]
    if (decoded === undefined) throw awsError('InvalidAuthorizationMessageException', 'The message is not valid.')
    return { DecodedMessage: decoded }
  })
  installIam(stubs.iam, world, on)
  installOrganizations(stubs.organizations, world, on)

  on(stubs.s3, 's3', GetBucketPolicyCommand, (input) => {
    const bucket = String(input['Bucket'])
    if (!(bucket in world.buckets)) throw awsError('NoSuchBucket', 'The specified bucket does not exist', 404)
    const policy = world.buckets[bucket]
    if (policy === null || policy === undefined) throw awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404)
    return { Policy: JSON.stringify(policy) }
  })
  // S3 answers a us-east-1 bucket's location with no LocationConstraint.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
  on(stubs.s3, 's3', GetBucketLocationCommand, (input) => {
    const bucket = String(input['Bucket'])
    if (!(bucket in world.buckets)) throw awsError('NoSuchBucket', 'The specified bucket does not exist', 404)
    const region = world.bucketRegions?.[bucket] ?? 'us-east-1'
    return region === 'us-east-1' ? {} : { LocationConstraint: region }
  })
  on(stubs.ec2, 'ec2', DescribeVpcEndpointsCommand, (input) => {
    const ids = (input['VpcEndpointIds'] as string[] | undefined) ?? []
    const missing = ids.find((id) => !world.endpoints.some((e) => e.id === id))
    if (missing) throw awsError('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${missing}' does not exist`)
    const found = world.endpoints.filter((e) => ids.includes(e.id)).map((e) => ({
      VpcEndpointId: e.id,
      VpcEndpointType: 'Gateway',
      VpcId: e.vpcId,
      ServiceName: e.serviceName,
      State: 'available',
      PolicyDocument: JSON.stringify(e.policy),
      OwnerId: world.account,
    }))
    return orgPage('VpcEndpoints', found, input)
  })

  return { ...stubs, operations: () => operationsOf(stubs) }
}

type On = (stub: AnyStub, service: string, command: new (input: never) => object, handler: Handler) => unknown

function installIam(stub: AnyStub, world: FakeWorld, on: On): void {
  const role = (name: unknown) => {
    const found = world.roles.find((r) => r.name === name)
    if (!found) throw awsError('NoSuchEntity', `The role with name ${String(name)} cannot be found.`, 404)
    return found
  }
  const user = (name: unknown) => {
    const found = world.users.find((u) => u.name === name)
    if (!found) throw awsError('NoSuchEntity', `The user with name ${String(name)} cannot be found.`, 404)
    return found
  }
  const group = (name: unknown) => {
    const found = world.groups.find((g) => g.name === name)
    if (!found) throw awsError('NoSuchEntity', `The group with name ${String(name)} cannot be found.`, 404)
    return found
  }
  const boundary = (arn: string | undefined) => (arn ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } } : {})
  const tags = (t: Record<string, string> | undefined) => ({ Tags: Object.entries(t ?? {}).map(([Key, Value]) => ({ Key, Value })) })
  const created = new Date('2024-01-01T00:00:00Z')
  const attached = (arns: readonly string[] | undefined) => (arns ?? []).map((arn) => ({ PolicyArn: arn, PolicyName: arn.slice(arn.lastIndexOf('/') + 1) }))
  const inline = (holder: { inline?: Record<string, object> }, name: unknown) => {
    const document = holder.inline?.[String(name)]
    if (!document) throw awsError('NoSuchEntity', `The policy with name ${String(name)} cannot be found.`, 404)
    return iamDocument(document)
  }

  on(stub, 'iam', iam.GetRoleCommand, (input) => {
    const r = role(input['RoleName'])
    const path = r.path ?? '/'
    return {
      Role: {
        Path: path, RoleName: r.name, RoleId: r.roleId, Arn: `arn:aws:iam::${world.account}:role${path}${r.name}`, CreateDate: created,
        AssumeRolePolicyDocument: iamDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${world.account}:root` }, Action: 'sts:AssumeRole' }] }),
        ...boundary(r.boundaryArn), ...tags(r.tags),
      },
    }
  })
  on(stub, 'iam', iam.GetUserCommand, (input) => {
    const u = user(input['UserName'])
    return { User: { Path: '/', UserName: u.name, UserId: u.userId, Arn: `arn:aws:iam::${world.account}:user/${u.name}`, CreateDate: created, ...boundary(u.boundaryArn), ...tags(u.tags) } }
  })
  on(stub, 'iam', iam.ListAttachedRolePoliciesCommand, (input) => iamPage('AttachedPolicies', attached(role(input['RoleName']).attached), input))
  on(stub, 'iam', iam.ListAttachedUserPoliciesCommand, (input) => iamPage('AttachedPolicies', attached(user(input['UserName']).attached), input))
  on(stub, 'iam', iam.ListAttachedGroupPoliciesCommand, (input) => iamPage('AttachedPolicies', attached(group(input['GroupName']).attached), input))
  on(stub, 'iam', iam.ListRolePoliciesCommand, (input) => iamPage('PolicyNames', Object.keys(role(input['RoleName']).inline ?? {}), input))
  on(stub, 'iam', iam.ListUserPoliciesCommand, (input) => iamPage('PolicyNames', Object.keys(user(input['UserName']).inline ?? {}), input))
  on(stub, 'iam', iam.ListGroupPoliciesCommand, (input) => iamPage('PolicyNames', Object.keys(group(input['GroupName']).inline ?? {}), input))
  on(stub, 'iam', iam.GetRolePolicyCommand, (input) => ({ RoleName: input['RoleName'], PolicyName: input['PolicyName'], PolicyDocument: inline(role(input['RoleName']), input['PolicyName']) }))
  on(stub, 'iam', iam.GetUserPolicyCommand, (input) => ({ UserName: input['UserName'], PolicyName: input['PolicyName'], PolicyDocument: inline(user(input['UserName']), input['PolicyName']) }))
  on(stub, 'iam', iam.GetGroupPolicyCommand, (input) => ({ GroupName: input['GroupName'], PolicyName: input['PolicyName'], PolicyDocument: inline(group(input['GroupName']), input['PolicyName']) }))
  on(stub, 'iam', iam.ListGroupsForUserCommand, (input) =>
    iamPage('Groups', (user(input['UserName']).groups ?? []).map((name) => ({ Path: '/', GroupName: name, GroupId: `AGPA${name.toUpperCase()}`, Arn: `arn:aws:iam::${world.account}:group/${name}`, CreateDate: created })), input),
  )
  on(stub, 'iam', iam.GetPolicyCommand, (input) => {
    const arn = String(input['PolicyArn'])
    if (!world.managed[arn]) throw awsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404)
    return { Policy: { PolicyName: arn.slice(arn.lastIndexOf('/') + 1), Arn: arn, DefaultVersionId: 'v2', AttachmentCount: 1 } }
  })
  on(stub, 'iam', iam.GetPolicyVersionCommand, (input) => {
    const document = world.managed[String(input['PolicyArn'])]
    if (!document || input['VersionId'] !== 'v2') throw awsError('NoSuchEntity', 'Policy version does not exist.', 404)
    return { PolicyVersion: { Document: iamDocument(document), VersionId: 'v2', IsDefaultVersion: true } }
  })
}

function installOrganizations(stub: AnyStub, world: FakeWorld, on: On): void {
  const o = world.org
  if (!o) {
    on(stub, 'organizations', org.DescribeOrganizationCommand, () => {
      throw awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.')
    })
    return
  }
  const summary = (id: string) => {
    const p = o.policies[id]!
    const arn = id.startsWith('p-Full') || id.startsWith('p-RCPFull')
      ? `arn:aws:organizations::aws:policy/${p.type.toLowerCase()}/${id}`
      : `arn:aws:organizations::${o.managementAccount}:policy/${o.id}/${p.type.toLowerCase()}/${id}`
    return { Id: id, Arn: arn, Name: p.name, Type: p.type, AwsManaged: arn.includes('::aws:policy') }
  }
  on(stub, 'organizations', org.DescribeOrganizationCommand, () => ({
    Organization: { Id: o.id, Arn: `arn:aws:organizations::${o.managementAccount}:organization/${o.id}`, FeatureSet: 'ALL', MasterAccountId: o.managementAccount },
  }))
  on(stub, 'organizations', org.ListRootsCommand, (input) =>
    orgPage('Roots', [{ Id: o.rootId, Name: 'Root', Arn: `arn:aws:organizations::${o.managementAccount}:root/${o.id}/${o.rootId}`, PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }, { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' }] }], input),
  )
  on(stub, 'organizations', org.ListParentsCommand, (input) => {
    const parent = o.parents[String(input['ChildId'])]
    if (!parent) throw awsError('ChildNotFoundException', "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.")
    return orgPage('Parents', [{ Id: parent, Type: parent.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }], input)
  })
  on(stub, 'organizations', org.ListPoliciesForTargetCommand, (input) =>
    orgPage('Policies', (o.attached[`${String(input['Filter'])}|${String(input['TargetId'])}`] ?? []).map(summary), input),
  )
  on(stub, 'organizations', org.DescribePolicyCommand, (input) => {
    const id = String(input['PolicyId'])
    if (!o.policies[id]) throw awsError('PolicyNotFoundException', `We can't find a policy with the PolicyId ${id}.`)
    return { Policy: { PolicySummary: summary(id), Content: JSON.stringify(o.policies[id]!.content) } }
  })
  on(stub, 'organizations', org.DescribeOrganizationalUnitCommand, (input) => {
    const id = String(input['OrganizationalUnitId'])
    return { OrganizationalUnit: { Id: id, Name: o.names[id] ?? id } }
  })
  on(stub, 'organizations', org.DescribeAccountCommand, (input) => {
    const id = String(input['AccountId'])
    return { Account: { Id: id, Name: o.names[id] ?? id } }
  })
}
