/**
 * `denydoctor explain` end to end: AccessDenied messages (argument and stdin) and CloudTrail
 * events diagnosed on the demo snapshot; EC2 encoded authorization messages decoded through a
 * mocked STS against the fake live account (decoding needs AWS, so it is skipped offline).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import Explain from '../../src/commands/explain.js'
import { awsError, installFakeAws } from '../helpers/fake-aws.js'
import type { FakeWorld } from '../helpers/fake-world.js'
import { runCommand } from '../helpers/run-command.js'
import type { Verdict } from '../../src/model/index.js'
import { deciding, isolateAwsEnvironment } from './live-run.js'
import { dataWorld } from './seed-world.js'

isolateAwsEnvironment()

const SNAPSHOT = ['--snapshot', 'examples/demo-snapshot.json']
/** The example of the issue (and of `denydoctor explain --help`). */
const ISSUE_MESSAGE =
  'An error occurred (AccessDenied) when calling the RunInstances operation: User: arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111111111111:instance/* with an explicit deny in a service control policy'
const event = (name: string) => `test/fixtures/intake/demo/${name}.json`

type Explained = Verdict & { intake: Record<string, unknown> & { context: Record<string, unknown>; notes?: string[]; comparison?: string } }

async function explain(argv: string[], stdin?: string): Promise<{ status: number; stderr: string; results: Explained[] }> {
  const result = await runCommand(Explain, [...argv, '--json'], stdin)
  const text = result.stdout.trim()
  // One result is pretty-printed; several are JSON Lines.
  const results = text === '' ? [] : text.startsWith('{\n') ? [JSON.parse(text) as Explained] : text.split('\n').map((line) => JSON.parse(line) as Explained)
  return { status: result.status, stderr: result.stderr, results }
}

async function explainOne(argv: string[], stdin?: string): Promise<{ status: number; verdict: Explained }> {
  const { status, results } = await explain(argv, stdin)
  expect(results).toHaveLength(1)
  return { status, verdict: results[0]! }
}

describe('the issue\'s example message, on the demo snapshot', () => {
  it.each([
    ['as an argument', [ISSUE_MESSAGE, ...SNAPSHOT], undefined],
    ['on standard input', [...SNAPSHOT], ISSUE_MESSAGE],
    ['as - (standard input)', ['-', ...SNAPSHOT], `${ISSUE_MESSAGE}\n`],
  ])('%s → explicit deny by the SCP, with the contract\'s intake and an agreeing comparison', async (_how, argv, stdin) => {
    const { status, verdict } = await explainOne(argv, stdin)
    expect(status).toBe(3)
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(deciding(verdict)).toBe('scp DenyRunInstances @ou-demo-prod11 #0 DenyRunInstancesExceptCloudOps')
    expect(verdict.intake).toMatchObject({
      source: 'message',
      principal: 'arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice',
      action: 'ec2:RunInstances',
      resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'],
      reportedPolicyType: 'scp',
      reportedPolicyArn: null,
      context: {},
    })
    expect(verdict.intake.comparison).toMatch(/^Agrees: the message says an explicit deny in a service control policy/)
  })

  it('the JSON validates against schemas/verdict.schema.json, intake included', async () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/verdict.schema.json', import.meta.url), 'utf8')) as object
    const validate = new Ajv2020({ strict: false }).compile(schema)
    const { verdict } = await explainOne([ISSUE_MESSAGE, ...SNAPSHOT])
    expect(validate(verdict), JSON.stringify(validate.errors)).toBe(true)
  })

  it('the text report shows what was read from the message before the diagnosis', async () => {
    const result = await runCommand(Explain, [ISSUE_MESSAGE, ...SNAPSHOT, '--no-color'])
    expect(result.status).toBe(3)
    expect(result.stdout.split('\n')[0]).toContain('DENIED (explicit deny)')
    expect(result.stdout).toContain('Read from the AccessDenied message')
    expect(result.stdout).toMatch(/comparison +Agrees/)
  })

  it('a message naming another layer than denydoctor finds → the comparison says it differs, and why', async () => {
    const { status, verdict } = await explainOne([ISSUE_MESSAGE.replace('a service control policy', 'an identity-based policy'), ...SNAPSHOT])
    expect(status).toBe(3)
    expect(verdict.intake.reportedPolicyType).toBe('identity')
    expect(deciding(verdict)).toBe('scp DenyRunInstances @ou-demo-prod11 #0 DenyRunInstancesExceptCloudOps')
    // No identity-based Deny of TestReadOnly can apply: the message and the policies disagree, out loud.
    expect(verdict.messageEvidence).toMatchObject({ outcome: 'disagrees', policyType: 'identity', candidates: [] })
    expect(verdict.messageEvidence!.summary).toMatch(/^AWS's message and the policies disagree: the message says an explicit deny in an identity-based policy, but no identity-based policy read here has a Deny statement that can apply to this request\. Either a policy changed since the error/)
  })
})

