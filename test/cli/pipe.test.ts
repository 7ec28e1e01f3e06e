import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The built CLI through a real pipe: a deny used to end the process before stdout had drained
// into the pipe, so `denydoctor evaluate big.jsonl --json | jq` read the first 64 KiB only.
const root = new URL('../..', import.meta.url).pathname
const bin = join(root, 'bin', 'run.js')
const dir = mkdtempSync(join(tmpdir(), 'denydoctor-pipe-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const MEGABYTE = 1024 * 1024
const example = (name: string) => JSON.stringify(JSON.parse(readFileSync(join(root, 'examples', name), 'utf8')))
const explicitDeny = example('scp-deny-runinstances.json')
const undetermined = example('mfa-undetermined.json')
const implicitDeny = JSON.stringify({
  request: { principal: 'arn:aws:iam::111111111111:role/Empty', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key' },
  policies: { identity: [] },
})

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** `node bin/run.js ARGS | cat`: what came out of the pipe, and the CLI's own exit status. */
function throughPipe(args: string[]): { stdout: string; status: number } {
  const result = spawnSync('bash', ['-c', 'node "$0" "$@" | cat; exit "${PIPESTATUS[0]}"', bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * MEGABYTE,
  })
  return { stdout: result.stdout, status: result.status ?? -1 }
}

function wholeJson(text: string): unknown[] {
  const trimmed = text.trimEnd()
  return trimmed.startsWith('{\n') ? [JSON.parse(trimmed)] : trimmed.split('\n').map((line) => JSON.parse(line) as unknown)
}

/** Verdicts on the lines of `evaluate`, or the checks of one audit result. */
function count(documents: unknown[]): number {
  const audit = documents.length === 1 ? (documents[0] as { expectations?: { checks: unknown[] }[] }).expectations : undefined
  return audit ? audit.reduce((total, e) => total + e.checks.length, 0) : documents.length
}

const lines = (...cases: string[]) => cases.join('\n')
const many = (n: number, text: string) => Array.from({ length: n }, () => text)

const cases = [
  { status: 1, name: 'a case that cannot be evaluated among many', expected: 401, args: () => ['evaluate', file('one-bad.jsonl', lines(...many(400, explicitDeny), '{"request": {}}')), '--json'] },
  { status: 3, name: 'explicit deny', expected: 400, args: () => ['evaluate', file('explicit.jsonl', lines(...many(400, explicitDeny))), '--json'] },
  { status: 4, name: 'implicit deny', expected: 2000, args: () => ['evaluate', file('implicit.jsonl', lines(...many(2000, implicitDeny))), '--json'] },
  { status: 5, name: 'undetermined', expected: 500, args: () => ['evaluate', file('undetermined.jsonl', lines(...many(500, undetermined))), '--json'] },
  { status: 6, name: 'a failed audit', expected: 1200, args: () => ['audit', file('audit.yaml', auditFile(1200)), '--snapshot', join(root, 'examples', 'demo-snapshot.json'), '--json'] },
]

/** An audit of the demo organisation whose one expectation fails for every resource. */
function auditFile(resources: number): string {
  const list = Array.from({ length: resources }, (_, i) => `      - arn:aws:s3:::data-lake-222/events/${i}.json`)
  return ['version: 1', 'expectations:', '  - name: Analytics cannot read the data lake', '    principal: arn:aws:iam::111111111111:role/Analytics',
    '    action: s3:GetObject', '    resources:', ...list, '    expect: deny', ''].join('\n')
}

describe('output through a pipe', () => {
  it.each(cases)('is whole with exit status $status ($name)', ({ status, args, expected }) => {
    const argv = args()
    const piped = throughPipe(argv)
    expect(piped.status).toBe(status)
    expect(piped.stdout.length).toBeGreaterThan(MEGABYTE)
    // Whole JSON (jq reads it all), with every case or check in it.
    expect(count(wholeJson(piped.stdout))).toBe(expected)
  })
})
