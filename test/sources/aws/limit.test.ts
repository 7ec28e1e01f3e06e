import { describe, expect, it } from 'vitest'
import { createLimit, OnceCache } from '../../../src/sources/aws/limit.js'
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
