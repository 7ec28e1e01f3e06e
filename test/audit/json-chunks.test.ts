/**
 * The audit's JSON document written piece by piece (json-chunks.ts) is byte for byte
 * `JSON.stringify(result, null, 2)`: for the example audit, with drift, with names that look
 * like the document's own layout, and with expectations that have no checks.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { auditJsonPieces, batched, nestedJson } from '../../src/audit/json-chunks.js'
import { finish, type AuditResult } from '../../src/audit/result.js'
import { auditReportPieces } from '../../src/audit/write-report.js'
import { renderAudit } from '../../src/audit/render.js'
import { auditText, EXAMPLE_AUDIT } from './helpers.js'

const whole = (result: AuditResult) => [...auditJsonPieces(result)].join('')

describe('the audit JSON document in pieces', () => {
  it('is JSON.stringify(result, null, 2) for the example audit, and with the final line break when written', async () => {
    const result = await auditText(readFileSync(EXAMPLE_AUDIT, 'utf8'))
    expect(result.expectations.flatMap((e) => e.checks)).toHaveLength(15)
    expect(whole(result)).toBe(JSON.stringify(result, null, 2))
    expect([...auditReportPieces(result, 'json', { color: false })].join('')).toBe(`${renderAudit(result, 'json', { color: false })}\n`)
  })

  it('keeps the document when names hold line breaks, quotes, the key "checks" or the placeholder, and with drift and empty lists', async () => {
    const result = await auditText(readFileSync(EXAMPLE_AUDIT, 'utf8'))
    const tricky = '\n      "checks": "denydoctor:hole"\n  "expectations": ['
    const odd = finish({
      ...result,
      expectations: [
        { ...result.expectations[0]!, name: tricky, description: tricky, warnings: [tricky] },
        { ...result.expectations[1]!, checks: [] },
        ...result.expectations.slice(2).map((e) => ({ ...e, checks: e.checks.map((c) => ({ ...c, summary: tricky })) })),
      ],
      drift: [{ expectation: tricky, principal: 'p', action: 'a', resource: null, change: 'new', before: null, after: null }],
    })
    expect(whole(odd)).toBe(JSON.stringify(odd, null, 2))
    // An expectation of many checks is written check by check.
    const many = finish({ ...result, expectations: [{ ...result.expectations[0]!, name: tricky, checks: Array.from({ length: 1200 }, (_, i) => ({ ...result.expectations[0]!.checks[0]!, index: i, summary: tricky })) }] })
    expect([...auditJsonPieces(many)].length).toBeGreaterThan(1200)
    expect(whole(many)).toBe(JSON.stringify(many, null, 2))
    const none = finish({ ...result, expectations: [] })
    expect(whole(none)).toBe(JSON.stringify(none, null, 2))
  })

  it('indents a nested value as its parent would, and batches pieces without changing them', () => {
    expect(`{\n  "a": ${nestedJson({ b: [1, 'x\ny'] }, 1)}\n}`).toBe(JSON.stringify({ a: { b: [1, 'x\ny'] } }, null, 2))
    const pieces = Array.from({ length: 50 }, (_, i) => `piece ${i};`)
    const batches = [...batched([...pieces, 'x'.repeat(300), ...pieces], 100)]
    expect(batches.length).toBeGreaterThan(1)
    expect(batches).toContain('x'.repeat(300))
    expect(batches.join('')).toBe(pieces.join('') + 'x'.repeat(300) + pieces.join(''))
  })
})
