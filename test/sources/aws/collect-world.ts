/**
 * The fake organization the collect tests read: three OUs deep (Workloads → Prod → Payments),
 * SCPs and RCPs with AWS's default full-access policies at every level, and account
 * 111111111111 holding the scenarios of the AWS troubleshooting article (SCP deny at an OU,
 * group MFA deny, boundary deny, a bucket open only through one VPC endpoint).
 */
import type { FakeAccount, FakeOrganization, FakeWorld } from './collect-fake-aws.js'

export const PAYMENTS = '111111111111'
export const DATA = '222222222222'
export const SANDBOX = '333333333333'
export const SUSPENDED = '444444444444'
export const MANAGEMENT = '999999999999'

export const ROOT = 'r-prty'
export const OU_WORKLOADS = 'ou-prty-aaaaaaaa'
export const OU_PROD = 'ou-prty-bbbbbbbb'
export const OU_PAYMENTS = 'ou-prty-cccccccc'

const V = '2012-10-17'
const allowAll = { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
/** AWS's default endpoint policy; endpoint and RCP statements must name a principal. */
const endpointAllowAll = { Version: V, Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }
/** AWS's RCPFullAWSAccess: RCP statements must name a principal. */
const rcpAllowAll = { Version: V, Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }

const everyTarget = [ROOT, OU_WORKLOADS, OU_PROD, OU_PAYMENTS, MANAGEMENT, PAYMENTS, DATA, SANDBOX, SUSPENDED]

export const DENY_RUN_INSTANCES = {
  Version: V,
  Statement: [
    {
      Sid: 'DenyRunInstancesExceptCloudOps',
      Effect: 'Deny',
      Action: 'ec2:RunInstances',
      Resource: '*',
      Condition: { ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/CloudOps' } },
    },
  ],
}

export function organization(): FakeOrganization {
  return {
    id: 'o-prty111111',
    managementAccountId: MANAGEMENT,
    root: { id: ROOT, name: 'Root', policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] },
    ous: [
      { id: OU_WORKLOADS, name: 'Workloads', parentId: ROOT },
      { id: OU_PROD, name: 'Prod', parentId: OU_WORKLOADS },
      { id: OU_PAYMENTS, name: 'Payments', parentId: OU_PROD },
    ],
    accounts: [
      { id: MANAGEMENT, name: 'Management', parentId: ROOT },
      { id: PAYMENTS, name: 'Payments', parentId: OU_PAYMENTS },
      { id: DATA, name: 'Data', parentId: OU_WORKLOADS },
      { id: SANDBOX, name: 'Sandbox', parentId: OU_WORKLOADS },
      { id: SUSPENDED, name: 'Old', parentId: OU_WORKLOADS, state: 'SUSPENDED' },
    ],
    policies: [
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', document: allowAll, targets: everyTarget },
      { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess', type: 'RESOURCE_CONTROL_POLICY', document: rcpAllowAll, targets: everyTarget },
      { id: 'p-denyrun1', name: 'DenyRunInstances', type: 'SERVICE_CONTROL_POLICY', document: DENY_RUN_INSTANCES, targets: [OU_PROD] },
      {
        id: 'p-rcpext11',
        name: 'DenyS3OutsideOrg',
        type: 'RESOURCE_CONTROL_POLICY',
        document: {
          Version: V,
          Statement: [{ Sid: 'OrgOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-prty111111' } } }],
        },
        targets: [OU_WORKLOADS],
      },
    ],
  }
}

export const READ_ONLY_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
export const DEV_BOUNDARY_ARN = `arn:aws:iam::${PAYMENTS}:policy/DevBoundary`

