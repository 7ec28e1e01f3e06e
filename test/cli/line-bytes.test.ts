import { describe, expect, it } from 'vitest'
import { LineBytes } from '../../src/cli/line-bytes.js'

describe('LineBytes', () => {
  it('gives the UTF-8 of the pieces appended, growing past its first size, and starts afresh after take', () => {
    const bytes = new LineBytes(16)
    const pieces = ['{"a":"plain ASCII"', ',"w":"Deny — 日本語 😀"}', '\n', 'x'.repeat(100)]
    for (const p of pieces) bytes.append(p)
    const taken = bytes.take()
    expect(Buffer.from(taken).toString('utf8')).toBe(pieces.join(''))
    expect(taken.length).toBe(Buffer.byteLength(pieces.join('')))
    expect(bytes.length).toBe(0)
    bytes.append('next')
    expect(Buffer.from(bytes.take()).toString('utf8')).toBe('next')
  })

  it('hands out buffers of their own, which another thread can be given', () => {
    const bytes = new LineBytes(64)
    bytes.append('one')
    const first = bytes.take()
    bytes.append('two')
    const second = bytes.take()
    expect(first.buffer).not.toBe(second.buffer)
    expect(Buffer.from(structuredClone(first, { transfer: [first.buffer] })).toString('utf8')).toBe('one')
  })
})
