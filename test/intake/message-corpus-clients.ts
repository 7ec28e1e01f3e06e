import type { CorpusRow } from './message-corpus.js'
import { NOTE } from './helpers.js'

// The same messages as CLIs, SDKs, Terraform, consoles and logs print them.

export const CLIENT_WRAPPINGS: readonly CorpusRow[] = [
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
