/**
 * Hand-built verdicts, shaped like the ones the engine produces, for the report tests.
 * Each one is a situation an on-call engineer meets: an SCP deny with a CloudOps exception,
 * a force-MFA deny that hangs on an unknown key, an implicit deny across two layers, an allow,
 * a partial diagnosis, and a pile-up of five denies.
 */
import type { StatementFinding, Verdict } from '../../src/model/index.js'

const ROLE = 'arn:aws:iam::111111111111:role/TestReadOnly'

/** A finding with every field at a plain default, overridden by `overrides`. */
export function finding(overrides: Partial<StatementFinding> & Pick<StatementFinding, 'policyType' | 'statement'>): StatementFinding {
  return {
    policyName: null,
    policyArn: null,
    attachedTo: null,
    statementIndex: 0,
    sid: null,
    certain: true,
    unknownKeys: [],
    explanation: '',
    effect: 'Deny',
    origin: null,
    matchedAction: '*',
    matchedResource: '*',
    matchedPrincipal: null,
    conditions: [],
    resourceTypes: [],
    resource: null,
    ...overrides,
  }
}

const denyRunInstancesStatement = {
  Sid: 'DenyEC2',
  Effect: 'Deny',
  Action: ['ec2:RunInstances', 'ec2:StartInstances'],
  Resource: '*',
  Condition: {
    ArnNotLike: {
      'aws:PrincipalArn': ['arn:aws:iam::*:role/CloudOps', 'arn:aws:iam::*:role/OrganizationAccountAccessRole'],
    },
  },
}

