/**
 * The lines that make an answer definite or say honestly what it turns on: one line per unknown
 * key of an Undetermined verdict ("What it turns on"), and the sentence on what AWS's message
 * settled. Pinned as snapshots of those lines (the rest of the report has its own snapshots),
 * from real verdicts of the branch and evidence fixtures.
 */
import { describe, expect, it } from 'vitest'
import { renderVerdict } from '../../src/report/index.js'
import { branchCase, evidenceCase } from '../helpers/definite-cases.js'

const plain = { color: false, width: 100 } as const

/** The report's blocks (text: separated by blank lines; markdown: sections). */
const blocks = (output: string): string[] => output.split('\n\n')

describe('branch lines of an Undetermined verdict', () => {
  it('text: one line per key, in the block right after the verdict lines', async () => {
    const output = renderVerdict(branchCase('two-unknown-keys'), 'text', plain)
    const block = blocks(output)[1]!
    expect(block.split('\n')[0]).toBe('What it turns on:')
    await expect(`${block}\n`).toMatchFileSnapshot('__snapshots__/branches-two-keys.txt')
  })

  it('markdown: a list right after the header', async () => {
    const output = renderVerdict(branchCase('two-unknown-keys'), 'markdown', plain)
    const at = output.indexOf('#### What it turns on')
    expect(at).toBeGreaterThan(0)
    expect(output.indexOf('#### Denies')).toBeGreaterThan(at)
    await expect(`${output.slice(at, output.indexOf('\n\n####', at))}\n`).toMatchFileSnapshot('__snapshots__/branches-two-keys.md')
  })

  it.each(['mfa-bool-if-exists', 'source-vpce-string-not-equals', 'region-string-not-equals-list', 'wildcard-pattern'])('%s: the text line is the branch summary', (name) => {
    const verdict = branchCase(name)
    // Long lines wrap: compare with the wrapping undone.
    const output = renderVerdict(verdict, 'text', plain).replace(/\n {4}/g, ' ')
    for (const branch of verdict.branches!) expect(output).toContain(`  • ${branch.summary}`)
  })

  it('a verdict that is not Undetermined has no such block', () => {
    const verdict = evidenceCase('explicit-one-candidate')
    expect(renderVerdict(verdict, 'text', plain)).not.toContain('What it turns on')
    expect(renderVerdict(verdict, 'markdown', plain)).not.toContain('What it turns on')
  })
})

describe('the sentence on AWS\'s message', () => {
  it.each(['explicit-one-candidate', 'explicit-several-candidates', 'explicit-none-can-apply', 'implicit-allow-did-not-grant'])('%s: text and markdown', async (name) => {
    const verdict = evidenceCase(name)
    const text = blocks(renderVerdict(verdict, 'text', plain))[1]!
    expect(text.startsWith("AWS's message")).toBe(true)
    const markdown = blocks(renderVerdict(verdict, 'markdown', plain)).find((b) => b.startsWith("> AWS's message"))
    expect(markdown).toBeDefined()
    await expect(`${text}\n\n${markdown!}\n`).toMatchFileSnapshot(`__snapshots__/evidence-${name}.txt`)
  })
})
