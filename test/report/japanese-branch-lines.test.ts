/**
 * Under --lang ja, the "What it turns on" lines of an Undetermined verdict and the sentence on
 * AWS's message are worded in Japanese from the verdict's data; the JSON keeps the English
 * summaries, and the English report still prints them as they are.
 */
import { describe, expect, it } from 'vitest'
import { messages } from '../../src/i18n/index.js'
import { withHidden, type Verdict } from '../../src/model/index.js'
import { renderVerdict } from '../../src/report/index.js'
import { branchCase, evidenceCase } from '../helpers/definite-cases.js'

const ja = { color: false, width: 400, lang: 'ja' } as const
const en = { color: false, width: 400, lang: 'en' } as const

/** The text report, wide enough not to wrap. */
const unwrapped = (verdict: Verdict, options: typeof ja | typeof en) => renderVerdict(verdict, 'text', options)

describe('branch lines in Japanese', () => {
  it('MFA with IfExists: denied when false or absent, allowed when true', () => {
    const verdict = branchCase('mfa-bool-if-exists')
    expect(verdict.branches![0]!.summary).toBe('DENIED if aws:MultiFactorAuthPresent is false or absent, ALLOWED if true')
    const text = unwrapped(verdict, ja)
    expect(text).toContain('何で決まるか:')
    expect(text).toContain('  • aws:MultiFactorAuthPresent が false の場合または存在しない場合は拒否、true の場合は許可')
    expect(text).not.toContain('DENIED if')
    expect(renderVerdict(verdict, 'markdown', ja)).toContain('#### 何で決まるか')
    // English and JSON are unchanged.
    expect(unwrapped(verdict, en)).toContain(`  • ${verdict.branches![0]!.summary}`)
    expect(renderVerdict(verdict, 'json', ja)).toContain(JSON.stringify(verdict.branches![0]!.summary))
  })

  it.each(['two-unknown-keys', 'source-vpce-string-not-equals', 'region-string-not-equals-list', 'wildcard-pattern', 'numeric-not-listed', 'source-vpce-string-equals-allow', 'mfa-bool-plain'])(
    '%s: no English decision word is left',
    async (name) => {
      const verdict = branchCase(name)
      const text = unwrapped(verdict, ja)
      expect(text).not.toMatch(/\b(DENIED|ALLOWED|UNDETERMINED|unless|whatever)\b/)
      for (const branch of verdict.branches!) expect(text).toContain(branch.key)
      const at = text.indexOf('何で決まるか:')
      await expect(`${text.slice(at, text.indexOf('\n\n', at))}\n`).toMatchFileSnapshot(`__snapshots__/ja/branches-${name}.txt`)
    },
  )
})

describe('the sentence on AWS\'s message in Japanese', () => {
  it.each([
    'explicit-one-candidate',
    'explicit-several-candidates',
    'explicit-none-can-apply',
    'explicit-named-policy-cannot-apply',
    'explicit-inline-named-by-unknown-arn',
    'implicit-allow-did-not-grant',
    'implicit-certain-allow-disagrees',
  ])('%s', async (name) => {
    const verdict = evidenceCase(name)
    const text = unwrapped(verdict, ja)
    const flat = (t: string) => t.replace(/\s+/g, ' ')
    expect(flat(unwrapped(verdict, en))).toContain(flat(verdict.messageEvidence!.summary))
    const line = text.split('\n\n').find((b) => b.startsWith('AWS のメッセージ'))!
    expect(line).toBeDefined()
    expect(line).not.toMatch(/AWS's message|explicit deny|identity-based|the policies|statement/)
    await expect(`${line}\n`).toMatchFileSnapshot(`__snapshots__/ja/evidence-${name}.txt`)
  })

  it('one candidate: the statement and what it implies are named in Japanese', () => {
    const text = unwrapped(evidenceCase('explicit-one-candidate'), ja)
    expect(text).toMatch(/AWS のメッセージで確定しました: メッセージは「.*明示的な拒否」を示しており/)
  })
})

describe('a branch the message narrowed', () => {
  it('says the values left, and names the values AWS\'s message rules out', () => {
    const ruledOut = [{ decision: 'Allowed' as const, values: ['true'], matching: [], absent: false, other: false, dependsOn: [] }]
    const branch = withHidden(
      {
        key: 'aws:MultiFactorAuthPresent',
        outcomes: [{ decision: 'ExplicitDeny' as const, values: ['false'], matching: [], absent: true, other: false, dependsOn: [] }],
        summary: "DENIED if aws:MultiFactorAuthPresent is false or absent; AWS's message rules out true (ALLOWED)",
      },
      'case',
      { kind: 'narrowed' as const, ruledOut },
    )
    expect(messages('ja')['report.branch'](branch)).toBe('aws:MultiFactorAuthPresent が false の場合または存在しない場合は拒否。AWS のメッセージにより true (許可) は除外されます')
    expect(messages('en')['report.branch'](branch)).toBe(branch.summary)
    // The case is the report's: the JSON of the branch is as before.
    expect(JSON.parse(JSON.stringify(branch))).toEqual({ key: branch.key, outcomes: branch.outcomes, summary: branch.summary })
  })

  it('a branch read back from JSON, without its case and outcomes, stays English, whole', () => {
    const branch = { key: 'aws:SourceIp', outcomes: [], summary: 'depends on aws:SourceIp, whose values that matter cannot be listed exactly here (its ip conditions compare ranges of values); give it with --context aws:SourceIp=VALUE' }
    expect(messages('ja')['report.branch'](branch)).toBe(branch.summary)
  })
})
