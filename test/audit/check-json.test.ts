/**
 * A check that crossed from a worker as its JSON text (check-json.ts) is the check it was: the
 * same fields in the same key order, the same text in the document, and the written `--json`
 * report of a run on several jobs is byte for byte the one job's.
 */
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkFromJson, checkJson, checksFromPart, hasCheckJson, headOf, partAsJson, CHECK_DEPTH } from '../../src/audit/check-json.js'
import { executeAudit } from '../../src/audit/execute.js'
import { batched, nestedJson } from '../../src/audit/json-chunks.js'
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
      const copy = checkFromJson(headOf(check), Buffer.from(text, 'utf8'))
      expect(hasCheckJson(copy)).toBe(true)
      expect(checkJson(copy).toString()).toBe(text)
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
    // Parts cross as one buffer with where each check ends: read back, the same checks.
    const checks = one.expectations.flatMap((e) => e.checks)
    expect(checksFromPart(partAsJson(checks))).toEqual(checks)
  })

  it('gathers text and bytes into larger pieces without changing a byte', () => {
    const pieces = ['{', Buffer.from('"a": "—"', 'utf8'), ', ', 'x'.repeat(40), Buffer.from('é'.repeat(30), 'utf8'), '}']
    const joined = pieces.map(String).join('')
    for (const size of [1, 8, 50, 1 << 16]) expect([...batched(pieces, size)].map(String).join('')).toBe(joined)
  })
})
