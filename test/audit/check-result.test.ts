/**
 * A check's result is one object literal (run.ts), and a worker's part crosses with each
 * warnings list once (worker.ts, set in place on both sides): the fields and their order are
 * those of the report, `path` only on a check that did not hold, and the warnings come back
 * as the lists they were.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CheckResult } from '../../src/audit/result.js'
import { withWarningLists } from '../../src/audit/worker.js'
import { auditText, EXAMPLE_AUDIT } from './helpers.js'

const FIELDS = ['index', 'principal', 'action', 'resource', 'expected', 'decision', 'outcome', 'deciding', 'missingAllows', 'summary', 'incomplete', 'warnings']

describe('a check’s result', () => {
  it('has the report’s fields in the report’s order, with the path last and only when the check did not hold', async () => {
    const result = await auditText(readFileSync(EXAMPLE_AUDIT, 'utf8'))
    const checks = result.expectations.flatMap((e) => e.checks)
    expect(checks.some((c) => c.outcome === 'held')).toBe(true)
    expect(checks.some((c) => c.outcome !== 'held')).toBe(true)
    for (const check of checks) expect(Object.keys(check)).toEqual(check.outcome === 'held' ? FIELDS : [...FIELDS, 'path'])
  })

  it('of a check that could not run has the same fields, without a path', async () => {
    const result = await auditText(`
expectations:
  - name: ghost
    principals: [arn:aws:iam::111111111111:role/Ghost]
    action: ec2:DescribeInstances
    expect: allow
`)
    const [ghost] = result.expectations[0]!.checks
    expect(ghost!.outcome).toBe('error')
    expect(Object.keys(ghost!)).toEqual(FIELDS)
    expect(ghost).toMatchObject({ decision: null, deciding: null, missingAllows: [], incomplete: [], warnings: [] })
  })

  it('crosses from a worker with its warnings lists given back, in place and in order', () => {
    const shared = ['w1', 'w2']
    const check = (index: number, warnings: number): CheckResult => ({ index, principal: 'p', action: 'a', resource: null, expected: 'allow', decision: 'Allowed', outcome: 'held', deciding: null, missingAllows: [], summary: 's', incomplete: [], warnings: warnings as unknown as string[] })
    const part = { start: 0, results: [check(0, 0), check(1, 1), check(2, 0)], warningLists: [shared, []], origins: [] }
    const back = withWarningLists(part)
    expect(back).toBe(part.results)
    expect(back.map((r) => r.warnings)).toEqual([shared, [], shared])
    expect(back[2]!.warnings).toBe(shared)
    expect(Object.keys(back[0]!)).toEqual(FIELDS)
  })
})
