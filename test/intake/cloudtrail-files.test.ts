import { describe, expect, it } from 'vitest'
import { parseCloudTrail } from '../../src/intake/cloudtrail.js'
import { intake, NOTE } from './helpers.js'
import { CT, DIRECT_ABSENT, fixture } from './cloudtrail-helpers.js'

// Whole files: cross-account copies, EC2 encoded messages, lookup-events output, mixed Records.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html

describe('parseCloudTrail: event files', () => {
  it('cross-account call: resource account from recipientAccountId, action as the message logs it', () => {
    expect(parseCloudTrail(fixture('cross-account.json'))).toEqual([
      intake({
        source: 'cloudtrail',
        principal: 'arn:aws:sts::444455556666:assumed-role/producer/worker-7',
        action: 'sqs:sendmessage',
        resources: ['arn:aws:sqs:us-east-1:111122223333:orders'],
        reportedPolicyType: 'resource',
        reportedDenyKind: 'implicit',
        errorCode: 'AccessDenied',
        operation: 'SendMessage',
        eventTime: '2024-05-14T11:42:10Z',
        requestId: 'f1e2d3c4-b5a6-5978-8e9f-0a1b2c3d4e5f',
        context: {
          'aws:userid': 'AROAEXAMPLEPRODUCER01:worker-7',
          'aws:PrincipalAccount': '444455556666',
          'aws:PrincipalArn': 'arn:aws:iam::444455556666:role/producer',
          'aws:PrincipalType': 'AssumedRole',
          'aws:PrincipalIsAWSService': 'false',
          'aws:MultiFactorAuthPresent': 'false',
          'aws:TokenIssueTime': '2024-05-14T11:00:00Z',
          'aws:SourceIp': '52.94.133.131',
          'aws:RequestedRegion': 'us-east-1',
          'aws:CurrentTime': '2024-05-14T11:42:10Z',
          'aws:EpochTime': '1715686930',
          'aws:SecureTransport': 'true',
          'aws:ViaAWSService': 'false',
          'aws:ResourceAccount': '111122223333',
        },
        absentKeys: ['aws:MultiFactorAuthAge', ...DIRECT_ABSENT],
        notes: [CT.crossAccount, CT.inferred('aws:SecureTransport, aws:ViaAWSService, aws:ResourceAccount')],
      }),
    ])
  })

  it('EC2 Client.UnauthorizedOperation with a cut encoded message: console session of an IAM user, tags and instance type', () => {
    const [result, ...others] = parseCloudTrail(fixture('ec2-unauthorized-encoded.json'))
    expect(others).toEqual([])
    expect(result!.encodedMessage).toMatch(/^Zq8vR3nT5yW1xK7mP2aB9cD4eF6gH0iJ-kL_oQsUvXz/)
    expect(result!.encodedMessage).toHaveLength(1024 - 'You are not authorized to perform this operation. Encoded authorization failure message: '.length)
    expect(result).toEqual(
      intake({
        source: 'cloudtrail',
        principal: 'arn:aws:iam::111122223333:user/dev/carol',
        action: 'ec2:RunInstances',
        errorCode: 'Client.UnauthorizedOperation',
        operation: 'RunInstances',
        encodedMessage: result!.encodedMessage,
        eventTime: '2024-05-14T12:10:00Z',
        requestId: 'e4d3c2b1-a098-4765-b432-10fedcba9876',
        context: {
          'aws:userid': 'AIDAEXAMPLEDEVUSER001',
          'aws:username': 'carol',
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/dev/carol',
          'aws:PrincipalType': 'User',
          'aws:PrincipalIsAWSService': 'false',
          'aws:MultiFactorAuthPresent': 'true',
          'aws:TokenIssueTime': '2024-05-14T12:00:00Z',
          'aws:MultiFactorAuthAge': '600',
          'aws:SourceIp': '81.2.69.160',
          'aws:RequestedRegion': 'ap-south-1',
          'aws:CurrentTime': '2024-05-14T12:10:00Z',
          'aws:EpochTime': '1715688600',
          'aws:ViaAWSService': 'false',
          'aws:RequestTag/Name': 'gpu-box',
          'aws:RequestTag/project': 'ml',
          'aws:TagKeys': ['Name', 'project'],
          'ec2:InstanceType': 'p4d.24xlarge',
          'ec2:Region': 'ap-south-1',
        },
        absentKeys: DIRECT_ABSENT,
        notes: [CT.heuristic('ec2:RunInstances'), CT.cutEncoded, CT.runInstances, CT.inferred('aws:MultiFactorAuthAge, aws:ViaAWSService')],
      }),
    )
  })

  it('`aws cloudtrail lookup-events` output: reads CloudTrailEvent strings, keeps only the denial', () => {
    expect(parseCloudTrail(fixture('lookup-events.json'))).toEqual([
      intake({
        source: 'cloudtrail',
        principal: 'arn:aws:sts::111122223333:federated-user/dana',
        action: 'sns:Publish',
        resources: ['arn:aws:sns:us-east-1:111122223333:alerts'],
        reportedPolicyType: 'session',
        reportedDenyKind: 'implicit',
        errorCode: 'AuthorizationError',
        operation: 'Publish',
        eventTime: '2024-05-14T13:15:30Z',
        requestId: 'a1b2c3d4-e5f6-5a7b-8c9d-0e1f2a3b4c5d',
        context: {
          'aws:userid': '111122223333:dana',
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalArn': 'arn:aws:sts::111122223333:federated-user/dana',
          'aws:PrincipalType': 'FederatedUser',
          'aws:PrincipalIsAWSService': 'false',
          'aws:MultiFactorAuthPresent': 'false',
          'aws:TokenIssueTime': '2024-05-14T13:00:00Z',
          'aws:SourceIp': '34.212.10.5',
          'aws:RequestedRegion': 'us-east-1',
          'aws:CurrentTime': '2024-05-14T13:15:30Z',
          'aws:EpochTime': '1715692530',
          'aws:SecureTransport': 'true',
          'aws:ViaAWSService': 'false',
        },
        absentKeys: ['aws:MultiFactorAuthAge', ...DIRECT_ABSENT],
        notes: [CT.inferred('aws:SecureTransport, aws:ViaAWSService')],
      }),
    ])
  })

  it('a Records file mixing successes and denials: one Intake per denial, in order', () => {
    const results = parseCloudTrail(fixture('records-mixed.json'))
    expect(results.map((r) => [r.action, r.errorCode])).toEqual([
      ['dynamodb:CreateTable', 'AccessDeniedException'],
      ['lambda:UpdateFunctionConfiguration', 'AccessDeniedException'],
      ['s3:GetBucketAcl', 'AccessDenied'],
    ])
    const [viaCloudFormation, lambda, awsService] = results
    expect(viaCloudFormation).toEqual(
      intake({
        source: 'cloudtrail',
        principal: 'arn:aws:sts::111122223333:assumed-role/deployer/cfn-session',
        action: 'dynamodb:CreateTable',
        resources: ['arn:aws:dynamodb:us-east-1:111122223333:table/orders'],
        reportedPolicyType: 'scp',
        reportedDenyKind: 'explicit',
        errorCode: 'AccessDeniedException',
        operation: 'CreateTable',
        eventTime: '2024-05-14T14:00:02Z',
        requestId: '22222222-3333-4444-8555-666666666666',
        context: {
          'aws:userid': 'AROAEXAMPLEDEPLOYER01:cfn-session',
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/deployer',
          'aws:PrincipalType': 'AssumedRole',
          'aws:PrincipalIsAWSService': 'false',
          'aws:MultiFactorAuthPresent': 'false',
          'aws:TokenIssueTime': '2024-05-14T14:00:00Z',
          'aws:RequestedRegion': 'us-east-1',
          'aws:CurrentTime': '2024-05-14T14:00:02Z',
          'aws:EpochTime': '1715695202',
          'aws:ViaAWSService': 'true',
          'aws:CalledVia': ['cloudformation.amazonaws.com'],
          'aws:CalledViaFirst': 'cloudformation.amazonaws.com',
          'aws:CalledViaLast': 'cloudformation.amazonaws.com',
          'aws:RequestTag/env': 'prod',
          'aws:TagKeys': ['env'],
        },
        absentKeys: ['aws:MultiFactorAuthAge'],
        notes: [
          NOTE.scp,
          CT.viaService('cloudformation.amazonaws.com'),
          CT.inferred('aws:ViaAWSService, aws:CalledVia, aws:CalledViaFirst, aws:CalledViaLast'),
        ],
      }),
    )
    // The message's action beats the eventName heuristic (which would also strip the version suffix).
    expect(lambda).toMatchObject({
      operation: 'UpdateFunctionConfiguration20150331v2',
      reportedPolicyType: 'boundary',
      reportedDenyKind: 'implicit',
      resources: ['arn:aws:lambda:us-east-1:111122223333:function:orders-api'],
    })
    expect(awsService).toEqual(
      intake({
        source: 'cloudtrail',
        principal: 'config.amazonaws.com',
        action: 's3:GetBucketAcl',
        resources: ['arn:aws:s3:::example-audit-logs'],
        errorCode: 'AccessDenied',
        operation: 'GetBucketAcl',
        eventTime: '2024-05-14T14:00:06Z',
        requestId: '66666666-7777-4888-8999-AAAAAAAAAAAA',
        context: {
          'aws:PrincipalIsAWSService': 'true',
          'aws:PrincipalServiceName': 'config.amazonaws.com',
          'aws:RequestedRegion': 'us-east-1',
          'aws:CurrentTime': '2024-05-14T14:00:06Z',
          'aws:EpochTime': '1715695206',
          'aws:SecureTransport': 'true',
          's3:authType': 'REST-HEADER',
        },
        notes: [CT.heuristic('s3:GetBucketAcl'), CT.bareS3, CT.inferred('aws:SecureTransport')],
      }),
    )
  })

})