describe('each policy type\'s wording routes to its diagnosis on a demo principal', () => {
  const user = (arn: string, action: string, resource: string | null, reason: string) =>
    `User: ${arn} is not authorized to perform: ${action}${resource ? ` on resource: ${resource}` : ''} ${reason}`

  it.each([
    [
      'identity-based policy',
      user('arn:aws:sts::111111111111:assumed-role/RoleAdmin/ops', 'iam:DeleteRole', 'arn:aws:iam::111111111111:role/CloudOps', 'with an explicit deny in an identity-based policy'),
      [],
      'identity',
      'identity RoleAdministration @RoleAdmin #1 DenyDeleteRole',
    ],
    [
      'permissions boundary',
      user('arn:aws:sts::222222222222:assumed-role/BoundedDeveloper/dev', 'ec2:RunInstances', 'arn:aws:ec2:us-east-1:222222222222:instance/*', 'with an explicit deny in a permissions boundary'),
      [],
      'boundary',
      'boundary DevBoundary @BoundedDeveloper #0 DenyAllEC2',
    ],
    [
      'resource-based policy',
      user('arn:aws:sts::111111111111:assumed-role/DataAuditor/audit', 's3:ListBucket', '"arn:aws:s3:::my-example-bucket"', 'with an explicit deny in a resource-based policy'),
      [],
      'resource',
      'resource my-example-bucket @my-example-bucket #0 DenyAuditorListBucket',
    ],
    [
      'VPC endpoint policy (the endpoint given with --source-vpce)',
      user('arn:aws:iam::111111111111:user/tester', 's3:PutObject', 'arn:aws:s3:::workloads-artifacts-111/build.zip', 'with an explicit deny in a VPC endpoint policy'),
      ['--source-vpce', 'vpce-22222', '--mfa'],
      'vpce',
      'vpce vpce-22222 @vpce-22222 #1 DenyPutObject',
    ],
  ])('%s', async (_type, message, flags, reported, expected) => {
    const { status, verdict } = await explainOne([message, ...flags, ...SNAPSHOT])
    expect(verdict.intake.reportedPolicyType).toBe(reported)
    expect(deciding(verdict)).toBe(expected)
    expect(verdict.intake.comparison).toMatch(/^Agrees:/)
    expect(status).toBe(3)
  })

  it('session policy (the policy given with --session-policy)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'denydoctor-')), 'session.json')
    writeFileSync(file, JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' } }))
    const message = 'User: arn:aws:sts::111111111111:assumed-role/CloudOps/bob is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111111111111:instance/* with an explicit deny in a session policy'
    const { status, verdict } = await explainOne([message, '--session-policy', file, ...SNAPSHOT])
    expect(verdict.intake.reportedPolicyType).toBe('session')
    expect(verdict.denies[0]).toMatchObject({ policyType: 'session', policyName: file, statementIndex: 0, certain: true })
    expect(verdict.intake.comparison).toMatch(/^Agrees:/)
    expect(status).toBe(3)
  })

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
  it('"because no resource-based policy allows" across accounts → implicit deny at the resource layer, agreeing', async () => {
    const message = 'User: arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::data-lake-222/x.json" because no resource-based policy allows the s3:GetObject action'
    const { status, verdict } = await explainOne([message, ...SNAPSHOT])
    expect(verdict.decision).toBe('ImplicitDeny')
    expect(verdict.missingAllows.map((m) => m.policyType)).toEqual(['resource'])
    expect(verdict.intake.comparison).toMatch(/^Agrees:/)
    expect(status).toBe(4)
  })

  it('a message without the context the deny hangs on, naming its layer → the only Deny of that layer decided, and the key is inferred, not guessed', async () => {
    const message = 'User: arn:aws:iam::111111111111:user/tester is not authorized to perform: ec2:DescribeInstances with an explicit deny in an identity-based policy'
    const { status, verdict } = await explainOne([message, ...SNAPSHOT])
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(verdict.denies[0]).toMatchObject({ sid: 'DenyAllExceptListedIfNoMFA', certain: true, unknownKeys: [] })
    expect(verdict.request.context).not.toHaveProperty('aws:MultiFactorAuthPresent')
    expect(verdict.messageEvidence).toMatchObject({ outcome: 'settled', implies: ['the call was made without MFA (aws:MultiFactorAuthPresent false or absent)'] })
    expect(verdict.intake.comparison).toBeUndefined()
    expect(status).toBe(3)
  })
})

