import type { Intake } from '../../src/intake/types.js'
import { NOTE } from './helpers.js'

// Real-shaped AccessDenied messages: the iam-deny-reference §1.6 corpus (rows 1–24) and the
// shapes CLIs, SDKs, Terraform, consoles and logs give them. Every row asserts every field.
// Wording: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html

const SCP_ARN = 'arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd'
const TROUBLESHOOTER_ID = 'EXAMPLE1a2b3c4d5e6f7g8h9i0j'

export interface CorpusRow {
  readonly name: string
  readonly input: string
  readonly expected: Partial<Intake>
}

export const CORPUS: readonly CorpusRow[] = [
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
      errorCode: 'AccessDenied', operation: 'RunInstances', notes: [NOTE.bareExplicit],
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
  {
    name: 'Terraform / Go SDK v2 chain with request id',
    input: 'Error: creating EC2 Instance: operation error EC2: RunInstances, https response error StatusCode: 403, RequestID: 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f, api error UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/terraform/ci is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* with an explicit deny in a service control policy. Encoded authorization failure message: Zm9vYmFyYmF6',
    expected: {
      principal: 'arn:aws:sts::111122223333:assumed-role/terraform/ci', action: 'ec2:RunInstances', resources: ['arn:aws:ec2:us-east-1:111122223333:instance/*'],
      reportedPolicyType: 'scp', reportedDenyKind: 'explicit', errorCode: 'UnauthorizedOperation', operation: 'RunInstances',
      requestId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', encodedMessage: 'Zm9vYmFyYmF6', notes: [NOTE.scp],
    },
  },
  {
    name: 'JSON-protocol SDK error ({"__type", "message"})',
    input: '{"__type":"com.amazonaws.kms#AccessDeniedException","message":"User: arn:aws:iam::123456789012:user/ci is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c because no identity-based policy allows the kms:GenerateDataKey action"}',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/ci', action: 'kms:GenerateDataKey', resources: ['arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', errorCode: 'AccessDeniedException',
    },
  },
  {
    name: 'AWS SDK for JavaScript v3 error serialised as JSON',
    input: JSON.stringify({
      name: 'AccessDenied',
      $fault: 'client',
      $metadata: { httpStatusCode: 403, requestId: 'Q7RS0GZ6CDMKBR2V', extendedRequestId: 'abc/def=', attempts: 1, totalRetryDelay: 0 },
      Code: 'AccessDenied',
      RequestId: 'Q7RS0GZ6CDMKBR2V',
      HostId: 'abc/def=',
      message: 'User: arn:aws:sts::123456789012:assumed-role/web/i-0abc is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::uploads/a.png" because no identity-based policy allows the s3:PutObject action',
    }, null, 2),
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/web/i-0abc', action: 's3:PutObject', resources: ['arn:aws:s3:::uploads/a.png'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', errorCode: 'AccessDenied', requestId: 'Q7RS0GZ6CDMKBR2V',
    },
  },
  {
    name: 'boto3 response JSON ({"Error": {"Code", "Message"}})',
    input: '{"Error": {"Code": "AccessDenied", "Message": "User: arn:aws:iam::123456789012:user/etl is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/glue-job because no identity-based policy allows the iam:PassRole action"}, "ResponseMetadata": {"RequestId": "0d3c7b8a-1f2e-4d5c-9b8a-7f6e5d4c3b2a", "HTTPStatusCode": 403}}',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/etl', action: 'iam:PassRole', resources: ['arn:aws:iam::123456789012:role/glue-job'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', errorCode: 'AccessDenied', requestId: '0d3c7b8a-1f2e-4d5c-9b8a-7f6e5d4c3b2a',
    },
  },
  {
    name: 'S3 XML error body with the enhanced message and XML entities',
    input: '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>AccessDenied</Code>\n  <Message>User: arn:aws:iam::123456789012:user/reader is not authorized to perform: s3:ListBucket on resource: &quot;arn:aws:s3:::amzn-s3-demo-bucket&quot; because no identity-based policy allows the s3:ListBucket action</Message>\n  <RequestId>9F6HMTTJ9GAFZGXV</RequestId>\n  <HostId>1rFWKULfFuMgh0W9PvaI5Oa9r7GJWad+abcd=</HostId>\n</Error>',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/reader', action: 's3:ListBucket', resources: ['arn:aws:s3:::amzn-s3-demo-bucket'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', errorCode: 'AccessDenied', requestId: '9F6HMTTJ9GAFZGXV',
    },
  },
  {
    name: 'EC2 query-protocol XML (<Response><Errors>)',
    input: '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ops is not authorized to perform: ec2:StopInstances on resource: arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc123 because no identity-based policy allows the ec2:StopInstances action. Encoded authorization failure message: AbC-123_xyz</Message></Error></Errors><RequestID>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestID></Response>',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/ops', action: 'ec2:StopInstances', resources: ['arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc123'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', errorCode: 'UnauthorizedOperation', requestId: '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE',
      encodedMessage: 'AbC-123_xyz',
    },
  },
  {
    name: 'IAM/STS query-protocol XML (<ErrorResponse>), legacy AssumeRole text',
    input: '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/deploy</Message></Error><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/ci', action: 'sts:AssumeRole', resources: ['arn:aws:iam::210987654321:role/deploy'],
      errorCode: 'AccessDenied', requestId: 'c6104cbe-af31-11e0-8154-cbc7ccf896c7', notes: [NOTE.noReason],
    },
  },
  {
    name: 'resource "*" (an action without resource-level permissions)',
    input: 'An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User: arn:aws:sts::123456789012:assumed-role/builder/job-9 is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action',
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/builder/job-9', action: 'ecr:GetAuthorizationToken', resources: ['*'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', errorCode: 'AccessDeniedException', operation: 'GetAuthorizationToken',
    },
  },
  {
    name: 'tolerated ", with policy ARN: arn:…" form',
    input: 'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: s3:DeleteBucket on resource: "arn:aws:s3:::prod-data" with an explicit deny in an identity-based policy, with policy ARN: arn:aws:iam::123456789012:policy/NoDeletes',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/bob', action: 's3:DeleteBucket', resources: ['arn:aws:s3:::prod-data'],
      reportedPolicyType: 'identity', reportedDenyKind: 'explicit', reportedPolicyArn: 'arn:aws:iam::123456789012:policy/NoDeletes',
    },
  },
  {
    name: 'policy ARN with a dot in its name, ending the sentence',
    input: 'User: arn:aws:sts::123456789012:assumed-role/ops/pat is not authorized to perform: ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/i-0123 with an explicit deny in a session policy: arn:aws:iam::123456789012:policy/break.glass.guard.',
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/ops/pat', action: 'ec2:TerminateInstances', resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-0123'],
      reportedPolicyType: 'session', reportedDenyKind: 'explicit', reportedPolicyArn: 'arn:aws:iam::123456789012:policy/break.glass.guard',
    },
  },
  {
    name: 'RCP with its policy ARN',
    input: 'User: arn:aws:iam::123456789012:user/ext is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::vault/key.txt" with an explicit deny in a resource control policy: arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/resource_control_policy/p-rcp12345',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/ext', action: 's3:GetObject', resources: ['arn:aws:s3:::vault/key.txt'],
      reportedPolicyType: 'rcp', reportedDenyKind: 'explicit', reportedPolicyArn: 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/resource_control_policy/p-rcp12345',
    },
  },
  {
    name: 'Java SDK v2 exception in a log line (log prefix, suffix with request id)',
    input: '2024-05-14T09:21:07.123Z ERROR [main] c.e.Uploader - software.amazon.awssdk.services.s3.model.S3Exception: User: arn:aws:sts::123456789012:assumed-role/uploader/pod-7 is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::ingest/batch/1.json" because no identity-based policy allows the s3:PutObject action (Service: S3, Status Code: 403, Request ID: 4WQ8ZTS1VDZ2YH3N, Extended Request ID: ZmFrZQ==)',
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/uploader/pod-7', action: 's3:PutObject', resources: ['arn:aws:s3:::ingest/batch/1.json'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', requestId: '4WQ8ZTS1VDZ2YH3N',
    },
  },
  {
    name: 'Java SDK v1 suffix with Error Code',
    input: 'com.amazonaws.services.s3.model.AmazonS3Exception: User: arn:aws:iam::123456789012:user/legacy-app is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::assets/logo.png" with an explicit deny in a resource-based policy (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 8N2J4K6M1P3Q5R7S; S3 Extended Request ID: ZXhhbXBsZQ==; Proxy: null)',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/legacy-app', action: 's3:GetObject', resources: ['arn:aws:s3:::assets/logo.png'],
      reportedPolicyType: 'resource', reportedDenyKind: 'explicit', errorCode: 'AccessDenied', requestId: '8N2J4K6M1P3Q5R7S', notes: [NOTE.s3ResourceIsBpa],
    },
  },
  {
    name: 'boto3 traceback over several lines',
    input: [
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 12, in <module>',
      '    s3.get_object(Bucket="reports", Key="q1.csv")',
      'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::123456789012:assumed-role/analyst/maria is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::reports/q1.csv" with an explicit deny in a resource-based policy',
    ].join('\n'),
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/analyst/maria', action: 's3:GetObject', resources: ['arn:aws:s3:::reports/q1.csv'],
      reportedPolicyType: 'resource', reportedDenyKind: 'explicit', errorCode: 'AccessDenied', operation: 'GetObject', notes: [NOTE.s3ResourceIsBpa],
    },
  },
  {
    name: 'Go SDK v1 / old Terraform: "Code: message" then "status code, request id"',
    input: 'Error: error creating IAM Role (deployer): AccessDenied: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/deployer with an explicit deny in a permissions boundary\n\tstatus code: 403, request id: 5d1f0b1e-8a1b-4c2d-9e3f-4a5b6c7d8e9f',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/ci', action: 'iam:CreateRole', resources: ['arn:aws:iam::123456789012:role/deployer'],
      reportedPolicyType: 'boundary', reportedDenyKind: 'explicit', errorCode: 'AccessDenied', requestId: '5d1f0b1e-8a1b-4c2d-9e3f-4a5b6c7d8e9f',
    },
  },
  {
    name: 'Node.js error prefix, resource given as a name',
    input: 'AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/api/lambda-1 is not authorized to perform: secretsmanager:GetSecretValue on resource: prod/db-password because no identity-based policy allows the secretsmanager:GetSecretValue action',
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/api/lambda-1', action: 'secretsmanager:GetSecretValue', resourceText: 'prod/db-password',
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', errorCode: 'AccessDeniedException',
    },
  },
  {
    name: 'SNS AuthorizationError prefix',
    input: 'AuthorizationError: User: arn:aws:sts::123456789012:assumed-role/notifier/run-5 is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:123456789012:alerts because no resource-based policy allows the SNS:Publish action',
    expected: {
      principal: 'arn:aws:sts::123456789012:assumed-role/notifier/run-5', action: 'sns:Publish', resources: ['arn:aws:sns:us-east-1:123456789012:alerts'],
      reportedPolicyType: 'resource', reportedDenyKind: 'implicit', errorCode: 'AuthorizationError',
    },
  },
  {
    name: 'SQS lower-case action as logged',
    input: 'An error occurred (AccessDenied) when calling the SendMessage operation: User: arn:aws:sts::444455556666:assumed-role/producer/w7 is not authorized to perform: sqs:sendmessage on resource: arn:aws:sqs:us-east-1:111122223333:orders because no resource-based policy allows the sqs:sendmessage action',
    expected: {
      principal: 'arn:aws:sts::444455556666:assumed-role/producer/w7', action: 'sqs:sendmessage', resources: ['arn:aws:sqs:us-east-1:111122223333:orders'],
      reportedPolicyType: 'resource', reportedDenyKind: 'implicit', errorCode: 'AccessDenied', operation: 'SendMessage',
    },
  },
  {
    name: 'anonymous caller (API Gateway resource policy)',
    input: 'User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/items with an explicit deny',
    expected: {
      principal: 'anonymous', action: 'execute-api:Invoke', resources: ['arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/items'],
      reportedDenyKind: 'explicit', notes: [NOTE.bareExplicit],
    },
  },
  {
    name: 'S3 BlockPublicPolicy reason',
    input: 'An error occurred (AccessDenied) when calling the PutBucketPolicy operation: User: arn:aws:iam::123456789012:user/admin is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::site" because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/admin', action: 's3:PutBucketPolicy', resources: ['arn:aws:s3:::site'], errorCode: 'AccessDenied', operation: 'PutBucketPolicy',
      notes: [NOTE.bpa('public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access')],
    },
  },
  {
    name: 'S3 SSE-C reason',
    input: 'User: arn:aws:iam::123456789012:user/writer is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::secure/a.bin" because this bucket has blocked upload requests that specify Server Side Encryption with Customer provided keys (SSE-C). Please specify a different server-side encryption type',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/writer', action: 's3:PutObject', resources: ['arn:aws:s3:::secure/a.bin'],
      notes: [NOTE.serviceReason('S3 encryption setting reason: this bucket has blocked upload requests that specify Server Side Encryption with Customer provided keys (SSE-C).')],
    },
  },
  {
    name: 'an unknown policy type is not guessed',
    input: 'User: arn:aws:iam::123456789012:user/x is not authorized to perform: s3:GetObject with an explicit deny in a delegation policy',
    expected: { principal: 'arn:aws:iam::123456789012:user/x', action: 's3:GetObject', reportedDenyKind: 'explicit', notes: [NOTE.unknownType('delegation policy')] },
  },
  {
    name: 'surrounding whitespace, CRLF and extra text',
    input: '\r\n   Deploy failed!\r\nUser: arn:aws:iam::123456789012:user/ci is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/app/db because no identity-based policy allows the ssm:GetParameter action\r\nRetrying in 5s...   \r\n',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/ci', action: 'ssm:GetParameter', resources: ['arn:aws:ssm:us-east-1:123456789012:parameter/app/db'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit',
    },
  },
  {
    name: 'Terraform diagnostic box, wrapped at word boundaries',
    input: [
      '╷',
      '│ Error: creating EC2 Instance: operation error EC2: RunInstances, https response error StatusCode: 403, RequestID: 8a8f7c1e-1111-4222-8333-944455566677, api error',
      '│ UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/tf/session is not authorized to',
      '│ perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* because no identity-based policy allows the ec2:RunInstances action.',
      '│ Encoded authorization failure message: Zm9vYmFy',
      '│ ',
      '│   with aws_instance.web,',
      '│   on main.tf line 10, in resource "aws_instance" "web":',
      '│   10: resource "aws_instance" "web" {',
      '│ ',
      '╵',
    ].join('\n'),
    expected: {
      principal: 'arn:aws:sts::111122223333:assumed-role/tf/session', action: 'ec2:RunInstances', resources: ['arn:aws:ec2:us-east-1:111122223333:instance/*'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit', errorCode: 'UnauthorizedOperation', operation: 'RunInstances',
      requestId: '8a8f7c1e-1111-4222-8333-944455566677', encodedMessage: 'Zm9vYmFy',
    },
  },
  {
    name: 'implicit deny phrased without a hyphen ("identity based policy")',
    input: 'User: arn:aws:iam::123456789012:user/x is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:123456789012:log-group:/app:log-stream: because no identity based policy allows the logs:CreateLogGroup action',
    expected: {
      principal: 'arn:aws:iam::123456789012:user/x', action: 'logs:CreateLogGroup', resources: ['arn:aws:logs:us-east-1:123456789012:log-group:/app:log-stream:'],
      reportedPolicyType: 'identity', reportedDenyKind: 'implicit',
    },
  },
]
