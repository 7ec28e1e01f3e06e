import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { progressLine } from '../../src/audit/progress-line.js'
import Audit from '../../src/commands/audit.js'
import { runCommand } from '../helpers/run-command.js'

function terminal(isTTY: boolean) {
  const written: string[] = []
  return { isTTY, written, write: (text: string) => written.push(text) }
}

describe('the progress line', () => {
  it('is rewritten in place on a terminal, at most every 100 ms, always at the end, and cleared', () => {
    const tty = terminal(true)
    let now = 0
    const line = progressLine(true, tty, () => now)
    line.update({ done: 0, total: 3, failing: 0 })
    now = 50
    line.update({ done: 1, total: 3, failing: 0 })
    now = 150
    line.update({ done: 2, total: 3, failing: 1 })
    now = 160
    line.update({ done: 3, total: 3, failing: 1 })
    line.done()
    expect(tty.written).toEqual(['\r\x1b[Kaudit: 0/3 checks', '\r\x1b[Kaudit: 2/3 checks, 1 failing', '\r\x1b[Kaudit: 3/3 checks, 1 failing', '\r\x1b[K'])
  })

  it('writes nothing when stderr is not a terminal, or when output is JSON', () => {
    for (const [enabled, isTTY] of [[true, false], [false, true]] as const) {
      const stream = terminal(isTTY)
      const line = progressLine(enabled, stream, () => 0)
      line.update({ done: 1, total: 2, failing: 0 })
      line.done()
      expect(stream.written).toEqual([])
    }
  })
})

describe('the progress line and the summary', () => {
  it('count in the same words: failed, undetermined, could not be run', () => {
    const tty = terminal(true)
    const line = progressLine(true, tty, () => 0)
    line.update({ done: 5, total: 5, failing: 4, outcomes: { failed: 1, undetermined: 3, error: 0 } })
    expect(tty.written).toEqual(['\r\x1b[Kaudit: 5/5 checks, 1 failed, 3 undetermined'])
  })

  it('agree at the end of a real run with undetermined checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'denydoctor-progress-'))
    const file = join(dir, 'audit.yaml')
    writeFileSync(file, [
      'version: 1',
      'expectations:',
      '  - name: tester cannot describe instances without MFA',
      '    principal: arn:aws:iam::111111111111:user/tester',
      '    actions: [ec2:DescribeInstances, ec2:DescribeVolumes, ec2:DescribeImages]',
      '    expect: deny',
      '',
    ].join('\n'))
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY')
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true })
    try {
      const result = await runCommand(Audit, [file, '--demo', '--no-color'])
      const lines = result.stderr.split('\r\x1b[K').filter(Boolean)
      expect(lines.at(-1)).toBe('audit: 3/3 checks, 3 undetermined')
      expect(result.stdout).toContain('3 checks: 0 held, 0 failed, 3 undetermined, 0 could not be run')
      expect(result.status).toBe(6)
    } finally {
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty)
      else delete (process.stderr as { isTTY?: boolean }).isTTY
    }
  })
})
