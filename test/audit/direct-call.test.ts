/**
 * Audit checks are direct calls by their principals: they run with the same direct-call
 * profile as `principal` (the partly known aws:userid of a role, the assumed keys), what an
 * expectation's context gives replaces the profile's value, and --unknown KEY withdraws it.
 */
import { describe, expect, it } from 'vitest'
import { parseAuditText } from '../../src/audit/read-audit-file.js'
import { runAudit } from '../../src/audit/run.js'
import { singleReach } from '../../src/audit/reach.js'
import { demoProvider, FIXED_NOW, lines } from './helpers.js'

const AUDIT = `
version: 1
expectations:
  - name: TestReadOnly never reads demo-locked-bucket
    principal: arn:aws:iam::111111111111:role/TestReadOnly
    action: s3:GetObject
    resource: arn:aws:s3:::demo-locked-bucket/report.csv
    expect: explicit-deny
  - name: CloudOps reads demo-locked-bucket
    principal: arn:aws:iam::111111111111:role/CloudOps
    action: s3:GetObject
    resource: arn:aws:s3:::demo-locked-bucket/report.csv
    expect: allow
  - name: a given user ID replaces the partly known one
    principal: arn:aws:iam::111111111111:role/TestReadOnly
    action: s3:GetObject
    resource: arn:aws:s3:::demo-locked-bucket/report.csv
    context:
      aws:userid: AROAEXAMPLECLOUDOPS01:borrowed
    expect: allow
`

async function audit(unknownKeys: string[] = []) {
  return runAudit(parseAuditText(AUDIT, 'audit.yaml'), singleReach(demoProvider()), {
    allowUndetermined: false,
    assumeAbsent: false,
    unknownKeys,
    shard: null,
    now: () => FIXED_NOW,
    sourceLabel: 'snapshot',
  })
}

describe('audit with the direct-call profile', () => {
  it('decides role checks on aws:userid definitely, and lets the file\'s context win', async () => {
    const result = await audit()
    expect(lines(result).map((l) => l.split(' | ').slice(0, 3).join(' | '))).toEqual([
      'TestReadOnly never reads demo-locked-bucket | arn:aws:iam::111111111111:role/TestReadOnly s3:GetObject | explicit-deny → ExplicitDeny (held)',
      'CloudOps reads demo-locked-bucket | arn:aws:iam::111111111111:role/CloudOps s3:GetObject | allow → Allowed (held)',
      'a given user ID replaces the partly known one | arn:aws:iam::111111111111:role/TestReadOnly s3:GetObject | allow → Allowed (held)',
    ])
    expect(result.passed).toBe(true)
  })

  it('--unknown aws:userid leaves it unknown: the checks that hang on it are undetermined', async () => {
    const result = await audit(['aws:userid'])
    const decisions = result.expectations.flatMap((e) => e.checks.map((c) => c.decision))
    expect(decisions).toEqual(['Undetermined', 'Undetermined', 'Undetermined'])
  })
})
