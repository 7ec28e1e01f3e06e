/**
 * The organization side of the corpus: three SCP levels (root, OU, account), an RCP chain,
 * a permissions boundary, and each account's bucket policy.
 */
import type { Rng } from '../lib/prng.js'
import type { AccountNames } from './blocks.js'
import { ALLOWED_REGIONS } from './blocks.js'
import { doc, type NamedPolicy } from './case-file.js'

const FULL_ACCESS: NamedPolicy = { name: 'FullAWSAccess', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }
const RCP_FULL_ACCESS: NamedPolicy = { name: 'RCPFullAWSAccess', document: doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }) }

const GLOBAL_SERVICES = ['iam:*', 'sts:*', 'organizations:*', 'support:*', 'cloudfront:*', 'route53:*', 's3:ListAllMyBuckets']

export const DENY_REGIONS: NamedPolicy = {
  name: 'DenyOutsideApprovedRegions',
  document: doc({
    Sid: 'DenyOtherRegions',
    Effect: 'Deny',
    NotAction: GLOBAL_SERVICES,
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': ALLOWED_REGIONS } },
  }),
}

export const DENY_RUN_INSTANCES: NamedPolicy = {
  name: 'DenyRunInstances',
  document: doc({
    Sid: 'DenyRunInstancesExceptCloudOps',
    Effect: 'Deny',
    Action: 'ec2:RunInstances',
    Resource: '*',
    Condition: { ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/CloudOps' } },
  }),
}

export const DENY_LARGE_INSTANCES: NamedPolicy = {
  name: 'DenyLargeInstances',
  document: doc({ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { StringLike: { 'ec2:InstanceType': ['p4d.*', '*.metal'] } } }),
}

const ALLOW_LIST: NamedPolicy = {
  name: 'AllowListedServices',
  document: doc({ Effect: 'Allow', Action: ['s3:*', 'ec2:*', 'dynamodb:*', 'sqs:*', 'logs:*', 'lambda:*', 'iam:*', 'sts:*'], Resource: '*' }),
}

export const ENFORCE_TLS_RCP: NamedPolicy = {
  name: 'EnforceSecureTransport',
  document: doc({ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'sqs:*'], Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }),
}

export function orgRcp(orgId: string): NamedPolicy {
  return {
    name: 'DenyOutsideOrganization',
    document: doc({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': orgId }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
    }),
  }
}

export interface OrgChains {
  readonly scps: NamedPolicy[][]
  readonly rcps: NamedPolicy[][]
}

/** The SCP chain (root, OU, account) and RCP chain of one account. */
export function chainsFor(names: AccountNames, rng: Rng): OrgChains {
  const ouScps = [FULL_ACCESS, DENY_REGIONS, ...(rng.chance(0.6) ? [DENY_RUN_INSTANCES] : []), ...(rng.chance(0.5) ? [DENY_LARGE_INSTANCES] : [])]
  const accountScps = rng.chance(0.4) ? [ALLOW_LIST] : [FULL_ACCESS]
  const rcpOu = [RCP_FULL_ACCESS, ...(rng.chance(0.7) ? [ENFORCE_TLS_RCP] : []), ...(rng.chance(0.5) ? [orgRcp(names.orgId)] : [])]
  return { scps: [[FULL_ACCESS], ouScps, accountScps], rcps: [[RCP_FULL_ACCESS], rcpOu, [RCP_FULL_ACCESS]] }
}

export function boundaryPolicy(rng: Rng): NamedPolicy {
  const services = rng.sample(['s3:*', 'ec2:*', 'dynamodb:*', 'sqs:*', 'logs:*', 'lambda:*', 'iam:Get*', 'iam:List*'], rng.int(4, 8))
  return {
    name: 'DeveloperBoundary',
    document: doc(
      { Sid: 'Ceiling', Effect: 'Allow', Action: services, Resource: '*' },
      { Sid: 'NoUserCreation', Effect: 'Deny', Action: ['iam:CreateUser', 's3:DeleteBucket'], Resource: '*' },
    ),
  }
}

/**
 * A bucket policy: grants to a role and a user of other accounts and of its own, an account
 * grant bounded by the organization, and the usual TLS and encryption denies.
 */
export function bucketPolicy(bucket: string, grants: { roleArns: string[]; userArns: string[]; accountRoots: string[]; orgId: string }): NamedPolicy {
  const arns = [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`]
  return {
    name: bucket,
    arn: `arn:aws:s3:::${bucket}`,
    document: doc(
      { Sid: 'RoleRead', Effect: 'Allow', Principal: { AWS: grants.roleArns }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: arns },
      { Sid: 'UserUpload', Effect: 'Allow', Principal: { AWS: grants.userArns }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/uploads/*` },
      {
        Sid: 'AccountShared',
        Effect: 'Allow',
        Principal: { AWS: grants.accountRoots },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${bucket}/shared/*`,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': grants.orgId } },
      },
      {
        Sid: 'OrgRead',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 's3:ListBucket',
        Resource: arns[0]!,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': grants.orgId }, StringLike: { 's3:prefix': 'shared/*' } },
      },
      {
        Sid: 'DenyOutsideAdmins',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:DeleteObject',
        Resource: arns[1]!,
        Condition: { StringNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/CloudOps', 'arn:aws:iam::*:role/ops-*'] } },
      },
      { Sid: 'DenyInsecure', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: arns, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      {
        Sid: 'DenyUnencryptedUploads',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
        Condition: { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
      },
    ),
  }
}
