/**
 * A Japanese report says nothing in English outside code. Every evaluator fixture is rendered as
 * text and markdown, full and --brief, with --lang ja, and so are the commands of README.md and
 * README.ja.md that run offline (on the demo snapshot); a line fails when, once code is taken out (backticks,
 * fenced blocks, policy JSON, ARNs, URLs, flags, condition keys, quoted names), it still holds
 * three or more lowercase English words in a row, one space apart. A translated sentence never
 * has that: its English is names, values and keys, one or two words at a time, and a list of
 * names ("group, image, instance") is not a run.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import Audit from '../../src/commands/audit.js'
import Evaluate from '../../src/commands/evaluate.js'
import Explain from '../../src/commands/explain.js'
import Principal from '../../src/commands/principal.js'
import { evaluateCase } from '../../src/evaluate-case.js'
import { renderVerdict } from '../../src/report/index.js'
import { blocks, words } from '../helpers/readme-blocks.js'
import { runCommand } from '../helpers/run-command.js'
import { englishRuns } from './english-sentences.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CASES_DIR = join(ROOT, 'test', 'fixtures', 'cases')

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((x, y) => x.name.localeCompare(y.name))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : []))
}

const fixtures = walk(CASES_DIR).map((path) => {
  const { description: _d, reference: _r, expect: _e, ...caseFile } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  return { id: relative(CASES_DIR, path).replace(/\.json$/, ''), caseFile }
})

describe('the sweep itself', () => {
  it('finds an English sentence and leaves code alone', () => {
    expect(englishRuns('拒否されました: the request context does not say')).toHaveLength(1)
    expect(englishRuns('`aws sts get-session-token --serial-number`、"Sid": "Deny all the things"、arn:aws:iam::1:role/a-b-c')).toEqual([])
    expect(englishRuns('--context aws:SourceVpce=vpce-1 を付けて再実行')).toEqual([])
  })
})

describe('no English sentence in a Japanese report', () => {
  it('of any evaluator fixture (text, markdown, brief)', () => {
    const problems: string[] = []
    for (const { id, caseFile } of fixtures) {
      const verdict = evaluateCase(caseFile)
      for (const [format, brief] of [['text', false], ['markdown', false], ['text', true], ['markdown', true]] as const) {
        const report = renderVerdict(verdict, format, { color: false, width: 100, lang: 'ja', brief })
        for (const run of englishRuns(report)) problems.push(`${id} (${format}${brief ? ' --brief' : ''}): ${run}`)
      }
    }
    expect([...new Set(problems)]).toEqual([])
  })

  // Every one-line command of the README's shell blocks that runs offline on the demo organisation
  // (a `\` continues a line; comments and commands that need AWS or files not in the repository are left out).
  const readmes = ['README.md', 'README.ja.md'].map((name) => readFileSync(join(ROOT, name), 'utf8'))
  const COMMANDS = { principal: Principal, explain: Explain, audit: Audit, evaluate: Evaluate } as const
  const tour = readmes
    .flatMap((readme) => blocks(readme))
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.body.replace(/\\\n\s*/g, ' ').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('denydoctor ') && !/--json|--event|--authorization-details|--out|\||&&|>|(?<!examples\/)audit\.yaml|cases\.jsonl/.test(line))
    .map((line) => words(line).slice(1).filter((word, i, all) => word !== '--lang' && all[i - 1] !== '--lang'))
    .filter((argv) => argv[0]! in COMMANDS && (argv[0] !== 'audit' || argv.includes('--demo')))
  // The demo audit file's own names and descriptions, which the audit report quotes.
  const auditWords = [...readFileSync(join(ROOT, 'examples', 'audit.yaml'), 'utf8').matchAll(/^\s*-?\s*(?:name|description): (.+)$/gm)].flatMap((m) =>
    m[1]!.toLowerCase().split(/[^a-z'’]+/).filter(Boolean),
  )
  it('covers the tour', () => {
    expect(tour.length).toBeGreaterThanOrEqual(35)
  })
  it.each([...new Map(tour.map((argv) => [argv.join(' '), argv] as const)).entries()])('of the README tour: %s', async (_name, argv) => {
    const [name, ...rest] = argv
    const source = name === 'principal' || name === 'explain' ? (rest.includes('--demo') || rest.includes('--snapshot') ? [] : ['--snapshot', 'examples/demo-snapshot.json']) : []
    const variants = name === 'audit' ? [[], ['--format', 'markdown']] : name === 'evaluate' ? [[], ['--format', 'markdown']] : [[], ['--brief'], ['--format', 'markdown']]
    for (const extra of variants) {
      const result = await runCommand(COMMANDS[name as keyof typeof COMMANDS], [...rest, ...extra, ...source, '--no-color', '--lang', 'ja'])
      expect(englishRuns(result.stdout, name === 'audit' ? auditWords : [])).toEqual([])
    }
  })
})
