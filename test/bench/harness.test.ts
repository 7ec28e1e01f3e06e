import { describe, expect, it } from 'vitest'
import { PassTimer } from '../../bench/lib/stats.js'
import { busyMachine, parseArgs } from '../../bench/run.js'

describe('PassTimer', () => {
  it('times the first pass alone, then rounds of repeated passes, as ms per pass', async () => {
    let calls = 0
    const timer = new PassTimer({ warmupMs: 0, minRoundMs: 5 }, () => {
      calls++
      const until = performance.now() + 1
      while (performance.now() < until);
    })
    await timer.start()
    await timer.round()
    await timer.round()
    const result = timer.result()
    expect(result.passes).toBe(calls)
    expect(result.perPassMs).toHaveLength(2)
    expect(result.cpuPerPassMs).toHaveLength(2)
    // A round of at least 5 ms of 1-ms passes runs several passes and reports one pass's time.
    expect(calls).toBeGreaterThanOrEqual(1 + 2 * 5)
    for (const ms of result.perPassMs) expect(ms).toBeGreaterThanOrEqual(1)
    expect(result.firstMs).toBeGreaterThanOrEqual(1)
  })
})

describe('busyMachine', () => {
  it('warns only when the load average exceeds the cores (the bench itself counts for one)', () => {
    expect(busyMachine(0.9, 1.6, 2)).toBeNull()
    expect(busyMachine(2.5, 1.2, 2)).toMatch(/^WARNING: the machine was busy \(load average 2\.5 on 2 cores/)
  })
})

describe('parseArgs', () => {
  it('reads --only and --rounds', () => {
    expect(parseArgs(['--only', 'engine', '--rounds', '7']).rounds).toBe(7)
    expect(parseArgs(['--only', 'engine']).only).toEqual(['engine'])
  })
})
