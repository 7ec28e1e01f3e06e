/**
 * Fake AWS for the live-diagnosis measurement: real SDK client objects (so the SDK's
 * paginators accept them) whose `send` answers from an in-memory account after a fixed
 * latency, and records every call's input, output, start and end.
 */
import { EC2Client } from '@aws-sdk/client-ec2'
import { IAMClient } from '@aws-sdk/client-iam'
import { OrganizationsClient } from '@aws-sdk/client-organizations'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import type { AwsClients } from '../../src/sources/aws/clients.js'
import type { CallRecord } from './critical-path.js'

export interface FakeWorld {
  readonly account: string
  readonly roles: Readonly<Record<string, { attached: readonly string[]; inline: Readonly<Record<string, object>> }>>
  readonly users: Readonly<Record<string, { groups: readonly string[]; attached: readonly string[]; inline: Readonly<Record<string, object>> }>>
  readonly groups: Readonly<Record<string, { attached: readonly string[]; inline: Readonly<Record<string, object>> }>>
  /** Managed policy ARN → document. */
  readonly managed: Readonly<Record<string, object>>
  readonly org: {
    readonly id: string
    readonly managementAccount: string
    readonly rootId: string
    /** Child (account or OU) → parent (OU or root). */
    readonly parents: Readonly<Record<string, string>>
    /** `SERVICE_CONTROL_POLICY|target` → policy IDs. */
    readonly attached: Readonly<Record<string, readonly string[]>>
    readonly policies: Readonly<Record<string, { name: string; content: object }>>
  }
  readonly buckets: Readonly<Record<string, object | null>>
}

type Answer = (input: Record<string, unknown>) => unknown

function notFound(name: string, message: string): Error {
  const error = new Error(message) as Error & { $metadata: object; $fault: string }
  error.name = name
  error.$metadata = { httpStatusCode: 404, requestId: 'bench' }
  error.$fault = 'client'
  return error
}

const encode = (document: object): string => encodeURIComponent(JSON.stringify(document))
const nameOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1)
const attachedList = (arns: readonly string[]) => ({ AttachedPolicies: arns.map((a) => ({ PolicyArn: a, PolicyName: nameOf(a) })), IsTruncated: false })

