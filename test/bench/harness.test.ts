import { describe, expect, it } from 'vitest'
import { PassTimer } from '../../bench/lib/stats.js'
import { sampleCpu, sharedBetween, sharedWarning } from '../../bench/lib/machine-share.js'
import { parseArgs } from '../../bench/run.js'

describe('PassTimer', () => {
  const busy = (ms: number) => {
    const until = performance.now() + ms
    while (performance.now() < until);
  }

  it('times the first pass alone and reports each round as ms per pass', async () => {
    let calls = 0
    const timer = new PassTimer({ warmupMs: 0, minRoundMs: 0 }, () => {
      calls++
      busy(calls === 1 ? 5 : 1)
    })
    await timer.start()
    await timer.round()
    await timer.round()
    const result = timer.result()
    // minRoundMs 0: one pass a round, after the cold one.
    expect(calls).toBe(3)
    expect(result.passes).toBe(3)
    expect(result.firstMs).toBeGreaterThanOrEqual(5)
    expect(result.perPassMs).toHaveLength(2)
    expect(result.cpuPerPassMs).toHaveLength(2)
    for (const ms of result.perPassMs) expect(ms).toBeGreaterThanOrEqual(1)
  })

  it('repeats passes until a round has lasted its minimum, and divides by them', async () => {
    let calls = 0
    const timer = new PassTimer({ warmupMs: 0, minRoundMs: 20 }, () => {
      calls++
    })
    await timer.start()
    await timer.round()
    const result = timer.result()
    // The round ran passes until 20 ms had gone by, and reports their mean.
    const inRound = calls - 1
    expect(inRound).toBeGreaterThanOrEqual(1)
    expect(result.perPassMs[0]! * inRound).toBeGreaterThanOrEqual(20 - 1e-9)
  })
})

describe('shared processors', () => {
  const sample = (busy: number, steal: number, total: number, own: number) => ({ busy, steal, total, own })

  it('counts, in cores, the busy time that was not the bench’s own', () => {
    // 2 cores, 1,000 ticks in all: 700 busy, of which 500 the bench's own → others used 0.4 cores.
    const shared = sharedBetween(sample(0, 0, 0, 0), sample(700, 0, 1000, 500), 2)
    expect(shared.otherCores).toBeCloseTo(0.4)
    expect(sharedWarning(shared)).toMatch(/^WARNING: the processors were shared during the run \(other work used 0\.40 cores/)
  })

  it('stays quiet when the bench had the machine to itself, and warns on steal', () => {
    expect(sharedWarning(sharedBetween(sample(0, 0, 0, 0), sample(520, 0, 1000, 500), 2))).toBeNull()
    expect(sharedWarning(sharedBetween(sample(0, 0, 0, 0), sample(500, 100, 1000, 500), 2))).toMatch(/the host took 10 % as steal/)
    expect(sharedWarning(null)).toBeNull()
  })

  it('reads this machine where /proc exists', () => {
    const now = sampleCpu()
    if (now === null) return
    expect(now.total).toBeGreaterThan(0)
    expect(now.own).toBeGreaterThanOrEqual(0)
  })
})

describe('parseArgs', () => {
  it('reads --only and --rounds', () => {
    expect(parseArgs(['--only', 'engine', '--rounds', '7']).rounds).toBe(7)
    expect(parseArgs(['--only', 'engine']).only).toEqual(['engine'])
  })
})
