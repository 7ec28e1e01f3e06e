/**
 * The plain incident question — `denydoctor principal ARN --action X --resource Y`, no context
 * flags — against a mocked live account: the direct-call profile (aws:SecureTransport,
 * aws:RequestedRegion, …), absent keys and the partly known aws:userid of a role settle what
 * AWS settles, and what really depends on the call (MFA) stays Undetermined.
 */
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deciding, isolateAwsEnvironment, principalLive } from './live-run.js'
import { D, W, dataWorld, workloadsWorld } from './seed-world.js'

isolateAwsEnvironment()

const V = '2012-10-17'
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`
const INSTANCE = (account: string) => `arn:aws:ec2:us-east-1:${account}:instance/*`

/** The seed article's bucket policy on aws:userId, with the role whose ID it lists. */
function articleWorld() {
  const base = workloadsWorld()
  return workloadsWorld({
    roles: [...base.roles, { name: 'AppDataRole', roleId: 'AROAEXAMPLEID', attached: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
    buckets: {
      ...base.buckets,
      MyExampleBucket: {
        Version: V,
        Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::MyExampleBucket', 'arn:aws:s3:::MyExampleBucket/*'], Condition: { StringNotLike: { 'aws:userId': ['AROAEXAMPLEID:*', 'AIDAEXAMPLEID', W] } } }],
      },
    },
  })
}

describe('plain questions about the seed scenarios answer definitely, with no context flags', () => {
  const object = ['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::MyExampleBucket/report.csv']

  it('aws:userId bucket: no session of TestReadOnly can match AROAEXAMPLEID:* → explicit deny', async () => {
    const run = await principalLive(articleWorld(), [role(W, 'TestReadOnly'), ...object])
    expect(run.verdict.decision).toBe('ExplicitDeny')
    expect(run.status).toBe(3)
    expect(run.verdict.denies[0]).toMatchObject({ policyType: 'resource', certain: true, statementIndex: 0 })
    expect(run.verdict.denies[0]!.explanation).toContain('no session of role TestReadOnly can have aws:userId matching AROAEXAMPLEID:*')
  })

  it('aws:userId bucket: every session of AppDataRole (AROAEXAMPLEID) matches → allowed', async () => {
    const run = await principalLive(articleWorld(), [role(W, 'AppDataRole'), ...object])
    expect(run.verdict.denies).toEqual([])
    expect(run.verdict.decision).toBe('Allowed')
  })

  it('SCP with the CloudOps exception: TestReadOnly → explicit deny, CloudOps → allowed', async () => {
    const denied = await principalLive(workloadsWorld(), [role(W, 'TestReadOnly'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)])
    expect(denied.verdict.decision).toBe('ExplicitDeny')
    expect(deciding(denied.verdict)).toMatch(/^scp DenyRunInstances /)
    const allowed = await principalLive(workloadsWorld(), [role(W, 'CloudOps'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)])
    expect(allowed.verdict.decision).toBe('Allowed')
  })

  it('the permissions boundary → explicit deny', async () => {
    const run = await principalLive(dataWorld(), [role(D, 'BoundedDeveloper'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(D)])
    expect(run.verdict.decision).toBe('ExplicitDeny')
    expect(run.verdict.denies[0]).toMatchObject({ policyType: 'boundary', certain: true })
  })

  it('the identity deny → explicit deny', async () => {
    const run = await principalLive(workloadsWorld(), [role(W, 'RoleAdmin'), '--action', 'iam:DeleteRole', '--resource', role(W, 'CloudOps')])
    expect(run.verdict.decision).toBe('ExplicitDeny')
    expect(deciding(run.verdict)).toBe('identity RoleAdministration @RoleAdmin #1 DenyDeleteRole')
  })

  it('the session policy → explicit deny', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dd-plain-')), 'session.json')
    writeFileSync(file, JSON.stringify({ Version: V, Statement: [{ Sid: 'NoRunInstances', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] }))
    const run = await principalLive(workloadsWorld(), [role(W, 'CloudOps'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W), '--session-policy', file])
    expect(run.verdict.decision).toBe('ExplicitDeny')
    expect(run.verdict.denies[0]).toMatchObject({ policyType: 'session', certain: true, sid: 'NoRunInstances' })
  })

  it('the MFA deny stays Undetermined for an IAM user (long-term keys or a session: both are possible)', async () => {
    const run = await principalLive(workloadsWorld(), [`arn:aws:iam::${W}:user/tester`, '--action', 'ec2:DescribeInstances'])
    expect(run.verdict.decision).toBe('Undetermined')
    expect(run.verdict.denies[0]).toMatchObject({ certain: false, unknownKeys: ['aws:MultiFactorAuthPresent'] })
    expect(run.verdict.assumptions?.map((a) => a.key)).not.toContain('aws:MultiFactorAuthPresent')
  })

  it('lists what it assumed: aws:SecureTransport, the region of the resource, the time, aws:ViaAWSService', async () => {
    const run = await principalLive(workloadsWorld(), [role(W, 'CloudOps'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)])
    const assumed = Object.fromEntries((run.verdict.assumptions ?? []).map((a) => [a.key, a.value]))
    expect(assumed).toMatchObject({ 'aws:SecureTransport': 'true', 'aws:RequestedRegion': 'us-east-1', 'aws:ViaAWSService': 'false', 'aws:CalledVia': [] })
    expect(assumed['aws:CurrentTime']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(run.verdict.request.context['aws:SecureTransport']).toBe('true')
  })

  it('takes the SDK\'s configured region when the resource names none', async () => {
    const run = await principalLive(workloadsWorld(), [role(W, 'CloudOps'), '--action', 'sts:GetCallerIdentity'])
    const region = run.verdict.assumptions?.find((a) => a.key === 'aws:RequestedRegion')
    expect(region).toMatchObject({ value: 'us-east-1' })
    expect(region!.why).toContain('configured')
  })

  it('--unknown KEY leaves a key unknown on purpose, and --context overrides an assumption', async () => {
    const unknown = await principalLive(workloadsWorld(), [role(W, 'CloudOps'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W), '--unknown', 'aws:SecureTransport'])
    expect(unknown.verdict.assumptions?.map((a) => a.key)).not.toContain('aws:SecureTransport')
    expect(unknown.verdict.request.context['aws:SecureTransport']).toBeUndefined()
    const given = await principalLive(workloadsWorld(), [role(W, 'CloudOps'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W), '--context', 'aws:SecureTransport=false'])
    expect(given.verdict.request.context['aws:SecureTransport']).toBe('false')
    expect(given.verdict.assumptions?.map((a) => a.key)).not.toContain('aws:SecureTransport')
  })
})
