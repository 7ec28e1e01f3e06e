/**
 * Streaming `evaluate`: JSON Lines read a chunk at a time (lines and UTF-8 characters split
 * across chunks), entries in input order, the input pulled only as cases are taken, bad lines
 * as error entries that do not stop the others, verdict lines written in order through a
 * stream that asks to wait, and the exit status the worst of all.
 */
import { PassThrough, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { caseEntries } from '../../src/cli/case-documents.js'
import { caseLine, caseLineBytes, parseJsonFast, PoliciesByText, policiesSpan } from '../../src/cli/case-line.js'
import { streamCaseEntries } from '../../src/cli/case-stream.js'
import { BlockWriter, evaluateJsonLines } from '../../src/cli/evaluate-batch.js'

const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] }
const kase = (name: string, doc: object) => ({
  request: { principal: `arn:aws:iam::111122223333:user/${name}`, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
  resourceAccount: '111122223333',
  policies: { identity: [doc] },
})

/** Chunks of `text` cut every `size` bytes (so lines and multi-byte characters are split), counting how many were pulled. */
function chunked(text: string, size: number) {
  const bytes = Buffer.from(text, 'utf8')
  const source = { pulled: 0, async *[Symbol.asyncIterator]() {
    for (let i = 0; i < bytes.length; i += size) {
      source.pulled++
      yield bytes.subarray(i, i + size)
    }
  } }
  return source
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('streamCaseEntries', () => {
  it('gives the JSON Lines cases in order, whatever the chunk boundaries', async () => {
    const lines = ['é', 'b', 'c', 'd'].map((n) => JSON.stringify(kase(n, allow)))
    for (const size of [1, 7, 64, 100_000]) {
      const entries = await collect(streamCaseEntries(chunked(`${lines.join('\r\n')}\n`, size), 'cases.jsonl'))
      expect(entries.map((e) => e.label)).toEqual([1, 2, 3, 4].map((n) => `cases.jsonl line ${n}`))
      expect(entries.map((e) => ('value' in e ? (e.value as ReturnType<typeof kase>).request.principal.split('/')[1] : e.error))).toEqual(['é', 'b', 'c', 'd'])
    }
  })

  it('pulls the input only as cases are taken (memory holds a chunk and a line, not the file)', async () => {
    const text = Array.from({ length: 200 }, (_, i) => JSON.stringify(kase(`u${i}`, allow))).join('\n')
    const source = chunked(text, 256)
    const total = Math.ceil(Buffer.byteLength(text) / 256)
    const iterator = streamCaseEntries(source, 'big.jsonl')[Symbol.asyncIterator]()
    await iterator.next()
    await iterator.next()
    await iterator.next()
    expect(source.pulled).toBeLessThan(10)
    expect(total).toBeGreaterThan(100)
  })

  it('reads an array, a pretty-printed case and a lone line whole, as caseEntries does', async () => {
    for (const text of [JSON.stringify([kase('a', allow), kase('b', deny)], null, 2), JSON.stringify(kase('a', allow), null, 2), JSON.stringify(kase('a', allow)), '\n\n{"request": 1}\n']) {
      expect(await collect(streamCaseEntries(chunked(text, 5), 'f.json'))).toEqual(caseEntries(text, 'f.json'))
    }
  })

  it('reads a document and a line far longer than a chunk, whole and in order', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => kase(`u${i}`, i % 2 ? allow : deny))
    const array = JSON.stringify(many, null, 2)
    expect(await collect(streamCaseEntries(chunked(array, 1024), 'big.json'))).toEqual(caseEntries(array, 'big.json'))
    // JSON Lines whose second case is 150 KB on one line (a long list of resources), read in 1 KB chunks.
    const long = { ...kase('long', allow), request: { ...kase('long', allow).request, resource: Array.from({ length: 5000 }, (_, i) => `arn:aws:s3:::b/key-${i}`) } }
    const lines = [kase('a', allow), long, kase('c', deny)].map((c) => JSON.stringify(c))
    const entries = await collect(streamCaseEntries(chunked(lines.join('\n'), 1024), 'long.jsonl'))
    expect(entries.map((e) => ('value' in e ? e.value : e.error))).toEqual(lines.map((l) => JSON.parse(l)))
  })

  it('turns a line that is not valid JSON into an error entry and goes on', async () => {
    const text = [JSON.stringify(kase('a', allow)), '{"request": oops}', '{"a": 1, "a": 2}', JSON.stringify(kase('d', deny))].join('\n')
    const entries = await collect(streamCaseEntries(chunked(text, 16), 'x.jsonl'))
    expect(entries.map((e) => ('error' in e ? 'error' : 'case'))).toEqual(['case', 'error', 'error', 'case'])
    expect('error' in entries[1]! && entries[1].error).toMatch(/x\.jsonl line 2 is not valid JSON at line 1, column/)
    expect('error' in entries[2]! && entries[2].error).toMatch(/appears twice/)
  })
})

