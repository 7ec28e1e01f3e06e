/**
 * A sweep of what the command line says to a Japanese reader (--lang ja, and LANG=ja_JP.UTF-8
 * for --help): every command's --help, its refusals (bad flags, bad files, the seed article's
 * malformed policies), collect against AWS failing, and diagnoses with gaps. It fails on an
 * English sentence outside code (english-sentences.ts says what counts as code).
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations'
import { DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2'
import { GetAccountAuthorizationDetailsCommand } from '@aws-sdk/client-iam'
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import Collect from '../../src/commands/collect.js'
import { runBuiltCli } from '../helpers/built-cli.js'
import { runCommand } from '../helpers/run-command.js'
import { fakeAws, useFakeEnvironment } from '../sources/aws/collect-setup.js'
import { world } from '../sources/aws/collect-world.js'
import { awsError } from '../sources/aws/helpers.js'
import { englishSentences } from './english-sentences.js'

useFakeEnvironment()

const root = new URL('../..', import.meta.url).pathname
const manifest = (await import('../../oclif.manifest.json', { with: { type: 'json' } })).default as { commands: Record<string, unknown> }
const ROLE = 'arn:aws:iam::111111111111:role/TestReadOnly'
const SEED = 'test/fixtures/seed'


/** Runs the built CLI, uncoloured and wide; an `env` value of undefined removes that variable. */
const denydoctor = (args: readonly string[], env: Record<string, string | undefined> = {}) => runBuiltCli(args, { NO_COLOR: '1', COLUMNS: '200', ...env })

function english(output: { stdout: string; stderr: string }): string[] {
  return englishSentences(`${output.stdout}\n${output.stderr}`)
}

const COMMANDS = Object.keys(manifest.commands).map((id) => id.split(':'))

