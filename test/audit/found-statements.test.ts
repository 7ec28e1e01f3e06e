/**
 * foundStatements (evaluate/verdict.ts) lists the statements a verdict found without their
 * words, for an audit's judgement and evaluation path: the same statements, in the same
 * order, with the same fields as the findings (verdict.denies and verdict.allows), on every
 * evaluator fixture (with and without a complete context) and the bench's generated
 * organisation; and judge and evaluationPath give the same whichever list they read.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/engine/corpus.js'
import { judge } from '../../src/audit/judge.js'
import type { Expected } from '../../src/audit/types.js'
import { evaluateCase } from '../../src/evaluate-case.js'
import { foundStatements, requestNamed, type FoundStatement } from '../../src/evaluate/verdict.js'
import type { StatementFinding } from '../../src/model/index.js'
import { evaluationPath } from '../../src/report/path.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cases')

function caseFiles(dir: string): unknown[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return caseFiles(path)
    return e.name.endsWith('.json') ? [JSON.parse(readFileSync(path, 'utf8')) as unknown] : []
  })
}

const place = (f: FoundStatement | StatementFinding): FoundStatement => ({
  policyType: f.policyType,
  policyName: f.policyName,
  policyArn: f.policyArn,
  attachedTo: f.attachedTo,
  statementIndex: f.statementIndex,
  sid: f.sid,
  effect: f.effect,
  certain: f.certain,
  unknownKeys: f.unknownKeys,
  origin: f.origin,
})

const EXPECTED: readonly Expected[] = [{ kind: 'allow' }, { kind: 'deny' }, { kind: 'implicit-deny' }, { kind: 'explicit-deny', by: [] }, { kind: 'explicit-deny', by: ['identity', 'resource'] }]

describe('foundStatements', () => {
  it('lists the findings’ statements, in order, without their words', () => {
    const cases = [...caseFiles(FIXTURES).flatMap((c) => [c, { ...(c as object), contextComplete: true }]), ...generateCorpus({ seed: 5, principalsPerAccount: 3 }).map((c) => c.case)]
    let light = 0
    for (const c of cases) {
      const early = evaluateCase(c, { cache: null })
      const found = foundStatements(early)
      const judged = EXPECTED.map((e) => judge(early, e))
      const path = evaluationPath(early)
      // A second verdict, its words read first.
      const late = evaluateCase(c, { cache: null })
      const words = { denies: late.denies, allows: late.allows }
      expect(found.denies.map(place)).toEqual(words.denies.map(place))
      expect(found.allows.map(place)).toEqual(words.allows.map(place))
      expect(judged).toEqual(EXPECTED.map((e) => judge(late, e)))
      expect(path).toEqual(evaluationPath(late))
      // The call named without its context written out, as the verdict's request names it.
      expect(requestNamed(evaluateCase(c, { cache: null }))).toEqual({ principal: late.request.principal, action: late.request.action, resources: late.request.resources })
      if (found.denies.every((d) => !('explanation' in d)) && found.allows.every((a) => !('explanation' in a))) light++
    }
    // Most verdicts are listed without their words.
    expect(light).toBeGreaterThan(cases.length / 2)
  })
})
