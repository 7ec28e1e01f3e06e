/**
 * Branches and AWS's message evidence carry their case as data (model/branch-case.ts) for the
 * reports, off the JSON: a branch the message narrowed keeps the outcomes it ruled out, and
 * names them in both languages; `branches` and `messageEvidence` in JSON are as before.
 */
import { describe, expect, it } from 'vitest'
import { renderVerdict, verdictToJson } from '../../src/report/index.js'
import { evidenceCase } from '../helpers/definite-cases.js'

describe('a branch AWS\'s message narrowed', () => {
  const verdict = evidenceCase('explicit-narrows-a-branch')

  it('keeps the outcomes the message ruled out, and the decision open between the two Denies', () => {
    expect(verdict.decision).toBe('Undetermined')
    expect(verdict.messageEvidence?.outcome).toBe('narrowed')
    expect(verdict.messageEvidence?.candidates.map((c) => c.sid)).toEqual(['DenyWithoutMFA', 'DenyMFAFalse'])
    const branch = verdict.branches![0]!
    expect(branch.outcomes.map((o) => o.decision)).toEqual(['ExplicitDeny'])
    expect(branch.case).toEqual({ kind: 'narrowed', ruledOut: [{ decision: 'Allowed', values: ['true'], matching: [], absent: false, other: false, dependsOn: [] }] })
  })

  it('names the ruled-out values in English (the summary) and in Japanese', () => {
    const branch = verdict.branches![0]!
    expect(branch.summary).toBe("DENIED if aws:MultiFactorAuthPresent is false or absent; AWS's message rules out true (ALLOWED)")
    const ja = renderVerdict(verdict, 'text', { color: false, width: 400, lang: 'ja' })
    expect(ja).toContain('  • aws:MultiFactorAuthPresent が false の場合または存在しない場合は拒否。AWS のメッセージにより true (許可) は除外されます')
  })

  it('keeps the case and the detail off the JSON', () => {
    const json = verdictToJson(verdict) as { branches: unknown[]; messageEvidence: Record<string, unknown> }
    expect(Object.keys(json.branches[0] as object)).toEqual(['key', 'outcomes', 'summary'])
    expect(Object.keys(json.messageEvidence)).toEqual(['says', 'denyKind', 'policyType', 'policyArn', 'outcome', 'candidates', 'implies', 'summary'])
    expect(JSON.stringify(verdict)).not.toMatch(/"case"|"detail"|ruledOut|namedPolicy/)
  })
})