describe('EC2 encoded authorization messages', () => {
  const BLOB = 'Zq8vR3nT5yW1xK7mP2aB9cD4eF6gH0iJ-kL_oQsUvXzZq8vR3nT5yW1xK7mP2aB9cD4eF6gH0iJ-kL_oQsUvXzZq8vR3nT5yW1xK7mP2aB9cD4eF6gH0iJ-kL_oQsUvXz'
  const item = (value: string) => ({ items: [{ value }] })
  // Shaped as STS returns it: https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
  const DECODED = JSON.stringify({
    allowed: false,
    explicitDeny: true,
    matchedStatements: { items: [{ statementId: 'AllowRunInstancesWithRestrictions2', effect: 'DENY', principals: item('AROAEXAMPLELAUNCHRST1'), principalGroups: { items: [] }, actions: item('ec2:RunInstances'), resources: item('arn:aws:ec2:*:*:instance/*'), conditions: { items: [] } }] },
    failures: { items: [] },
    context: {
      principal: { id: 'AROAEXAMPLELAUNCHRST1:dev', arn: 'arn:aws:sts::222222222222:assumed-role/LaunchRestricted/dev' },
      action: 'RunInstances',
      resource: 'arn:aws:ec2:us-east-1:222222222222:instance/*',
      conditions: { items: [
        { key: 'ec2:InstanceType', values: item('t2.micro') },
        { key: 'aws:TagKeys', values: item('Name') },
        { key: 'aws:Region', values: item('us-east-1') },
        { key: 'aws:Service', values: item('ec2') },
      ] },
    },
  })
  const CLI_MESSAGE = `An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: ${BLOB}`
  const live = (world: FakeWorld, argv: string[]) => {
    const aws = installFakeAws(world)
    return { aws, run: explainOne(argv) }
  }

  it('decoded through STS: its context (ec2:InstanceType) becomes known, and the deny is certain', async () => {
    const { aws, run } = live(dataWorld({ decoded: { [BLOB]: DECODED } }), [CLI_MESSAGE])
    const { status, verdict } = await run
    expect(aws.operations()[0]).toBe('sts:DecodeAuthorizationMessage')
    expect(verdict.intake).toMatchObject({ principal: 'arn:aws:sts::222222222222:assumed-role/LaunchRestricted/dev', action: 'ec2:RunInstances' })
    expect(verdict.intake.context).toMatchObject({ 'ec2:InstanceType': 't2.micro' })
    expect(verdict.request.context['ec2:InstanceType']).toBe('t2.micro')
    expect(deciding(verdict)).toBe('identity LaunchRestrictions @LaunchRestricted #1 AllowRunInstancesWithRestrictions2')
    expect(verdict.denies[0]!.certain).toBe(true)
    expect(status).toBe(3)
  })

  it('a bare encoded message decodes the same way (intake source "encoded")', async () => {
    const { run } = live(dataWorld({ decoded: { [BLOB]: DECODED } }), [BLOB])
    const { status, verdict } = await run
    expect(verdict.intake.source).toBe('encoded')
    expect(deciding(verdict)).toBe('identity LaunchRestrictions @LaunchRestricted #1 AllowRunInstancesWithRestrictions2')
    expect(status).toBe(3)
  })

  it('AccessDenied on decode → a note that sts:DecodeAuthorizationMessage is needed, and the diagnosis goes on', async () => {
    const denied = awsError('AccessDenied', 'User: arn:aws:iam::222222222222:user/operator is not authorized to perform: sts:DecodeAuthorizationMessage', 403)
    const message = CLI_MESSAGE.replace(
      'Encoded',
      'User: arn:aws:sts::222222222222:assumed-role/LaunchRestricted/dev is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:222222222222:instance/* with an explicit deny in an identity-based policy. Encoded',
    )
    const { run } = live(dataWorld({ failures: { 'sts:DecodeAuthorizationMessage': denied } }), [message])
    const { status, verdict } = await run
    expect(verdict.intake.notes!.some((note) => note.includes('they need sts:DecodeAuthorizationMessage'))).toBe(true)
    // Without the decoded context the deny hangs on the instance type and tag keys; but the
    // message says an identity-based policy denied, and that Deny is the only one that can have.
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(verdict.denies[0]).toMatchObject({ sid: 'AllowRunInstancesWithRestrictions2', certain: true })
    expect(verdict.messageEvidence).toMatchObject({ outcome: 'settled', policyType: 'identity' })
    expect(verdict.messageEvidence!.implies.join(' ')).toMatch(/ec2:InstanceType/)
    expect(verdict.messageEvidence!.implies.join(' ')).toMatch(/aws:TagKeys/)
    expect(status).toBe(3)
  })

  it('offline (--snapshot) it is not decoded, and the note says how to decode it', async () => {
    const { status, results } = await explain([CLI_MESSAGE, ...SNAPSHOT])
    expect(results[0]!.intake.notes!.join(' ')).toContain('not decoded (offline)')
    expect(status).toBe(1)
  })
})

