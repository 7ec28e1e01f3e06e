import { describe, expect, it } from 'vitest'
import { actionFromEvent, multiPermissionNote, s3VersionedAction, servicePrefix } from '../../src/intake/event-actions.js'

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html

describe('actionFromEvent', () => {
  it.each([
    ['ec2.amazonaws.com', 'RunInstances', 'ec2:RunInstances'],
    ['iam.amazonaws.com', 'CreateUser', 'iam:CreateUser'],
    ['kms.amazonaws.com', 'Decrypt', 'kms:Decrypt'],
    ['sts.amazonaws.com', 'AssumeRole', 'sts:AssumeRole'],
    ['monitoring.amazonaws.com', 'PutMetricData', 'cloudwatch:PutMetricData'],
    ['email.amazonaws.com', 'SendRawEmail', 'ses:SendRawEmail'],
    ['lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', 'lambda:UpdateFunctionConfiguration'],
    ['lambda.amazonaws.com', 'ListFunctions20150331', 'lambda:ListFunctions'],
    ['lambda.amazonaws.com', 'AddPermission20150331v2', 'lambda:AddPermission'],
    ['lambda.amazonaws.com', 'Invoke', 'lambda:InvokeFunction'],
    ['s3.amazonaws.com', 'HeadObject', 's3:GetObject'],
    ['s3.amazonaws.com', 'ListObjects', 's3:ListBucket'],
    ['s3.amazonaws.com', 'ListObjectsV2', 's3:ListBucket'],
    ['s3.amazonaws.com', 'HeadBucket', 's3:ListBucket'],
    ['s3.amazonaws.com', 'ListBuckets', 's3:ListAllMyBuckets'],
    ['s3.amazonaws.com', 'CreateMultipartUpload', 's3:PutObject'],
    ['s3.amazonaws.com', 'UploadPart', 's3:PutObject'],
    ['s3.amazonaws.com', 'CompleteMultipartUpload', 's3:PutObject'],
    ['s3.amazonaws.com', 'CopyObject', 's3:PutObject'],
    ['s3.amazonaws.com', 'DeleteObjects', 's3:DeleteObject'],
    ['s3.amazonaws.com', 'GetBucketLifecycleConfiguration', 's3:GetLifecycleConfiguration'],
    ['s3.amazonaws.com', 'GetBucketCors', 's3:GetBucketCORS'],
    ['s3.amazonaws.com', 'PutBucketCors', 's3:PutBucketCORS'],
    ['s3.amazonaws.com', 'ListObjectVersions', 's3:ListBucketVersions'],
    ['s3.amazonaws.com', 'PutBucketEncryption', 's3:PutEncryptionConfiguration'],
    ['s3.amazonaws.com', 'GetObject', 's3:GetObject'],
    ['s3.amazonaws.com', 'PutBucketPolicy', 's3:PutBucketPolicy'],
    ['dynamodb.amazonaws.com', 'PutItem', 'dynamodb:PutItem'],
    ['sns.amazonaws.com', 'Publish', 'sns:Publish'],
  ])('%s %s → %s', (source, name, action) => {
    expect(actionFromEvent(source, name)).toBe(action)
  })

  it('keeps version-like digits outside Lambda', () => {
    expect(actionFromEvent('apigateway.amazonaws.com', 'GetRestApis20150709')).toBe('apigateway:GetRestApis20150709')
  })

  it('reads the China partition host name', () => {
    expect(servicePrefix('s3.amazonaws.com.cn')).toBe('s3')
  })
})

describe('s3VersionedAction', () => {
  it.each([
    ['s3:GetObject', 's3:GetObjectVersion'],
    ['s3:DeleteObject', 's3:DeleteObjectVersion'],
    ['s3:GetObjectAcl', 's3:GetObjectVersionAcl'],
    ['s3:PutObjectTagging', 's3:PutObjectVersionTagging'],
    ['s3:PutObject', 's3:PutObject'],
    ['ec2:RunInstances', 'ec2:RunInstances'],
  ])('%s → %s', (action, versioned) => {
    expect(s3VersionedAction(action)).toBe(versioned)
  })
})

describe('multiPermissionNote', () => {
  it('warns about calls authorized against several permissions, and only those', () => {
    expect(multiPermissionNote('ec2.amazonaws.com', 'RunInstances')).toMatch(/^RunInstances is authorized against several resources/)
    expect(multiPermissionNote('s3.amazonaws.com', 'CopyObject')).toMatch(/s3:GetObject on the source object/)
    expect(multiPermissionNote('s3.amazonaws.com', 'DeleteObjects')).toMatch(/s3:DeleteObject for each key/)
    expect(multiPermissionNote('s3.amazonaws.com', 'GetObject')).toBeNull()
  })
})
