import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'
import { mermaidFlowchart, mermaidText } from '../../src/report/mermaid.js'
import { evaluationPath } from '../../src/report/path.js'
import { renderVerdict } from '../../src/report/index.js'
import { assertMermaidParses, mermaidBlocks } from '../helpers/mermaid-check.js'
import { ALL_VERDICTS, allowedInOrganisation } from './verdicts.js'

const CASES = fileURLToPath(new URL('../fixtures/cases/', import.meta.url))

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []))
}

describe('every diagram a fixture produces is one Mermaid parses', () => {
  const files = walk(CASES)
  it('finds the fixtures', () => expect(files.length).toBeGreaterThan(150))
  it.each(files.map((f) => [relative(CASES, f), f]))('%s', async (_name, file) => {
    const verdict = evaluateCase(JSON.parse(readFileSync(file, 'utf8')))
    const markdown = renderVerdict(verdict, 'markdown', { color: false })
    const [diagram, ...more] = mermaidBlocks(markdown)
    expect(more).toEqual([])
    expect(diagram).toBe(mermaidFlowchart(evaluationPath(verdict)))
    await assertMermaidParses(diagram!)
  })
  it.each(Object.entries({ ...ALL_VERDICTS, allowedInOrganisation }))('report fixture %s', async (_name, verdict) => {
    await assertMermaidParses(mermaidFlowchart(evaluationPath(verdict)))
  })
})

describe('the parser check is real', () => {
  it('rejects a broken diagram', async () => {
    await expect(assertMermaidParses('flowchart TD\n  A["open --> B')).rejects.toThrow()
  })
  it('accepts labels with every character policy text brings', async () => {
    const label = mermaidText('SCP `Deny"x"` <a> & #1; (ou-1) [x] {y} | ; :')
    await assertMermaidParses(`flowchart TD\n  A["${label}"] --> B["ok"]`)
  })
})

describe('what the picture shows', () => {
  it('an explicit SCP deny: root → OU → account → principal, the SCP level that denied in red with its statement', () => {
    const path = evaluationPath(ALL_VERDICTS.scpExplicitDeny)
    expect(path.layers.map((l) => `${l.layer}@${l.level ?? '-'}:${l.state}`)).toEqual(['scp@ou-abcd-11111111:denied', 'identity@-:allowed'])
    const chart = mermaidFlowchart(path)
    expect(chart).toContain('subgraph GS0["SCPs"]')
    expect(chart).toContain('S0["ou-abcd-11111111<br/>denied<br/>SCP \'DenyRunInstances\', statement 1 (Sid DenyEC2)"]')
    expect(chart).toMatch(/class [^\n]*S0[^\n]* denied/)
    expect(chart).toContain('R(["DENIED (explicit)"])')
  })
  it('an allow in an organisation: every level in the chain, the layers green', () => {
    const path = evaluationPath(allowedInOrganisation)
    // Root first, account last, OUs between as first named.
    expect(path.levels.map((l) => l.id)).toEqual(['r-ab12', 'ou-data-22222222', 'ou-extra-33333333', '222222222222'])
    expect(path.layers.map((l) => l.state)).toEqual(['allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed'])
  })
  it('an implicit deny: the layer without an Allow', () => {
    const path = evaluationPath(ALL_VERDICTS.implicitDeny)
    expect(path.layers.map((l) => `${l.layer}@${l.level ?? '-'}:${l.state}`)).toEqual(['scp@r-ab12:allowed', 'scp@ou-data-22222222:no-allow', 'identity@-:no-allow'])
  })
  it('a partial diagnosis: the unread layers in grey', () => {
    const path = evaluationPath(ALL_VERDICTS.partialDiagnosis)
    expect(path.layers.filter((l) => l.state === 'not-read').map((l) => l.layer)).toEqual(['rcp', 'scp', 'resource'])
  })
  it('an undetermined deny: the layer that may deny in yellow', () => {
    const path = evaluationPath(ALL_VERDICTS.mfaUndetermined)
    expect(path.layers).toEqual([expect.objectContaining({ layer: 'identity', state: 'unknown' })])
  })
})

describe('--brief --format markdown', () => {
  it('is the brief answer as a text block, then the picture', async () => {
    const md = renderVerdict(ALL_VERDICTS.scpExplicitDeny, 'markdown', { color: false, brief: true })
    expect(md.split('\n').slice(0, 4)).toEqual(['### Verdict: Explicit deny', '', '```text', 'DENIED (explicit deny) — ec2:RunInstances by arn:aws:iam::111111111111:role/TestReadOnly'])
    const [diagram] = mermaidBlocks(md)
    await assertMermaidParses(diagram!)
  })
})
