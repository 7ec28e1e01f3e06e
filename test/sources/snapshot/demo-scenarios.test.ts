/**
 * Every scenario of the seed article, diagnosed end to end from examples/demo-snapshot.json:
 * snapshot → Gathered → Request → the engine. Asserts the decision and the deciding statement
 * (or the layer that lacked an Allow).
 */
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose.js'
import type { Verdict } from '../../../src/model/index.js'
import { readSnapshot } from '../../../src/sources/snapshot/file.js'
import { createSnapshotProvider } from '../../../src/sources/snapshot/provider.js'
import type { PrincipalQuery } from '../../../src/sources/types.js'
import { DEMO_PATH, query } from './helpers.js'

const provider = createSnapshotProvider(await readSnapshot(DEMO_PATH), { fileName: 'demo-snapshot.json' })

async function verdictOf(q: PrincipalQuery, assumeAbsent = true): Promise<Verdict> {
  return (await diagnose(q, provider, { assumeAbsent, allowUnknownAction: false })).verdict
}

/** `type policy #index sid` of the deciding deny. */
function decidingDeny(v: Verdict): string {
  const d = v.denies[0]
  return d ? `${d.policyType} ${d.policyName} #${d.statementIndex} ${d.sid}` : 'none'
}

const session = (account: string, role: string, name = 'demo') => `arn:aws:sts::${account}:assumed-role/${role}/${name}`
const W = '111111111111'
const D = '222222222222'
const INSTANCE = (account: string) => `arn:aws:ec2:us-east-1:${account}:instance/*`
const MFA: [string, string] = ['aws:MultiFactorAuthPresent', 'true']

