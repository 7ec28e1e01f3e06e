import { expect } from 'vitest'
import type { CorpusRow } from './message-corpus.js'
import { NOTE } from './helpers.js'

// The iam-deny-reference §1.6 corpus (rows 1–24) and variants of its wording.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html

const SCP_ARN = 'arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd'
const TROUBLESHOOTER_ID = 'EXAMPLE1a2b3c4d5e6f7g8h9i0j'

export const AWS_WORDING: readonly CorpusRow[] = [
  {
    name: '§1.6 #1 SCP, explicit',
    input: 'User: arn:aws:iam::777788889999:user/JohnDoe is not authorized to perform: codecommit:ListRepositories with an explicit deny in a service control policy',
    expected: { principal: 'arn:aws:iam::777788889999:user/JohnDoe', action: 'codecommit:ListRepositories', reportedPolicyType: 'scp', reportedDenyKind: 'explicit', notes: [NOTE.scp] },
  },
  {
    name: '§1.6 #2 SCP, implicit',
    input: 'User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: s3:GetObject because no service control policy allows the s3:GetObject action',
    expected: { principal: 'arn:aws:iam::777788889999:user/MaryMajor', action: 's3:GetObject', reportedPolicyType: 'scp', reportedDenyKind: 'implicit', notes: [NOTE.scp] },
  },
  {
    name: '§1.6 #3 AWS CLI wrapper, RCP, quoted S3 resource',
    input: 'An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::amzn-s3-demo-bucket1/object-name" with an explicit deny in a resource control policy',
    expected: {
      principal: 'arn:aws:iam::777788889999:user/MaryMajor', action: 's3:GetObject', resources: ['arn:aws:s3:::amzn-s3-demo-bucket1/object-name'],
      reportedPolicyType: 'rcp', reportedDenyKind: 'explicit', errorCode: 'AccessDenied', operation: 'GetObject',
    },
  },
  {
    name: '§1.6 #4 VPC endpoint, implicit',
    input: 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codecommit:ListRepositories because no VPC endpoint policy allows the codecommit:ListRepositories action',
    expected: { principal: 'arn:aws:iam::123456789012:user/JohnDoe', action: 'codecommit:ListRepositories', reportedPolicyType: 'vpce', reportedDenyKind: 'implicit' },
  },
  {
    name: '§1.6 #5 VPC endpoint, explicit, resource with a colon wildcard',
    input: 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* with an explicit deny in a VPC endpoint policy',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/JohnDoe', action: 'codedeploy:ListDeployments', resources: ['arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*'],
      reportedPolicyType: 'vpce', reportedDenyKind: 'explicit',
    },
  },
  {
    name: '§1.6 #6 permissions boundary, implicit, with resource',
    input: 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* because no permissions boundary allows the codedeploy:ListDeployments action',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/JohnDoe', action: 'codedeploy:ListDeployments', resources: ['arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*'],
      reportedPolicyType: 'boundary', reportedDenyKind: 'implicit',
    },
  },
  {
    name: '§1.6 #7 permissions boundary, explicit',
    input: 'User: arn:aws:iam::777788889999:user/JohnDoe is not authorized to perform: sagemaker:ListModels with an explicit deny in a permissions boundary',
    expected: { principal: 'arn:aws:iam::777788889999:user/JohnDoe', action: 'sagemaker:ListModels', reportedPolicyType: 'boundary', reportedDenyKind: 'explicit' },
  },
  {
    name: '§1.6 #8 session policy, implicit',
    input: 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codecommit:ListRepositories because no session policy allows the codecommit:ListRepositories action',
    expected: { principal: 'arn:aws:iam::123456789012:user/JohnDoe', action: 'codecommit:ListRepositories', reportedPolicyType: 'session', reportedDenyKind: 'implicit' },
  },
  {
    name: '§1.6 #9 session policy, explicit, quoted resource',
    input: 'User: arn:aws:iam::123456789012:user/MaryMajor is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::amzn-s3-demo-bucket1/object-name" with an explicit deny in a session policy',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/MaryMajor', action: 's3:GetObject', resources: ['arn:aws:s3:::amzn-s3-demo-bucket1/object-name'],
      reportedPolicyType: 'session', reportedDenyKind: 'explicit',
    },
  },
  {
    name: '§1.6 #10 resource-based policy, implicit',
    input: 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: secretsmanager:GetSecretValue because no resource-based policy allows the secretsmanager:GetSecretValue action',
    expected: { principal: 'arn:aws:iam::123456789012:user/JohnDoe', action: 'secretsmanager:GetSecretValue', reportedPolicyType: 'resource', reportedDenyKind: 'implicit' },
  },
  {
    name: '§1.6 #11 resource-based policy, explicit',
    input: 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:* with an explicit deny in a resource-based policy',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/JohnDoe', action: 'secretsmanager:GetSecretValue', resources: ['arn:aws:secretsmanager:us-east-1:123456789012:secret:*'],
      reportedPolicyType: 'resource', reportedDenyKind: 'explicit',
    },
  },
  {
    name: '§1.6 #12 role trust policy, implicit → resource with a note',
    input: 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: sts:AssumeRole because no role trust policy allows the sts:AssumeRole action',
    expected: { principal: 'arn:aws:iam::123456789012:user/JohnDoe', action: 'sts:AssumeRole', reportedPolicyType: 'resource', reportedDenyKind: 'implicit', notes: [NOTE.trust] },
  },
  {
    name: '§1.6 #13 role trust policy, explicit, "the"',
    input: 'User: arn:aws:iam::777788889999:user/JohnDoe is not authorized to perform: sts:AssumeRole with an explicit deny in the role trust policy',
    expected: { principal: 'arn:aws:iam::777788889999:user/JohnDoe', action: 'sts:AssumeRole', reportedPolicyType: 'resource', reportedDenyKind: 'explicit', notes: [NOTE.trust] },
  },
  {
    name: '§1.6 #14 identity-based policy, implicit',
    input: 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codecommit:ListRepositories because no identity-based policy allows the codecommit:ListRepositories action',
    expected: { principal: 'arn:aws:iam::123456789012:user/JohnDoe', action: 'codecommit:ListRepositories', reportedPolicyType: 'identity', reportedDenyKind: 'implicit' },
  },
  {
    name: '§1.6 #15 chained form: first type reported, upper-case service prefix normalised',
    input: 'User: arn:aws:sts::111122223333:assumed-role/role-name/role-session-name is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:444455556666:role-name-2 with an explicit deny in a VPC endpoint policy transitively through a service control policy',
    expected: {
      principal: 'arn:aws:sts::111122223333:assumed-role/role-name/role-session-name', action: 'sns:Publish', resources: ['arn:aws:sns:us-east-1:444455556666:role-name-2'],
      reportedPolicyType: 'vpce', reportedDenyKind: 'explicit', notes: [NOTE.chained, NOTE.scp],
    },
  },
  {
    name: '§1.6 #16 CLI wrapper, SCP with policy ARN',
    input: `An error occurred (AccessDenied) when calling the ListRoles operation: User: arn:aws:iam::123456789012:user/Matt is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/* with an explicit deny in a service control policy: ${SCP_ARN}`,
    expected: {
      principal: 'arn:aws:iam::123456789012:user/Matt', action: 'iam:ListRoles', resources: ['arn:aws:iam::123456789012:role/*'],
      reportedPolicyType: 'scp', reportedDenyKind: 'explicit', reportedPolicyArn: SCP_ARN, errorCode: 'AccessDenied', operation: 'ListRoles', notes: [NOTE.scp],
    },
  },
  {
    name: '§1.6 #17 identity policy ARN then the Access Troubleshooter suffix',
    input: `User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: iam:CreateInstanceProfile on resource: arn:aws:iam::123456789012:instance-profile/my-instance-profile with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy. Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/${TROUBLESHOOTER_ID} for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: ${TROUBLESHOOTER_ID}`,
    expected: {
      principal: 'arn:aws:iam::123456789012:user/janedoe', action: 'iam:CreateInstanceProfile', resources: ['arn:aws:iam::123456789012:instance-profile/my-instance-profile'],
      reportedPolicyType: 'identity', reportedDenyKind: 'explicit', reportedPolicyArn: 'arn:aws:iam::123456789012:policy/ExampleDenyPolicy',
      authorizationId: TROUBLESHOOTER_ID,
      authorizationUrl: `https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/${TROUBLESHOOTER_ID}`,
      notes: [NOTE.authorizationId(TROUBLESHOOTER_ID)],
    },
  },
  {
    name: '§1.6 #18 EC2 console text with a cut encoded message',
    input: 'You are not authorized to perform this operation. User: arn:aws:sts::751353041310:assumed-role/stratus-red-team-ec2lui-role-idtzskbvtd/aws-go-sdk-1722511821294449000 is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:ca-south-3r:751353041310:instance/* because no identity-based policy allows the ec2:RunInstances action. Encoded authorization failure message: T-kSWIRFn32_fx…',
    expected: {
      principal: 'arn:aws:sts::751353041310:assumed-role/stratus-red-team-ec2lui-role-idtzskbvtd/aws-go-sdk-1722511821294449000', action: 'ec2:RunInstances',
      resources: ['arn:aws:ec2:ca-south-3r:751353041310:instance/*'], reportedPolicyType: 'identity', reportedDenyKind: 'implicit',
      encodedMessage: 'T-kSWIRFn32_fx', notes: [NOTE.encodedCut],
    },
  },
  {
    name: '§1.6 #19 Go "api error" fragment, AWS managed policy ARN, encoded message',
    input: 'api error UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:iam::966994807536:user/Anup is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:ap-south-1:966994807536:instance/* with an explicit deny in an identity-based policy: arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3. Encoded authorization failure message: GHi3…',
    expected: {
      principal: 'arn:aws:iam::966994807536:user/Anup', action: 'ec2:RunInstances', resources: ['arn:aws:ec2:ap-south-1:966994807536:instance/*'],
      reportedPolicyType: 'identity', reportedDenyKind: 'explicit', reportedPolicyArn: 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3',
      errorCode: 'UnauthorizedOperation', encodedMessage: 'GHi3', notes: [NOTE.encodedCut],
    },
  },
  {
    name: '§1.6 #20 IAM-style "policy arn:…" resource, boundary ARN',
    input: 'An error occurred (AccessDenied) when calling the CreatePolicyVersion operation: User: arn:aws:iam::072054739058:user/iamws-policy-developer-user is not authorized to perform: iam:CreatePolicyVersion on resource: policy arn:aws:iam::072054739058:policy/iamws-developer-tools-policy with an explicit deny in a permissions boundary: arn:aws:iam::072054739058:policy/DeveloperBoundary',
    expected: {
      principal: 'arn:aws:iam::072054739058:user/iamws-policy-developer-user', action: 'iam:CreatePolicyVersion',
      resources: ['arn:aws:iam::072054739058:policy/iamws-developer-tools-policy'], resourceText: 'policy arn:aws:iam::072054739058:policy/iamws-developer-tools-policy',
      reportedPolicyType: 'boundary', reportedDenyKind: 'explicit', reportedPolicyArn: 'arn:aws:iam::072054739058:policy/DeveloperBoundary',
      errorCode: 'AccessDenied', operation: 'CreatePolicyVersion',
    },
  },
  {
    name: '§1.6 #21 KMS AccessDeniedException with redacted placeholders',
    input: 'An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::<acct>:assumed-role/trustgate-parent-role/<instance-id> is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:ap-south-1:<acct>:key/<key-id> because no resource-based policy allows the kms:Decrypt action',
    expected: {
      principal: 'arn:aws:sts::<acct>:assumed-role/trustgate-parent-role/<instance-id>', action: 'kms:Decrypt', resources: ['arn:aws:kms:ap-south-1:<acct>:key/<key-id>'],
      reportedPolicyType: 'resource', reportedDenyKind: 'implicit', errorCode: 'AccessDeniedException', operation: 'Decrypt',
    },
  },
  {
    name: '§1.6 #22 S3 Block Public Access reason (and an impossible sts:…:user ARN, kept as written)',
    input: 'An error occurred (AccessDenied) when calling the CopyObject operation: User: arn:aws:sts::123456789012:user/MaryMajor is not authorized to perform: s3:CopyObject on resource: "arn:aws:s3:::amzn-s3-demo-bucket1/object-name" because public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access.',
    expected: {
      principal: 'arn:aws:sts::123456789012:user/MaryMajor', action: 's3:CopyObject', resources: ['arn:aws:s3:::amzn-s3-demo-bucket1/object-name'],
      errorCode: 'AccessDenied', operation: 'CopyObject', notes: [NOTE.bpa('public ACLs are prevented by the BlockPublicAcls setting in S3 Block Public Access')],
    },
  },
  {
    name: '§1.6 #23 legacy message without a reason',
    input: 'User: arn:aws:iam::123456789012:user/infrarunbook-admin is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::987654321098:role/InfraDeployRole',
    expected: { principal: 'arn:aws:iam::123456789012:user/infrarunbook-admin', action: 'sts:AssumeRole', resources: ['arn:aws:iam::987654321098:role/InfraDeployRole'], notes: [NOTE.noReason] },
  },
  {
    name: '§1.6 #24 legacy bare "with an explicit deny", IAM-style "role Name" resource',
    input: 'An error occurred (AccessDenied) when calling the RunInstances operation: User: arn:aws:iam::XXXXXXXX:user/tester is not authorized to perform: ec2:RunInstances on resource: role TestReadOnly with an explicit deny',
    expected: {
      principal: 'arn:aws:iam::XXXXXXXX:user/tester', action: 'ec2:RunInstances', resourceText: 'role TestReadOnly', reportedDenyKind: 'explicit',
      errorCode: 'AccessDenied', operation: 'RunInstances', maskedAccount: 'XXXXXXXX',
      notes: [NOTE.bareExplicit, expect.stringContaining('masks the account ID as XXXXXXXX')],
    },
  },
  {
    name: 'capitalised phrase "Because no Permissions Boundary allows"',
    input: 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: lambda:CreateFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:f Because no Permissions Boundary allows the lambda:CreateFunction action',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/dev', action: 'lambda:CreateFunction', resources: ['arn:aws:lambda:us-east-1:123456789012:function:f'],
      reportedPolicyType: 'boundary', reportedDenyKind: 'implicit',
    },
  },
  {
    name: 'IAM doc spelling "sessions policy"',
    input: 'User: arn:aws:sts::123456789012:assumed-role/Dev/s1 is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::logs" with an explicit deny in a sessions policy',
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/Dev/s1', action: 's3:ListBucket', resources: ['arn:aws:s3:::logs'],
      reportedPolicyType: 'session', reportedDenyKind: 'explicit',
    },
  },
  {
    name: 'quoted principal ARN',
    input: 'User: "arn:aws:sts::123456789012:assumed-role/Deploy Role Sessions/ci" is not authorized to perform: cloudformation:CreateStack on resource: arn:aws:cloudformation:eu-central-1:123456789012:stack/app/* because no identity-based policy allows the cloudformation:CreateStack action',
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/Deploy Role Sessions/ci', action: 'cloudformation:CreateStack',
      resources: ['arn:aws:cloudformation:eu-central-1:123456789012:stack/app/*'], reportedPolicyType: 'identity', reportedDenyKind: 'implicit',
    },
  },
  {
    name: 'KMS key in another account: "on this resource" and its three-way reason',
    input: 'An error occurred (AccessDeniedException) when calling the Decrypt operation: User: arn:aws:sts::111122223333:assumed-role/reader/app is not authorized to perform: kms:Decrypt on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access',
    expected: {
      principal: 'arn:aws:sts::111122223333:assumed-role/reader/app', action: 'kms:Decrypt', resourceText: 'this resource',
      errorCode: 'AccessDeniedException', operation: 'Decrypt', notes: [NOTE.kmsThisResource],
    },
  },
]
