/**
 * The partial-diagnosis warning names the sources that could not be read, each once: a source
 * that left two gaps (the demo snapshot without the bucket and without the resource account's
 * RCPs) is one source, and each gap is still listed under what to change.
 */
import { describe, expect, it } from 'vitest'
import { renderVerdict } from '../../src/report/index.js'
import { partialDiagnosis } from './verdicts.js'

const SNAPSHOT = 'snapshot demo-snapshot.json (the demo organisation, --demo)'
const twoGapsOneSource = {
  ...partialDiagnosis,
  incomplete: [
    { source: SNAPSHOT, error: 'bucket nosuch is not in the snapshot', effect: 'Bucket nosuch is not in the snapshot: its bucket policy was not read, so a Deny in it (or, across accounts, the Allow it must give) cannot be checked.' },
    { source: SNAPSHOT, error: 'the account that owns the resource is unknown', effect: "RCPs were not read, because they are those of the resource's account; pass --resource-account." },
  ],
}

describe('the partial-diagnosis warning', () => {
  it.each([
    ['text', false, `could not read ${SNAPSHOT}. What`],
    ['text', true, `not read: ${SNAPSHOT}\n`],
    ['markdown', false, `Could not read \`${SNAPSHOT}\`. What`],
  ] as const)('names a source once (%s, brief %s)', (format, brief, once) => {
    const report = renderVerdict(twoGapsOneSource, format, { color: false, width: 400, brief })
    expect(report).toContain(once)
  })

  it('in Japanese too', () => {
    const report = renderVerdict(twoGapsOneSource, 'text', { color: false, width: 400, lang: 'ja' })
    expect(report).toContain('⚠ 部分的な診断: スナップショット demo-snapshot.json (デモの組織、--demo) を読み取れませんでした。')
  })
})
