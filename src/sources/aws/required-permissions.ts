/**
 * The minimal IAM policies denydoctor itself needs (the README prints them). Every operation
 * the adapters can send is listed here; a test keeps this true.
 *
 * Roles assumed with --org-role-arn / --resource-role-arn also need `sts:AssumeRole` on that
 * role for the caller, and a trust policy that lets the caller in; that grant names a
 * specific role, so it is left to the reader to write.
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
      Action: ['s3:GetBucketPolicy', 'ec2:DescribeVpcEndpoints'],
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

/** Every IAM action the two policies grant, as `service:Operation`. */
export function grantedActions(): string[] {
  return [ACCOUNT_READER_POLICY, ORGANIZATION_READER_POLICY].flatMap((policy) =>
    policy.Statement.flatMap((statement) => [...statement.Action]),
  )
}