describe('parseJsonFast', () => {
  it('is JSON.parse unless a key repeats (then readJsonText decides) or the text is not JSON', () => {
    expect(parseJsonFast('{"a": {"b": [1, {"c:": "x:y"}]}, "d": "\\":"}')).toEqual({ a: { b: [1, { 'c:': 'x:y' }] }, d: '":' })
    expect(parseJsonFast('{"a": {"b": 1, "b": 2}}')).toBeUndefined()
    expect(parseJsonFast('{"a": 1,}')).toBeUndefined()
    // Colons inside strings, with and without escapes in the text.
    expect(parseJsonFast('{"a:b": "c:d:e", "f": ["g:"]}')).toEqual({ 'a:b': 'c:d:e', f: ['g:'] })
    expect(parseJsonFast('{"a:b": "c:d", "a:b": "e"}')).toBeUndefined()
    expect(parseJsonFast('{"a": "x", "a": "y:z"}')).toBeUndefined()
    expect(parseJsonFast('{"a": "\\u003a", "b": "\\":"}')).toEqual({ a: ':', b: '":' })
    expect(parseJsonFast('{"a": "\\u003a", "a": "q"}')).toBeUndefined()
    expect(caseLine('{"a": {"b": 1, "b": 2}}', 'l')).toMatchObject({ error: expect.stringMatching(/appears twice/) })
  })
})

/** A stream that holds what it is given and asks the writer to wait after every write. */
function slowSink() {
  const chunks: string[] = []
  let waits = 0
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString())
      setTimeout(done, 1)
    },
  })
  const write = sink.write.bind(sink)
  sink.write = ((chunk: string) => {
    const ok = write(chunk)
    if (!ok) waits++
    return ok
  }) as typeof sink.write
  return { sink, text: () => chunks.join(''), waits: () => waits }
}

describe('evaluateJsonLines', () => {
  it('writes one verdict line per case in input order, an error line for a bad case, through backpressure; the status is the worst', async () => {
    const cases = Array.from({ length: 30 }, (_, i) => JSON.stringify(kase(`u${i}`, i % 3 === 2 ? deny : allow)))
    cases.splice(5, 0, '{"request": {"action": "s3:GetObject"}, "policies": {}}')
    const { sink, text, waits } = slowSink()
    const errors: string[] = []
    const status = await evaluateJsonLines(streamCaseEntries(chunked(cases.join('\n'), 50), 'c.jsonl'), new BlockWriter(sink, 100), (l) => errors.push(l), false)
    const out = text().trim().split('\n').map((l) => JSON.parse(l) as { decision?: string; request?: { principal: string }; error?: string })
    expect(out).toHaveLength(31)
    expect(out[5]!.error).toMatch(/c\.jsonl line 6: request\.principal is missing/)
    expect(errors).toEqual([`denydoctor: ${out[5]!.error}\n`])
    const verdicts = out.filter((o) => !o.error)
    expect(verdicts.map((v) => v.request!.principal.split('/')[1])).toEqual(Array.from({ length: 30 }, (_, i) => `u${i}`))
    expect(verdicts.map((v) => v.decision)).toEqual(Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? 'ExplicitDeny' : 'Allowed')))
    expect(waits()).toBeGreaterThan(0)
    expect(status).toBe(1)
  })

  it('prints a lone case indented, and gives its status', async () => {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    const status = await evaluateJsonLines(streamCaseEntries(chunked(JSON.stringify(kase('a', deny)), 9), 'one.json'), new BlockWriter(out), () => {}, false)
    const text = Buffer.concat(chunks).toString()
    expect(text.startsWith('{\n  "decision": "ExplicitDeny"')).toBe(true)
    expect(status).toBe(3)
  })
})