describe('explicit denies of the seed article, one per policy type', () => {
  it.each([
    [
      'SCP DenyRunInstances on OU Prod denies TestReadOnly, whose identity policy allows it',
      query(session(W, 'TestReadOnly', 'alice'), 'ec2:RunInstances', { resources: [INSTANCE(W)] }),
      'scp DenyRunInstances #0 DenyRunInstancesExceptCloudOps',
    ],
    [
      'identity: the MFA-enforcing deny of group Developers, for tester without MFA',
      query(`arn:aws:iam::${W}:user/tester`, 'ec2:DescribeInstances'),
      'identity ForceMFA #1 DenyAllExceptListedIfNoMFA',
    ],
    [
      'identity: the TagKeys + InstanceType deny (both conditions hold: no Production tag, t2.micro)',
      query(session(D, 'LaunchRestricted'), 'ec2:RunInstances', { resources: [INSTANCE(D)], context: [['ec2:InstanceType', 't2.micro'], ['aws:TagKeys', 'Name']] }),
      'identity LaunchRestrictions #1 AllowRunInstancesWithRestrictions2',
    ],
    [
      // ForAllValues is true when the request has no tag keys at all:
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
      'identity: the same deny for an untagged t2.micro launch (ForAllValues over no keys is true)',
      query(session(D, 'LaunchRestricted'), 'ec2:RunInstances', { resources: [INSTANCE(D)], context: [['ec2:InstanceType', 't2.micro']] }),
      'identity LaunchRestrictions #1 AllowRunInstancesWithRestrictions2',
    ],
    [
      'permissions boundary DevBoundary denies ec2:* although the identity policy allows RunInstances',
      query(session(D, 'BoundedDeveloper'), 'ec2:RunInstances', { resources: [INSTANCE(D)] }),
      'boundary DevBoundary #0 DenyAllEC2',
    ],
    [
      'identity: Deny iam:DeleteRole next to Allow iam:*',
      query(session(W, 'RoleAdmin'), 'iam:DeleteRole', { resources: [`arn:aws:iam::${W}:role/CloudOps`] }),
      'identity RoleAdministration #1 DenyDeleteRole',
    ],
    [
      'bucket policy: aws:userid not among the listed IDs (TestReadOnly)',
      query(session(W, 'TestReadOnly', 'alice'), 's3:GetObject', { resources: ['arn:aws:s3:::demo-locked-bucket/report.csv'] }),
      'resource demo-locked-bucket #0 DenyAllButListedIdentities',
    ],
    [
      'bucket policy: examplebucket reached through another endpoint than vpce-11111',
      query(session(W, 'TestReadOnly', 'alice'), 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a.txt'], context: [['aws:SourceVpce', 'vpce-22222']], sourceVpce: 'vpce-22222' }),
      'resource examplebucket #0 AccessSpecificVPCEOnly',
    ],
    [
      'bucket policy: examplebucket reached from outside any endpoint (StringNotEqualsIfExists on an absent key is true)',
      query(session(W, 'TestReadOnly', 'alice'), 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a.txt'] }),
      'resource examplebucket #0 AccessSpecificVPCEOnly',
    ],
    [
      'bucket policy: Deny naming role DataAuditor for s3:ListBucket',
      query(session(W, 'DataAuditor'), 's3:ListBucket', { resources: ['arn:aws:s3:::my-example-bucket'] }),
      'resource my-example-bucket #0 DenyAuditorListBucket',
    ],
    [
      'VPC endpoint policy of vpce-22222 denies s3:PutObject',
      query(`arn:aws:iam::${W}:user/tester`, 's3:PutObject', { resources: ['arn:aws:s3:::workloads-artifacts-111/build.zip'], context: [MFA, ['aws:SourceVpce', 'vpce-22222']], sourceVpce: 'vpce-22222' }),
      'vpce vpce-22222 #1 DenyPutObject',
    ],
    [
      'session policy passed to AssumeRole denies RunInstances even for CloudOps',
      query(session(W, 'CloudOps'), 'ec2:RunInstances', {
        resources: [INSTANCE(W)],
        sessionPolicy: { name: 'deny-run.json', text: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' } }) },
      }),
      'session deny-run.json #0 null',
    ],
  ])('%s', async (_name, q, deciding) => {
    const v = await verdictOf(q)
    expect(v.decision).toBe('ExplicitDeny')
    expect(decidingDeny(v)).toBe(deciding)
    expect(v.incomplete).toEqual([])
  })

  it('the SCP is what denies TestReadOnly: its inline policy does allow RunInstances', async () => {
    const v = await verdictOf(query(session(W, 'TestReadOnly', 'alice'), 'ec2:RunInstances', { resources: [INSTANCE(W)] }))
    expect(v.denies.map((d) => d.policyType)).toEqual(['scp'])
    expect(v.allows.filter((a) => a.policyType === 'identity').map((a) => a.policyName)).toEqual(['AllowRunInstances'])
  })
})

describe('what the same policies allow', () => {
  it.each([
    ['CloudOps runs instances: ArnNotLike exempts arn:aws:iam::*:role/CloudOps', query(session(W, 'CloudOps'), 'ec2:RunInstances', { resources: [INSTANCE(W)] })],
    ['tester with MFA', query(`arn:aws:iam::${W}:user/tester`, 'ec2:DescribeInstances', { context: [MFA] })],
    [
      'LaunchRestricted with a Production tag',
      query(session(D, 'LaunchRestricted'), 'ec2:RunInstances', { resources: [INSTANCE(D)], context: [['ec2:InstanceType', 't2.micro'], ['aws:TagKeys', 'Production']] }),
    ],
    ['LaunchRestricted with another instance type', query(session(D, 'LaunchRestricted'), 'ec2:RunInstances', { resources: [INSTANCE(D)], context: [['ec2:InstanceType', 't3.large']] })],
    ['RoleAdmin creates a role', query(session(W, 'RoleAdmin'), 'iam:CreateRole', { resources: [`arn:aws:iam::${W}:role/NewRole`] })],
    ['CloudOps reads demo-locked-bucket (its RoleId is listed)', query(session(W, 'CloudOps'), 's3:GetObject', { resources: ['arn:aws:s3:::demo-locked-bucket/report.csv'] })],
    ['tester reads demo-locked-bucket with MFA (its UserId is listed)', query(`arn:aws:iam::${W}:user/tester`, 's3:GetObject', { resources: ['arn:aws:s3:::demo-locked-bucket/report.csv'], context: [MFA] })],
    [
      'examplebucket through vpce-11111',
      query(session(W, 'TestReadOnly', 'alice'), 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a.txt'], context: [['aws:SourceVpce', 'vpce-11111']], sourceVpce: 'vpce-11111' }),
    ],
    ['TestReadOnly lists my-example-bucket (the Deny names DataAuditor only)', query(session(W, 'TestReadOnly', 'alice'), 's3:ListBucket', { resources: ['arn:aws:s3:::my-example-bucket'] })],
    ['Analytics reads data-lake-222 across accounts: bucket policy and identity policy both allow', query(session(W, 'Analytics', 'i-0abc'), 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/events/2026/11/01.json'] })],
    // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html (SCPs do not affect service-linked roles)
    ['the Auto Scaling service-linked role runs instances despite DenyRunInstances', query(session(W, 'AWSServiceRoleForAutoScaling', 'AutoScaling'), 'ec2:RunInstances', { resources: [INSTANCE(W)] })],
    ['OrgAdmin in the management account', query(session('999999999999', 'OrgAdmin'), 'ec2:RunInstances', { resources: [INSTANCE('999999999999')] })],
  ])('%s', async (_name, q) => {
    const v = await verdictOf(q)
    expect(v.denies).toEqual([])
    expect(v.missingAllows).toEqual([])
    expect(v.decision).toBe('Allowed')
  })
})

describe('implicit denies and unknowns', () => {
  it('TestReadOnly reads data-lake-222: cross-account, the bucket policy does not name it', async () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
    const v = await verdictOf(query(session(W, 'TestReadOnly', 'alice'), 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/events/2026/11/01.json'] }))
    expect(v.decision).toBe('ImplicitDeny')
    expect(v.missingAllows.map((m) => m.policyType)).toEqual(['resource'])
  })

  it('DataLakeAdmin of account 222222222222 through vpce-11111, which admits account 111111111111 only', async () => {
    const q = query(session(D, 'DataLakeAdmin'), 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/x'], context: [['aws:SourceVpce', 'vpce-11111']], sourceVpce: 'vpce-11111' })
    const v = await verdictOf(q)
    expect(v.decision).toBe('ImplicitDeny')
    expect(v.missingAllows.map((m) => [m.policyType, m.level])).toEqual([['vpce', 'vpce-11111']])
  })

  it('tester when nobody knows whether MFA was used: Undetermined, naming the key', async () => {
    const v = await verdictOf(query(`arn:aws:iam::${W}:user/tester`, 'ec2:DescribeInstances'), false)
    expect(v.decision).toBe('Undetermined')
    expect(decidingDeny(v)).toBe('identity ForceMFA #1 DenyAllExceptListedIfNoMFA')
    expect(v.denies[0]!.unknownKeys).toEqual(['aws:MultiFactorAuthPresent'])
  })

  it('a bucket missing from the snapshot can never come out Allowed', async () => {
    const v = await verdictOf(query(session(W, 'CloudOps'), 's3:GetObject', { resources: ['arn:aws:s3:::not-collected-bucket/x'], resourceAccount: W }))
    expect(v.decision).toBe('Undetermined')
    expect(v.incomplete.map((g) => g.error)).toEqual(['bucket not-collected-bucket is not in the snapshot'])
  })
})
