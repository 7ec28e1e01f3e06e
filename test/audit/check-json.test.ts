/**
 * A check that crossed from a worker as its JSON text (check-json.ts) is the check it was: the
 * same fields in the same key order, the same text in the document, and the written `--json`
 * report of a run on several jobs is byte for byte the one job's.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkFromJson, checkJson, hasCheckJson, headOf, CHECK_DEPTH } from '../../src/audit/check-json.js'
import { executeAudit } from '../../src/audit/execute.js'
import { nestedJson } from '../../src/audit/json-chunks.js'
import { singleReach } from '../../src/audit/reach.js'
import { auditReportPieces } from '../../src/audit/write-report.js'
import { createSnapshotProvider } from '../../src/sources/snapshot/provider.js'
import { auditText, DEMO, demoSnapshot, EXAMPLE_AUDIT, FIXED_NOW } from './helpers.js'

const flags = (jobs: number) => ({ 'allow-undetermined': false, 'assume-absent': false, 'allow-unknown-action': false, snapshot: DEMO, jobs })
const environment = {
  env: {},
  progress: false,
  now: () => FIXED_NOW,
  reachFor: async () => ({ reach: singleReach(createSnapshotProvider(demoSnapshot, { fileName: DEMO })), label: `snapshot ${DEMO}` }),
  minChecksPerJob: 1,
}

describe('a check sent as its JSON text', () => {
  it('reads back every field, in the original key order, and keeps its text', async () => {
    const result = await auditText(readFileSync(EXAMPLE_AUDIT, 'utf8'))
    const checks = result.expectations.flatMap((e) => e.checks)
    // Both kinds: checks that held (no path) and checks that did not (with their path).
    expect(checks.some((c) => c.path === undefined)).toBe(true)
    expect(checks.some((c) => c.path !== undefined)).toBe(true)
    for (const check of checks) {
      const text = nestedJson(check, CHECK_DEPTH)
      const copy = checkFromJson(headOf(check), text)
      expect(hasCheckJson(copy)).toBe(true)
      expect(checkJson(copy)).toBe(text)
      expect(Object.keys(copy)).toEqual(Object.keys(check))
      expect(copy).toEqual(check)
      expect(JSON.stringify(copy)).toBe(JSON.stringify(check))
      expect({ ...copy }).toEqual(check)
    }
  })

  it('writes the same --json report with the checks of workers and of the main thread as one job does', async () => {
    const one = await executeAudit(EXAMPLE_AUDIT, flags(1), environment)
    const workers = await executeAudit(EXAMPLE_AUDIT, flags(2), { ...environment, mainThreadTakesParts: false })
    const shared = await executeAudit(EXAMPLE_AUDIT, flags(2), environment)
    const text = (r: typeof one) => [...auditReportPieces(r, 'json', { color: false })].join('')
    expect(workers.expectations.flatMap((e) => e.checks).every(hasCheckJson)).toBe(true)
    expect(text(workers)).toBe(text(one))
    expect(text(shared)).toBe(text(one))
    expect(text(one)).toBe(`${JSON.stringify(one, null, 2)}\n`)
  })
})
