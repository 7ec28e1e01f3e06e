import { describe, expect, it } from 'vitest'
import { parseCloudTrail } from '../../src/intake/cloudtrail.js'
import { intake } from './helpers.js'
import { CT, DIRECT_ABSENT, fixture } from './cloudtrail-helpers.js'

// Who called, and with which session: CloudTrail userIdentity → request context (iam-deny-reference §2.2–2.3).
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html

describe('parseCloudTrail: sessions and networks', () => {
  it('IAM user with long-term access keys: MFA keys absent, request tags read', () => {
    expect(parseCloudTrail(fixture('iam-user-long-term-keys.json'))).toEqual([
      intake({
        source: 'cloudtrail',
        principal: 'arn:aws:iam::111122223333:user/ops/alice',
        action: 'iam:CreateUser',
        resources: ['arn:aws:iam::111122223333:user/bob'],
        reportedPolicyType: 'identity',
        reportedDenyKind: 'implicit',
        errorCode: 'AccessDenied',
        operation: 'CreateUser',
        eventTime: '2024-05-14T09:21:07Z',
        requestId: '0a6c1f8e-3b1d-4b6e-9f3a-1c2d3e4f5a6b',
        context: {
          'aws:userid': 'AIDACKCEVSQ6C2EXAMPLE',
          'aws:username': 'alice',
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/ops/alice',
          'aws:PrincipalType': 'User',
          'aws:PrincipalIsAWSService': 'false',
          'aws:SourceIp': '81.2.69.160',
          'aws:RequestedRegion': 'us-east-1',
          'aws:CurrentTime': '2024-05-14T09:21:07Z',
          'aws:EpochTime': '1715678467',
          'aws:SecureTransport': 'true',
          'aws:ViaAWSService': 'false',
          'aws:RequestTag/team': 'payments',
          'aws:RequestTag/cost-center': '4711',
          'aws:TagKeys': ['team', 'cost-center'],
        },
        absentKeys: ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:TokenIssueTime', ...DIRECT_ABSENT],
        notes: [CT.longTermKeys, CT.inferred('aws:SecureTransport, aws:ViaAWSService')],
      }),
    ])
  })

  it('assumed role with MFA: session ARN as principal, role ARN (with path) as aws:PrincipalArn, policy ARN from the message', () => {
    expect(parseCloudTrail(fixture('assumed-role-mfa.json'))).toEqual([
      intake({
        source: 'cloudtrail',
        principal: 'arn:aws:sts::111122223333:assumed-role/Admin/alice',
        action: 'kms:Decrypt',
        resources: ['arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
        reportedPolicyType: 'identity',
        reportedDenyKind: 'explicit',
        reportedPolicyArn: 'arn:aws:iam::111122223333:policy/DenyKmsOutsideChangeWindow',
        errorCode: 'AccessDeniedException',
        operation: 'Decrypt',
        eventTime: '2024-05-14T08:30:00Z',
        requestId: '5c2b7e1a-8d3f-4a6b-9e0c-2f1d3c4b5a69',
        context: {
          'aws:userid': 'AROA3XFRBF535PLBIFPI4:alice',
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/admins/Admin',
          'aws:PrincipalType': 'AssumedRole',
          'aws:PrincipalIsAWSService': 'false',
          'aws:MultiFactorAuthPresent': 'true',
          'aws:TokenIssueTime': '2024-05-14T08:00:00Z',
          'aws:SourceIdentity': 'alice@example.com',
          'aws:MultiFactorAuthAge': '1800',
          'aws:SourceIp': '34.212.10.5',
          'aws:RequestedRegion': 'eu-west-1',
          'aws:CurrentTime': '2024-05-14T08:30:00Z',
          'aws:EpochTime': '1715675400',
          'aws:SecureTransport': 'true',
          'aws:ViaAWSService': 'false',
          'kms:EncryptionAlgorithm': 'SYMMETRIC_DEFAULT',
          'kms:EncryptionContext:app': 'billing',
          'kms:EncryptionContext:env': 'prod',
          'kms:EncryptionContextKeys': ['app', 'env'],
        },
        absentKeys: DIRECT_ABSENT,
        notes: [CT.inferred('aws:MultiFactorAuthAge, aws:SecureTransport, aws:ViaAWSService')],
      }),
    ])
  })

  it('assumed role without MFA (EC2 role, IMDSv2), S3 bare "Access Denied": versionId → s3:GetObjectVersion', () => {
    expect(parseCloudTrail(fixture('assumed-role-no-mfa.json'))).toEqual([
      intake({
        source: 'cloudtrail',
        principal: 'arn:aws:sts::111122223333:assumed-role/app-server/i-0123456789abcdef0',
        action: 's3:GetObjectVersion',
        resources: ['arn:aws:s3:::example-reports/2024/q1.csv'],
        errorCode: 'AccessDenied',
        operation: 'GetObject',
        eventTime: '2024-05-14T07:02:13Z',
        requestId: '9F6HMTTJ9GAFZGXV',
        context: {
          'aws:userid': 'AROAEXAMPLEAPPSERVER1:i-0123456789abcdef0',
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app-server',
          'aws:PrincipalType': 'AssumedRole',
          'aws:PrincipalIsAWSService': 'false',
          'aws:MultiFactorAuthPresent': 'false',
          'aws:TokenIssueTime': '2024-05-14T06:12:44Z',
          'ec2:RoleDelivery': '2.0',
          'aws:SourceIp': '52.94.133.131',
          'aws:RequestedRegion': 'us-west-2',
          'aws:CurrentTime': '2024-05-14T07:02:13Z',
          'aws:EpochTime': '1715670133',
          'aws:SecureTransport': 'true',
          'aws:ViaAWSService': 'false',
          's3:VersionId': '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY',
          's3:authType': 'REST-HEADER',
          's3:TlsVersion': '1.3',
        },
        absentKeys: ['aws:MultiFactorAuthAge', ...DIRECT_ABSENT],
        notes: [CT.heuristic('s3:GetObjectVersion'), CT.bareS3, CT.inferred('aws:SecureTransport, aws:ViaAWSService')],
      }),
    ])
  })

  it('call through a VPC endpoint: aws:SourceVpce and aws:VpcSourceIp known, aws:SourceIp absent, object tags as s3:RequestObjectTag', () => {
    expect(parseCloudTrail(fixture('vpc-endpoint.json'))).toEqual([
      intake({
        source: 'cloudtrail',
        principal: 'arn:aws:sts::111122223333:assumed-role/batch-job/job-42',
        action: 's3:PutObject',
        resources: ['arn:aws:s3:::example-landing/incoming/batch-42.parquet'],
        errorCode: 'AccessDenied',
        operation: 'PutObject',
        eventTime: '2024-05-14T10:05:00Z',
        requestId: 'J4K3N2M1P0Q9R8S7',
        context: {
          'aws:userid': 'AROAEXAMPLEBATCHJOB01:job-42',
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/service/batch-job',
          'aws:PrincipalType': 'AssumedRole',
          'aws:PrincipalIsAWSService': 'false',
          'aws:MultiFactorAuthPresent': 'false',
          'aws:TokenIssueTime': '2024-05-14T10:00:00Z',
          'aws:SourceVpce': 'vpce-0a1b2c3d4e5f6a7b8',
          'aws:VpcSourceIp': '10.0.12.34',
          'aws:RequestedRegion': 'us-east-1',
          'aws:CurrentTime': '2024-05-14T10:05:00Z',
          'aws:EpochTime': '1715681100',
          'aws:SecureTransport': 'true',
          'aws:ViaAWSService': 'false',
          's3:RequestObjectTag/classification': 'internal',
          's3:RequestObjectTag/owner': 'batch team',
          's3:RequestObjectTagKeys': ['classification', 'owner'],
          's3:x-amz-server-side-encryption': 'aws:kms',
          's3:x-amz-server-side-encryption-aws-kms-key-id': 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          's3:authType': 'REST-HEADER',
          's3:TlsVersion': '1.2',
        },
        absentKeys: ['aws:MultiFactorAuthAge', 'aws:SourceIp', 'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast'],
        notes: [CT.heuristic('s3:PutObject'), CT.bareS3, CT.vpce, CT.inferred('aws:SecureTransport, aws:ViaAWSService')],
      }),
    ])
  })

})