describe('CloudTrail events (--event) for the demo accounts', () => {
  it('an IAM user with long-term keys: aws:MultiFactorAuthPresent is absent, so the MFA deny applies', async () => {
    const { status, verdict } = await explainOne(['--event', event('tester-no-mfa'), ...SNAPSHOT])
    expect(verdict.intake.source).toBe('cloudtrail')
    expect(verdict.intake.context).not.toHaveProperty('aws:MultiFactorAuthPresent')
    expect(deciding(verdict)).toBe('identity ForceMFA @Developers #1 DenyAllExceptListedIfNoMFA')
    expect(verdict.denies[0]!.certain).toBe(true)
    expect(status).toBe(3)
  })

  it('an assumed role with MFA: the MFA is known context, and the SCP still denies', async () => {
    const { status, verdict } = await explainOne(['--event', event('assumed-role-mfa'), ...SNAPSHOT])
    expect(verdict.request.context['aws:MultiFactorAuthPresent']).toBe('true')
    expect(verdict.request.context['aws:userid']).toBe('AROAEXAMPLETESTREAD01:alice')
    expect(deciding(verdict)).toBe('scp DenyRunInstances @ou-demo-prod11 #0 DenyRunInstancesExceptCloudOps')
    expect(verdict.intake.comparison).toMatch(/^Agrees:/)
    expect(status).toBe(3)
  })

  it('a call through a VPC endpoint: aws:SourceVpce from the event, the bucket denies it', async () => {
    const { status, verdict } = await explainOne(['--event', event('vpc-endpoint'), ...SNAPSHOT])
    expect(verdict.request.context['aws:SourceVpce']).toBe('vpce-22222')
    expect(verdict.request.context['aws:SourceVpc']).toBe('vpc-0a1b2c3d4e5f60002')
    expect(deciding(verdict)).toBe('resource examplebucket @examplebucket #0 AccessSpecificVPCEOnly')
    expect(verdict.denies[0]!.certain).toBe(true)
    expect(status).toBe(3)
  })

  it('a cross-account call: the bucket policy of account 222222222222 does not grant it → implicit deny', async () => {
    const { status, verdict } = await explainOne(['--event', event('cross-account'), ...SNAPSHOT])
    expect(verdict.intake.context['aws:ResourceAccount']).toBe('222222222222')
    expect(verdict.decision).toBe('ImplicitDeny')
    expect(verdict.missingAllows.map((m) => m.policyType)).toEqual(['resource'])
    expect(status).toBe(4)
  })

  it('a Records file with several denials → one verdict per denial as JSON Lines, the worst exit status', async () => {
    const { status, results } = await explain(['--event', event('records-several'), ...SNAPSHOT])
    // The GetCallerIdentity record succeeded: it is not a denial.
    expect(results.map((r) => [r.intake.action, r.decision])).toEqual([
      ['ec2:DescribeInstances', 'ExplicitDeny'],
      ['s3:GetObject', 'ImplicitDeny'],
      ['iam:DeleteRole', 'ExplicitDeny'],
    ])
    expect(results.map(deciding)).toEqual(['identity ForceMFA @Developers #1 DenyAllExceptListedIfNoMFA', 'none', 'identity RoleAdministration @RoleAdmin #1 DenyDeleteRole'])
    expect(status).toBe(3)
  })

  it('an event on standard input (--event -)', async () => {
    const { status, verdict } = await explainOne(['--event', '-', ...SNAPSHOT], readFileSync(event('tester-no-mfa'), 'utf8'))
    expect(verdict.intake.source).toBe('cloudtrail')
    expect(status).toBe(3)
  })

  // oclif reads a pipe into a missing argument itself (and caches it for the process); TEXT
  // opts out, so standard input reaches --event - and the message whole.
  it.each([
    ['an event (--event -)', ['--event', '-'], () => readFileSync(event('tester-no-mfa'), 'utf8'), 'cloudtrail'],
    ['a message (no argument)', [], () => ISSUE_MESSAGE, 'message'],
  ])('standard input is read by denydoctor, not by oclif: %s', async (_what, argv, stdin, source) => {
    delete (globalThis as { oclif?: { stdinCache?: string } }).oclif?.stdinCache
    const { status, verdict } = await explainOne([...argv, ...SNAPSHOT], stdin())
    expect(verdict.intake.source).toBe(source)
    expect(status).toBe(3)
  })
})

