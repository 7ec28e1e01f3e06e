/**
 * Mocked AWS clients for the adapter tests: one instance per client, each mocked with
 * aws-sdk-client-mock, and a guard that fails the test if any command that is not a read ever
 * reaches a client. Responses are shaped like the real APIs' (URL-encoded IAM documents,
 * Marker/IsTruncated and NextToken pages, errors with `name` and `$metadata`).
 */
import { EC2Client } from '@aws-sdk/client-ec2'
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
} from '@aws-sdk/client-iam'
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach } from 'vitest'
import type { AwsClients } from '../../../src/sources/aws/clients.js'
import { createAwsProvider, type AwsProviderOptions } from '../../../src/sources/aws/provider.js'
import type { PrincipalQuery } from '../../../src/sources/types.js'
import { awsError, expectOnlyReads, iamDocument, operationsOf, type AnyStub } from '../../helpers/aws-mock.js'

export { awsError, iamDocument } from '../../helpers/aws-mock.js'

export const ACCOUNT = '111111111111'
export const OTHER_ACCOUNT = '222222222222'
export const MANAGEMENT_ACCOUNT = '999999999999'

export const config = { region: 'us-east-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'test' } }

/** The stubs of the current test's mocked clients, by service. */
let live: Record<string, AnyStub>[] = []

afterEach(() => {
  const sent = live.flatMap(operationsOf)
  live = []
  // Any command that is not a read, sent to any mocked client during the test, fails it.
  expectOnlyReads(sent)
})

export interface MockedAws {
  readonly clients: AwsClients
  readonly sts: AnyStub
  readonly iam: AnyStub
  readonly organizations: AnyStub
  readonly s3: AnyStub
  readonly ec2: AnyStub
  readonly resourceSts: AnyStub
  readonly resourceIam: AnyStub
  readonly orgSts: AnyStub
  /** Resource account's Organizations (membership questions); in no organization unless a test says otherwise. */
  readonly resourceOrganizations: AnyStub
  /** A provider over these clients. */
  provider(options?: AwsProviderOptions): ReturnType<typeof createAwsProvider>
  /** Every operation sent, as `service:Operation`, in order. */
  operations(): string[]
}

export function mockAws(account = ACCOUNT): MockedAws {
  const clients = {
    sts: new STSClient(config),
    iam: new IAMClient(config),
    organizations: new OrganizationsClient(config),
    s3: new S3Client(config),
    ec2: new EC2Client(config),
    resourceSts: new STSClient(config),
    resourceIam: new IAMClient(config),
    orgSts: new STSClient(config),
    resourceOrganizations: new OrganizationsClient(config),
  }
  const stubs = {
    sts: mockClient(clients.sts) as AnyStub,
    iam: mockClient(clients.iam) as AnyStub,
    organizations: mockClient(clients.organizations) as AnyStub,
    s3: mockClient(clients.s3) as AnyStub,
    ec2: mockClient(clients.ec2) as AnyStub,
    resourceSts: mockClient(clients.resourceSts) as AnyStub,
    resourceIam: mockClient(clients.resourceIam) as AnyStub,
    orgSts: mockClient(clients.orgSts) as AnyStub,
    resourceOrganizations: mockClient(clients.resourceOrganizations) as AnyStub,
  }
  live.push(stubs)
  stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: account, Arn: `arn:aws:iam::${account}:user/operator`, UserId: 'AIDAOPERATOR' })
  for (const sts of [stubs.resourceSts, stubs.orgSts]) {
    sts.on(GetCallerIdentityCommand).resolves({ Account: account, Arn: `arn:aws:iam::${account}:user/operator`, UserId: 'AIDAOPERATOR' })
  }
  // Quiet defaults, overridden by each test: no organization, no attached or inline policies, no groups.
  for (const organizations of [stubs.organizations, stubs.resourceOrganizations]) {
    organizations.on(DescribeOrganizationCommand).rejects(awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'))
  }
  stubs.iam.on(ListAttachedUserPoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false })
  stubs.iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false })
  stubs.iam.on(ListAttachedGroupPoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false })
  stubs.iam.on(ListUserPoliciesCommand).resolves({ PolicyNames: [], IsTruncated: false })
  stubs.iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [], IsTruncated: false })
  stubs.iam.on(ListGroupPoliciesCommand).resolves({ PolicyNames: [], IsTruncated: false })
  stubs.iam.on(ListGroupsForUserCommand).resolves({ Groups: [], IsTruncated: false })
  // `ec2` is given, so the pool never asks for another region's client.
  // Without --org-profile / --org-role-arn the caller reads Organizations: one client serves both.
  const all: AwsClients = { ...clients, callerOrganizations: clients.organizations, ec2InRegion: () => clients.ec2 }
  return {
    clients: all,
    ...stubs,
    provider: (options = {}) => createAwsProvider({ clients: all, ...options }),
    operations: () => operationsOf(stubs),
  }
}

export function allow(action: string, sid = 'Allow'): object {
  return { Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: action, Resource: '*' }] }
}

export function deny(action: string, sid = 'Deny'): object {
  return { Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Deny', Action: action, Resource: '*' }] }
}

export function query(principalArn: string, extra: Partial<PrincipalQuery> = {}): PrincipalQuery {
  return {
    principalArn,
    action: 's3:GetObject',
    resources: [],
    context: [],
    sessionPolicy: null,
    resourceAccount: null,
    sourceVpce: null,
    region: null,
    ...extra,
  }
}

/** Names of policies of one type, in order. */
export function names(policies: readonly { source: { name: string | null } }[]): (string | null)[] {
  return policies.map((p) => p.source.name)
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export interface RoleFixture {
  readonly name: string
  readonly path?: string
  readonly roleId?: string
  readonly tags?: Record<string, string>
  readonly boundaryArn?: string
}

/** GetRole answers for `role`, as IAM sends them. */
export function givenRole(aws: MockedAws, role: RoleFixture, account = ACCOUNT): string {
  const path = role.path ?? '/'
  const arn = `arn:aws:iam::${account}:role${path}${role.name}`
  aws.iam.on(GetRoleCommand, { RoleName: role.name }).resolves({
    Role: {
      Path: path,
      RoleName: role.name,
      RoleId: role.roleId ?? 'AROAEXAMPLEROLEID01',
      Arn: arn,
      CreateDate: new Date('2024-01-01T00:00:00Z'),
      AssumeRolePolicyDocument: iamDocument({ Version: '2012-10-17', Statement: [] }),
      ...(role.tags ? { Tags: Object.entries(role.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
      ...(role.boundaryArn ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: role.boundaryArn } } : {}),
    },
  })
  return arn
}

/** A managed policy with one version, as GetPolicy / GetPolicyVersion send it. */
export function givenManagedPolicy(aws: MockedAws, arn: string, document: object, versionId = 'v3'): void {
  const name = arn.slice(arn.lastIndexOf('/') + 1)
  aws.iam.on(GetPolicyCommand, { PolicyArn: arn }).resolves({
    Policy: { PolicyName: name, PolicyId: `ANPA${name.toUpperCase()}`, Arn: arn, DefaultVersionId: versionId, AttachmentCount: 1 },
  })
  aws.iam.on(GetPolicyVersionCommand, { PolicyArn: arn, VersionId: versionId }).resolves({
    PolicyVersion: { Document: iamDocument(document), VersionId: versionId, IsDefaultVersion: true },
  })
}
