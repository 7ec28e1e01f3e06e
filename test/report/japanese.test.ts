/**
 * The verdict report in Japanese (--lang ja), pinned for each decision kind in text and
 * markdown: AWS's Japanese terms, policy JSON, ARNs, Sids and keys as they are, lines that fit
 * the width in terminal columns, and JSON that does not change with the language.
 */
import { describe, expect, it } from 'vitest'
import { displayWidth } from '../../src/i18n/index.js'
import { renderVerdict } from '../../src/report/index.js'
import { allowed, fiveDenies, implicitDeny, messageIntake, mfaUndetermined, partialDiagnosis, scpExplicitDeny } from './verdicts.js'

const ja = { color: false, width: 100, lang: 'ja' } as const
const KINDS = { scpExplicitDeny, implicitDeny, allowed, mfaUndetermined, partialDiagnosis, fiveDenies } as const
const file = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

describe('Japanese reports, one per decision kind', () => {
  it.each(Object.entries(KINDS))('%s (text and markdown)', async (name, verdict) => {
    const options = name === 'scpExplicitDeny' ? { ...ja, intake: messageIntake } : ja
    await expect(renderVerdict(verdict, 'text', options)).toMatchFileSnapshot(`__snapshots__/ja/${file(name)}.txt`)
    await expect(renderVerdict(verdict, 'markdown', options)).toMatchFileSnapshot(`__snapshots__/ja/${file(name)}.md`)
  })

  it('says each decision in AWS\'s Japanese words on the first line', () => {
    const first = (verdict: typeof allowed) => renderVerdict(verdict, 'text', ja).split('\n')[0]!
    expect(first(scpExplicitDeny)).toMatch(/^拒否 \(明示的な拒否\) — /)
    expect(first(implicitDeny)).toMatch(/^拒否 \(暗黙的な拒否: 許可するポリシーがありません\) — /)
    expect(first(allowed)).toMatch(/^許可 \(ALLOWED\) — /)
    expect(first(mfaUndetermined)).toMatch(/^未確定 /)
  })

  it('keeps policy JSON, Sids and condition keys as they are', () => {
    const text = renderVerdict(scpExplicitDeny, 'text', ja)
    expect(text).toContain('"Effect": "Deny"')
    expect(text).toContain('ArnNotLike')
    expect(text).not.toMatch(/What to change|Denied by|The request:/)
  })

  it('fits the width in terminal columns, Japanese counted as two', () => {
    for (const verdict of Object.values(KINDS)) {
      const lines = renderVerdict(verdict, 'text', { ...ja, width: 80 }).split('\n')
      // A line may run over only with a single token that cannot be broken (an ARN, a JSON value).
      const over = lines.filter((l) => displayWidth(l) > 80 && /[\u3040-\u30ff\u4e00-\u9fff]/.test(l) && !/arn:|"\w+":|^\s*\{|^\s*\[/.test(l))
      expect(over).toEqual([])
    }
  })

  it('JSON is the same in both languages', () => {
    expect(renderVerdict(scpExplicitDeny, 'json', ja)).toBe(renderVerdict(scpExplicitDeny, 'json', { color: false }))
  })
})
