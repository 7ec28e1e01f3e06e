/**
 * The minimal IAM policies denydoctor itself needs (the README prints them). Every operation
 * the adapters can send is listed here; a test keeps this true.
 *
 * Roles assumed with --org-role-arn / --resource-role-arn also need `sts:AssumeRole` on that
 * role for the caller, and a trust policy that lets the caller in; that grant names a
 * specific role, so it is left to the reader to write. `collect --assume-role-name` names one
 * role in every account: collectorAssumeRolePolicy() writes that grant. AssumeRole is sent by
 * the SDK's credential providers, never imported as a command, so it is not in the scan.
 */

/** Attach in the account being diagnosed (and, for cross-account buckets, in the bucket's account). */
export const ACCOUNT_READER_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenydoctorReadIdentity',
      Effect: 'Allow',
      Action: [
        'sts:GetCallerIdentity',
        'sts:DecodeAuthorizationMessage',
        'iam:GetUser',
        'iam:GetRole',
        'iam:GetPolicy',
        'iam:GetPolicyVersion',
        'iam:GetUserPolicy',
        'iam:GetRolePolicy',
        'iam:GetGroupPolicy',
        'iam:ListAttachedUserPolicies',
        'iam:ListAttachedRolePolicies',
        'iam:ListAttachedGroupPolicies',
        'iam:ListUserPolicies',
        'iam:ListRolePolicies',
        'iam:ListGroupPolicies',
        'iam:ListGroupsForUser',
        // Only for `audit` selectors such as {roles: "Deploy*"}.
        'iam:ListRoles',
        'iam:ListUsers',
        // Whether this account is in an organization at all, when the organization reader does
        // not see it (a partner's account): only the account's own credentials can ask.
        'organizations:DescribeOrganization',
      ],
      Resource: '*',
    },
    {
      // Only for `explain --authorization-details` (IAM Access Troubleshooter, in preview).
      Sid: 'DenydoctorReadAuthorizationDetails',
      Effect: 'Allow',
      Action: ['iam:GetRequestAuthorizationDetails'],
      Resource: '*',
    },
    {
      Sid: 'DenydoctorReadResourcePolicies',
      Effect: 'Allow',
      Action: ['s3:GetBucketPolicy', 's3:GetBucketLocation', 'ec2:DescribeVpcEndpoints'],
      Resource: '*',
    },
  ],
} as const

/** Attach in the organization's management account or a delegated administrator account. */
export const ORGANIZATION_READER_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenydoctorReadOrganization',
      Effect: 'Allow',
      Action: [
        'organizations:DescribeOrganization',
        'organizations:ListRoots',
        'organizations:ListParents',
        'organizations:ListPoliciesForTarget',
        'organizations:DescribePolicy',
        'organizations:DescribeOrganizationalUnit',
        'organizations:DescribeAccount',
      ],
      Resource: '*',
    },
  ],
} as const

/**
 * Attach, in every account `collect` reads, to the identity it reads with: the caller's own
 * credentials, or the role `--assume-role-name` names in each account. GetPolicy and
 * GetPolicyVersion fill in managed policies GetAccountAuthorizationDetails leaves out;
 * DescribeOrganization tells whether an account belongs to an organization that was not read.
 */
export const COLLECTOR_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenydoctorCollectAccount',
      Effect: 'Allow',
      Action: [
        'sts:GetCallerIdentity',
        'iam:GetAccountAuthorizationDetails',
        'iam:GetPolicy',
        'iam:GetPolicyVersion',
        's3:ListAllMyBuckets',
        's3:GetBucketLocation',
        's3:GetBucketPolicy',
        'ec2:DescribeRegions',
        'ec2:DescribeVpcEndpoints',
        'organizations:DescribeOrganization',
      ],
      Resource: '*',
    },
  ],
} as const

/** Attach where `collect` reads the organization (management account or delegated administrator). */
export const ORGANIZATION_COLLECTOR_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenydoctorCollectOrganization',
      Effect: 'Allow',
      Action: [
        'organizations:DescribeOrganization',
        'organizations:ListRoots',
        'organizations:ListOrganizationalUnitsForParent',
        'organizations:ListAccountsForParent',
        'organizations:ListPolicies',
        'organizations:DescribePolicy',
        'organizations:ListTargetsForPolicy',
      ],
      Resource: '*',
    },
  ],
} as const

/**
 * For `collect --accounts … / --all-accounts --assume-role-name NAME`: the caller may assume
 * that role in every account. Each role's trust policy must also let the caller in. Kept apart
 * from the read-only policies above because it names a role and is the one non-read grant.
 */
export function collectorAssumeRolePolicy(roleName: string, partition = 'aws') {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenydoctorCollectAssumeRole', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:${partition}:iam::*:role/${roleName}` }],
  } as const
}

/**
 * IAM actions whose SDK operation is named differently: ListBuckets needs s3:ListAllMyBuckets.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
 */
const OPERATION_OF_ACTION: Readonly<Record<string, string>> = { 's3:ListAllMyBuckets': 's3:ListBuckets' }

/**
 * Every operation the read-only policies let denydoctor send, as `service:Operation`: the
 * granted IAM action, named after its SDK operation where the two differ.
 */
export function grantedActions(): string[] {
  return [ACCOUNT_READER_POLICY, ORGANIZATION_READER_POLICY, COLLECTOR_POLICY, ORGANIZATION_COLLECTOR_POLICY].flatMap((policy) =>
    policy.Statement.flatMap((statement) => statement.Action.map((action) => OPERATION_OF_ACTION[action] ?? action)),
  )
}