describe('--help in Japanese', () => {
  it.each([[['--help']], [['-h']], ...COMMANDS.map((c) => [[...c, '--help']]), ...COMMANDS.map((c) => [[...c, '-h']])])('%s --lang ja', (args) => {
    const run = denydoctor([...args, '--lang', 'ja'])
    expect(run.status).toBe(0)
    expect(english(run)).toEqual([])
  })

  it.each(COMMANDS.map((c) => [[...c, '--help']]))('%s under LANG=ja_JP.UTF-8', (args) => {
    const run = denydoctor(args, { LANG: 'ja_JP.UTF-8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/使用法/)
    expect(english(run)).toEqual([])
  })

  // oclif's own help command has no --lang flag; denydoctor takes it out before oclif parses (src/cli/lang-argv.ts).
  it.each([...COMMANDS.map((c) => [['help', ...c, '--lang', 'ja']]), [['help', '--lang=ja', 'principal']], [['help', '--lang', 'ja']]])('%s', (args) => {
    const run = denydoctor(args)
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/使用法/)
    expect(english(run)).toEqual([])
  })

  it('help CMD stays English without Japanese', () => {
    const run = denydoctor(['help', 'principal'])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Collect every policy that applies to a request')
  })

  it('stays English without Japanese', () => {
    const run = denydoctor(['principal', '--help'])
    expect(run.stdout).toContain('Collect every policy that applies to a request')
    expect(run.stdout).toMatch(/^USAGE$/m)
  })
})

describe('refusals in Japanese', () => {
  const principal = ['principal', ROLE, '--action', 'ec2:RunInstances', '--demo', '--lang', 'ja']
  it.each([
    ['a nonexistent flag', [...principal, '--frmat', 'text'], 2],
    ['a context that is not KEY=VALUE', [...principal, '--context', 'nope'], 2],
    ['a source IP that is not one', [...principal, '--source-ip', 'nope'], 2],
    ['a principal that is not an ARN', ['principal', 'alice', '--action', 'ec2:RunInstances', '--demo', '--lang', 'ja'], 2],
    ['a session policy file that does not exist', [...principal, '--session-policy', 'no/such/file.json'], 1],
    ['the seed article: a missing comma', [...principal, '--session-policy', `${SEED}/identity-deny-delete-role.json`], 1],
    ['the seed article: "Effect": "deny"', [...principal, '--session-policy', `${SEED}/bucket-deny-principal.json`], 1],
    ['the seed article: curly quotes', [...principal, '--session-policy', `${SEED}/bucket-deny-sourcevpce.json`], 1],
    ['the seed article: a missing comma in a boundary', [...principal, '--session-policy', `${SEED}/boundary-deny-ec2.json`], 1],
    ['a case file that is not JSON', ['evaluate', `${SEED}/scp-deny-runinstances.json`, '--lang', 'ja'], 1],
    ['a case file that does not exist', ['evaluate', 'no/such/case.json', '--lang', 'ja'], 1],
    ['a snapshot that does not exist', [...principal.filter((a) => a !== '--demo'), '--snapshot', 'no/such/snapshot.json'], 1],
    ['an audit file that does not exist', ['audit', 'no/such/audit.yaml', '--lang', 'ja'], 1],
    ['a command that does not exist', ['princpal', '--lang', 'ja'], 2],
    ['a role the snapshot does not hold', ['principal', `${ROLE.slice(0, -1)}`, '--action', 'ec2:RunInstances', '--demo', '--lang', 'ja'], 1],
    ['an account the snapshot does not hold', ['explain', '--event', 'test/fixtures/intake/vpc-endpoint.json', '--demo', '--lang', 'ja'], 1],
    ['a message that is no access denial', ['explain', 'hello world', '--demo', '--lang', 'ja'], 1],
    ['collect with an account that is not one', ['collect', '--out', 'snapshot.json', '--accounts', '12', '--lang', 'ja'], 2],
    ['collect into a directory that does not exist', ['collect', '--out', 'no/such/dir/snapshot.json', '--lang', 'ja'], 1],
    ['an audit file with problems', ['audit', 'test/fixtures/i18n/bad-audit.yaml', '--demo', '--lang', 'ja'], 1],
    ['an audit file that is not YAML', ['audit', 'test/fixtures/i18n/not-yaml-audit.yaml', '--demo', '--lang', 'ja'], 1],
    ['a snapshot that is not one', ['principal', ROLE, '--action', 'ec2:RunInstances', '--snapshot', 'test/fixtures/i18n/no-taken-at-snapshot.json', '--lang', 'ja'], 1],
    ['a file that holds no CloudTrail event', ['explain', '--event', 'test/fixtures/intake/decode-authorization-message.json', '--demo', '--lang', 'ja'], 1],
    ['an audit file with bad principal selectors and session policies', ['audit', 'test/fixtures/i18n/bad-selectors-audit.yaml', '--demo', '--lang', 'ja'], 1],
    ['S3\'s bare Access Denied', ['explain', 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied', '--demo', '--lang', 'ja'], 1],
    ['a HEAD request\'s bare 403', ['explain', 'An error occurred (403) when calling the HeadObject operation: Forbidden', '--demo', '--lang', 'ja'], 1],
    ['an encoded-message label followed by no encoded message', ['explain', 'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: !!!', '--demo', '--lang', 'ja'], 1],
    ['an encoded-message label followed by nothing', ['explain', 'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message:', '--demo', '--lang', 'ja'], 1],
    ['EC2\'s message without its encoded part', ['explain', 'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation.', '--demo', '--lang', 'ja'], 1],
    ['a message with a caller and no action', ['explain', 'User: arn:aws:iam::111111111111:user/tester is not authorized to perform', '--demo', '--lang', 'ja'], 1],
  ] as const)('%s', (_name, args, status) => {
    const run = denydoctor(args)
    expect(run.status).toBe(status)
    expect(english(run)).toEqual([])
  })

  it('no AWS region for a live diagnosis (refused before any call)', () => {
    const none = join(tmpdir(), 'denydoctor-no-such-aws-file')
    const run = denydoctor(['explain', '--event', 'test/fixtures/intake/records-mixed.json', '--lang', 'ja'], {
      AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined, AWS_CONFIG_FILE: none, AWS_SHARED_CREDENTIALS_FILE: none, AWS_EC2_METADATA_DISABLED: 'true',
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('AWS リージョンが設定されていません')
    expect(english(run)).toEqual([])
  })

  it('a case whose policy is the seed article\'s, malformed, and another with a bad action', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'denydoctor-sweep-'))
    const file = join(dir, 'cases.jsonl')
    const { readFile } = await import('node:fs/promises')
    const seed = await readFile(join(root, SEED, 'boundary-deny-ec2.json'), 'utf8')
    const cases = [
      { request: { principal: 'arn:aws:iam::111111111111:user/alice', action: 'ec2:RunInstances', resource: '*' }, policies: { identity: [{ name: 'Boundary', document: seed }] } },
      { request: { principal: 'arn:aws:iam::111111111111:user/alice', action: 'ec2RunInstances' }, policies: { identity: [] } },
    ]
    await writeFile(file, cases.map((c) => JSON.stringify(c)).join('\n'))
    for (const format of [[], ['--json']]) {
      const run = denydoctor(['evaluate', file, '--lang', 'ja', ...format])
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('ポリシー "Boundary" は有効な JSON ではありません (10 行 7 列)')
      expect(english(run)).toEqual([])
    }
  })
})

describe('evaluate with several cases in Japanese', () => {
  it('one of which cannot be read: numbered reports, the bad case and the summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'denydoctor-sweep-'))
    const file = join(dir, 'cases.jsonl')
    const { readFile } = await import('node:fs/promises')
    const good = JSON.stringify(JSON.parse(await readFile(join(root, 'examples', 'scp-deny-runinstances.json'), 'utf8')))
    const mfa = JSON.stringify(JSON.parse(await readFile(join(root, 'examples', 'mfa-undetermined.json'), 'utf8')))
    await writeFile(file, [good, mfa, '{"request": {}}'].join('\n'))
    for (const format of [[], ['--format', 'markdown']]) {
      const run = denydoctor(['evaluate', file, '--lang', 'ja', ...format])
      expect(run.status).toBe(1)
      expect(english(run)).toEqual([])
    }
    const text = denydoctor(['evaluate', file, '--lang', 'ja'])
    expect(text.stdout).toContain('3 件のケース: 明示的な拒否 1 件、未確定 1 件、評価できなかったもの 1 件。')
  })
})

describe('gaps in Japanese', () => {
  it('principal on a bucket the snapshot does not hold', () => {
    const run = denydoctor(['principal', ROLE, '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::nosuch/x', '--demo', '--lang', 'ja', '--wide'])
    expect(run.status).toBe(5)
    expect(run.stdout).toContain('バケット nosuch はスナップショットにありません')
    expect(english(run)).toEqual([])
  })

  it('explain with a gap, in markdown', () => {
    const message = 'User: arn:aws:iam::111111111111:user/tester is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::nosuch/x with an explicit deny in a resource-based policy'
    const run = denydoctor(['explain', message, '--demo', '--lang', 'ja', '--format', 'markdown'])
    expect(english(run)).toEqual([])
  })

  it('collect when AWS refuses and fails', async () => {
    const aws = fakeAws(world())
    aws.stubs.organizations.on(DescribeOrganizationCommand).rejects(awsError('UnknownOperationException', 'UnknownError', 501))
    aws.stubs.s3.on(GetBucketPolicyCommand).rejects(awsError('AccessDenied', 'Access Denied', 403))
    aws.stubs.ec2.on(DescribeVpcEndpointsCommand).rejects(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403))
    aws.stubs.iam.on(GetAccountAuthorizationDetailsCommand).rejects(awsError('Throttling', 'Rate exceeded', 400))
    const out = join(await mkdtemp(join(tmpdir(), 'denydoctor-sweep-')), 'snapshot.json')
    const result = await runCommand(Collect, ['--out', out, '--region', 'us-east-1', '--lang', 'ja'])
    expect(result.status).toBe(7)
    expect(result.stderr).toContain('AWS のエラー AccessDenied: "Access Denied"')
    expect(english(result)).toEqual([])
  })
})
