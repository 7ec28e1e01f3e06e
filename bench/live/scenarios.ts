/**
 * The two live scenarios: (a) a role with 10 attached and 3 inline policies, reading a bucket
 * in its own account, in an account three OUs deep; (b) a user in 3 groups. The organization
 * has SCPs and RCPs enabled, FullAWSAccess at every level and a deny at two OUs.
 */
import type { PrincipalQuery } from '../../src/sources/types.js'
import type { FakeWorld } from './fake-aws.js'

export const ACCOUNT = '111111111111'

const allow = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] })
const deny = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] })

const SERVICES = ['s3:Get*', 'ec2:Describe*', 'dynamodb:Query', 'sqs:SendMessage', 'logs:PutLogEvents', 'lambda:InvokeFunction', 'kms:Decrypt', 'sns:Publish', 'ssm:GetParameter', 'ec2:TerminateInstances']
const managedArn = (i: number) => (i < 2 ? `arn:aws:iam::aws:policy/AwsManaged${i}` : `arn:aws:iam::${ACCOUNT}:policy/Team${i}`)

function world(): FakeWorld {
  const managed: Record<string, object> = {}
  SERVICES.forEach((action, i) => (managed[managedArn(i)] = allow(action)))
  const scp = 'SERVICE_CONTROL_POLICY'
  const rcp = 'RESOURCE_CONTROL_POLICY'
  const levels = ['r-live', 'ou-live-aaaa1111', 'ou-live-bbbb2222', 'ou-live-cccc3333', ACCOUNT]
  const attached: Record<string, string[]> = {}
  for (const level of levels) {
    attached[`${scp}|${level}`] = ['p-FullAWSAccess']
    attached[`${rcp}|${level}`] = ['p-RCPFullAWSAccess']
  }
  attached[`${scp}|ou-live-aaaa1111`]!.push('p-denyleave')
  attached[`${scp}|ou-live-cccc3333`]!.push('p-denyregions')
  attached[`${rcp}|ou-live-bbbb2222`]!.push('p-rcptls')
  return {
    account: ACCOUNT,
    roles: {
      AppRole: {
        attached: SERVICES.map((_, i) => managedArn(i)),
        inline: { InlineA: allow('s3:ListBucket'), InlineB: deny('s3:DeleteBucket'), InlineC: allow('cloudwatch:PutMetricData') },
      },
    },
    users: { carol: { groups: ['Developers', 'Readers', 'OnCall'], attached: [managedArn(9)], inline: { CarolOwn: allow('ec2:StopInstances') } } },
    groups: {
      // AwsManaged0 is attached to two groups: it must still be read once.
      Developers: { attached: [managedArn(0), managedArn(2)], inline: { DevInline: allow('ec2:RunInstances') } },
      Readers: { attached: [managedArn(0), managedArn(3)], inline: { ReadInline: allow('s3:List*') } },
      OnCall: { attached: [managedArn(4), managedArn(5)], inline: { OnCallInline: deny('ec2:TerminateInstances') } },
    },
    managed,
    org: {
      id: 'o-live111111',
      managementAccount: '999999999999',
      rootId: 'r-live',
      parents: { [ACCOUNT]: 'ou-live-cccc3333', 'ou-live-cccc3333': 'ou-live-bbbb2222', 'ou-live-bbbb2222': 'ou-live-aaaa1111', 'ou-live-aaaa1111': 'r-live' },
      attached,
      policies: {
        'p-FullAWSAccess': { name: 'FullAWSAccess', content: allow('*') },
        'p-RCPFullAWSAccess': { name: 'RCPFullAWSAccess', content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] } },
        'p-denyleave': { name: 'DenyLeaveOrganization', content: deny('organizations:LeaveOrganization') },
        'p-denyregions': { name: 'DenyOtherRegions', content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } } }] } },
        'p-rcptls': { name: 'EnforceTLS', content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }] } },
      },
    },
    buckets: {
      'app-data-111': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/AppRole` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::app-data-111/*' }] },
    },
  }
}

export interface LiveScenario {
  readonly name: string
  readonly world: FakeWorld
  readonly query: PrincipalQuery
}

const base = { context: [['aws:SecureTransport', 'true'] as const], sessionPolicy: null, resourceAccount: null, sourceVpce: null, region: 'us-east-1' } as const

export function scenarios(): LiveScenario[] {
  return [
    {
      name: 'role, 10 attached + 3 inline, 3 OUs deep',
      world: world(),
      query: { ...base, principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/AppRole/alice`, action: 's3:GetObject', resources: ['arn:aws:s3:::app-data-111/reports/q1.csv'] },
    },
    {
      name: 'user in 3 groups',
      world: world(),
      query: { ...base, principalArn: `arn:aws:iam::${ACCOUNT}:user/carol`, action: 'ec2:TerminateInstances', resources: [`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc1234`] },
    },
  ]
}
