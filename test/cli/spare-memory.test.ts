/** Spare memory of the multi-threaded evaluate --json: handed out again only when large enough, a bounded number kept. */
import { describe, expect, it } from 'vitest'
import { ownSpares, sharedSpares, SpareBuffers } from '../../src/cli/spare-memory.js'

describe('SpareBuffers', () => {
  it('hands out a spare buffer that is large enough, else a new one with room to spare', () => {
    const spares = ownSpares()
    const first = spares.take(1000)
    expect(first.byteLength).toBeGreaterThanOrEqual(1000)
    spares.give(first)
    expect(spares.take(1050)).toBe(first) // the room to spare fits a slightly larger block
    spares.give(first)
    const larger = spares.take(first.byteLength + 1)
    expect(larger).not.toBe(first)
    expect(spares.take(10)).toBe(first)
    expect(sharedSpares().take(16)).toBeInstanceOf(SharedArrayBuffer)
  })

  it('keeps at most eight, letting the oldest go', () => {
    let made = 0
    const spares = new SpareBuffers((n) => (made++, new ArrayBuffer(n)))
    const all = Array.from({ length: 10 }, () => spares.take(8))
    for (const b of all) spares.give(b)
    const again = Array.from({ length: 8 }, () => spares.take(8))
    expect(new Set(again)).toEqual(new Set(all.slice(2)))
    expect(made).toBe(10)
    spares.take(8)
    expect(made).toBe(11)
  })
})
