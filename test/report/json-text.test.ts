/**
 * verdictJsonPieces (the JSON Lines writer of `evaluate --json`) points at the parts of a verdict
 * the engine made instead of copying them into the contract's order: it must give exactly the
 * text of JSON.stringify(verdictToJson(verdict)) — also when the findings were kept from the deciding
 * pass (`findingsNow`, as the batch asks) — on every evaluator fixture, the same cases with a complete context (`--unknown absent`), and the benchmark's
 * generated organisation (role sessions, users, SCP/RCP chains, bucket policies, remedies).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/engine/corpus.js'
import { evaluateCase } from '../../src/evaluate-case.js'
import type { Verdict } from '../../src/model/index.js'
import { verdictJsonPieces, verdictToJson } from '../../src/report/index.js'
import { isMadeVerdict } from '../../src/report/json.js'
import { scpExplicitDeny } from './verdicts.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures')

function caseFiles(dir: string): Record<string, unknown>[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return caseFiles(path)
    return e.name.endsWith('.json') ? [JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>] : []
  })
}

/** The line `evaluate --json` writes for a verdict: its pieces joined. */
const verdictJsonText = (verdict: Verdict): string => verdictJsonPieces(verdict).join('')

/**
 * Two verdicts of the same case, each reading its words on its own: the batch's (findings kept
 * from the deciding pass, findingsNow) and the library's (findings read again when asked for).
 */
function expectSameText(c: unknown): Verdict {
  const fast = evaluateCase(c, { findingsNow: true })
  const copied = evaluateCase(c)
  expect(verdictJsonText(fast)).toBe(JSON.stringify(verdictToJson(copied)))
  return fast
}

describe('verdictJsonPieces', () => {
  it('writes every fixture exactly as JSON.stringify(verdictToJson(verdict))', () => {
    const cases = caseFiles(join(FIXTURES, 'cases'))
    expect(cases.length).toBeGreaterThan(250)
    let made = 0
    for (const c of cases) {
      if (isMadeVerdict(expectSameText(c))) made++
      expectSameText({ ...c, contextComplete: true })
    }
    // The engine's own verdicts are the ones the shortcut is for: nearly every fixture's.
    expect(made).toBeGreaterThan(cases.length * 0.9)
  })

  it("writes the generated organisation's verdicts exactly as verdictToJson", () => {
    const corpus = generateCorpus({ seed: 3, principalsPerAccount: 4 })
    const decisions = new Set<string>()
    let remedies = 0
    for (const { case: c } of corpus) {
      const verdict = expectSameText(c)
      expect(isMadeVerdict(verdict)).toBe(true)
      decisions.add(verdict.decision)
      if ('remedies' in (verdictToJson(verdict) as object)) remedies++
    }
    expect([...decisions].sort()).toEqual(['Allowed', 'ExplicitDeny', 'ImplicitDeny'])
    expect(remedies).toBeGreaterThan(0)
  })

  it("copies a verdict it did not make, keeping extra fields after the contract's", () => {
    const extended = { ...scpExplicitDeny, evaluatedAt: 'x' } as Verdict
    expect(isMadeVerdict(extended)).toBe(false)
    expect(verdictJsonText(extended)).toBe(JSON.stringify(verdictToJson(extended)))
    expect(Object.keys(JSON.parse(verdictJsonText(extended)) as object).at(-1)).toBe('evaluatedAt')
  })
})