/** The article's DenyAllExceptListedIfNoMFA, on group Developers. */
export const FORCE_MFA = {
  Version: V,
  Statement: [
    {
      Sid: 'DenyAllExceptListedIfNoMFA',
      Effect: 'Deny',
      NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'sts:GetSessionToken'],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
}

export const VPCE_ONLY = {
  Version: V,
  Id: 'AccessSpecificVPCEOnly',
  Statement: [
    {
      Sid: 'AccessSpecificVPCEOnly',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::examplebucket', 'arn:aws:s3:::examplebucket/*'],
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-11111111' } },
    },
  ],
}

export function paymentsAccount(options: { readonly unreadableBucket?: boolean } = {}): FakeAccount {
  return {
    users: [{ name: 'tester', id: 'AIDATESTER0000000001', groups: ['Developers'], managed: [READ_ONLY_ARN], tags: { team: 'payments' } }],
    groups: [
      { name: 'Developers', id: 'AGPADEVELOPERS000001', managed: ['arn:aws:iam::aws:policy/PowerUserAccess'], inline: { ForceMFA: FORCE_MFA } },
      { name: 'Auditors', id: 'AGPAAUDITORS00000001', path: '/audit/' },
    ],
    roles: [
      { name: 'CloudOps', id: 'AROACLOUDOPS00000001', managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
      {
        name: 'TestReadOnly',
        id: 'AROATESTREADONLY0001',
        managed: [READ_ONLY_ARN],
        inline: { AllowRunInstances: { Version: V, Statement: [{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }] } },
        tags: { env: 'prod' },
      },
      {
        name: 'BoundedDev',
        id: 'AROABOUNDEDDEV000001',
        path: '/dev/',
        inline: { AllowEc2: { Version: V, Statement: [{ Effect: 'Allow', Action: ['ec2:*', 's3:*'], Resource: '*' }] } },
        boundary: DEV_BOUNDARY_ARN,
      },
      { name: 'AWSServiceRoleForSupport', id: 'AROASUPPORT000000001', path: '/aws-service-role/support.amazonaws.com/' },
    ],
    policies: [
      { arn: 'arn:aws:iam::aws:policy/AdministratorAccess', document: allowAll },
      { arn: 'arn:aws:iam::aws:policy/PowerUserAccess', document: { Version: V, Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }] } },
      { arn: READ_ONLY_ARN, version: 'v7', document: { Version: V, Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 's3:Get*', 's3:List*'], Resource: '*' }] } },
      // Used only as a boundary: GetAccountAuthorizationDetails leaves it out, collect fetches it.
      {
        arn: DEV_BOUNDARY_ARN,
        version: 'v2',
        onlyByGetPolicy: true,
        document: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Sid: 'NoEc2', Effect: 'Deny', Action: 'ec2:*', Resource: '*' }] },
      },
    ],
    buckets: [
      { name: 'examplebucket', region: 'us-east-1', policy: VPCE_ONLY },
      { name: 'payments-artifacts', region: 'eu-west-1', policy: null },
      ...(options.unreadableBucket ? [{ name: 'locked-bucket', region: 'us-east-1', policy: 'denied' as const }] : []),
      { name: 'payments-logs', region: 'eu-west-1', policy: { Version: V, Statement: [{ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::payments-logs/*' }] } },
    ],
    endpoints: [
      { id: 'vpce-11111111', vpcId: 'vpc-aaaa1111', region: 'us-east-1', serviceName: 'com.amazonaws.us-east-1.s3', policy: endpointAllowAll },
      { id: 'vpce-33333333', vpcId: 'vpc-aaaa1111', region: 'us-east-1', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', policy: null },
      {
        id: 'vpce-22222222',
        vpcId: 'vpc-bbbb2222',
        region: 'eu-west-1',
        serviceName: 'com.amazonaws.eu-west-1.s3',
        policy: { Version: V, Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: '*' }] },
      },
    ],
    regions: ['eu-west-1', 'us-east-1'],
  }
}

export function dataAccount(): FakeAccount {
  return {
    roles: [{ name: 'DataLakeAdmin', id: 'AROADATALAKEADMIN001', managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] }],
    policies: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', document: allowAll }],
    buckets: [{ name: 'data-lake-222', region: 'us-west-2', policy: null }],
    endpoints: [{ id: 'vpce-44444444', vpcId: 'vpc-cccc3333', region: 'us-west-2', serviceName: 'com.amazonaws.us-west-2.s3', policy: endpointAllowAll }],
    regions: ['us-west-2'],
  }
}

export function world(options: { readonly unreadableBucket?: boolean; readonly organizationDenied?: boolean; readonly noOrganization?: boolean } = {}): FakeWorld {
  return {
    caller: PAYMENTS,
    callerArn: `arn:aws:sts::${PAYMENTS}:assumed-role/Collector/alice`,
    organization: options.noOrganization ? null : organization(),
    organizationDenied: options.organizationDenied ?? false,
    accounts: { [PAYMENTS]: paymentsAccount(options), [DATA]: dataAccount(), [SANDBOX]: { roles: [{ name: 'Sandboxer', id: 'AROASANDBOXER0000001' }] } },
  }
}

/** Fixed credentials and region, so the SDK never looks at the machine's profile or metadata service. */
export const FAKE_ENV: Readonly<Record<string, string | undefined>> = {
  AWS_ACCESS_KEY_ID: 'AKIACALLERTEST000001',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SESSION_TOKEN: undefined,
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: undefined,
  AWS_PROFILE: undefined,
  AWS_CONFIG_FILE: '/nonexistent/denydoctor-test-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/denydoctor-test-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
}
