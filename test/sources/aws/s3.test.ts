import { GetBucketPolicyCommand } from '@aws-sdk/client-s3'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { describe, expect, it } from 'vitest'
import { bucketOf } from '../../../src/sources/aws/s3.js'
import { ACCOUNT, awsError, givenRole, mockAws, OTHER_ACCOUNT, query } from './helpers.js'

const ROLE = `arn:aws:iam::${ACCOUNT}:role/Reader`

const BUCKET_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyOutsideVpce',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
    },
  ],
}

describe('bucketOf', () => {
  it('finds the bucket of a bucket or object ARN, and nothing in other ARNs', () => {
    expect(bucketOf('arn:aws:s3:::reports')).toEqual({ partition: 'aws', bucket: 'reports' })
    expect(bucketOf('arn:aws:s3:::reports/2026/q1.csv')).toEqual({ partition: 'aws', bucket: 'reports' })
    expect(bucketOf('arn:aws-cn:s3:::cn-bucket/x')).toEqual({ partition: 'aws-cn', bucket: 'cn-bucket' })
    expect(bucketOf(`arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/ap`)).toBeNull()
    expect(bucketOf(`arn:aws:sqs:us-east-1:${ACCOUNT}:q`)).toBeNull()
  })
})

describe('bucket policy', () => {
  it('reads the policy of an object\'s bucket, and learns the bucket\'s account from S3 (ExpectedBucketOwner)', async () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: JSON.stringify(BUCKET_POLICY) })
    const gathered = await aws.provider().gather(query(ROLE, { resources: ['arn:aws:s3:::reports/2026/q1.csv'] }))
    expect(gathered.incomplete).toEqual([])
    expect(gathered.resourceAccount).toBe(ACCOUNT)
    expect(gathered.policies.resource?.source).toEqual({
      type: 'resource',
      name: 'reports',
      arn: 'arn:aws:s3:::reports',
      attachedTo: 'reports',
      origin: `bucket policy of \`reports\` (account ${ACCOUNT}: S3 returns a bucket policy only to its owner's account)`,
    })
    expect(gathered.policies.resource?.policy.statements[0]?.sid).toBe('DenyOutsideVpce')
    expect(aws.s3.commandCalls(GetBucketPolicyCommand)[0]?.args[0].input).toEqual({ Bucket: 'reports', ExpectedBucketOwner: ACCOUNT })
    expect(gathered.knownContext).toContainEqual(['aws:ResourceAccount', [ACCOUNT]])
  })

  it('treats NoSuchBucketPolicy as "no resource policy", without a gap', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404))
    const gathered = await aws.provider().gather(query(ROLE, { resources: ['arn:aws:s3:::reports'] }))
    expect(gathered.policies.resource).toBeNull()
    expect(gathered.incomplete).toEqual([])
    expect(gathered.resourceAccount).toBe(ACCOUNT)
  })

  it('turns NoSuchBucket into a gap', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucket', 'The specified bucket does not exist', 404))
    const gathered = await aws.provider().gather(query(ROLE, { resources: ['arn:aws:s3:::typo-bucket'] }))
    expect(gathered.incomplete).toEqual([
      { source: 's3', error: 'NoSuchBucket: The specified bucket does not exist', effect: expect.stringContaining('no such bucket'), layer: 'resource' },
    ])
    expect(gathered.resourceAccount).toBeNull()
  })

  it('turns AccessDenied (another account\'s bucket, or no permission) into a gap naming the flags', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.s3.on(GetBucketPolicyCommand).rejects(awsError('AccessDenied', 'Access Denied', 403))
    const gathered = await aws.provider().gather(query(ROLE, { resources: ['arn:aws:s3:::partner-bucket'] }))
    expect(gathered.policies.resource).toBeNull()
    expect(gathered.incomplete).toHaveLength(1)
    expect(gathered.incomplete[0]!.effect).toContain('--resource-profile or --resource-role-arn')
    expect(gathered.incomplete[0]!.effect).toContain('s3:GetBucketPolicy')
  })

  it('does not ask S3 with credentials of the wrong account when --resource-account says otherwise', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    const gathered = await aws.provider().gather(query(ROLE, { resources: ['arn:aws:s3:::partner-bucket'], resourceAccount: OTHER_ACCOUNT }))
    expect(aws.s3.calls()).toHaveLength(0)
    expect(gathered.resourceAccount).toBe(OTHER_ACCOUNT)
    expect(gathered.incomplete.find((gap) => gap.source === 's3')).toMatchObject({
      effect: expect.stringContaining(`--resource-role-arn for account ${OTHER_ACCOUNT}`),
    })
    // The caller's account is in no organization, so the other account's RCPs are unknown too.
    expect(gathered.incomplete.find((gap) => gap.source === 'organizations')?.effect).toContain(`RCPs that govern account ${OTHER_ACCOUNT}`)
  })

  it('reads another account\'s bucket with the resource credentials, and learns that account', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.resourceSts.on(GetCallerIdentityCommand).resolves({ Account: OTHER_ACCOUNT, Arn: `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Auditor/denydoctor-resource` })
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: JSON.stringify(BUCKET_POLICY) })
    const provider = aws.provider({ resourceRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/Auditor` })
    const gathered = await provider.gather(query(ROLE, { resources: ['arn:aws:s3:::reports'] }))
    expect(gathered.resourceAccount).toBe(OTHER_ACCOUNT)
    expect(aws.s3.commandCalls(GetBucketPolicyCommand)[0]?.args[0].input.ExpectedBucketOwner).toBe(OTHER_ACCOUNT)
    expect(gathered.origin).toContain(`resource account read with the role \`arn:aws:iam::${OTHER_ACCOUNT}:role/Auditor\``)
  })

  it('turns a bucket policy that does not parse into a gap', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny" "Action":"s3:*"}]}' })
    const gathered = await aws.provider().gather(query(ROLE, { resources: ['arn:aws:s3:::reports'] }))
    expect(gathered.policies.resource).toBeNull()
    expect(gathered.incomplete[0]).toMatchObject({ source: 's3', error: expect.stringMatching(/^PolicyInputError: .*line 1/) })
  })

  it('says that resource policies of other services are not read (a KMS key policy must allow)', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
    const gathered = await aws.provider().gather(query(ROLE, { action: 'kms:Decrypt', resources: [key] }))
    expect(gathered.incomplete).toEqual([
      { source: 'kms', error: 'the live source does not read kms resource-based policies', effect: expect.stringContaining(`\`${key}\``), layer: 'resource' },
    ])
  })
})
