import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Evaluate from '../../src/commands/evaluate.js'
import { runCommand } from '../helpers/run-command.js'

const oneLine = (path: string) => JSON.stringify(JSON.parse(readFileSync(path, 'utf8')))
const explicitDeny = oneLine('examples/scp-deny-runinstances.json')
const undetermined = oneLine('examples/mfa-undetermined.json')

describe('evaluate with several cases, in text', () => {
  it('numbers each report with where it came from, and ends with a summary line', async () => {
    const input = [explicitDeny, undetermined, '{"request": {}}'].join('\n')
    const result = await runCommand(Evaluate, ['-', '--no-color'], input)
    expect(result.status).toBe(1)
    const headings = result.stdout.split('\n').filter((l) => l.startsWith('Case '))
    expect(headings).toEqual(['Case 1 of 3 — standard input line 1', 'Case 2 of 3 — standard input line 2', 'Case 3 of 3 — standard input line 3'])
    // Each heading is followed by that case's own report, in input order.
    const after = (heading: string) => result.stdout.split(`${heading}\n\n`)[1]!.split('\n')[0]
    expect(after(headings[0]!)).toMatch(/^DENIED \(explicit deny\) — ec2:RunInstances/)
    expect(after(headings[1]!)).toMatch(/^UNDETERMINED .* ec2:StopInstances/)
    expect(after(headings[2]!)).toBe('NOT EVALUATED — request.principal is missing: give the ARN of the caller.')
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('3 cases: 1 explicit deny, 1 undetermined, 1 could not be evaluated.')
  })

  it('keeps one case as it was: no heading, no summary', async () => {
    const result = await runCommand(Evaluate, ['examples/scp-deny-runinstances.json', '--no-color'])
    expect(result.stdout).not.toMatch(/^Case 1|case:/m)
    expect(result.stdout.split('\n')[0]).toMatch(/^DENIED/)
  })

  it('leaves JSON Lines as they are', async () => {
    const result = await runCommand(Evaluate, ['-', '--json'], [explicitDeny, undetermined].join('\n'))
    expect(result.stdout.trim().split('\n').map((l) => JSON.parse(l).decision)).toEqual(['ExplicitDeny', 'Undetermined'])
  })
})

describe('evaluate given a snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'denydoctor-evaluate-snapshot-'))

  it('says it is a snapshot and what to run instead (exit 2)', async () => {
    const result = await runCommand(Evaluate, ['examples/demo-snapshot.json'])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('examples/demo-snapshot.json is a snapshot written by `denydoctor collect`, not a case file.')
    expect(result.stderr).toContain('denydoctor principal ARN --action SERVICE:ACTION --snapshot examples/demo-snapshot.json')
  })

  it('recognises a gzip snapshot', async () => {
    const path = join(dir, 'snapshot.json.gz')
    writeFileSync(path, gzipSync(readFileSync('examples/demo-snapshot.json')))
    const result = await runCommand(Evaluate, [path])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(`${path} is gzip-compressed, as a snapshot written by \`denydoctor collect --out FILE.json.gz\` is, not a case file.`)
  })
})

describe('evaluate with several cases, in Japanese', () => {
  it('numbers, labels and sums up in Japanese; a case that could not be read says why in Japanese', async () => {
    const input = [explicitDeny, undetermined, '{"request": {}}'].join('\n')
    const result = await runCommand(Evaluate, ['-', '--no-color', '--lang', 'ja'], input)
    expect(result.status).toBe(1)
    const headings = result.stdout.split('\n').filter((l) => l.startsWith('ケース '))
    expect(headings).toEqual(['ケース 1 / 3 — 標準入力の 1 行目', 'ケース 2 / 3 — 標準入力の 2 行目', 'ケース 3 / 3 — 標準入力の 3 行目'])
    const after = (heading: string) => result.stdout.split(`${heading}\n\n`)[1]!.split('\n')[0]
    expect(after(headings[2]!)).toMatch(/^評価できませんでした — request\.principal /)
    expect(after(headings[2]!)).not.toContain('標準入力')
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('3 件のケース: 明示的な拒否 1 件、未確定 1 件、評価できなかったもの 1 件。')
  })

  it('names a case of a JSON array by its place', async () => {
    const result = await runCommand(Evaluate, ['-', '--no-color', '--lang', 'ja'], `[${explicitDeny}, ${explicitDeny}]`)
    expect(result.stdout.split('\n').filter((l) => l.startsWith('ケース '))).toEqual(['ケース 1 / 2 — 標準入力のケース 1', 'ケース 2 / 2 — 標準入力のケース 2'])
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('2 件のケース: 明示的な拒否 2 件。')
  })
})
