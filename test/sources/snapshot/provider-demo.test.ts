/**
 * What the provider gathers for each scenario principal of the demo, policy type by policy type.
 * The RCP chain comes whenever the resource's account is known; the engine decides whether RCPs
 * govern the action's service (EC2 and IAM are not governed).
 */
import { describe, expect, it } from 'vitest'
import type { Gathered } from '../../../src/sources/types.js'
import { gather, query } from './helpers.js'

function summary(g: Gathered) {
  const p = g.policies
  return {
    identity: p.identity.map((x) => `${x.source.name}@${x.source.attachedTo}`),
    boundary: p.boundary?.source.name ?? null,
    scps: p.scps.map((l) => `${l.id}:${l.policies.map((x) => x.source.name).join('+')}`),
    rcps: p.rcps.map((l) => l.id),
    resource: p.resource?.source.origin ?? null,
    vpce: p.vpce?.source.name ?? null,
    resourceAccount: g.resourceAccount,
    gaps: g.incomplete.length,
  }
}

const PROD_SCPS = ['r-demo:FullAWSAccess', 'ou-demo-prod11:FullAWSAccess+DenyRunInstances', '111111111111:FullAWSAccess']
const DATA_SCPS = ['r-demo:FullAWSAccess', 'ou-demo-data22:FullAWSAccess', '222222222222:FullAWSAccess']
const PROD_CHAIN = ['r-demo', 'ou-demo-prod11', '111111111111']
const DATA_CHAIN = ['r-demo', 'ou-demo-data22', '222222222222']
const none = { boundary: null, resource: null, vpce: null, gaps: 0 }

describe('the demo snapshot, per scenario principal', () => {
  it.each([
    [
      'CloudOps',
      query('arn:aws:sts::111111111111:assumed-role/CloudOps/ops', 'ec2:RunInstances', { resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'] }),
      { ...none, identity: ['EC2Operator@CloudOps', 'ReadOnlyAccess@CloudOps'], scps: PROD_SCPS, rcps: PROD_CHAIN, resourceAccount: '111111111111' },
    ],
    [
      'TestReadOnly',
      query('arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice', 'ec2:RunInstances', { resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'] }),
      { ...none, identity: ['ReadOnlyAccess@TestReadOnly', 'AllowRunInstances@TestReadOnly'], scps: PROD_SCPS, rcps: PROD_CHAIN, resourceAccount: '111111111111' },
    ],
    [
      'tester',
      query('arn:aws:iam::111111111111:user/tester', 'ec2:DescribeInstances'),
      { ...none, identity: ['DeveloperAccess@tester', 'ForceMFA@Developers'], scps: PROD_SCPS, rcps: [], resourceAccount: null },
    ],
    [
      'LaunchRestricted',
      query('arn:aws:sts::222222222222:assumed-role/LaunchRestricted/dev', 'ec2:RunInstances', { resources: ['arn:aws:ec2:us-east-1:222222222222:instance/*'] }),
      { ...none, identity: ['LaunchRestrictions@LaunchRestricted'], scps: DATA_SCPS, rcps: DATA_CHAIN, resourceAccount: '222222222222' },
    ],
    [
      'BoundedDeveloper',
      query('arn:aws:sts::222222222222:assumed-role/BoundedDeveloper/dev', 'ec2:RunInstances', { resources: ['arn:aws:ec2:us-east-1:222222222222:instance/*'] }),
      { ...none, identity: ['AllowRunInstances@BoundedDeveloper'], boundary: 'DevBoundary', scps: DATA_SCPS, rcps: DATA_CHAIN, resourceAccount: '222222222222' },
    ],
    [
      'RoleAdmin',
      query('arn:aws:sts::111111111111:assumed-role/RoleAdmin/admin', 'iam:DeleteRole', { resources: ['arn:aws:iam::111111111111:role/CloudOps'] }),
      { ...none, identity: ['RoleAdministration@RoleAdmin'], scps: PROD_SCPS, rcps: PROD_CHAIN, resourceAccount: '111111111111' },
    ],
    [
      'TestReadOnly on demo-locked-bucket',
      query('arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice', 's3:GetObject', { resources: ['arn:aws:s3:::demo-locked-bucket/report.csv'] }),
      { ...none, identity: ['ReadOnlyAccess@TestReadOnly', 'AllowRunInstances@TestReadOnly'], scps: PROD_SCPS, rcps: PROD_CHAIN, resource: 'bucket policy of `demo-locked-bucket`', resourceAccount: '111111111111' },
    ],
    [
      'TestReadOnly on examplebucket through vpce-11111',
      query('arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice', 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a'], sourceVpce: 'vpce-11111' }),
      { ...none, identity: ['ReadOnlyAccess@TestReadOnly', 'AllowRunInstances@TestReadOnly'], scps: PROD_SCPS, rcps: PROD_CHAIN, resource: 'bucket policy of `examplebucket`', vpce: 'vpce-11111', resourceAccount: '111111111111' },
    ],
    [
      'DataAuditor on my-example-bucket',
      query('arn:aws:sts::111111111111:assumed-role/DataAuditor/a', 's3:ListBucket', { resources: ['arn:aws:s3:::my-example-bucket'] }),
      { ...none, identity: ['ReadOnlyAccess@DataAuditor'], scps: PROD_SCPS, rcps: PROD_CHAIN, resource: 'bucket policy of `my-example-bucket`', resourceAccount: '111111111111' },
    ],
    [
      'Analytics on data-lake-222 (cross-account)',
      query('arn:aws:sts::111111111111:assumed-role/Analytics/i-0abc', 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/x'] }),
      { ...none, identity: ['ReadDataLake@Analytics'], scps: PROD_SCPS, rcps: DATA_CHAIN, resource: 'bucket policy of `data-lake-222`', resourceAccount: '222222222222' },
    ],
    [
      'tester through vpce-22222',
      query('arn:aws:iam::111111111111:user/tester', 's3:PutObject', { resources: ['arn:aws:s3:::workloads-artifacts-111/a'], sourceVpce: 'vpce-22222' }),
      { ...none, identity: ['DeveloperAccess@tester', 'ForceMFA@Developers'], scps: PROD_SCPS, rcps: PROD_CHAIN, vpce: 'vpce-22222', resourceAccount: '111111111111' },
    ],
  ])('%s', async (_name, q, expected) => {
    expect(summary(await gather(q))).toEqual(expected)
  })
})