describe('policiesSpan and PoliciesByText', () => {
  it('finds the top-level "policies" value, not a nested one or one inside a string', () => {
    const line = '{"request": {"policies": 1, "x": "\\"policies\\": 2"}, "policies" : {"identity": [{"a": "}"}]}, "z": 3}'
    const span = policiesSpan(line)!
    expect(line.slice(span[0], span[1]).trim()).toBe('{"identity": [{"a": "}"}]}')
    expect(policiesSpan('{"request": {"policies": 1}}')).toBeNull()
    const last = '{"request": {}, "policies": {"identity": []}}'
    const [s, e] = policiesSpan(last)!
    expect(last.slice(s, e).trim()).toBe('{"identity": []}')
  })

  it('shares one policies object between lines of the same policies text, and gives the same case as JSON.parse', () => {
    const shared = new PoliciesByText()
    const a = JSON.stringify(kase('a', allow))
    const b = JSON.stringify(kase('b', allow))
    const first = shared.caseOf(a) as ReturnType<typeof kase>
    const second = shared.caseOf(b) as ReturnType<typeof kase>
    expect(first).toEqual(JSON.parse(a))
    expect(second).toEqual(JSON.parse(b))
    expect(second.policies).toBe(first.policies)
    // Policies not last, or "policies" inside a string first: still the case JSON.parse gives.
    for (const text of ['{"policies": {"identity": []}, "request": {"x": "}"}}', '{"request": {"note": "\\"policies\\": {"}, "policies": {"identity": []}}']) {
      expect(shared.caseOf(text)).toEqual(JSON.parse(text))
    }
    // A repeated key is left to the full reading, which refuses it.
    expect(shared.caseOf('{"policies": {}, "request": {}, "policies": {}}')).toBeUndefined()
    expect(caseLine('{"policies": {}, "request": {}, "policies": {}}', 'l', shared)).toMatchObject({ error: expect.stringMatching(/appears twice/) })
  })

  it('reads a line from its bytes as from its text: "policies" nested, inside a key, after a backslash, repeated, not last', () => {
    const lines = [
      JSON.stringify(kase('a', allow)),
      JSON.stringify(kase('é', deny)),
      '{"request": {"policies": 1}, "policies": {"identity": []}}',
      '{"request": {"x": {"policies": {"identity": []}}}, "policies": {"identity": [1]}}',
      '{"request": {}, "x\\"policies": {"identity": []}}',
      '{"request": {"a": "x\\\\"},"policies":{"identity": []}}',
      '{"request": {"a:b": "c:d", "a:b": "e"}, "policies": {"identity": []}}',
      '{"request": {"a": "x\\u003a"}, "policies": {"identity": []}}',
      '{"request": {"a": "\\"b\\":c"}, "policies": {"identity": []}}',
      '{"policies": {"identity": []}, "request": {"note": "}"}}',
      '{"request": {}, "policies" : {"identity": [], "identity": []} }',
      '{"request": {}, "policies": {"identity": []}} trailing',
      '  {"request": {}, "policies":\t{"identity": []}}  ',
    ]
    for (const text of lines) {
      const bytesShared = new PoliciesByText()
      const textShared = new PoliciesByText()
      // Read twice: the second finds the policies kept by the first.
      for (let i = 0; i < 2; i++) {
        const fromBytes = caseLineBytes(Buffer.from(text, 'utf8'), 'l', bytesShared)
        expect(fromBytes, text).toEqual(caseLine(text, 'l', textShared))
        if ('value' in fromBytes) expect(fromBytes.value, text).toEqual(JSON.parse(text))
      }
    }
  })
})
