import { describe, expect, it } from 'vitest'
import { createLimit, createServiceLimits, OnceCache } from '../../../src/sources/aws/limit.js'
import { delay } from './helpers.js'

describe('createLimit', () => {
  it('runs at most N tasks at once and all of them in the end', async () => {
    const limit = createLimit(3)
    let running = 0
    let peak = 0
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limit(async () => {
          running++
          peak = Math.max(peak, running)
          await delay(5)
          running--
          return i
        }),
      ),
    )
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(peak).toBe(3)
  })

  it('frees the slot of a task that fails', async () => {
    const limit = createLimit(1)
    await expect(limit(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(limit(async () => 'next')).resolves.toBe('next')
  })

  it('refuses a size that is not a positive integer', () => {
    expect(() => createLimit(0)).toThrow(RangeError)
    expect(() => createLimit(1.5)).toThrow(RangeError)
  })
})

describe('createServiceLimits', () => {
  it('runs at most N tasks at once per service, so one service\'s burst does not hold back another\'s reads', async () => {
    const limit = createServiceLimits(2)
    const running: Record<string, number> = {}
    const peak: Record<string, number> = {}
    let peakAll = 0
    const task = (service: string) =>
      limit(async () => {
        running[service] = (running[service] ?? 0) + 1
        peak[service] = Math.max(peak[service] ?? 0, running[service])
        peakAll = Math.max(peakAll, Object.values(running).reduce((a, b) => a + b, 0))
        await delay(5)
        running[service]--
        return service
      }, service)
    const order = await Promise.all([...Array.from({ length: 6 }, () => task('iam')), task('organizations'), task('organizations')])
    expect(order.filter((s) => s === 'iam')).toHaveLength(6)
    expect(peak).toEqual({ iam: 2, organizations: 2 })
    expect(peakAll).toBe(4)
  })

  it('refuses a size that is not a positive integer at once', () => {
    expect(() => createServiceLimits(0)).toThrow(RangeError)
  })
})

describe('OnceCache', () => {
  it('starts the work once and shares the pending promise', async () => {
    const cache = new OnceCache<number>()
    let started = 0
    const start = async (): Promise<number> => {
      started++
      await delay(5)
      return 42
    }
    const answers = await Promise.all([cache.get('k', start), cache.get('k', start), cache.get('k', start)])
    expect(answers).toEqual([42, 42, 42])
    expect(started).toBe(1)
  })

  it('keeps a failure too, so a failed call is not asked again', async () => {
    const cache = new OnceCache<number>()
    let started = 0
    const failing = async (): Promise<number> => {
      started++
      throw new Error('denied')
    }
    await expect(cache.get('k', failing)).rejects.toThrow('denied')
    await expect(cache.get('k', failing)).rejects.toThrow('denied')
    expect(started).toBe(1)
  })
})
