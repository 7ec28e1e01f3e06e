/**
 * aws:RequestedRegion of a live diagnosis on an S3 bucket: the bucket's own region, read with
 * GetBucketLocation alongside its policy. An S3 ARN names no region, and the AWS CLI and SDKs
 * follow a bucket to its region, so a region guardrail SCP is decided by where the bucket is.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html
 */
import { GetRolePolicyCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam'
import { GetBucketLocationCommand, GetBucketPolicyCommand, type BucketLocationConstraint } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { rcpServices } from '../../../src/catalogue/index.js'
import { diagnose } from '../../../src/diagnose.js'
import { regionOfLocation } from '../../../src/sources/aws/bucket-region.js'
import type { PrincipalQuery } from '../../../src/sources/types.js'
import { givenOrganization } from './given-organization.js'
import { ACCOUNT, allow, awsError, givenRole, iamDocument, mockAws, query } from './helpers.js'

const ROOT = 'r-ab12'
const OPTIONS = { assumeAbsent: false, allowUnknownAction: false, configuredRegion: 'us-east-1' }
const REGION_GUARD = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'DenyOutsideIreland', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } }],
}
const OBJECT = 'arn:aws:s3:::reports/2026/q1.csv'

/** A role allowed s3:GetObject, in an account under the region guardrail; the bucket has no policy. */
function world(location: { LocationConstraint?: BucketLocationConstraint } | Error) {
  const aws = mockAws()
  givenRole(aws, { name: 'Reader' })
  aws.iam.on(ListRolePoliciesCommand, { RoleName: 'Reader' }).resolves({ PolicyNames: ['Read'], IsTruncated: false })
  aws.iam.on(GetRolePolicyCommand, { RoleName: 'Reader', PolicyName: 'Read' }).resolves({ RoleName: 'Reader', PolicyName: 'Read', PolicyDocument: iamDocument(allow('s3:GetObject')) })
  givenOrganization(aws, {
    id: 'o-ab12cd34ef',
    rootId: ROOT,
    policyTypes: ['SERVICE_CONTROL_POLICY'],
    parents: { [ACCOUNT]: ROOT },
    policies: { 'p-full': { name: 'FullAWSAccess', content: allow('*') }, 'p-region': { name: 'RegionGuard', content: REGION_GUARD } },
    // FullAWSAccess at every level, root to account; the guardrail at the root.
    attached: { [`SERVICE_CONTROL_POLICY|${ROOT}`]: [['p-full', 'p-region']], [`SERVICE_CONTROL_POLICY|${ACCOUNT}`]: [['p-full']] },
  })
  aws.s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404))
  if (location instanceof Error) aws.s3.on(GetBucketLocationCommand).rejects(location)
  else aws.s3.on(GetBucketLocationCommand).resolves(location)
  return aws
}

async function run(aws: ReturnType<typeof world>, extra: Partial<PrincipalQuery> = {}) {
  const q = query(`arn:aws:sts::${ACCOUNT}:assumed-role/Reader/s`, { resources: [OBJECT], ...extra })
  return diagnose(q, aws.provider({ rcpServices: rcpServices() }), OPTIONS)
}

describe('regionOfLocation', () => {
  it('reads no constraint as us-east-1 and EU as eu-west-1', () => {
    expect(regionOfLocation(undefined)).toBe('us-east-1')
    expect(regionOfLocation(null)).toBe('us-east-1')
    expect(regionOfLocation('EU')).toBe('eu-west-1')
    expect(regionOfLocation('ap-southeast-2')).toBe('ap-southeast-2')
  })
})

describe('the bucket\'s region as aws:RequestedRegion', () => {
  it('a bucket in eu-west-1 passes the region guardrail: Allowed by the role\'s policy', async () => {
    const aws = world({ LocationConstraint: 'eu-west-1' })
    const { verdict, gathered } = await run(aws)
    expect(aws.s3.commandCalls(GetBucketLocationCommand)[0]?.args[0].input).toEqual({ Bucket: 'reports' })
    expect(gathered.resourceRegion).toBe('eu-west-1')
    expect(verdict.incomplete).toEqual([])
    expect(verdict.decision).toBe('Allowed')
    expect(verdict.denies).toEqual([])
    expect(verdict.allows).toContainEqual(expect.objectContaining({ policyType: 'identity', policyName: 'Read' }))
    expect(verdict.assumptions).toContainEqual(expect.objectContaining({ key: 'aws:RequestedRegion', value: 'eu-west-1' }))
  })

  it('a bucket in us-east-1 (S3 answers with no LocationConstraint) is denied by the guardrail', async () => {
    const aws = world({})
    const { verdict, gathered } = await run(aws)
    expect(gathered.resourceRegion).toBe('us-east-1')
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(verdict.denies).toEqual([expect.objectContaining({ policyType: 'scp', policyName: 'RegionGuard', sid: 'DenyOutsideIreland', certain: true })])
  })

  it('a location S3 refuses leaves the region unknown: Undetermined, with the reason as a warning and no gap', async () => {
    const aws = world(awsError('AccessDenied', 'Access Denied', 403))
    const { verdict, gathered } = await run(aws)
    expect(gathered.resourceRegion).toBeNull()
    expect(verdict.incomplete).toEqual([])
    expect(verdict.decision).toBe('Undetermined')
    expect(verdict.denies).toEqual([expect.objectContaining({ sid: 'DenyOutsideIreland', certain: false, unknownKeys: ['aws:RequestedRegion'] })])
    expect(verdict.assumptions?.some((a) => a.key === 'aws:RequestedRegion')).toBe(false)
    expect(verdict.warnings).toContainEqual(expect.stringMatching(/region of bucket `reports` was not read \(AccessDenied: Access Denied; the credentials need s3:GetBucketLocation/))
  })

  it('--region that differs from the bucket\'s region is set aside, with a warning', async () => {
    const aws = world({ LocationConstraint: 'eu-west-1' })
    const { verdict } = await run(aws, { region: 'us-east-1' })
    expect(verdict.decision).toBe('Allowed')
    expect(verdict.request.context['aws:RequestedRegion']).toBe('eu-west-1')
    expect(verdict.warnings).toContainEqual(expect.stringContaining('--region us-east-1 was set aside: the bucket is in eu-west-1'))
  })

  it('--region that names the bucket\'s region is the user\'s word, without a warning', async () => {
    const aws = world({})
    const { verdict } = await run(aws, { region: 'us-east-1' })
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(verdict.warnings.some((w) => w.includes('--region'))).toBe(false)
  })
})
