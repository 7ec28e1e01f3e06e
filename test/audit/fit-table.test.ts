import { describe, expect, it } from 'vitest'
import { cutEnd, fitColumns, shortenMiddle, type Column } from '../../src/audit/fit-table.js'
import { renderAuditText } from '../../src/audit/render-text.js'
import type { AuditResult } from '../../src/audit/result.js'
import Audit from '../../src/commands/audit.js'
import { runCommand } from '../helpers/run-command.js'

describe('shortening', () => {
  it('keeps both ends of an ARN', () => {
    expect(shortenMiddle('arn:aws:iam::111111111111:role/TestReadOnly', 24)).toBe('arn:aws:iam:…estReadOnly')
    expect([...shortenMiddle('arn:aws:iam::111111111111:role/TestReadOnly', 24)]).toHaveLength(24)
    expect(shortenMiddle('short', 24)).toBe('short')
  })
  it('cuts a name at the end', () => {
    expect(cutEnd('No role of Workloads reads the lake', 16)).toBe('No role of Work…')
  })
})

describe('fitting columns in the stated order', () => {
  const col = (id: Column['id'], header: string, cell: string): Column => ({ id, header, cells: [cell] })
  const columns = [
    col('mark', '', '✓'),
    col('expectation', 'expectation', 'Only CloudOps launches instances'),
    col('principal', 'principal', '111111111111:assumed-role/TestReadOnly/audit'),
    col('action', 'action', 'ec2:RunInstances'),
    col('resource', 'resource', 'arn:aws:ec2:us-east-1:111111111111:instance/*'),
    col('expected', 'expected', 'explicit-deny: scp'),
    col('actual', 'actual', 'ExplicitDeny'),
    col('deciding', 'deciding statement', 'SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11), statement 1 (Sid DenyEC2)'),
  ]
  const ids = (width: number): string[] => fitColumns(columns, width).map((c) => c.id)

  it('keeps every column when there is room', () => {
    expect(ids(400)).toEqual(['mark', 'expectation', 'principal', 'action', 'resource', 'expected', 'actual', 'deciding'])
  })
  it('cuts the deciding statement first, then drops it, then the expected column, then the resource', () => {
    expect(ids(200)).toContain('deciding')
    expect(ids(140)).toEqual(['mark', 'expectation', 'principal', 'action', 'resource', 'expected', 'actual'])
    expect(ids(120)).toEqual(['mark', 'expectation', 'principal', 'action', 'resource', 'actual'])
    expect(ids(80)).toEqual(['mark', 'expectation', 'principal', 'action', 'actual'])
  })
})

describe('the audit table at 60, 80 and 160 columns, and with --wide', async () => {
  const run = await runCommand(Audit, ['examples/audit.yaml', '--snapshot', 'examples/demo-snapshot.json', '--json'])
  const result = JSON.parse(run.stdout) as AuditResult
  const table = (width: number): string[] => {
    const lines = renderAuditText(result, { color: false, width }).split('\n')
    return lines.slice(3, lines.findIndex((l, i) => i > 3 && l === ''))
  }

  it.each([80, 160])('fits %i columns', (width) => {
    for (const line of table(width)) expect([...line].length).toBeLessThanOrEqual(width)
  })
  it('at 60 columns keeps the mark, principal, action and actual decision, as narrow as it goes', () => {
    const [header] = table(60)
    expect(header!.trim().split(/\s{2,}/)).toEqual(['expectation', 'principal', 'action', 'actual'])
  })
  it('at 160 columns keeps the resource', () => {
    expect(table(160)[0]!.trim().split(/\s{2,}/)).toEqual(['expectation', 'principal', 'action', 'resource', 'actual'])
  })
  it('keeps every column and whole ARNs at unlimited width', () => {
    const lines = table(10_000)
    expect(lines[0]!.trim().split(/\s{2,}/)).toEqual(['expectation', 'principal', 'action', 'resource', 'expected', 'actual', 'deciding statement'])
    expect(lines.join('\n')).toContain('arn:aws:s3:::data-lake-222/events/2026/11/01.json')
    expect(lines.join('\n')).not.toContain('…')
  })
  it('still names every value whole in the failure list', () => {
    expect(renderAuditText(result, { color: false, width: 60 })).toContain('111111111111:role/Analytics s3:GetObject on arn:aws:s3:::data-lake-222/events/2026/11/01.json → Allowed')
  })
})

describe('audit --brief', () => {
  it('prints the headline, what did not hold and the counts, without the table', async () => {
    const run = await runCommand(Audit, ['examples/audit.yaml', '--snapshot', 'examples/demo-snapshot.json', '--no-color', '--brief'])
    expect(run.status).toBe(6)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('AUDIT FAILED — 1 of 10 expectations did not hold')
    expect(run.stdout).not.toContain('expectation  ')
    expect(run.stdout).toContain("✗ No role of Workloads reads the Data account's data lake (expected deny)")
    expect(lines.at(-1)).toBe('10 expectations: 9 held, 1 failed. 15 checks: 14 held, 1 failed, 0 undetermined, 0 could not be run.')
    expect(lines.length).toBeLessThanOrEqual(10)
  })
})
