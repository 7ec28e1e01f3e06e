import { once } from 'node:events'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { BlockWriter } from '../../src/cli/evaluate-batch.js'
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

  it('ends a line with one byte, also when the buffer is full to its last byte', () => {
    // Two characters of three UTF-8 bytes each fill a buffer of six exactly.
    const bytes = new LineBytes(6)
    bytes.append('日本')
    expect(bytes.length).toBe(6)
    bytes.newline()
    bytes.append('abc')
    bytes.newline()
    expect(Buffer.from(bytes.take()).toString('utf8')).toBe('日本\nabc\n')
  })

  it('hands out buffers of their own, which another thread can be given', () => {
    const bytes = new LineBytes(64)
    bytes.append('one')
    const first = bytes.take()
    bytes.append('two')
    const second = bytes.take()
    expect(first.buffer).not.toBe(second.buffer)
    expect(Buffer.from(structuredClone(first, { transfer: [first.buffer as ArrayBuffer] })).toString('utf8')).toBe('one')
  })
})

describe('BlockWriter writing from one buffer', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `{"n":${i},"text":"${'x'.repeat(i % 37)} — ${i}"}\n`)

  /** The lines through a BlockWriter of 256-byte blocks into a stream whose writes are `write`; resolves once it has finished. */
  async function through(write: (chunk: Buffer, done: () => void) => void): Promise<void> {
    const sink = new Writable({ highWaterMark: 1 << 20, write: (chunk: Buffer, _encoding, done) => write(chunk, () => done()) })
    const out = new BlockWriter(sink, 256, true)
    for (const line of lines) await out.write(line)
    await out.flush()
    sink.end()
    await once(sink, 'finish')
  }

  it('gives every line once and whole, whether the stream copies at once or keeps the bytes to write later', async () => {
    const copies: Buffer[] = []
    await through((chunk, done) => {
      copies.push(Buffer.from(chunk))
      done()
    })
    expect(Buffer.concat(copies).toString('utf8')).toBe(lines.join(''))
    // Kept as given and written a turn later: the writer must not write over them meanwhile.
    const held: Buffer[] = []
    await through((chunk, done) => {
      held.push(chunk)
      setImmediate(done)
    })
    expect(Buffer.concat(held).toString('utf8')).toBe(lines.join(''))
  })
})
