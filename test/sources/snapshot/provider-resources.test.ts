import { describe, expect, it } from 'vitest'
import { gather, query } from './helpers.js'

const TESTER = 'arn:aws:iam::111111111111:user/tester'
const SOURCE = 'snapshot demo-snapshot.json'

describe('S3 bucket policies', () => {
  it('the bucket policy from the account that holds the bucket, for an object ARN', async () => {
    const g = await gather(query(TESTER, 's3:GetObject', { resources: ['arn:aws:s3:::demo-locked-bucket/reports/2026.csv'] }))
    expect(g.policies.resource?.source).toEqual({
      type: 'resource',
      name: 'demo-locked-bucket',
      arn: 'arn:aws:s3:::demo-locked-bucket',
      attachedTo: 'demo-locked-bucket',
      origin: 'bucket policy of `demo-locked-bucket`',
    })
    expect(g.policies.resource?.policy.statements[0]?.conditions[0]).toMatchObject({
      key: 'aws:userId',
      values: ['AROAEXAMPLECLOUDOPS01:*', 'AIDAEXAMPLETESTER0001', '111111111111'],
    })
    expect(g.resourceAccount).toBe('111111111111')
    expect(g.incomplete).toEqual([])
  })

  it('the same policy for the bucket ARN and its objects together', async () => {
    const g = await gather(query(TESTER, 's3:ListBucket', { resources: ['arn:aws:s3:::my-example-bucket', 'arn:aws:s3:::my-example-bucket/a'] }))
    expect(g.policies.resource?.policy.statements[0]?.sid).toBe('DenyAuditorListBucket')
    expect(g.incomplete).toEqual([])
  })

  it('a bucket without a policy: none, and no gap', async () => {
    const g = await gather(query(TESTER, 's3:PutObject', { resources: ['arn:aws:s3:::workloads-artifacts-111/build.zip'] }))
    expect(g.policies.resource).toBeNull()
    expect(g.resourceAccount).toBe('111111111111')
    expect(g.incomplete).toEqual([])
  })

  it('a bucket not in the snapshot: a gap, never "no policy"', async () => {
    const g = await gather(query(TESTER, 's3:GetObject', { resources: ['arn:aws:s3:::someone-elses-bucket/x'] }))
    expect(g.policies.resource).toBeNull()
    expect(g.resourceAccount).toBeNull()
    expect(g.incomplete).toContainEqual({
      source: SOURCE,
      error: 'bucket someone-elses-bucket is not in the snapshot',
      effect:
        'Bucket someone-elses-bucket is not in the snapshot: its bucket policy was not read, so a Deny in it (or, across accounts, the Allow it must give) cannot be checked, and the account that owns it is unknown (pass --resource-account).',
      layer: 'resource',
    })
  })

  it('a bucket not in the snapshot with --resource-account: the account is taken from the flag', async () => {
    const g = await gather(query(TESTER, 's3:GetObject', { resources: ['arn:aws:s3:::someone-elses-bucket/x'], resourceAccount: '222222222222' }))
    expect(g.resourceAccount).toBe('222222222222')
    expect(g.incomplete.map((gap) => gap.effect)).toEqual([
      'Bucket someone-elses-bucket is not in the snapshot: its bucket policy was not read, so a Deny in it (or, across accounts, the Allow it must give) cannot be checked.',
    ])
  })

  it('--resource-account that contradicts the snapshot is a gap', async () => {
    const g = await gather(query(TESTER, 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/x'], resourceAccount: '111111111111' }))
    expect(g.resourceAccount).toBe('111111111111')
    expect(g.incomplete).toEqual([
      {
        source: SOURCE,
        error: 'the resource account is given as 111111111111, but the snapshot holds bucket data-lake-222 in account 222222222222',
        effect: 'The RCPs and cross-account rules were applied for account 111111111111; check --resource-account.',
      },
    ])
  })

  it('several buckets: the first one’s policy, and a gap for the others', async () => {
    const g = await gather(query(TESTER, 's3:CopyObject', { resources: ['arn:aws:s3:::examplebucket/a', 'arn:aws:s3:::demo-locked-bucket/a'] }))
    expect(g.policies.resource?.source.name).toBe('examplebucket')
    expect(g.incomplete).toEqual([
      {
        source: SOURCE,
        error: 'the request names several resources with resource policies (bucket examplebucket, bucket demo-locked-bucket)',
        effect: 'Only the bucket examplebucket policy was considered; diagnose the others separately.',
        layer: 'resource',
      },
    ])
  })

  it('an access point: the snapshot holds bucket policies only', async () => {
    const g = await gather(query(TESTER, 's3:GetObject', { resources: ['arn:aws:s3:us-east-1:111111111111:accesspoint/reports/object/a'] }))
    expect(g.resourceAccount).toBe('111111111111')
    expect(g.incomplete.map((gap) => gap.error)).toEqual(['the snapshot holds bucket policies only, not the access point policy of `arn:aws:s3:us-east-1:111111111111:accesspoint/reports/object/a`'])
  })
})

describe('other resources', () => {
  it('an EC2 resource: its account from the ARN, no resource policy, no gap', async () => {
    const g = await gather(query(TESTER, 'ec2:RunInstances', { resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'] }))
    expect(g.resourceAccount).toBe('111111111111')
    expect(g.policies.resource).toBeNull()
    expect(g.incomplete).toEqual([])
  })

  it('a KMS key: its key policy is not in snapshots, so a gap', async () => {
    const key = 'arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab'
    const g = await gather(query(TESTER, 'kms:Decrypt', { resources: [key] }))
    expect(g.resourceAccount).toBe('222222222222')
    expect(g.incomplete).toContainEqual({
      source: SOURCE,
      error: 'snapshots do not hold kms resource-based policies',
      effect: `The resource-based policy of \`${key}\` (if it has one) was not read, so a Deny in it, or a missing Allow where the service requires one, cannot be checked; put it in a case file for \`denydoctor evaluate\`.`,
      layer: 'resource',
    })
  })

  it('sts:AssumeRole on a role: its trust policy as the resource policy', async () => {
    const g = await gather(query(TESTER, 'sts:AssumeRole', { resources: ['arn:aws:iam::111111111111:role/CloudOps'] }))
    expect(g.policies.resource?.source).toEqual({
      type: 'resource',
      name: 'CloudOps',
      arn: 'arn:aws:iam::111111111111:role/CloudOps',
      attachedTo: 'CloudOps',
      origin: 'trust policy of role `CloudOps`',
    })
    expect(g.policies.resource?.policy.statements[0]?.principal?.aws).toEqual(['arn:aws:iam::111111111111:root'])
  })

  it('sts:AssumeRole on a role the snapshot lacks: a gap', async () => {
    const g = await gather(query(TESTER, 'sts:AssumeRole', { resources: ['arn:aws:iam::222222222222:role/Nobody'] }))
    expect(g.policies.resource).toBeNull()
    expect(g.incomplete).toEqual([
      {
        source: SOURCE,
        error: 'role Nobody of account 222222222222 is not in the snapshot',
        effect: 'The trust policy of role `Nobody` was not read, so whether it lets the caller in cannot be checked; collect a snapshot of account 222222222222.',
        layer: 'resource',
      },
    ])
  })
})

describe('VPC endpoints', () => {
  it('the endpoint policy, aws:SourceVpc, and aws:SourceVpce when the context does not have it', async () => {
    const g = await gather(query(TESTER, 's3:PutObject', { resources: ['arn:aws:s3:::workloads-artifacts-111/a'], sourceVpce: 'vpce-22222' }))
    expect(g.policies.vpce?.source).toEqual({
      type: 'vpce',
      name: 'vpce-22222',
      arn: 'arn:aws:ec2:us-east-1:111111111111:vpc-endpoint/vpce-22222',
      attachedTo: 'vpce-22222',
      origin: 'policy of VPC endpoint `vpce-22222` (com.amazonaws.us-east-1.s3 in vpc-0a1b2c3d4e5f60002)',
    })
    expect(g.policies.vpce?.policy.statements.map((s) => s.sid)).toEqual(['AllowAll', 'DenyPutObject'])
    expect(g.knownContext).toContainEqual(['aws:SourceVpc', ['vpc-0a1b2c3d4e5f60002']])
    expect(g.knownContext).toContainEqual(['aws:SourceVpce', ['vpce-22222']])
  })

  it('does not repeat aws:SourceVpce that the query context already holds', async () => {
    const g = await gather(query(TESTER, 's3:GetObject', { context: [['aws:SourceVpce', 'vpce-11111']], sourceVpce: 'vpce-11111' }))
    expect(g.knownContext.filter(([k]) => k === 'aws:SourceVpce')).toEqual([])
    expect(g.knownContext).toContainEqual(['aws:SourceVpc', ['vpc-0a1b2c3d4e5f60001']])
  })

  it('an endpoint not in the snapshot: a gap', async () => {
    const g = await gather(query(TESTER, 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a'], sourceVpce: 'vpce-99999' }))
    expect(g.policies.vpce).toBeNull()
    expect(g.incomplete).toEqual([
      {
        source: SOURCE,
        error: 'VPC endpoint vpce-99999 is not in the snapshot',
        effect: 'The policy of VPC endpoint `vpce-99999` was not read, so whether it allows the request is unknown; check the endpoint ID, or collect the snapshot again with its region.',
      },
    ])
  })

  it('no endpoint asked about: no endpoint policy', async () => {
    const g = await gather(query(TESTER, 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a'] }))
    expect(g.policies.vpce).toBeNull()
    expect(g.knownContext.some(([k]) => k === 'aws:SourceVpc')).toBe(false)
  })
})
