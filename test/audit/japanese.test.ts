/**
 * The audit in Japanese: headline, counts, table headers and failure section from the ja
 * catalogue, columns aligned in terminal columns (a Japanese header takes two per character),
 * JUnit messages translated while test names, ARNs and decisions stay as they are; and the
 * language chosen by --lang or by LANG=ja_JP.UTF-8.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import Audit from '../../src/commands/audit.js'
import { renderAudit, renderAuditJunit } from '../../src/audit/render.js'
import { displayWidth } from '../../src/i18n/index.js'
import { runCommand } from '../helpers/run-command.js'
import { auditText, EXAMPLE_AUDIT } from './helpers.js'

const result = await auditText(readFileSync(EXAMPLE_AUDIT, 'utf8'), { fileName: 'examples/audit.yaml' })

describe('the audit in Japanese', () => {
  const text = renderAudit(result, 'text', { color: false, lang: 'ja', width: 250 })

  it('says the outcome and the counts in Japanese', () => {
    const lines = text.split('\n')
    expect(lines[0]).toBe('監査不合格 — 10 件の期待のうち 1 件が成立しませんでした')
    expect(lines.at(-1)).toBe('期待 10 件: 成立 9 件、不成立 1 件。チェック 15 件: 成立 14 件、不成立 1 件、未確定 0 件、実行できなかったもの 0 件。')
    expect(text).toContain('(期待値 deny)')
  })

  it('aligns every column in terminal columns, Japanese headers included', () => {
    const lines = text.split('\n')
    const header = lines.findIndex((l) => l.includes('プリンシパル'))
    const table = lines.slice(header, header + 16)
    const columnOf = (line: string, cell: string) => displayWidth(line.slice(0, line.indexOf(cell)))
    const actionColumn = columnOf(table[0]!, 'アクション')
    for (const row of table.slice(1)) expect(columnOf(row, row.includes('s3:GetObject') ? 's3:GetObject' : row.match(/(?:ec2|iam):\w+/)![0]), row).toBe(actionColumn)
  })

  it('pins the Japanese text and markdown reports', () => {
    expect(text).toMatchSnapshot()
    expect(renderAudit(result, 'markdown', { color: false, lang: 'ja' })).toMatchSnapshot()
  })

  it('translates JUnit messages but not test names, ARNs or decisions', () => {
    const xml = renderAuditJunit(result, 'ja')
    expect(xml).toContain('message="期待値 deny、結果 Allowed: ')
    expect(xml).toContain('期待値: deny\n結果: Allowed\n決定したステートメント: ')
    expect(xml).toContain('プリンシパル: arn:aws:iam::111111111111:role/Analytics')
    expect(xml).toContain('name="111111111111:role/Analytics s3:GetObject on arn:aws:s3:::data-lake-222/')
    expect(renderAuditJunit(result)).toContain('Expected: deny\nActual: Allowed\nDeciding statement: ')
  })
})

describe('choosing the language', () => {
  afterEach(() => vi.unstubAllEnvs())
  const argv = [EXAMPLE_AUDIT, '--snapshot', 'examples/demo-snapshot.json', '--no-color']

  it('LANG=ja_JP.UTF-8 picks Japanese', async () => {
    vi.stubEnv('LANG', 'ja_JP.UTF-8')
    const { stdout, status } = await runCommand(Audit, argv)
    expect(stdout.split('\n')[0]).toBe('監査不合格 — 10 件の期待のうち 1 件が成立しませんでした')
    expect(status).toBe(6)
  })

  it('--lang en wins over LANG, and LC_ALL over LANG', async () => {
    vi.stubEnv('LANG', 'ja_JP.UTF-8')
    expect((await runCommand(Audit, [...argv, '--lang', 'en'])).stdout).toMatch(/^AUDIT FAILED/)
    vi.stubEnv('LC_ALL', 'C')
    expect((await runCommand(Audit, argv)).stdout).toMatch(/^AUDIT FAILED/)
  })

  it('JSON is the same whatever the language', async () => {
    const english = await runCommand(Audit, [...argv, '--json'])
    const japanese = await runCommand(Audit, [...argv, '--json', '--lang', 'ja'])
    const withoutTime = (s: string) => s.replace(/"ranAt": "[^"]+"/g, '')
    expect(withoutTime(japanese.stdout)).toBe(withoutTime(english.stdout))
  })
})