export const scpExplicitDeny: Verdict = {
  decision: 'ExplicitDeny',
  request: {
    principal: ROLE,
    action: 'ec2:RunInstances',
    resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'],
    context: { 'aws:PrincipalArn': ROLE, 'aws:RequestedRegion': 'us-east-1' },
  },
  denies: [
    finding({
      policyType: 'scp',
      policyName: 'DenyRunInstances',
      policyArn: 'arn:aws:organizations::999999999999:policy/o-abcdefghij/service_control_policy/p-run12345',
      attachedTo: 'ou-abcd-11111111',
      statementIndex: 0,
      sid: 'DenyEC2',
      explanation: 'Denies ec2:RunInstances to every principal whose ARN is not a CloudOps or OrganizationAccountAccessRole role.',
      matchedAction: 'ec2:RunInstances',
      matchedResource: '*',
      resource: 'arn:aws:ec2:us-east-1:111111111111:instance/*',
      conditions: [
        {
          operator: 'ArnNotLike',
          key: 'aws:PrincipalArn',
          policyValues: ['arn:aws:iam::*:role/CloudOps', 'arn:aws:iam::*:role/OrganizationAccountAccessRole'],
          requestValues: [ROLE],
          result: true,
          why: 'aws:PrincipalArn matches none of the patterns, so ArnNotLike is true.',
        },
      ],
      statement: denyRunInstancesStatement,
    }),
  ],
  missingAllows: [],
  allows: [
    finding({
      policyType: 'identity',
      policyName: 'PowerUserAccess',
      policyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      attachedTo: 'role/TestReadOnly',
      effect: 'Allow',
      explanation: 'Allows every action outside IAM, Organizations and Account.',
      matchedAction: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:111111111111:instance/*',
      statement: { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
    }),
  ],
  incomplete: [],
  suggestions: [
    'Launch the instance as a CloudOps role (arn:aws:iam::111111111111:role/CloudOps), which the SCP exempts.',
    'Or ask the organization admins to add arn:aws:iam::111111111111:role/TestReadOnly to the ArnNotLike exception of SCP "DenyRunInstances" (ou-abcd-11111111).',
  ],
  warnings: [],
}

export const mfaUndetermined: Verdict = {
  decision: 'Undetermined',
  request: {
    principal: 'arn:aws:iam::111111111111:user/alice',
    action: 'ec2:StopInstances',
    resources: ['arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc123def4567890'],
    context: {},
  },
  denies: [
    finding({
      policyType: 'identity',
      policyName: 'ForceMFA',
      attachedTo: 'group/Developers',
      origin: 'inline policy `ForceMFA` of group `Developers`',
      statementIndex: 2,
      sid: 'DenyAllExceptListedIfNoMFA',
      certain: false,
      unknownKeys: ['aws:MultiFactorAuthPresent'],
      explanation: 'Denies everything except managing your own MFA device when the call was not made with MFA.',
      matchedAction: 'NotAction does not list ec2:StopInstances',
      matchedResource: '*',
      resource: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc123def4567890',
      conditions: [
        {
          operator: 'BoolIfExists',
          key: 'aws:MultiFactorAuthPresent',
          policyValues: ['false'],
          requestValues: 'unknown',
          result: 'unknown',
          why: 'The request context does not say whether aws:MultiFactorAuthPresent was present: absent or "false" would make BoolIfExists true, "true" would make it false.',
        },
      ],
      statement: {
        Sid: 'DenyAllExceptListedIfNoMFA',
        Effect: 'Deny',
        NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    }),
  ],
  missingAllows: [],
  allows: [
    finding({
      policyType: 'identity',
      policyName: 'AmazonEC2FullAccess',
      policyArn: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess',
      attachedTo: 'group/Developers',
      effect: 'Allow',
      explanation: 'Allows ec2:*.',
      matchedAction: 'ec2:*',
      resource: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-0abc123def4567890',
      statement: { Action: 'ec2:*', Effect: 'Allow', Resource: '*' },
    }),
  ],
  incomplete: [],
  suggestions: [
    'If the call used long-term access keys, get MFA session credentials first: aws sts get-session-token --serial-number arn:aws:iam::111111111111:mfa/alice --token-code 123456.',
    'To settle the diagnosis, re-run with --context aws:MultiFactorAuthPresent=true (or false), or with --assume-absent.',
  ],
  warnings: [],
}

export const implicitDeny: Verdict = {
  decision: 'ImplicitDeny',
  request: {
    principal: 'arn:aws:sts::222222222222:assumed-role/DataLoader/etl-run-42',
    action: 's3:PutObject',
    resources: ['arn:aws:s3:::reports-bucket/2026/q3.csv'],
    context: { 'aws:SecureTransport': 'true', 'aws:SourceVpce': 'vpce-0a1b2c3d' },
  },
  denies: [],
  missingAllows: [
    {
      policyType: 'identity',
      level: null,
      explanation: 'No identity-based policy of role DataLoader allows s3:PutObject; AmazonS3ReadOnlyAccess allows s3:Get* and s3:List* only.',
    },
    {
      policyType: 'scp',
      level: 'ou-data-22222222',
      explanation: 'No SCP attached to ou-data-22222222 (Data) allows s3:PutObject: FullAWSAccess was detached there and AllowReadOnly lists s3:Get* and s3:List* only.',
    },
  ],
  allows: [
    finding({
      policyType: 'scp',
      policyName: 'FullAWSAccess',
      attachedTo: 'r-ab12',
      effect: 'Allow',
      explanation: 'Allows every action at the root.',
      resource: 'arn:aws:s3:::reports-bucket/2026/q3.csv',
      statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    }),
  ],
  incomplete: [],
  suggestions: [
    'Add an Allow for s3:PutObject on arn:aws:s3:::reports-bucket/* to a policy of role DataLoader.',
    'Ask the organization admins to allow s3:PutObject in an SCP attached to ou-data-22222222 (or re-attach FullAWSAccess there).',
  ],
  warnings: ['Policy "AllowReadOnly" has no Version: policy variables in it are read as literal text.'],
}

export const allowed: Verdict = {
  decision: 'Allowed',
  request: {
    principal: 'arn:aws:sts::222222222222:assumed-role/DataLoader/etl-run-42',
    action: 's3:GetObject',
    resources: ['arn:aws:s3:::reports-bucket/2026/q3.csv'],
    context: { 'aws:PrincipalOrgID': 'o-abcdefghij' },
  },
  denies: [],
  missingAllows: [],
  allows: [
    finding({
      policyType: 'identity',
      policyName: 'AmazonS3ReadOnlyAccess',
      policyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      attachedTo: 'role/DataLoader',
      effect: 'Allow',
      explanation: 'Allows s3:Get* and s3:List* on every resource.',
      matchedAction: 's3:Get*',
      resource: 'arn:aws:s3:::reports-bucket/2026/q3.csv',
      statement: {
        Effect: 'Allow',
        Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
        Resource: '*',
      },
    }),
    finding({
      policyType: 'resource',
      policyName: null,
      attachedTo: 'reports-bucket',
      effect: 'Allow',
      statementIndex: 1,
      sid: 'OrgRead',
      explanation: 'The bucket policy allows s3:GetObject on reports-bucket/* to DataLoader within the organization.',
      matchedAction: 's3:GetObject',
      matchedResource: 'arn:aws:s3:::reports-bucket/*',
      matchedPrincipal: 'arn:aws:iam::222222222222:role/DataLoader',
      resource: 'arn:aws:s3:::reports-bucket/2026/q3.csv',
      conditions: [
        {
          operator: 'StringEquals',
          key: 'aws:PrincipalOrgID',
          policyValues: ['o-abcdefghij'],
          requestValues: ['o-abcdefghij'],
          result: true,
          why: 'aws:PrincipalOrgID is o-abcdefghij, which StringEquals lists.',
        },
      ],
      statement: {
        Sid: 'OrgRead',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::222222222222:role/DataLoader', 'arn:aws:iam::222222222222:role/Analyst'] },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::reports-bucket/*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
      },
    }),
  ],
  incomplete: [],
  suggestions: [],
  warnings: [],
}

export const partialDiagnosis: Verdict = {
  decision: 'Undetermined',
  request: {
    principal: 'arn:aws:sts::111111111111:assumed-role/Deployer/gh-actions',
    action: 's3:PutObject',
    resources: ['arn:aws:s3:::artifacts-prod/app.zip'],
    context: {},
  },
  denies: [],
  missingAllows: [],
  allows: [
    finding({
      policyType: 'identity',
      policyName: 'DeployArtifacts',
      attachedTo: 'role/Deployer',
      origin: 'inline policy `DeployArtifacts` of role `Deployer`',
      effect: 'Allow',
      sid: 'PutArtifacts',
      explanation: 'Allows s3:PutObject on artifacts-prod/*.',
      matchedAction: 's3:PutObject',
      matchedResource: 'arn:aws:s3:::artifacts-prod/*',
      resource: 'arn:aws:s3:::artifacts-prod/app.zip',
      statement: { Sid: 'PutArtifacts', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::artifacts-prod/*' },
    }),
  ],
  incomplete: [
    {
      source: 'organizations',
      error: 'AccessDeniedException: You don\'t have permissions to access this resource.',
      effect: 'SCPs were not read: run with credentials that can call organizations:ListPoliciesForTarget, or use a snapshot taken from the management account.',
    },
    {
      source: 's3:GetBucketPolicy artifacts-prod',
      error: 'AccessDenied: Access Denied',
      effect: 'The bucket policy of artifacts-prod was not read, so its denies are unknown.',
    },
  ],
  suggestions: ['Re-run from an account that can read the organization, or with --snapshot of a full collect.'],
  warnings: [],
}

const deleteProtectionStatement = {
  Sid: 'ProtectProdData',
  Effect: 'Deny',
  Action: 's3:Delete*',
  Resource: 'arn:aws:s3:::prod-*/*',
}

/** Fifteen delete actions: enough for the text report to shorten the list. */
const manyDeleteActions = [
  's3:DeleteAccessPoint',
  's3:DeleteAccessPointPolicy',
  's3:DeleteBucket',
  's3:DeleteBucketOwnershipControls',
  's3:DeleteBucketPolicy',
  's3:DeleteBucketWebsite',
  's3:DeleteJobTagging',
  's3:DeleteObject',
  's3:DeleteObjectTagging',
  's3:DeleteObjectVersion',
  's3:DeleteObjectVersionTagging',
  's3:DeleteStorageLensConfiguration',
  's3:PutLifecycleConfiguration',
  's3:PutBucketVersioning',
  's3:BypassGovernanceRetention',
]

const OBJECT = 'arn:aws:s3:::prod-ledger/2026/11/01.parquet'

export const fiveDenies: Verdict = {
  decision: 'ExplicitDeny',
  request: { principal: 'arn:aws:iam::333333333333:user/bob', action: 's3:DeleteObject', resources: [OBJECT], context: { 'aws:SourceIp': '203.0.113.7' } },
  denies: [
    finding({
      policyType: 'scp',
      policyName: 'ProtectProdData',
      attachedTo: 'r-ab12',
      sid: 'ProtectProdData',
      explanation: 'Denies every s3:Delete* action on prod-* buckets, organization-wide.',
      matchedAction: 's3:Delete*',
      matchedResource: 'arn:aws:s3:::prod-*/*',
      resource: OBJECT,
      statement: deleteProtectionStatement,
    }),
    finding({
      policyType: 'rcp',
      policyName: 'DenyDeleteOutsideOffice',
      attachedTo: 'ou-prod-33333333',
      sid: 'OfficeOnly',
      explanation: 'Denies deletes that do not come from the office network.',
      matchedAction: 's3:DeleteObject',
      matchedPrincipal: '*',
      resource: OBJECT,
      conditions: [
        {
          operator: 'NotIpAddress',
          key: 'aws:SourceIp',
          policyValues: ['198.51.100.0/24'],
          requestValues: ['203.0.113.7'],
          result: true,
          why: '203.0.113.7 is not in 198.51.100.0/24, so NotIpAddress is true.',
        },
      ],
      statement: {
        Sid: 'OfficeOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:DeleteObject',
        Resource: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
      },
    }),
    finding({
      policyType: 'boundary',
      policyName: 'DevBoundary',
      policyArn: 'arn:aws:iam::333333333333:policy/DevBoundary',
      attachedTo: 'user/bob',
      statementIndex: 3,
      sid: 'NoDestructiveS3',
      explanation: 'The permissions boundary denies destructive S3 actions.',
      matchedAction: 's3:DeleteObject',
      resource: OBJECT,
      statement: { Sid: 'NoDestructiveS3', Effect: 'Deny', Action: manyDeleteActions, Resource: '*' },
    }),
    finding({
      policyType: 'resource',
      attachedTo: 'prod-ledger',
      statementIndex: 0,
      sid: 'WormLike',
      explanation: 'The bucket policy denies deletes to everyone.',
      matchedAction: 's3:DeleteObject',
      matchedResource: 'arn:aws:s3:::prod-ledger/*',
      matchedPrincipal: '*',
      resource: OBJECT,
      statement: { Sid: 'WormLike', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::prod-ledger/*' },
    }),
    finding({
      policyType: 'vpce',
      attachedTo: 'vpce-0a1b2c3d',
      statementIndex: 1,
      certain: false,
      unknownKeys: ['aws:SourceVpce'],
      explanation: 'The VPC endpoint policy denies deletes through vpce-0a1b2c3d.',
      matchedAction: 's3:DeleteObject',
      matchedPrincipal: '*',
      resource: OBJECT,
      conditions: [
        {
          operator: 'StringEquals',
          key: 'aws:SourceVpce',
          policyValues: ['vpce-0a1b2c3d'],
          requestValues: 'unknown',
          result: 'unknown',
          why: 'The request context does not say which VPC endpoint, if any, the call went through.',
        },
      ],
      statement: {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:DeleteObject',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } },
      },
    }),
  ],
  missingAllows: [],
  allows: [],
  incomplete: [],
  suggestions: ['Deletes in prod-* buckets are blocked on purpose by five policies; use the data-retention runbook instead of deleting by hand.'],
  warnings: ['Action s3:DeleteJobTagging is not in the IAM action catalogue.'],
}

export const ALL_VERDICTS = { scpExplicitDeny, mfaUndetermined, implicitDeny, allowed, partialDiagnosis, fiveDenies } as const

/** What `explain` read from an AccessDenied message, as the contract's `intake` object. */
export const messageIntake = {
  source: 'message',
  principal: ROLE,
  action: 'ec2:RunInstances',
  resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'],
  reportedPolicyType: 'scp',
  reportedPolicyArn: 'arn:aws:organizations::999999999999:policy/o-abcdefghij/service_control_policy/p-run12345',
  context: {},
} as const

const fullAccess = (policyType: 'scp' | 'rcp', name: string, attachedTo: string): StatementFinding =>
  finding({ policyType, policyName: name, attachedTo, effect: 'Allow', statement: { Effect: 'Allow', Action: '*', Resource: '*' }, explanation: `Allows everything at ${attachedTo}.` })

/**
 * The usual Allowed verdict in an organisation: the SCPs and RCPs list FullAWSAccess and
 * RCPFullAWSAccess first, at every level, before the statements that actually grant.
 */
export const allowedInOrganisation: Verdict = {
  ...allowed,
  allows: [
    fullAccess('rcp', 'RCPFullAWSAccess', 'r-ab12'),
    fullAccess('rcp', 'RCPFullAWSAccess', 'ou-data-22222222'),
    fullAccess('rcp', 'RCPFullAWSAccess', '222222222222'),
    fullAccess('scp', 'FullAWSAccess', 'r-ab12'),
    fullAccess('scp', 'FullAWSAccess', 'ou-data-22222222'),
    fullAccess('scp', 'FullAWSAccess', '222222222222'),
    fullAccess('scp', 'FullAWSAccess', 'ou-extra-33333333'),
    ...allowed.allows,
  ],
}

/** What a direct call was assumed to carry, as the verdict's `assumptions` lists it. */
export const withAssumptions = <V extends Verdict>(verdict: V): V => ({
  ...verdict,
  assumptions: [
    { key: 'aws:SecureTransport', value: 'true', why: 'Every direct SDK, CLI or console call uses HTTPS.' },
    { key: 'aws:RequestedRegion', value: 'us-east-1', why: 'The region the call goes to.' },
  ],
})
