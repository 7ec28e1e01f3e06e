import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import Evaluate from '../../src/commands/evaluate.js'
import { runCommand } from '../helpers/run-command.js'

const example = 'examples/scp-deny-runinstances.json'

describe('denydoctor evaluate', () => {
  it('diagnoses the example: explicit deny by the SCP, exit status 3', async () => {
    const result = await runCommand(Evaluate, [example, '--no-color'])
    expect(result.status).toBe(3)
    expect(result.stdout.split('\n')[0]).toContain('DENIED (explicit deny)')
    expect(result.stdout).toContain('DenyRunInstances')
    expect(result.stdout).not.toMatch(/\x1b\[/)
  })

  it('prints the contract JSON with --json', async () => {
    const result = await runCommand(Evaluate, [example, '--json'])
    const verdict = JSON.parse(result.stdout)
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(verdict.denies[0]).toMatchObject({ policyType: 'scp', policyName: 'DenyRunInstances', statementIndex: 0, sid: 'DenyRunInstancesExceptCloudOps', certain: true })
  })

  it('reads several cases as JSON Lines from stdin and exits with the worst status', async () => {
    const one = JSON.stringify(JSON.parse(readFileSync(example, 'utf8')))
    const allowed = JSON.parse(one)
    allowed.request.principal = 'arn:aws:sts::111111111111:assumed-role/CloudOps/bob'
    const input = [one, JSON.stringify(allowed), '{"request": {}}'].join('\n')
    const result = await runCommand(Evaluate, ['-', '--json'], input)
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.decision ?? 'error')).toEqual(['ExplicitDeny', 'Allowed', 'error'])
    expect(lines[2].error).toMatch(/request\.principal is missing/)
    expect(result.status).toBe(1)
  })

  it('reads a case piped on standard input with no argument at all (cat case.json | denydoctor evaluate)', async () => {
    const result = await runCommand(Evaluate, ['--json'], readFileSync(example, 'utf8'))
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout).decision).toBe('ExplicitDeny')
    expect(result.status).toBe(3)
  })

  it('names the line and column of a malformed case file, without a stack trace', async () => {
    const result = await runCommand(Evaluate, ['-'], '{\n  "request": {\n    "principal": "arn:aws:iam::111111111111:user/a"\n    "action": "s3:GetObject"\n  }\n}')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/line 3/)
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/)
  })

  it('names where an invalid case is: the input and the field, also for a single case', async () => {
    const result = await runCommand(Evaluate, ['-'], '{"request": {"principal": "notanarn", "action": "s3:GetObject"}, "policies": {}}')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^denydoctor: standard input: request\.principal "notanarn" is not a principal ARN: expected arn:aws:iam::ACCOUNT:user\/NAME, .*\.\n$/)
  })

  it('reports a missing file in one sentence', async () => {
    const result = await runCommand(Evaluate, ['no-such-case.json'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('denydoctor: Cannot read a case file no-such-case.json: no such file.\n')
  })

  it('--assume-absent settles a case whose context is incomplete', async () => {
    const undetermined = await runCommand(Evaluate, ['examples/mfa-undetermined.json', '--json'])
    expect(JSON.parse(undetermined.stdout).decision).toBe('Undetermined')
    expect(undetermined.status).toBe(5)
    const absent = await runCommand(Evaluate, ['examples/mfa-undetermined.json', '--json', '--assume-absent'])
    expect(JSON.parse(absent.stdout).decision).toBe('ExplicitDeny')
    expect(absent.status).toBe(3)
  })

  it('rejects an unknown flag with exit status 2', async () => {
    const result = await runCommand(Evaluate, [example, '--no-such-flag'])
    expect(result.status).toBe(2)
  })
})

describe('denydoctor evaluate, on a directory', () => {
  it('says the path is a directory, in one sentence', async () => {
    const result = await runCommand(Evaluate, ['src'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('denydoctor: Cannot read a case file src: it is a directory.\n')
  })
})