describe('unreadable input: exit 1 with one paragraph saying what was expected', () => {
  it('text that is no AccessDenied message', async () => {
    const result = await runCommand(Explain, ['the build failed again', ...SNAPSHOT])
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^denydoctor: [^\n]*expected an AWS AccessDenied message of the form 'User: ARN is not authorized to perform: service:Action …'[^\n]*\n$/)
  })

  it('an event file holding no denial', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'denydoctor-'))
    const file = join(dir, 'ok.json')
    writeFileSync(file, JSON.stringify({ Records: [JSON.parse(readFileSync(event('records-several'), 'utf8')).Records[0]] }))
    const result = await runCommand(Explain, ['--event', file, ...SNAPSHOT])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^denydoctor: Read 1 CloudTrail event but none is an access denial \(error codes: no error ×1\)\. Expected [^\n]*\n$/)
  })

  it('an event file whose JSON is cut: where it breaks, with the line shown', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'denydoctor-')), 'cut.json')
    writeFileSync(file, '{"eventName": "GetObject", "errorCode": "AccessDenied",')
    const result = await runCommand(Explain, ['--event', file, ...SNAPSHOT])
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'denydoctor: The CloudTrail input is not valid JSON at line 1, column 56: the text ends before the object opened at line 1, column 1 is closed — ' +
        'a "}" is probably missing. Expected a CloudTrail event (a JSON object with eventSource and eventName), a {"Records":[…]} log file, ' +
        "or the output of 'aws cloudtrail lookup-events'.\n" +
        '1 | {"eventName": "GetObject", "errorCode": "AccessDenied",\n' +
        '  |                                                        ^\n',
    )
  })

  it('binary on standard input is not quoted back', async () => {
    const result = await runCommand(Explain, ['-', ...SNAPSHOT], 'U\u0000s\u0000e\u0000r\u0000:\u0000')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^denydoctor: The input is not text: it holds NUL bytes or bytes that are not UTF-8[^\n\u0000]*\n$/)
  })

  it('an event file that does not exist', async () => {
    const result = await runCommand(Explain, ['--event', 'no-such-event.json', ...SNAPSHOT])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('denydoctor: Cannot read a CloudTrail event file no-such-event.json: no such file.\n')
  })
})

describe('the direct-call profile under explain', () => {
  it('a CloudTrail event replaces assumptions with what it carries: its time and region are given, not assumed', async () => {
    const { verdict } = await explainOne(['--event', event('assumed-role-mfa'), ...SNAPSHOT])
    const assumed = (verdict.assumptions ?? []).map((a) => a.key)
    expect(assumed).not.toContain('aws:CurrentTime')
    expect(assumed).not.toContain('aws:RequestedRegion')
    expect(verdict.request.context['aws:CurrentTime']).toMatch(/^2026-11-02T/)
  })

  it('an AccessDenied message carries no context: the profile fills it in and --unknown withdraws a key', async () => {
    const message = 'User: arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111111111111:instance/* with an explicit deny in a service control policy'
    const plain = await explainOne([message, ...SNAPSHOT])
    expect(plain.verdict.assumptions?.find((a) => a.key === 'aws:RequestedRegion')?.value).toBe('us-east-1')
    const withdrawn = await explainOne([message, '--unknown', 'aws:RequestedRegion', ...SNAPSHOT])
    expect(withdrawn.verdict.assumptions?.map((a) => a.key)).not.toContain('aws:RequestedRegion')
  })
})
