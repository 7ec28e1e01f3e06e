/**
 * `evaluate --json` on several cores: the rest of a JSON Lines input, after the first cases,
 * cut into blocks of lines that worker threads evaluate; the output must be the one-thread
 * output byte for byte (verdict lines in input order, error lines with their line numbers on
 * standard error in the same order) and the status the same.
 */
import { PassThrough, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { PoliciesByText } from '../../src/cli/case-line.js'
import { blockEntries, CaseStream } from '../../src/cli/case-stream.js'
import { BlockWriter, evaluateJsonLines } from '../../src/cli/evaluate-batch.js'
import { defaultJobs, evaluateBlocks } from '../../src/cli/evaluate-parallel.js'

const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/secret*' }, { Effect: 'Allow', Action: 's3:*', Resource: '*' }] }
const kase = (name: string, key: string, doc: object) => ({
  request: { principal: `arn:aws:iam::111122223333:user/${name}`, action: 's3:GetObject', resource: `arn:aws:s3:::b/${key}` },
  resourceAccount: '111122223333',
  policies: { identity: [doc] },
})

/** 120 lines: cases of two policy sets, blank lines, CRLF ends, a bad line, a case that cannot be evaluated, a non-ASCII name; no end on the last line. */
function input(): string {
  const lines: string[] = []
  for (let i = 0; i < 120; i++) {
    if (i % 17 === 5) lines.push('')
    else if (i === 40) lines.push('{"request": oops}')
    else if (i === 77) lines.push('{"request": {"action": "s3:GetObject"}, "policies": {}}')
    else lines.push(JSON.stringify(kase(i === 90 ? 'é-ü' : `u${i}`, i % 3 === 0 ? 'secret.txt' : 'open.txt', i % 2 === 0 ? deny : allow)))
  }
  return lines.map((l, i) => (i % 11 === 3 ? `${l}\r` : l)).join('\n')
}

function chunked(text: string, size: number): AsyncIterable<Buffer> {
  const bytes = Buffer.from(text, 'utf8')
  return (async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
  })()
}

/**
 * A stream that copies what it is given at once, as standard output to a file does: the
 * writer then uses the memory of what it wrote again (BlockWriter's copiesAtOnce), so a block
 * whose memory came back too early would show in the output.
 */
function copyingSink(chunks: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
}

async function run(jobs: number, workersOnly: boolean, copying = false) {
  const stream = new CaseStream(chunked(input(), 333), 'c.jsonl')
  const chunks: Buffer[] = []
  const sink = copying ? copyingSink(chunks) : new PassThrough().on('data', (c: Buffer) => chunks.push(c))
  const errors: string[] = []
  const err = (l: string) => errors.push(l)
  const out = new BlockWriter(sink, 500, copying)
  const setup = { name: 'c.jsonl', assumeAbsent: false }
  const rest = () => (stream.jsonLines ? evaluateBlocks(stream, jobs, setup, out, err, { workersOnly, blockBytes: 900 }) : null)
  const status = await evaluateJsonLines(stream.entries(), out, err, false, { jobs, after: 4, rest })
  return { text: Buffer.concat(chunks).toString('utf8'), errors, status }
}

describe('evaluate --json on several threads', () => {
  it('writes what one thread writes, byte for byte: lines, their order, error lines and status', async () => {
    const one = await run(1, false)
    const lines = one.text.trimEnd().split('\n')
    expect(lines).toHaveLength(120 - 7)
    expect(one.errors).toHaveLength(2)
    expect(one.errors[0]).toMatch(/c\.jsonl line 41 is not valid JSON/)
    expect(one.errors[1]).toMatch(/c\.jsonl line 78: request\.principal is missing/)
    expect(one.status).toBe(1)
    for (const [workersOnly, copying] of [[true, false], [false, false], [true, true], [false, true]] as const) {
      const two = await run(2, workersOnly, copying)
      expect(two.text).toBe(one.text)
      expect(two.errors).toEqual(one.errors)
      expect(two.status).toBe(one.status)
    }
  }, 60_000)
})

describe('CaseStream.lineBlocks and blockEntries', () => {
  it('give the same entries, labels and line numbers as reading one line at a time', async () => {
    const all: unknown[] = []
    for await (const e of new CaseStream(chunked(input(), 97), 'c.jsonl').entries()) all.push(e)
    const stream = new CaseStream(chunked(input(), 97), 'c.jsonl')
    const got: unknown[] = []
    const entries = stream.entries()
    for (let i = 0; i < 3; i++) got.push((await entries.next()).value)
    const shared = new PoliciesByText()
    for await (const block of stream.lineBlocks(700)) got.push(...blockEntries(block, 'c.jsonl', shared))
    expect(got).toEqual(all)
  })
})

describe('defaultJobs', () => {
  it('is the cores other processes left free meanwhile, at least one, at most the cores available', () => {
    // Two cores over 500 ms (1,000 core-ms); `own`: this process's time, all its threads.
    const at = (idle: number, total: number, own: number) => ({ idle, total, cores: 2, own })
    const start = at(0, 0, 0)
    expect(defaultJobs(start, at(500, 1000, 500), 2)).toBe(2) // this thread busy, the other core idle
    expect(defaultJobs(start, at(50, 1000, 500), 2)).toBe(1) // other work on the other core
    expect(defaultJobs(start, at(200, 1000, 800), 2)).toBe(2) // V8's own compiler threads busy too: still this process's
    expect(defaultJobs(start, at(1000, 1000, 0), 2)).toBe(2)
    expect(defaultJobs(start, at(0, 0, 0), 2)).toBe(1)
    expect(defaultJobs(start, at(100, 1000, 300), 2)).toBe(1) // 0.6 of a core taken by others
    expect(defaultJobs({ idle: 0, total: 0, cores: 8, own: 0 }, { idle: 600, total: 800, cores: 8, own: 100 }, 8)).toBe(7)
    expect(defaultJobs({ idle: 0, total: 0, cores: 8, own: 0 }, { idle: 600, total: 800, cores: 8, own: 100 }, 4)).toBe(4)
  })
})
