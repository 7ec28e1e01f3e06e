/**
 * `denydoctor principal` end to end against a mocked live account: every SDK client the command
 * builds is mocked at the class level (test/helpers/fake-aws.ts), answering with the seed
 * article's policies (seed-world.ts) shaped as the real APIs send them. One test per scenario of
 * the article, then failures, output and safety.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { awsError } from '../helpers/fake-aws.js'
import { deciding, isolateAwsEnvironment, principalLive, session } from './live-run.js'
import { D, DEV_BOUNDARY, MGMT, OU_PROD, W, dataWorld, workloadsWorld } from './seed-world.js'

isolateAwsEnvironment()

const INSTANCE = (account: string) => `arn:aws:ec2:us-east-1:${account}:instance/*`
const tester = `arn:aws:iam::${W}:user/tester`

describe('the seed article, scenario by scenario, against the live account', () => {
  it('identity policy: Deny iam:DeleteRole next to Allow iam:* → explicit deny, exit 3', async () => {
    const run = await principalLive(workloadsWorld(), [session(W, 'RoleAdmin', 'ops'), '--action', 'iam:DeleteRole', '--resource', `arn:aws:iam::${W}:role/CloudOps`])
    expect(run.status).toBe(3)
    expect(run.verdict.decision).toBe('ExplicitDeny')
    expect(deciding(run.verdict)).toBe('identity RoleAdministration @RoleAdmin #1 DenyDeleteRole')
    expect(run.verdict.denies[0]!.certain).toBe(true)
    expect(run.verdict.suggestions[0]).toContain('denies unconditionally')
    expect(run.verdict.incomplete).toEqual([])
  })

  describe('the MFA NotAction deny, inherited from group Developers (on the second page of ListGroupsForUser)', () => {
    it('--no-mfa → explicit deny by the group policy', async () => {
      const run = await principalLive(workloadsWorld(), [tester, '--action', 'ec2:DescribeInstances', '--no-mfa'])
      expect(run.status).toBe(3)
      expect(run.verdict.decision).toBe('ExplicitDeny')
      expect(deciding(run.verdict)).toBe('identity ForceMFA @Developers #1 DenyAllExceptListedIfNoMFA')
      expect(run.verdict.suggestions[0]).toContain('call with MFA')
      expect(run.aws.operations().filter((op) => op === 'iam:ListGroupsForUser')).toHaveLength(2)
    })

    it('--mfa → allowed, exit 0', async () => {
      const run = await principalLive(workloadsWorld(), [tester, '--action', 'ec2:DescribeInstances', '--mfa'])
      expect(run.status).toBe(0)
      expect(run.verdict.decision).toBe('Allowed')
      expect(run.verdict.denies).toEqual([])
    })

    it('neither → Undetermined, naming aws:MultiFactorAuthPresent (unknown is not absent)', async () => {
      const run = await principalLive(workloadsWorld(), [tester, '--action', 'ec2:DescribeInstances'])
      expect(run.status).toBe(5)
      expect(run.verdict.decision).toBe('Undetermined')
      expect(deciding(run.verdict)).toBe('identity ForceMFA @Developers #1 DenyAllExceptListedIfNoMFA')
      expect(run.verdict.denies[0]).toMatchObject({ certain: false, unknownKeys: ['aws:MultiFactorAuthPresent'] })
      expect(run.verdict.suggestions[0]).toContain('--mfa (or --no-mfa)')
    })
  })

  it('identity policy: the TagKeys + InstanceType deny (no Production tag, t2.micro) → explicit deny', async () => {
    const run = await principalLive(dataWorld(), [
      session(D, 'LaunchRestricted', 'dev'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(D),
      '--context', 'ec2:InstanceType=t2.micro', '--context', 'aws:TagKeys=Name',
    ])
    expect(run.status).toBe(3)
    expect(deciding(run.verdict)).toBe('identity LaunchRestrictions @LaunchRestricted #1 AllowRunInstancesWithRestrictions2')
    expect(run.verdict.suggestions[0]).toContain('include at least one value of aws:TagKeys matching "Production"')
    expect(run.verdict.suggestions[0]).toContain('use a ec2:InstanceType other than "t2.micro"')
  })

  it('bucket policy: Deny naming role DataAuditor for s3:ListBucket → explicit deny by the resource policy', async () => {
    const run = await principalLive(workloadsWorld(), [session(W, 'DataAuditor', 'audit'), '--action', 's3:ListBucket', '--resource', 'arn:aws:s3:::my-example-bucket'])
    expect(run.status).toBe(3)
    expect(deciding(run.verdict)).toBe('resource my-example-bucket @my-example-bucket #0 DenyAuditorListBucket')
    expect(run.verdict.suggestions[0]).toContain('denies unconditionally')
    expect(run.aws.operations()).toContain('s3:GetBucketPolicy')
  })

  describe('bucket policy on aws:userid (the RoleId comes from GetRole)', () => {
    it('TestReadOnly:alice is not among the listed IDs → explicit deny', async () => {
      const run = await principalLive(workloadsWorld(), [session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::demo-locked-bucket/report.csv'])
      expect(run.status).toBe(3)
      expect(run.verdict.request.context['aws:userid']).toBe('AROAEXAMPLETESTREAD01:alice')
      expect(deciding(run.verdict)).toBe('resource demo-locked-bucket @demo-locked-bucket #0 DenyAllButListedIdentities')
      expect(run.verdict.suggestions[0]).toContain('make aws:userId one of "AROAEXAMPLECLOUDOPS01:*"')
    })

    it('a CloudOps session matches AROAEXAMPLECLOUDOPS01:* → allowed', async () => {
      const run = await principalLive(workloadsWorld(), [session(W, 'CloudOps', 'bob'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::demo-locked-bucket/report.csv'])
      expect(run.verdict.decision).toBe('Allowed')
      expect(run.status).toBe(0)
    })
  })

  describe('bucket policy on aws:SourceVpce (StringNotEqualsIfExists)', () => {
    const alice = session(W, 'TestReadOnly', 'alice')
    const object = ['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::examplebucket/a.txt']

    it('--source-vpce vpce-11111 → allowed (and the endpoint policy was read)', async () => {
      const run = await principalLive(workloadsWorld(), [alice, ...object, '--source-vpce', 'vpce-11111'])
      expect(run.verdict.decision).toBe('Allowed')
      expect(run.status).toBe(0)
      expect(run.verdict.request.context['aws:SourceVpc']).toBe('vpc-0a1b2c3d4e5f60001')
      expect(run.aws.operations()).toContain('ec2:DescribeVpcEndpoints')
    })

    it('--source-vpce vpce-99999 → explicit deny by AccessSpecificVPCEOnly', async () => {
      const run = await principalLive(workloadsWorld(), [alice, ...object, '--source-vpce', 'vpce-99999'])
      expect(run.status).toBe(3)
      expect(deciding(run.verdict)).toBe('resource examplebucket @examplebucket #0 AccessSpecificVPCEOnly')
      expect(run.verdict.suggestions[0]).toContain('make the call through VPC endpoint vpce-11111')
    })

    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
    it('no endpoint with --assume-absent → explicit deny: ...IfExists is true when the key is absent', async () => {
      const run = await principalLive(workloadsWorld(), [alice, ...object, '--assume-absent'])
      expect(run.status).toBe(3)
      expect(deciding(run.verdict)).toBe('resource examplebucket @examplebucket #0 AccessSpecificVPCEOnly')
      expect(run.verdict.denies[0]!.certain).toBe(true)
    })

    it('no endpoint and nothing said about it → Undetermined naming aws:SourceVpce, never Allowed', async () => {
      const run = await principalLive(workloadsWorld(), [alice, ...object])
      expect(run.status).toBe(5)
      expect(run.verdict.denies[0]).toMatchObject({ sid: 'AccessSpecificVPCEOnly', certain: false, unknownKeys: ['aws:SourceVpce'] })
    })
  })

  it('VPC endpoint policy: vpce-22222 denies s3:PutObject (read with DescribeVpcEndpoints)', async () => {
    const run = await principalLive(workloadsWorld(), [tester, '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::workloads-artifacts-111/build.zip', '--mfa', '--source-vpce', 'vpce-22222'])
    expect(run.status).toBe(3)
    expect(deciding(run.verdict)).toBe('vpce vpce-22222 @vpce-22222 #1 DenyPutObject')
    expect(run.verdict.suggestions[0]).toContain('make the call without that endpoint')
    expect(run.verdict.incomplete).toEqual([])
  })

  it('permissions boundary: DevBoundary denies ec2:* although the identity policy allows RunInstances', async () => {
    const run = await principalLive(dataWorld(), [session(D, 'BoundedDeveloper', 'dev'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(D)])
    expect(run.status).toBe(3)
    expect(deciding(run.verdict)).toBe('boundary DevBoundary @BoundedDeveloper #0 DenyAllEC2')
    expect(run.verdict.denies[0]!.policyArn).toBe(DEV_BOUNDARY)
    expect(run.verdict.suggestions[0]).toContain('a boundary caps every identity allow')
  })

  describe('SCP DenyRunInstances at OU Prod, three levels down the organization, with the CloudOps exception', () => {
    it('TestReadOnly → explicit deny by the SCP at the OU', async () => {
      const run = await principalLive(workloadsWorld(), [session(W, 'TestReadOnly', 'alice'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)])
      expect(run.status).toBe(3)
      expect(deciding(run.verdict)).toBe(`scp DenyRunInstances @${OU_PROD} #0 DenyRunInstancesExceptCloudOps`)
      expect(run.verdict.request.context['aws:PrincipalOrgPaths']).toBe(`o-abc123def4/r-ab12/ou-ab12-11111111/${OU_PROD}/`)
      expect(run.verdict.suggestions[0]).toContain('use a principal whose ARN matches "arn:aws:iam::*:role/CloudOps"')
    })

    it('CloudOps → allowed', async () => {
      const run = await principalLive(workloadsWorld(), [session(W, 'CloudOps', 'bob'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)])
      expect(run.verdict.decision).toBe('Allowed')
      expect(run.status).toBe(0)
    })
  })

  it('session policy: --session-policy FILE denying RunInstances stops even CloudOps', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'denydoctor-')), 'deny-run.json')
    writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' } }))
    const run = await principalLive(workloadsWorld(), [session(W, 'CloudOps', 'bob'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W), '--session-policy', file])
    expect(run.status).toBe(3)
    expect(deciding(run.verdict)).toBe(`session ${file} @bob #0 null`)
    expect(run.verdict.suggestions[0]).toContain('start a new session without this session policy')
  })
})

describe('who the SCPs govern', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
  it('a CloudOps role under path /ops/ is not exempt: aws:PrincipalArn carries the path GetRole reports', async () => {
    const base = workloadsWorld()
    const world = { ...base, roles: base.roles.map((r) => (r.name === 'CloudOps' ? { ...r, path: '/ops/' } : r)) }
    const run = await principalLive(world, [session(W, 'CloudOps', 'bob'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)])
    expect(run.verdict.request.context['aws:PrincipalArn']).toBe(`arn:aws:iam::${W}:role/ops/CloudOps`)
    expect(deciding(run.verdict)).toBe(`scp DenyRunInstances @${OU_PROD} #0 DenyRunInstancesExceptCloudOps`)
    expect(run.status).toBe(3)
  })

  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
  it('a role of the management account → allowed: SCPs do not govern it', async () => {
    const world = { ...workloadsWorld(), account: MGMT, roles: [{ name: 'OrgAdmin', roleId: 'AROAEXAMPLEORGADMIN01', inline: { Admin: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } } }] }
    const run = await principalLive(world, [session(MGMT, 'OrgAdmin', 'admin'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(MGMT)])
    expect(run.verdict.decision).toBe('Allowed')
    expect(run.status).toBe(0)
  })

  it('a service-linked role (path /aws-service-role/) → allowed despite DenyRunInstances', async () => {
    const base = workloadsWorld()
    const linked = { name: 'AWSServiceRoleForAutoScaling', path: '/aws-service-role/autoscaling.amazonaws.com/', roleId: 'AROAEXAMPLEAUTOSCALE1', inline: { Launch: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }] } } }
    const run = await principalLive({ ...base, roles: [...base.roles, linked] }, [session(W, 'AWSServiceRoleForAutoScaling', 'AutoScaling'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)])
    expect(run.verdict.decision).toBe('Allowed')
    expect(run.status).toBe(0)
  })
})

describe('when AWS does not cooperate', () => {
  it('AccessDeniedException from Organizations → listed in incomplete, never Allowed', async () => {
    const world = workloadsWorld({ failures: { 'organizations:DescribeOrganization': awsError('AccessDeniedException', 'You don\'t have permissions to access this resource.') } })
    // CloudOps would be allowed if the SCPs could be read.
    const run = await principalLive(world, [session(W, 'CloudOps', 'bob'), '--action', 'ec2:RunInstances', '--resource', INSTANCE(W)])
    expect(run.verdict.decision).not.toBe('Allowed')
    expect(run.verdict.decision).toBe('Undetermined')
    expect(run.status).toBe(5)
    expect(run.verdict.incomplete[0]).toMatchObject({ source: 'organizations' })
    expect(run.verdict.incomplete[0]!.error).toMatch(/^AccessDeniedException/)
  })

  it('NoSuchEntity → exit 1 with one sentence naming the role, no stack trace', async () => {
    const run = await principalLive(workloadsWorld(), [`arn:aws:iam::${W}:role/NoSuchRole`, '--action', 'ec2:RunInstances'])
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^denydoctor: IAM role `NoSuchRole` does not exist in account 111111111111 \([^\n]*\); check the name in the ARN\.\n$/)
  })

  it('expired credentials (ExpiredToken) → exit 1 with one sentence saying to refresh them', async () => {
    const world = workloadsWorld({ failures: { 'sts:GetCallerIdentity': awsError('ExpiredToken', 'The security token included in the request is expired', 403) } })
    const run = await principalLive(world, [session(W, 'TestReadOnly', 'alice'), '--action', 'ec2:RunInstances'])
    expect(run.status).toBe(1)
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1)
    expect(run.stderr).toMatch(/^denydoctor: The AWS credentials .* expired .*ExpiredToken.*run again\.\n$/)
    expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/)
  })
})

describe('command line and output', () => {
  it('--json validates against schemas/verdict.schema.json', async () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/verdict.schema.json', import.meta.url), 'utf8')) as object
    const validate = new Ajv2020({ strict: false }).compile(schema)
    for (const argv of [
      [session(W, 'TestReadOnly', 'alice'), '--action', 'ec2:RunInstances'],
      [tester, '--action', 'ec2:DescribeInstances'],
      [session(W, 'CloudOps', 'bob'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::demo-locked-bucket/x'],
    ]) {
      const run = await principalLive(workloadsWorld(), argv)
      expect(validate(run.verdict), JSON.stringify(validate.errors)).toBe(true)
    }
  })

  it('a misspelt action → exit 2 with "Did you mean ec2:RunInstances", before any AWS call', async () => {
    const run = await principalLive(workloadsWorld(), [session(W, 'TestReadOnly', 'alice'), '--action', 'ec2:RunInstance'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Did you mean ec2:RunInstances')
    expect(run.aws.operations()).toEqual([])
  })

  it('--allow-unknown-action diagnoses it anyway: nothing names ec2:RunInstance, so an implicit deny', async () => {
    const run = await principalLive(workloadsWorld(), [session(W, 'TestReadOnly', 'alice'), '--action', 'ec2:RunInstance', '--allow-unknown-action'])
    expect(run.status).toBe(4)
    expect(run.verdict.decision).toBe('ImplicitDeny')
    expect(run.verdict.missingAllows.map((m) => m.policyType)).toContain('identity')
  })

  it('sends only reads, and reads every layer (IAM, Organizations, S3, EC2)', async () => {
    const run = await principalLive(workloadsWorld(), [tester, '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::workloads-artifacts-111/build.zip', '--mfa', '--source-vpce', 'vpce-22222'])
    const operations = run.aws.operations()
    expect(operations.every((op) => /^[a-z0-9]+:(Get|List|Describe)[A-Z]/.test(op)), operations.join(', ')).toBe(true)
    for (const expected of ['sts:GetCallerIdentity', 'iam:GetUser', 'iam:GetGroupPolicy', 'iam:GetPolicyVersion', 'organizations:DescribePolicy', 's3:GetBucketPolicy', 'ec2:DescribeVpcEndpoints']) {
      expect(operations).toContain(expected)
    }
  })

  it('--debug prints every AWS call to stderr, keeping stdout for the report', async () => {
    const run = await principalLive(workloadsWorld(), [session(W, 'TestReadOnly', 'alice'), '--action', 'ec2:RunInstances', '--debug', '--no-color'], { json: false })
    expect(run.status).toBe(3)
    expect(run.stderr).toMatch(/^aws: ok +iam:GetRole \d+ ms$/m)
    expect(run.stderr).toMatch(/^aws: ok +organizations:ListPoliciesForTarget \d+ ms$/m)
    expect(run.stdout).not.toContain('aws: ok')
    expect(run.stdout.split('\n')[0]).toContain('DENIED (explicit deny)')
  })
})
