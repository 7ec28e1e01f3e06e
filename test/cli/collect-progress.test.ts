import { describe, expect, it } from 'vitest'
import { CollectProgress } from '../../src/cli/collect-progress.js'

function stream(isTTY: boolean, columns = 80) {
  const written: string[] = []
  return { written, isTTY, columns, write: (text: string) => written.push(text) > 0 }
}

describe('the collect progress bar', () => {
  it('shows accounts done out of the total and the calls made, redrawn on one line', () => {
    const out = stream(true)
    const progress = new CollectProgress(out, true, () => 0)
    progress.call()
    expect(out.written.at(-1)).toBe('\rCollecting… 1 AWS call\x1b[K')
    progress.account(1, 4)
    expect(out.written.at(-1)).toBe(`\r${'█'.repeat(5)}${'░'.repeat(15)} 1/4 accounts · 1 AWS call\x1b[K`)
    for (let i = 0; i < 1234; i++) progress.call()
    expect(progress.line()).toBe(`${'█'.repeat(5)}${'░'.repeat(15)} 1/4 accounts · 1,235 AWS calls`)
    progress.account(4, 4)
    expect(out.written.at(-1)).toContain(`${'█'.repeat(20)} 4/4 accounts · 1,235 AWS calls`)
    progress.stop()
    expect(out.written.at(-1)).toBe('\r\x1b[K')
  })

  it('redraws for calls at most every 100 ms, so that thousands of calls do not flood the terminal', () => {
    const out = stream(true)
    let now = 0
    const progress = new CollectProgress(out, true, () => now)
    for (let i = 0; i < 50; i++) progress.call()
    expect(out.written).toHaveLength(1)
    now = 150
    progress.call()
    expect(out.written).toHaveLength(2)
  })

  it('draws nothing when stderr is not a terminal, or when turned off (--json)', () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const out = stream(isTTY)
      const progress = new CollectProgress(out, enabled)
      progress.call()
      progress.account(1, 1)
      progress.stop()
      expect(out.written).toEqual([])
      expect(progress.active).toBe(false)
    }
  })

  it('fits a narrow terminal', () => {
    const out = stream(true, 30)
    const progress = new CollectProgress(out, true)
    progress.account(3, 10)
    expect(out.written.at(-1)!.replace('\r', '').replace('\x1b[K', '').length).toBeLessThanOrEqual(29)
  })
})
