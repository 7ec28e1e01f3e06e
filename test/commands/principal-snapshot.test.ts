/**
 * The demo snapshot "tour": `denydoctor principal … --snapshot examples/demo-snapshot.json` for
 * every scenario principal of the demo organization (docs/snapshot-format.md, "The demo
 * organization"), offline. No AWS client may send anything, and the live source module is
 * never even loaded.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EC2Client } from '@aws-sdk/client-ec2'
import { IAMClient } from '@aws-sdk/client-iam'
import { OrganizationsClient } from '@aws-sdk/client-organizations'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import Principal from '../../src/commands/principal.js'
import { runCommand } from '../helpers/run-command.js'
import type { Verdict } from '../../src/model/index.js'
import { deciding } from './live-run.js'

const liveSource = vi.hoisted(() => ({ loaded: 0 }))
vi.mock('../../src/sources/aws/provider.js', async (importOriginal) => {
  liveSource.loaded++
  return importOriginal()
})

const DEMO = 'examples/demo-snapshot.json'
const W = '111111111111'
const D = '222222222222'
const session = (account: string, role: string, name = 'demo') => `arn:aws:sts::${account}:assumed-role/${role}/${name}`
const INSTANCE = (account: string) => `arn:aws:ec2:us-east-1:${account}:instance/*`
const tester = `arn:aws:iam::${W}:user/tester`

const clients = [mockClient(STSClient), mockClient(IAMClient), mockClient(OrganizationsClient), mockClient(S3Client), mockClient(EC2Client)]

beforeAll(() => {
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION']) vi.stubEnv(name, undefined)
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/denydoctor-test/config')
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/denydoctor-test/credentials')
})

afterAll(() => {
  vi.unstubAllEnvs()
  for (const client of clients) client.restore()
})

async function offline(argv: string[]): Promise<{ status: number; verdict: Verdict; stderr: string }> {
  const result = await runCommand(Principal, [...argv, '--snapshot', DEMO, '--json'])
  return { status: result.status, stderr: result.stderr, verdict: JSON.parse(result.stdout) as Verdict }
}

describe('explicit denies: one per policy type of the seed article', () => {
  it.each([
    ['SCP DenyRunInstances at OU Prod stops TestReadOnly', [session(W, 'TestReadOnly', 'alice'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)], 'scp DenyRunInstances @ou-demo-prod11 #0 DenyRunInstancesExceptCloudOps'],
    ['the MFA deny of group Developers, tester without MFA', [tester, '--action', 'ec2:DescribeInstances', '--no-mfa'], 'identity ForceMFA @Developers #1 DenyAllExceptListedIfNoMFA'],
    [
      'the TagKeys + InstanceType deny of LaunchRestricted',
      [session(D, 'LaunchRestricted'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(D), '--context', 'ec2:InstanceType=t2.micro', '--context', 'aws:TagKeys=Name'],
      'identity LaunchRestrictions @LaunchRestricted #1 AllowRunInstancesWithRestrictions2',
    ],
    ['the permissions boundary DevBoundary of BoundedDeveloper', [session(D, 'BoundedDeveloper'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(D)], 'boundary DevBoundary @BoundedDeveloper #0 DenyAllEC2'],
    ['Deny iam:DeleteRole of RoleAdmin', [session(W, 'RoleAdmin'), '--action', 'iam:DeleteRole', '--resource', `arn:aws:iam::${W}:role/CloudOps`], 'identity RoleAdministration @RoleAdmin #1 DenyDeleteRole'],
    ['demo-locked-bucket on aws:userid', [session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::demo-locked-bucket/report.csv'], 'resource demo-locked-bucket @demo-locked-bucket #0 DenyAllButListedIdentities'],
    ['examplebucket through another endpoint', [session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::examplebucket/a.txt', '--source-vpce', 'vpce-22222'], 'resource examplebucket @examplebucket #0 AccessSpecificVPCEOnly'],
    ['examplebucket outside any endpoint, with --assume-absent', [session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::examplebucket/a.txt', '--assume-absent'], 'resource examplebucket @examplebucket #0 AccessSpecificVPCEOnly'],
    ['my-example-bucket denies role DataAuditor s3:ListBucket', [session(W, 'DataAuditor'), '--action', 's3:ListBucket', '--resource', 'arn:aws:s3:::my-example-bucket'], 'resource my-example-bucket @my-example-bucket #0 DenyAuditorListBucket'],
    [
      'the policy of VPC endpoint vpce-22222 denies s3:PutObject',
      [tester, '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::workloads-artifacts-111/build.zip', '--mfa', '--source-vpce', 'vpce-22222'],
      'vpce vpce-22222 @vpce-22222 #1 DenyPutObject',
    ],
  ])('%s → ExplicitDeny, exit 3', async (_name, argv, expected) => {
    const { status, verdict } = await offline(argv)
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(deciding(verdict)).toBe(expected)
    expect(verdict.denies[0]!.certain).toBe(true)
    expect(status).toBe(3)
  })

  it('a session policy passed with --session-policy stops even CloudOps', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'denydoctor-')), 'deny-run.json')
    writeFileSync(file, '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Deny",\n    "Action": "ec2:RunInstances",\n    "Resource": "*"\n  }\n}\n')
    const { status, verdict } = await offline([session(W, 'CloudOps', 'bob'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W), '--session-policy', file])
    // attachedTo is left out: the snapshot source gives null where the live one names the session (see the report).
    expect(verdict.denies[0]).toMatchObject({ policyType: 'session', policyName: file, statementIndex: 0, sid: null, certain: true })
    expect(status).toBe(3)
  })
})

describe('what the same policies allow (exit 0)', () => {
  it.each([
    ['CloudOps runs instances (ArnNotLike exempts it)', [session(W, 'CloudOps'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)]],
    ['tester with MFA', [tester, '--action', 'ec2:DescribeInstances', '--mfa']],
    ['LaunchRestricted with a Production tag', [session(D, 'LaunchRestricted'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(D), '--context', 'ec2:InstanceType=t2.micro', '--context', 'aws:TagKeys=Production']],
    ['RoleAdmin creates a role', [session(W, 'RoleAdmin'), '--action', 'iam:CreateRole', '--resource', `arn:aws:iam::${W}:role/NewRole`]],
    ['CloudOps reads demo-locked-bucket', [session(W, 'CloudOps'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::demo-locked-bucket/report.csv']],
    ['examplebucket through vpce-11111', [session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::examplebucket/a.txt', '--source-vpce', 'vpce-11111']],
    ['Analytics reads data-lake-222 across accounts', [session(W, 'Analytics', 'i-0abc'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::data-lake-222/events/2026/11/01.json']],
    // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html (SCPs do not affect service-linked roles)
    ['the Auto Scaling service-linked role despite DenyRunInstances', [session(W, 'AWSServiceRoleForAutoScaling', 'AutoScaling'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)]],
    ['OrgAdmin in the management account (SCPs do not govern it)', [session('999999999999', 'OrgAdmin'), '--action', 'ec2:RunInstances', '--resource', INSTANCE('999999999999')]],
  ])('%s', async (_name, argv) => {
    const { status, verdict } = await offline(argv)
    expect(verdict.denies).toEqual([])
    expect(verdict.decision).toBe('Allowed')
    expect(status).toBe(0)
  })
})

describe('implicit denies and unknowns', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
  it('TestReadOnly reads data-lake-222: cross-account, the bucket policy does not grant it → exit 4', async () => {
    const { status, verdict } = await offline([session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::data-lake-222/x'])
    expect(verdict.decision).toBe('ImplicitDeny')
    expect(verdict.missingAllows.map((m) => m.policyType)).toEqual(['resource'])
    expect(status).toBe(4)
  })

  it('DataLakeAdmin through vpce-11111, which admits account 111111111111 only → exit 4, the endpoint layer', async () => {
    const { status, verdict } = await offline([session(D, 'DataLakeAdmin'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::data-lake-222/x', '--source-vpce', 'vpce-11111'])
    expect(verdict.missingAllows.map((m) => [m.policyType, m.level])).toEqual([['vpce', 'vpce-11111']])
    expect(status).toBe(4)
  })

  it('tester when nobody says whether MFA was used → Undetermined naming aws:MultiFactorAuthPresent, exit 5', async () => {
    const { status, verdict } = await offline([tester, '--action', 'ec2:DescribeInstances'])
    expect(verdict.decision).toBe('Undetermined')
    expect(deciding(verdict)).toBe('identity ForceMFA @Developers #1 DenyAllExceptListedIfNoMFA')
    expect(verdict.denies[0]!.unknownKeys).toEqual(['aws:MultiFactorAuthPresent'])
    expect(status).toBe(5)
  })

  it('examplebucket when nobody says which endpoint → Undetermined naming aws:SourceVpce', async () => {
    const { status, verdict } = await offline([session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::examplebucket/a.txt'])
    expect(verdict.denies[0]).toMatchObject({ sid: 'AccessSpecificVPCEOnly', certain: false, unknownKeys: ['aws:SourceVpce'] })
    expect(status).toBe(5)
  })
})

describe('the README command and offline guarantees', () => {
  it("the README's first command: explicit deny by SCP DenyRunInstances, exit 3", async () => {
    const result = await runCommand(Principal, ['arn:aws:iam::111111111111:role/TestReadOnly', '--action', 'ec2:RunInstances', '--snapshot', 'examples/demo-snapshot.json'])
    expect(result.status).toBe(3)
    expect(result.stdout.split('\n')[0]).toContain('DENIED (explicit deny) — ec2:RunInstances by arn:aws:iam::111111111111:role/TestReadOnly')
    expect(result.stdout).toContain('Denied by SCP `DenyRunInstances`')
    expect(result.stdout).toContain('Sid DenyRunInstancesExceptCloudOps')
    expect(result.stdout).toContain(`snapshot ${DEMO}`)
  })

  it('no AWS client sent anything and the live source was never loaded', async () => {
    await offline([session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::demo-locked-bucket/x', '--source-vpce', 'vpce-11111'])
    expect(clients.map((client) => client.calls().length)).toEqual([0, 0, 0, 0, 0])
    expect(liveSource.loaded).toBe(0)
  })
})

describe('a snapshot that cannot be used: exit 1, one paragraph naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'denydoctor-snapshot-'))
  const paragraph = (stderr: string, file: string) => {
    expect(stderr).toMatch(/^denydoctor: [^\n]+\n$/)
    expect(stderr).toContain(`Snapshot file ${file}`)
  }
  const run = (file: string, principal = `arn:aws:iam::${W}:role/TestReadOnly`) => runCommand(Principal, [principal, '--action', 'ec2:RunInstances', '--snapshot', file])

  it('malformed JSON: the line and column', async () => {
    const file = join(dir, 'malformed.json')
    writeFileSync(file, '{\n  "format": "denydoctor-snapshot",\n  "version": 1\n  "accounts": []\n}\n')
    const result = await run(file)
    expect(result.status).toBe(1)
    paragraph(result.stderr, file)
    expect(result.stderr).toContain('line 4, column 3')
  })

  it('an unknown version: which versions this denydoctor reads', async () => {
    const file = join(dir, 'v2.json')
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(DEMO, 'utf8')), version: 2 }))
    const result = await run(file)
    expect(result.status).toBe(1)
    paragraph(result.stderr, file)
    expect(result.stderr).toContain('is version 2, but this denydoctor reads version 1 only')
  })

  it('an unknown principal: the names it does hold', async () => {
    const result = await run(DEMO, `arn:aws:iam::${W}:role/CloudOp`)
    expect(result.status).toBe(1)
    paragraph(result.stderr, DEMO)
    expect(result.stderr).toContain('Did you mean role `CloudOps`')
  })
})

describe('request flags that cannot be right are refused before any diagnosis (exit 2)', () => {
  // A mistyped address or endpoint would not fail on its own: every IpAddress / aws:SourceVpce
  // condition would just come out false, and the verdict with it.
  const run = (...flags: string[]) => runCommand(Principal, [`arn:aws:iam::${W}:role/TestReadOnly`, '--action', 'ec2:RunInstances', '--snapshot', DEMO, ...flags])

  it('--source-ip that is not an IP address', async () => {
    const result = await run('--source-ip', '203.0.113')
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('denydoctor: --source-ip 203.0.113 is not an IP address (for example 203.0.113.7 or 2001:db8::7).\n')
    expect(result.stdout).toBe('')
  })

  it('--source-vpce that is not a VPC endpoint ID', async () => {
    const result = await run('--source-vpce', 'vpc-0a1b2c3d')
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('denydoctor: --source-vpce vpc-0a1b2c3d is not a VPC endpoint ID (vpce- and hexadecimal digits, for example vpce-0a1b2c3d).\n')
  })

  it('accepts IPv6 and IPv4 addresses', async () => {
    expect((await run('--source-ip', '2001:db8::7')).status).toBe(3)
    expect((await run('--source-ip', '198.51.100.7')).status).toBe(3)
  })
})

describe('a --resource that is not an ARN', () => {
  it('is refused with the form an ARN takes (exit 2), as an audit file refuses it', async () => {
    const result = await runCommand(Principal, [`arn:aws:iam::${W}:role/TestReadOnly`, '--action', 's3:GetObject', '--resource', 'data-lake-222', '--snapshot', DEMO])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('denydoctor: --resource data-lake-222 is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE; a bucket is arn:aws:s3:::NAME).\n')
  })
})

describe('a --session-policy file that cannot be read', () => {
  it('says why, in words (exit 1)', async () => {
    const result = await runCommand(Principal, [`arn:aws:iam::${W}:role/TestReadOnly`, '--action', 'ec2:RunInstances', '--snapshot', DEMO, '--session-policy', 'no-such-policy.json'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('denydoctor: Cannot read the session policy file no-such-policy.json: no such file.\n')
  })
})
