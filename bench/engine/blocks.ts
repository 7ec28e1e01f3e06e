/**
 * Building blocks of realistic identity policies: the shapes real accounts use (wildcard
 * actions, NotAction, policy variables, conditions of every common family). Each block gives
 * one to three statements about one account's resources.
 */
import type { Rng } from '../lib/prng.js'
import type { StatementDoc } from './case-file.js'

export interface AccountNames {
  readonly account: string
  readonly orgId: string
  readonly rootId: string
  /** The OU that holds the account's deny SCPs. */
  readonly ouId: string
  readonly buckets: readonly string[]
  readonly tables: readonly string[]
  readonly queues: readonly string[]
  readonly functions: readonly string[]
}

export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const
export const ALLOWED_REGIONS = ['us-east-1', 'eu-west-1']
export const OFFICE_CIDRS = ['203.0.113.0/24', '198.51.100.0/24']

type Block = (names: AccountNames, rng: Rng) => StatementDoc[]

const s3Arns = (bucket: string): string[] => [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`]

export const BLOCKS: readonly Block[] = [
  (n, r) => [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: s3Arns(r.pick(n.buckets)) }],
  (n, r) => [{ Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${r.pick(n.buckets)}/home/\${aws:username}/*` }],
  (n, r) => [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: `arn:aws:s3:::${r.pick(n.buckets)}/team/\${aws:PrincipalTag/team}/*` }],
  (n, r) => [
    {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: `arn:aws:s3:::${r.pick(n.buckets)}`,
      Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'shared/*', ''] } },
    },
  ],
  () => [{ Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:Get*'], Resource: '*' }],
  () => [{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringLike: { 'ec2:InstanceType': ['t3.*', 'm5.*'] } } }],
  () => [
    {
      Effect: 'Allow',
      Action: ['ec2:TerminateInstances', 'ec2:StopInstances'],
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    },
  ],
  (n, r) => [
    {
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
      Resource: `arn:aws:dynamodb:*:${n.account}:table/${r.pick(n.tables).slice(0, 4)}*`,
      Condition: { StringEquals: { 'aws:RequestedRegion': ALLOWED_REGIONS } },
    },
  ],
  (n) => [{ Effect: 'Allow', Action: 'sqs:*', Resource: `arn:aws:sqs:*:${n.account}:app-*` }],
  () => [
    {
      Effect: 'Allow',
      NotAction: ['iam:*', 'organizations:*', 'account:*'],
      Resource: '*',
      Condition: { IpAddress: { 'aws:SourceIp': OFFICE_CIDRS } },
    },
  ],
  () => [
    {
      Sid: 'DenyAllExceptListedIfNoMFA',
      Effect: 'Deny',
      NotAction: ['iam:ListUsers', 'iam:GetUser', 'iam:ListMFADevices', 'sts:GetSessionToken', 'ec2:Describe*'],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
  () => [
    {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': [...OFFICE_CIDRS, '10.0.0.0/8'] }, Bool: { 'aws:ViaAWSService': 'false' } },
    },
  ],
  () => [{ Effect: 'Deny', Action: ['s3:DeleteObject', 's3:DeleteBucket'], Resource: 'arn:aws:s3:::*-prod/*' }],
  (n) => [{ Effect: 'Allow', Action: ['logs:PutLogEvents', 'logs:CreateLogStream'], Resource: `arn:aws:logs:*:${n.account}:log-group:/app/*` }],
  (n) => [
    {
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: `arn:aws:lambda:*:${n.account}:function:app-*`,
      Condition: { DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' }, DateGreaterThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } },
    },
  ],
  () => [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }],
  (n) => [{ Effect: 'Allow', Action: 'iam:CreateUser', Resource: `arn:aws:iam::${n.account}:user/app/*` }],
  () => [{ Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/protected': 'true' } } }],
  () => [{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Name', 'team', 'env'] } } }],
  () => [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { Null: { 'aws:RequestTag/team': 'true' } } }],
  () => [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { NumericLessThan: { 'aws:EpochTime': '1800000000' } } }],
  (n) => [
    {
      Effect: 'Allow',
      Action: 'sqs:SendMessage',
      Resource: `arn:aws:sqs:*:${n.account}:*`,
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app-*' } },
    },
  ],
  (n) => [
    {
      Effect: 'Allow',
      Action: ['dynamodb:*'],
      Resource: `arn:aws:dynamodb:*:${n.account}:table/*`,
      Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${n.orgId}/${n.rootId}/${n.ouId}/*`] } },
    },
  ],
  () => [
    {
      Effect: 'Deny',
      Action: 'dynamodb:PutItem',
      Resource: '*',
      Condition: { StringEqualsIgnoreCase: { 'aws:PrincipalTag/env': 'PROD' }, StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } },
    },
  ],
  (n, r) => [
    {
      Effect: 'Allow',
      NotAction: 's3:Delete*',
      NotResource: s3Arns(`${r.pick(n.buckets)}-archive`),
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['data', 'platform'] } },
    },
  ],
  () => [
    {
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' }, BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
  () => [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['cost'] } } }],
  (n) => [
    {
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'sqs:SendMessage', 'lambda:InvokeFunction'],
      Resource: '*',
      Condition: { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' }, StringLike: { 'aws:PrincipalArn': [`arn:aws:iam::${n.account}:*`] } },
    },
  ],
  () => [{ Effect: 'Deny', NotAction: ['s3:Get*', 's3:List*'], Resource: 'arn:aws:s3:::*-prod*' }],
  () => [{ Effect: 'Deny', Action: 'iam:*', NotResource: 'arn:aws:iam::*:user/app/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
]
