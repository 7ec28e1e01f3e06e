/**
 * The seed article's scenarios as a live organization for the fake AWS: the same principals
 * and policies as examples/demo-snapshot.json, with the article's malformed JSON corrected (IAM
 * stores only valid documents). Organization o-abc123def4: root r-ab12 → OU Workloads → OU
 * Prod → account 111111111111 (three levels below the root, with SCP DenyRunInstances at Prod);
 * root → OU Data → account 222222222222; management account 999999999999 at the root.
 */
import type { FakeOrganization, FakeWorld } from '../helpers/fake-world.js'

export const W = '111111111111'
export const D = '222222222222'
export const MGMT = '999999999999'
export const ROOT = 'r-ab12'
export const OU_WORKLOADS = 'ou-ab12-11111111'
export const OU_PROD = 'ou-ab12-22222222'
export const OU_DATA = 'ou-ab12-33333333'

const V = '2012-10-17'
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' }

/** The article's MFA-enforcing statement (identity policy, step 2). */
const DENY_WITHOUT_MFA = {
  Sid: 'DenyAllExceptListedIfNoMFA',
  Effect: 'Deny',
  NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
  Resource: '*',
  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
}

export const ORGANIZATION: FakeOrganization = {
  id: 'o-abc123def4',
  managementAccount: MGMT,
  rootId: ROOT,
  parents: { [W]: OU_PROD, [OU_PROD]: OU_WORKLOADS, [OU_WORKLOADS]: ROOT, [D]: OU_DATA, [OU_DATA]: ROOT, [MGMT]: ROOT },
  names: { [OU_WORKLOADS]: 'Workloads', [OU_PROD]: 'Prod', [OU_DATA]: 'Data', [W]: 'Workloads', [D]: 'Data', [MGMT]: 'Management' },
  policies: {
    'p-FullAWSAccess': { name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', content: { Version: V, Statement: [allowAll] } },
    'p-denyrun111': {
      name: 'DenyRunInstances',
      type: 'SERVICE_CONTROL_POLICY',
      // The article's SCP with the CloudOps exception.
      content: { Version: V, Statement: [{ Sid: 'DenyRunInstancesExceptCloudOps', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/CloudOps' } } }] },
    },
    'p-RCPFullAWSAccess': { name: 'RCPFullAWSAccess', type: 'RESOURCE_CONTROL_POLICY', content: { Version: V, Statement: [{ ...allowAll, Principal: '*' }] } },
  },
  attached: Object.fromEntries([
    ...[ROOT, OU_WORKLOADS, OU_DATA, W, D, MGMT].map((id) => [`SERVICE_CONTROL_POLICY|${id}`, ['p-FullAWSAccess']]),
    // Two pages: the Deny comes on the second.
    [`SERVICE_CONTROL_POLICY|${OU_PROD}`, ['p-FullAWSAccess', 'p-denyrun111']],
    ...[ROOT, OU_WORKLOADS, OU_PROD, OU_DATA, W, D, MGMT].map((id) => [`RESOURCE_CONTROL_POLICY|${id}`, ['p-RCPFullAWSAccess']]),
  ]),
}

const READ_ONLY = `arn:aws:iam::aws:policy/ReadOnlyAccess`
const EC2_OPERATOR = `arn:aws:iam::${W}:policy/EC2Operator`
const DEVELOPER_ACCESS = `arn:aws:iam::${W}:policy/DeveloperAccess`
export const DEV_BOUNDARY = `arn:aws:iam::${D}:policy/DevBoundary`

/** Account 111111111111 (OU Prod): the SCP, MFA, bucket, endpoint and session scenarios. */
export function workloadsWorld(extra: Partial<FakeWorld> = {}): FakeWorld {
  return {
    account: W,
    org: ORGANIZATION,
    roles: [
      { name: 'CloudOps', roleId: 'AROAEXAMPLECLOUDOPS01', attached: [EC2_OPERATOR, READ_ONLY], tags: { team: 'platform' } },
      { name: 'TestReadOnly', roleId: 'AROAEXAMPLETESTREAD01', attached: [READ_ONLY], inline: { AllowRunInstances: { Version: V, Statement: [{ Sid: 'AllowRunInstances', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }] } } },
      {
        name: 'RoleAdmin',
        roleId: 'AROAEXAMPLEROLEADMN01',
        attached: [READ_ONLY],
        inline: {
          RoleAdministration: {
            Version: V,
            Statement: [
              { Sid: 'AllowIamAdministration', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
              // Article, identity-based policy step 1.
              { Sid: 'DenyDeleteRole', Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' },
            ],
          },
        },
      },
      { name: 'DataAuditor', roleId: 'AROAEXAMPLEAUDITOR001', attached: [READ_ONLY] },
    ],
    users: [{ name: 'tester', userId: 'AIDAEXAMPLETESTER0001', groups: ['AllStaff', 'Developers'], attached: [DEVELOPER_ACCESS], tags: { team: 'qa' } }],
    groups: [
      { name: 'AllStaff', attached: [READ_ONLY] },
      { name: 'Developers', inline: { ForceMFA: { Version: V, Statement: [{ Sid: 'AllowManageOwnMFA', Effect: 'Allow', Action: ['iam:EnableMFADevice', 'iam:ListMFADevices'], Resource: 'arn:aws:iam::*:user/${aws:username}' }, DENY_WITHOUT_MFA] } } },
    ],
    managed: {
      [READ_ONLY]: { Version: V, Statement: [{ Sid: 'ReadOnlyActions', Effect: 'Allow', Action: ['ec2:Describe*', 'iam:Get*', 'iam:List*', 's3:Get*', 's3:List*'], Resource: '*' }] },
      [EC2_OPERATOR]: { Version: V, Statement: [{ Sid: 'OperateInstances', Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:CreateTags'], Resource: '*' }] },
      [DEVELOPER_ACCESS]: { Version: V, Statement: [{ Sid: 'AllowEC2AndS3', Effect: 'Allow', Action: ['ec2:*', 's3:*'], Resource: '*' }] },
    },
    buckets: {
      // Article, bucket policy step 3 (aws:userid).
      'demo-locked-bucket': {
        Version: V,
        Statement: [{ Sid: 'DenyAllButListedIdentities', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::demo-locked-bucket', 'arn:aws:s3:::demo-locked-bucket/*'], Condition: { StringNotLike: { 'aws:userId': ['AROAEXAMPLECLOUDOPS01:*', 'AIDAEXAMPLETESTER0001', W] } } }],
      },
      // Article, VPC endpoint section (curly quotes corrected).
      examplebucket: {
        Version: V,
        Id: 'Policy123456789',
        Statement: [{ Sid: 'AccessSpecificVPCEOnly', Principal: '*', Action: 's3:*', Effect: 'Deny', Resource: ['arn:aws:s3:::examplebucket', 'arn:aws:s3:::examplebucket/*'], Condition: { StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-11111' } } }],
      },
      // Article, bucket policy step 1 ("deny" corrected to "Deny").
      'my-example-bucket': { Version: V, Statement: [{ Sid: 'DenyAuditorListBucket', Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${W}:role/DataAuditor` }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-example-bucket' }] },
      'workloads-artifacts-111': null,
    },
    endpoints: [
      { id: 'vpce-11111', vpcId: 'vpc-0a1b2c3d4e5f60001', serviceName: 'com.amazonaws.us-east-1.s3', policy: { Version: V, Statement: [{ Sid: 'AllowAccountPrincipals', Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': W } } }] } },
      { id: 'vpce-22222', vpcId: 'vpc-0a1b2c3d4e5f60002', serviceName: 'com.amazonaws.us-east-1.s3', policy: { Version: V, Statement: [{ Sid: 'AllowAll', ...allowAll, Principal: '*' }, { Sid: 'DenyPutObject', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: '*' }] } },
      { id: 'vpce-99999', vpcId: 'vpc-0a1b2c3d4e5f60009', serviceName: 'com.amazonaws.us-east-1.s3', policy: { Version: V, Statement: [{ Sid: 'AllowAll', ...allowAll, Principal: '*' }] } },
    ],
    ...extra,
  }
}

/** Account 222222222222 (OU Data): the TagKeys + InstanceType deny and the permissions boundary. */
export function dataWorld(extra: Partial<FakeWorld> = {}): FakeWorld {
  return {
    account: D,
    org: ORGANIZATION,
    roles: [
      {
        name: 'LaunchRestricted',
        roleId: 'AROAEXAMPLELAUNCHRST1',
        inline: {
          LaunchRestrictions: {
            Version: V,
            Statement: [
              { Sid: 'AllowRunInstancesWithRestrictions', Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:CreateVolume'], Resource: '*' },
              // Article, identity-based policy step 3 (missing comma corrected).
              {
                Sid: 'AllowRunInstancesWithRestrictions2',
                Effect: 'Deny',
                Action: ['ec2:CreateVolume', 'ec2:RunInstances'],
                Resource: ['arn:aws:ec2:*:*:volume/*', 'arn:aws:ec2:*:*:instance/*'],
                Condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'Production' }, StringEquals: { 'ec2:InstanceType': 't2.micro' } },
              },
            ],
          },
        },
      },
      { name: 'BoundedDeveloper', roleId: 'AROAEXAMPLEBOUNDEDEV1', boundaryArn: DEV_BOUNDARY, inline: { AllowRunInstances: { Version: V, Statement: { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' } } } },
    ],
    users: [],
    groups: [],
    managed: {
      // Article, permissions boundary section, plus an Allow for everything else.
      [DEV_BOUNDARY]: { Version: V, Statement: [{ Sid: 'DenyAllEC2', Effect: 'Deny', Action: 'ec2:*', Resource: '*' }, { Sid: 'AllowEverythingElse', ...allowAll }] },
    },
    buckets: {},
    endpoints: [],
    ...extra,
  }
}
