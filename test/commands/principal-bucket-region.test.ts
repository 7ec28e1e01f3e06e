/**
 * `denydoctor principal` on an S3 object, live: aws:RequestedRegion is the bucket's own region
 * (GetBucketLocation), since the AWS CLI and SDKs follow a bucket to its region; a --region that
 * differs is set aside with a warning.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
 */
import { describe, expect, it } from 'vitest'
import { isolateAwsEnvironment, principalLive } from './live-run.js'
import { W, workloadsWorld } from './seed-world.js'

isolateAwsEnvironment()

/** A bucket whose policy refuses any call made outside eu-west-1, read by a role with ReadOnlyAccess. */
function world(region: string) {
  const base = workloadsWorld()
  return workloadsWorld({
    roles: [...base.roles, { name: 'Reader', roleId: 'AROAEXAMPLEREADER01', attached: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
    buckets: {
      ...base.buckets,
      'eu-reports': {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'OnlyInIreland', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::eu-reports/*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
        ],
      },
    },
    bucketRegions: { 'eu-reports': region },
  })
}

const ARGS = [`arn:aws:iam::${W}:role/Reader`, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::eu-reports/q1.csv']

describe('the bucket\'s own region decides a region condition', () => {
  it('a bucket in eu-west-1: allowed, even with --region us-east-1 (set aside, with a warning)', async () => {
    const run = await principalLive(world('eu-west-1'), [...ARGS, '--region', 'us-east-1'])
    expect(run.verdict.decision).toBe('Allowed')
    expect(run.verdict.denies).toEqual([])
    expect(run.verdict.request.context['aws:RequestedRegion']).toBe('eu-west-1')
    expect(run.verdict.warnings).toContainEqual(expect.stringContaining('--region us-east-1 was set aside: the bucket is in eu-west-1'))
    expect(run.aws.operations()).toContain('s3:GetBucketLocation')
  })

  it('a bucket in us-east-1: explicit deny by the bucket policy', async () => {
    const run = await principalLive(world('us-east-1'), ARGS)
    expect(run.verdict.decision).toBe('ExplicitDeny')
    expect(run.verdict.denies).toEqual([expect.objectContaining({ policyType: 'resource', sid: 'OnlyInIreland', certain: true })])
  })
})