function answers(w: FakeWorld): Record<string, Answer> {
  const role = (i: Record<string, unknown>) => w.roles[String(i['RoleName'])] ?? (() => { throw notFound('NoSuchEntityException', `role ${String(i['RoleName'])}`) })()
  const user = (i: Record<string, unknown>) => w.users[String(i['UserName'])] ?? (() => { throw notFound('NoSuchEntityException', `user ${String(i['UserName'])}`) })()
  const group = (i: Record<string, unknown>) => w.groups[String(i['GroupName'])]!
  const org = w.org
  return {
    GetCallerIdentity: () => ({ Account: w.account, Arn: `arn:aws:iam::${w.account}:user/operator`, UserId: 'AIDABENCHOPERATOR' }),
    GetRole: (i) => (role(i), { Role: { RoleName: i['RoleName'], Path: '/', RoleId: 'AROABENCHROLE00001', Arn: `arn:aws:iam::${w.account}:role/${String(i['RoleName'])}`, CreateDate: new Date(0), Tags: [{ Key: 'team', Value: 'data' }] } }),
    GetUser: (i) => (user(i), { User: { UserName: i['UserName'], Path: '/', UserId: 'AIDABENCHUSER00001', Arn: `arn:aws:iam::${w.account}:user/${String(i['UserName'])}`, CreateDate: new Date(0), Tags: [] } }),
    ListAttachedRolePolicies: (i) => attachedList(role(i).attached),
    ListRolePolicies: (i) => ({ PolicyNames: Object.keys(role(i).inline), IsTruncated: false }),
    GetRolePolicy: (i) => ({ PolicyDocument: encode(role(i).inline[String(i['PolicyName'])]!) }),
    ListAttachedUserPolicies: (i) => attachedList(user(i).attached),
    ListUserPolicies: (i) => ({ PolicyNames: Object.keys(user(i).inline), IsTruncated: false }),
    GetUserPolicy: (i) => ({ PolicyDocument: encode(user(i).inline[String(i['PolicyName'])]!) }),
    ListGroupsForUser: (i) => ({ Groups: user(i).groups.map((g) => ({ GroupName: g, Arn: `arn:aws:iam::${w.account}:group/${g}` })), IsTruncated: false }),
    ListAttachedGroupPolicies: (i) => attachedList(group(i).attached),
    ListGroupPolicies: (i) => ({ PolicyNames: Object.keys(group(i).inline), IsTruncated: false }),
    GetGroupPolicy: (i) => ({ PolicyDocument: encode(group(i).inline[String(i['PolicyName'])]!) }),
    GetPolicy: (i) => ({ Policy: { Arn: i['PolicyArn'], PolicyName: nameOf(String(i['PolicyArn'])), DefaultVersionId: `v${nameOf(String(i['PolicyArn'])).length}` } }),
    GetPolicyVersion: (i) => ({ PolicyVersion: { VersionId: i['VersionId'], IsDefaultVersion: true, Document: encode(w.managed[String(i['PolicyArn'])]!) } }),
    DescribeOrganization: () => ({ Organization: { Id: org.id, MasterAccountId: org.managementAccount, Arn: `arn:aws:organizations::${org.managementAccount}:organization/${org.id}` } }),
    ListRoots: () => ({ Roots: [{ Id: org.rootId, Name: 'Root', PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }, { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' }] }] }),
    ListParents: (i) => {
      const parent = org.parents[String(i['ChildId'])]!
      return { Parents: [{ Id: parent, Type: parent.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] }
    },
    ListPoliciesForTarget: (i) => ({
      Policies: (org.attached[`${String(i['Filter'])}|${String(i['TargetId'])}`] ?? []).map((id) => ({ Id: id, Name: org.policies[id]!.name, Arn: `arn:aws:organizations::${org.managementAccount}:policy/${org.id}/${id}` })),
    }),
    DescribePolicy: (i) => {
      const id = String(i['PolicyId'])
      const p = org.policies[id]!
      return { Policy: { PolicySummary: { Id: id, Name: p.name, Arn: `arn:aws:organizations::${org.managementAccount}:policy/${org.id}/${id}` }, Content: JSON.stringify(p.content) } }
    },
    DescribeOrganizationalUnit: (i) => ({ OrganizationalUnit: { Id: i['OrganizationalUnitId'], Name: `OU ${String(i['OrganizationalUnitId'])}` } }),
    DescribeAccount: (i) => ({ Account: { Id: i['AccountId'], Name: `Account ${String(i['AccountId'])}` } }),
    // Every bench bucket is in us-east-1, which S3 reports as an empty location constraint.
    GetBucketLocation: (i) => {
      if (w.buckets[String(i['Bucket'])] === undefined) throw notFound('NoSuchBucket', `bucket ${String(i['Bucket'])}`)
      return { LocationConstraint: undefined }
    },
    GetBucketPolicy: (i) => {
      const policy = w.buckets[String(i['Bucket'])]
      if (policy === undefined) throw notFound('NoSuchBucket', `bucket ${String(i['Bucket'])}`)
      if (policy === null) throw notFound('NoSuchBucketPolicy', 'The bucket policy does not exist')
      return { Policy: JSON.stringify(policy) }
    },
  }
}

export interface FakeAws {
  readonly clients: Partial<AwsClients>
  readonly calls: CallRecord[]
}

/** Clients over `world`, each call answering after `latencyMs`; times are ms since `origin`. */
export function fakeAws(world: FakeWorld, latencyMs: number, origin: () => number): FakeAws {
  const calls: CallRecord[] = []
  const table = answers(world)
  const config = { region: 'us-east-1', credentials: { accessKeyId: 'AKIABENCH', secretAccessKey: 'bench' } }
  const wire = <C extends { send: unknown }>(service: string, client: C): C => {
    ;(client as { send: unknown }).send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const operation = command.constructor.name.replace(/Command$/, '')
      const start = origin()
      await new Promise((resolve) => setTimeout(resolve, latencyMs))
      const answer = table[operation]
      let output: unknown = null
      try {
        if (!answer) throw new Error(`the bench's fake AWS does not answer ${service}:${operation}`)
        output = answer(command.input)
        return output
      } finally {
        calls.push({ id: calls.length, service, operation, input: command.input, output, start, end: origin() })
      }
    }
    return client
  }
  const sts = wire('sts', new STSClient(config))
  const iam = wire('iam', new IAMClient(config))
  return {
    calls,
    clients: {
      sts,
      iam,
      organizations: wire('organizations', new OrganizationsClient(config)),
      s3: wire('s3', new S3Client(config)),
      ec2: wire('ec2', new EC2Client(config)),
      resourceSts: sts,
      resourceIam: iam,
      orgSts: sts,
    },
  }
}
