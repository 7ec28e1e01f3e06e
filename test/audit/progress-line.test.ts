import { describe, expect, it } from 'vitest'
import { progressLine } from '../../src/audit/progress-line.js'

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
