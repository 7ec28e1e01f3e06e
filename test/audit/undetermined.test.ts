/**
 * Unknown is not absent (cli-contract.md): a check whose verdict hangs on a key nobody gave is
 * Undetermined, reported as such, and fails its expectation unless --allow-undetermined.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Audit from '../../src/commands/audit.js'
import { runCommand } from '../helpers/run-command.js'
import { auditText } from './helpers.js'

const TESTER = 'arn:aws:iam::111111111111:user/tester'
const AUDIT = `
name: MFA
expectations:
  - name: tester describes instances
    principal: ${TESTER}
    action: ec2:DescribeInstances
    expect: allow
  - name: tester launches nothing without MFA
    principal: ${TESTER}
    action: ec2:TerminateInstances
    expect:
      explicit-deny: identity
`

describe('undetermined checks', () => {
  it('are reported as Undetermined, naming the statement and the key, and fail their expectation', async () => {
    const result = await auditText(AUDIT)
    const [describeCheck] = result.expectations[0]!.checks
    expect(describeCheck).toMatchObject({ decision: 'Undetermined', outcome: 'undetermined' })
    expect(describeCheck!.summary).toBe('may be denied by inline policy `ForceMFA` of group `Developers`, statement 2 (Sid DenyAllExceptListedIfNoMFA) (hangs on aws:MultiFactorAuthPresent)')
    expect(result.expectations.map((e) => e.status)).toEqual(['failed', 'failed'])
    expect(result.totals.checks).toEqual({ total: 2, held: 0, failed: 0, undetermined: 2, error: 0 })
    expect(result.passed).toBe(false)
  })

  it('do not fail their expectation with --allow-undetermined, and are still counted as undetermined', async () => {
    const result = await auditText(AUDIT, { allowUndetermined: true })
    expect(result.expectations.map((e) => e.status)).toEqual(['held', 'held'])
    expect(result.expectations.flatMap((e) => e.checks.map((c) => c.outcome))).toEqual(['undetermined', 'undetermined'])
    expect(result.totals.checks.undetermined).toBe(2)
    expect(result.options).toEqual({ allowUndetermined: true })
    expect(result.passed).toBe(true)
  })

  it('settle with assumeAbsent, as AWS does at request time', async () => {
    const result = await auditText(AUDIT, { assumeAbsent: true })
    expect(result.expectations.flatMap((e) => e.checks.map((c) => `${c.decision} ${c.outcome}`))).toEqual(['ExplicitDeny failed', 'ExplicitDeny held'])
  })

  it('give exit status 6, and 0 with --allow-undetermined; the text report says undetermined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'denydoctor-audit-'))
    const file = join(dir, 'mfa.yaml')
    writeFileSync(file, AUDIT)
    const strict = await runCommand(Audit, [file, '--snapshot', 'examples/demo-snapshot.json', '--no-color', '--wide'])
    expect(strict.status).toBe(6)
    expect(strict.stdout).toContain('?  tester describes instances')
    expect(strict.stdout).toContain('0 held, 0 failed, 2 undetermined, 0 could not be run.')
    const lenient = await runCommand(Audit, [file, '--snapshot', 'examples/demo-snapshot.json', '--no-color', '--allow-undetermined'])
    expect(lenient.status).toBe(0)
    expect(lenient.stdout.split('\n')[0]).toBe('AUDIT PASSED — all 2 expectations held')
    expect(lenient.stdout).toContain('2 undetermined (allowed)')
  })
})
