import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import Audit from '../../src/commands/audit.js'
import { all, parseXml } from '../audit/xml-check.js'
import { runCommand } from '../helpers/run-command.js'

const SNAPSHOT = ['--snapshot', 'examples/demo-snapshot.json']
const dir = mkdtempSync(join(tmpdir(), 'denydoctor-audit-cmd-'))

const ENV_KEYS = ['AWS_BATCH_JOB_ARRAY_INDEX', 'AWS_BATCH_JOB_ARRAY_SIZE', 'JOB_COMPLETION_INDEX'] as const
afterEach(() => {
  for (const key of ENV_KEYS) delete process.env[key]
})

describe('denydoctor audit', () => {
  it('--json prints one JSON document: expectations with each check\'s verdict summary, and totals; nothing on stderr', async () => {
    const run = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--json'])
    expect(run.status).toBe(6)
    expect(run.stderr).toBe('')
    const json = JSON.parse(run.stdout)
    expect(Object.keys(json)).toEqual(['format', 'version', 'audit', 'source', 'ranAt', 'shard', 'options', 'passed', 'totals', 'expectations'])
    expect(json).toMatchObject({
      format: 'denydoctor-audit-result',
      version: 1,
      audit: { file: 'examples/audit.yaml', name: 'Demo organisation guardrails' },
      source: 'snapshot examples/demo-snapshot.json taken 2026-11-01T10:00:00Z',
      shard: null,
      passed: false,
      totals: { expectations: { total: 10, held: 9, failed: 1, notInShard: 0 }, checks: { total: 15, held: 14, failed: 1, undetermined: 0, error: 0 } },
    })
    expect(json.expectations[0].checks[0]).toEqual({
      index: 0,
      principal: 'arn:aws:sts::111111111111:assumed-role/TestReadOnly/audit',
      action: 'ec2:RunInstances',
      resource: 'arn:aws:ec2:us-east-1:111111111111:instance/*',
      expected: 'explicit-deny: scp',
      decision: 'ExplicitDeny',
      outcome: 'held',
      deciding: {
        policyType: 'scp',
        policyName: 'DenyRunInstances',
        policyArn: 'arn:aws:organizations::999999999999:policy/o-demo111111/service_control_policy/p-denyrun111',
        attachedTo: 'ou-demo-prod11',
        statementIndex: 0,
        sid: 'DenyRunInstancesExceptCloudOps',
        effect: 'Deny',
        certain: true,
        unknownKeys: [],
        label: 'SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11), statement 1 (Sid DenyRunInstancesExceptCloudOps)',
      },
      missingAllows: [],
      summary: 'SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11), statement 1 (Sid DenyRunInstancesExceptCloudOps)',
      incomplete: [],
      warnings: [],
    })
  })

  it('--format markdown, for a ticket', async () => {
    const run = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--format', 'markdown'])
    expect(run.status).toBe(6)
    const md = run.stdout.split('\n')
    expect(md[0]).toBe('# AUDIT FAILED — 1 of 10 expectations did not hold')
    expect(md).toContain('|  | Expectation | Principal | Action | Resource | Expected | Actual | Deciding statement |')
    expect(md).toContain("### ❌ No role of Workloads reads the Data account's data lake")
    expect(md.filter((l) => l.startsWith('| ✅ | ') && l.includes('`'))).toHaveLength(14)
  })

  it('--junit and --out write their files; the report still goes to stdout', async () => {
    const junit = join(dir, 'junit.xml')
    const out = join(dir, 'result.json')
    const run = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--junit', junit, '--out', out, '--no-color'])
    expect(run.status).toBe(6)
    expect(run.stdout.split('\n')[0]).toBe('AUDIT FAILED — 1 of 10 expectations did not hold')
    expect(all(parseXml(readFileSync(junit, 'utf8')), 'testcase')).toHaveLength(15)
    expect(JSON.parse(readFileSync(out, 'utf8')).totals.checks.total).toBe(15)
  })

  it('exits 0 when every expectation holds', async () => {
    const file = join(dir, 'holds.yaml')
    writeFileSync(file, 'expectations:\n  - name: CloudOps launches\n    principal: arn:aws:iam::111111111111:role/CloudOps\n    action: ec2:RunInstances\n    resource: arn:aws:ec2:us-east-1:111111111111:instance/*\n    expect: allow\n')
    const run = await runCommand(Audit, [file, ...SNAPSHOT, '--no-color'])
    expect(run.status).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe('AUDIT PASSED — the expectation held')
  })

  it('says in words why a report file cannot be written, not with Node\'s error code', async () => {
    const file = join(dir, 'holds-junit.yaml')
    writeFileSync(file, 'expectations:\n  - name: CloudOps launches\n    principal: arn:aws:iam::111111111111:role/CloudOps\n    action: ec2:RunInstances\n    resource: arn:aws:ec2:us-east-1:111111111111:instance/*\n    expect: allow\n')
    const target = join(dir, 'no-such-dir', 'report.xml')
    const run = await runCommand(Audit, [file, ...SNAPSHOT, '--junit', target])
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(`denydoctor: Cannot write the JUnit report to ${target}: its directory ${join(dir, 'no-such-dir')} does not exist.\n`)
  })

  it('reads the audit file piped on standard input when no file is named', async () => {
    const run = await runCommand(Audit, [...SNAPSHOT, '--json'], readFileSync('examples/audit.yaml', 'utf8'))
    expect(run.stderr).toBe('')
    const result = JSON.parse(run.stdout)
    expect(result.audit.file).toBe('standard input')
    expect(result.totals.expectations).toMatchObject({ total: 10, held: 9, failed: 1 })
    expect(run.status).toBe(6)
  })

  it('exits 1 with one clear message when the audit cannot run', async () => {
    const missing = await runCommand(Audit, ['no-such-audit.yaml', ...SNAPSHOT])
    expect(missing).toMatchObject({ status: 1, stdout: '', stderr: 'denydoctor: Cannot read the audit file no-such-audit.yaml: no such file.\n' })
    const bad = join(dir, 'bad.yaml')
    writeFileSync(bad, 'expectations:\n  - name: a\n    principal: arn:aws:iam::111111111111:role/CloudOps\n    action: ec2:RunInstance\n    expect: allow\n')
    const invalid = await runCommand(Audit, [bad, ...SNAPSHOT])
    expect(invalid.status).toBe(1)
    expect(invalid.stderr).toMatch(/^denydoctor: Audit file .*bad\.yaml is not valid at line 4: The IAM action catalogue does not know the action ec2:RunInstance\./)
    const noSnapshot = await runCommand(Audit, ['examples/audit.yaml', '--snapshot', 'nothing.json'])
    expect(noSnapshot.status).toBe(1)
    expect(noSnapshot.stderr).toMatch(/^denydoctor: Snapshot file nothing\.json cannot be read/)
  })

  it('exits 2 for a wrong command line', async () => {
    const shard = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--shard', '3'])
    expect(shard).toMatchObject({ status: 2, stderr: 'denydoctor: --shard "3" is not K/N (for example --shard 2/5) or auto.\n' })
    expect((await runCommand(Audit, ['examples/audit.yaml', '--no-such-flag'])).status).toBe(2)
  })

  it('--shard auto takes K from AWS_BATCH_JOB_ARRAY_INDEX (N from AWS_BATCH_JOB_ARRAY_SIZE)', async () => {
    process.env['AWS_BATCH_JOB_ARRAY_INDEX'] = '1'
    process.env['AWS_BATCH_JOB_ARRAY_SIZE'] = '3'
    const run = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--shard', 'auto', '--json'])
    expect(JSON.parse(run.stdout).shard).toEqual({ count: 3, indices: [2] })
  })

  it('--shard auto takes K from JOB_COMPLETION_INDEX (N from --shard-count), and says what is missing', async () => {
    process.env['JOB_COMPLETION_INDEX'] = '0'
    const run = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--shard', 'auto', '--shard-count', '4', '--json'])
    expect(JSON.parse(run.stdout).shard).toEqual({ count: 4, indices: [1] })
    const noCount = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--shard', 'auto'])
    expect(noCount.status).toBe(2)
    expect(noCount.stderr).toMatch(/^denydoctor: --shard auto found JOB_COMPLETION_INDEX \(a Kubernetes Indexed Job\) but not the number of shards/)
    delete process.env['JOB_COMPLETION_INDEX']
    const none = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--shard', 'auto', '--shard-count', '4'])
    expect(none.status).toBe(2)
    expect(none.stderr).toMatch(/AWS_BATCH_JOB_ARRAY_INDEX \(an AWS Batch array job\) or JOB_COMPLETION_INDEX \(a Kubernetes Indexed Job\) is not set/)
  })
})
