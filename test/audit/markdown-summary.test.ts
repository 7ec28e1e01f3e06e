import { describe, expect, it } from 'vitest'
import Audit from '../../src/commands/audit.js'
import { runCommand } from '../helpers/run-command.js'
import { assertMermaidParses, mermaidBlocks } from '../helpers/mermaid-check.js'

describe('audit --format markdown, as a CI step summary', async () => {
  const run = await runCommand(Audit, ['examples/audit.yaml', '--snapshot', 'examples/demo-snapshot.json', '--format', 'markdown'])
  const md = run.stdout

  it('opens with the headline and a summary table, one row per expectation', () => {
    expect(run.status).toBe(6)
    const lines = md.split('\n')
    expect(lines[0]).toBe('# AUDIT FAILED — 1 of 10 expectations did not hold')
    expect(md).toContain('## Summary\n\n|  | Expectation | Expected | Checks | Held | Failed |')
    expect(md).toContain("| ❌ | No role of Workloads reads the Data account's data lake | deny | 5 | 4 | 1 |")
    expect(lines.filter((l) => /^\| (✅|❌) \| [^`]*$/.test(l))).toHaveLength(10)
  })

  it('gives each failing check its brief diagnosis and the picture of its path', () => {
    const failed = md.slice(md.indexOf('## What did not hold'), md.indexOf('<details>'))
    expect(failed).toContain('#### ❌ `111111111111:role/Analytics` `s3:GetObject` on `arn:aws:s3:::data-lake-222/events/2026/11/01.json`: Allowed')
    expect(failed).toContain('```text\ninline policy `ReadDataLake` of role `Analytics`, statement 1 (Sid ReadDataLake)')
    const [diagram, ...more] = mermaidBlocks(failed)
    expect(more).toEqual([])
    expect(diagram).toContain('bucket policy of \'data-lake-222\', statement 1 (Sid AnalyticsReadAccess)')
  })

  it('draws only diagrams Mermaid parses', async () => {
    const diagrams = mermaidBlocks(md)
    expect(diagrams.length).toBeGreaterThan(0)
    for (const diagram of diagrams) await assertMermaidParses(diagram)
  })

  it('folds the table of every check away under the summary', () => {
    expect(md).toMatch(/<details>\n<summary>Every check \(15\)<\/summary>\n\n\| {2}\| Expectation \| Principal/)
  })
})
