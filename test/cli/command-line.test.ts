import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import Audit from '../../src/commands/audit.js'
import Evaluate from '../../src/commands/evaluate.js'
import Explain from '../../src/commands/explain.js'
import Principal from '../../src/commands/principal.js'
import { checkProfiles } from '../../src/cli/check-profiles.js'
import { suggestFlag } from '../../src/cli/parse-error.js'
import { runCommand } from '../helpers/run-command.js'

const EXAMPLE = 'examples/scp-deny-runinstances.json'
const ROLE = 'arn:aws:iam::111111111111:role/TestReadOnly'

describe('--output and --format', () => {
  it('--output is the same flag as --format', async () => {
    const result = await runCommand(Evaluate, [EXAMPLE, '--output', 'json'])
    expect(result.status).toBe(3)
    expect(JSON.parse(result.stdout)).toMatchObject({ decision: 'ExplicitDeny', denies: [{ policyName: 'DenyRunInstances' }] })
  })

  it('--output markdown prints markdown', async () => {
    const result = await runCommand(Evaluate, [EXAMPLE, '--output=markdown'])
    expect(result.stdout).toMatch(/^#/m)
  })

  it.each([
    ['--format', 'markdown', '--json'],
    ['--output', 'text', '--json'],
  ])('refuses %s %s with %s as contradictory (exit 2), printing nothing', async (...flags) => {
    const result = await runCommand(Evaluate, [EXAMPLE, ...flags])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`--json and --format ${flags[1]} contradict each other`)
  })

  it('accepts --json with --format json, which say the same', async () => {
    const result = await runCommand(Evaluate, [EXAMPLE, '--json', '--format', 'json'])
    expect(JSON.parse(result.stdout).decision).toBe('ExplicitDeny')
  })
})

describe('misspelt flags', () => {
  const flags = { format: { aliases: ['output'] }, color: { allowNo: true }, action: { char: 'a' } }
  it.each([
    ['--frmat', '--format'],
    ['--outptu', '--output'],
    ['--no-colr', '--no-color'],
    ['--Action', '--action'],
    ['-A', '-a'],
    ['--zzzzzz', null],
  ])('%s → %s', (typed, expected) => {
    expect(suggestFlag(typed, flags)).toBe(expected)
  })

  it('a command says which flag was meant, exit status 2', async () => {
    const result = await runCommand(Principal, [ROLE, '--action', 'ec2:RunInstances', '--demo', '--snapsot', 'x'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Nonexistent flag: --snapsot (did you mean --snapshot?)')
  })
})

describe('the principal argument', () => {
  it.each(['TestReadOnly', 'arn:aws:s3:::examplebucket', 'arn:aws:iam::111111111111:policy/Foo'])('%s is a usage error (exit 2)', async (arn) => {
    const result = await runCommand(Principal, [arn, '--action', 'ec2:RunInstances', '--demo'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(`"${arn}" is not the ARN of an IAM user, role, assumed-role session, federated user or root user`)
  })
})

describe('--demo', () => {
  it('principal diagnoses the shipped demo organisation without a path', async () => {
    const result = await runCommand(Principal, [ROLE, '--action', 'ec2:RunInstances', '--demo', '--json'])
    expect(result.status).toBe(3)
    const verdict = JSON.parse(result.stdout)
    expect(verdict.denies[0]).toMatchObject({ policyType: 'scp', policyName: 'DenyRunInstances', attachedTo: 'ou-demo-prod11', sid: 'DenyRunInstancesExceptCloudOps' })
  })

  it('explain reads the message against the demo organisation', async () => {
    const message = `User: arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111111111111:instance/* with an explicit deny in a service control policy`
    const result = await runCommand(Explain, ['--demo', message, '--no-color'])
    expect(result.status).toBe(3)
    expect(result.stdout).toContain('Denied by SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)')
  })

  it('audit runs the demo audit on the demo organisation: one expectation fails (exit 6)', async () => {
    const result = await runCommand(Audit, ['--demo', '--no-color'])
    expect(result.status).toBe(6)
    expect(result.stdout).toContain('10 expectations: 9 held, 1 failed.')
  })

  it('cannot be given with --snapshot', async () => {
    const result = await runCommand(Principal, [ROLE, '--action', 'ec2:RunInstances', '--demo', '--snapshot', EXAMPLE])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
  })
})

describe('profiles', () => {
  const home = mkdtempSync(join(tmpdir(), 'denydoctor-home-'))
  afterAll(() => rmSync(home, { recursive: true, force: true }))
  const config = join(home, 'config')
  const credentials = join(home, 'credentials')
  writeFileSync(config, '[default]\nregion = us-east-1\n\n[profile dev]\nsso_session = corp\n\n[sso-session corp]\nsso_region = us-east-1\n')
  writeFileSync(credentials, '[ci]\naws_access_key_id = AKIAEXAMPLE\n')
  const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials }

  it('accepts profiles of either file', () => {
    expect(() => checkProfiles({ profile: 'dev', 'org-profile': 'ci', 'resource-profile': 'default' }, env, home)).not.toThrow()
    expect(() => checkProfiles({}, { ...env, AWS_PROFILE: 'ci' }, home)).not.toThrow()
    expect(() => checkProfiles({}, {}, home)).not.toThrow()
  })

  it('says a profile is not there, naming the flag and the files, instead of "credentials expired"', () => {
    expect(() => checkProfiles({ profile: 'nosuch' }, env, home)).toThrow(
      '--profile: profile nosuch is not in ~/config or ~/credentials (profiles there: ci, default, dev).',
    )
    expect(() => checkProfiles({ 'org-profile': 'corp' }, env, home)).toThrow(/--org-profile: profile corp is not in/)
  })

  it('names ~/.aws/config when the default files are meant, and AWS_PROFILE when it named the profile', () => {
    let error: unknown
    try {
      checkProfiles({}, { AWS_PROFILE: 'nosuch' }, home)
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ message: expect.stringContaining('AWS_PROFILE: profile nosuch is not in ~/.aws/config or ~/.aws/credentials.'), exitStatus: 1 })
  })

  it('stops a live diagnosis before any AWS call (exit 2)', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, env)
    try {
      const result = await runCommand(Principal, [ROLE, '--action', 'ec2:RunInstances', '--profile', 'nosuch'])
      expect(result.status).toBe(2)
      expect(result.stderr).toContain('--profile: profile nosuch is not in')
      expect(result.stderr).not.toMatch(/expired|region/)
    } finally {
      process.env = saved
    }
  })
})
