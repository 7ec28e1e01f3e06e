/**
 * `evaluate --json --jobs N` on a JSON Lines file longer than the cases evaluated before
 * threads are started: the verdict lines, error lines and exit status of two threads are
 * those of one. (Which blocks the worker takes depends on how soon it starts;
 * test/cli/evaluate-parallel.test.ts gives it every block.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Evaluate from '../../src/commands/evaluate.js'
import { PARALLEL_AFTER } from '../../src/cli/evaluate-parallel.js'
import { runCommand } from '../helpers/run-command.js'

const oneLine = (path: string) => JSON.stringify(JSON.parse(readFileSync(path, 'utf8')))

describe('evaluate --json --jobs', () => {
  it('writes with two threads what one thread writes', async () => {
    const cases = [oneLine('examples/scp-deny-runinstances.json'), oneLine('examples/mfa-undetermined.json')]
    const lines = Array.from({ length: PARALLEL_AFTER + 300 }, (_, i) => (i === PARALLEL_AFTER + 123 ? '{"request": {}}' : cases[i % 2]!))
    const file = join(mkdtempSync(join(tmpdir(), 'denydoctor-jobs-')), 'cases.jsonl')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const one = await runCommand(Evaluate, [file, '--json', '--jobs', '1'])
    const two = await runCommand(Evaluate, [file, '--json', '--jobs', '2'])
    expect(one.stdout.trim().split('\n')).toHaveLength(lines.length)
    expect(one.stderr).toContain(`cases.jsonl line ${PARALLEL_AFTER + 124}: request.principal is missing`)
    expect(two.stdout).toBe(one.stdout)
    expect(two.stderr).toBe(one.stderr)
    expect(two.status).toBe(1)
    expect(one.status).toBe(1)
  }, 60_000)
})
