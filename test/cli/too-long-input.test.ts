/**
 * Input longer than the runtime can hold as one text (buffer.constants.MAX_STRING_LENGTH
 * characters, about 512 MB): a JSON Lines line that long is that line's error, the other lines
 * are read; a whole document that long (or a first line that may be one) stops the reading
 * with a sentence naming the file and its size, in English and in Japanese. Before, both ended
 * in "unexpected failure: Cannot create a string longer than 0x1fffffe8 characters".
 */
import { constants } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { caseLineBytes, documentTooLong, lineTooLong, PoliciesByText } from '../../src/cli/case-line.js'
import { streamCaseEntries } from '../../src/cli/case-stream.js'
import { messages } from '../../src/i18n/index.js'

/** A little more than the runtime's longest text, in bytes of ASCII. */
const TOO_LONG = constants.MAX_STRING_LENGTH + (1 << 20)

/** Chunks of 4 MB over `bytes`, as a file stream gives them. */
async function* chunksOf(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += 1 << 22) yield bytes.subarray(i, i + (1 << 22))
}

async function entriesOf(bytes: Buffer): Promise<unknown[]> {
  const out: unknown[] = []
  for await (const entry of streamCaseEntries(chunksOf(bytes), 'big.json')) out.push(entry)
  return out
}

describe('input too long to be text', () => {
  it('a JSON Lines line: its own error entry, naming the file, the line and the size', () => {
    const line = Buffer.alloc(TOO_LONG, 0x61)
    line.write('{"x":"', 0)
    line.write('"}', TOO_LONG - 2)
    expect(caseLineBytes(line, 'big.jsonl line 3', new PoliciesByText())).toEqual({
      error: 'big.jsonl line 3 is 513 MB, more than a case line can hold (512 MB).',
      label: 'big.jsonl line 3',
    })
  }, 60_000)

  it('a whole document over many lines: the reading stops with what to do instead', async () => {
    // An array of blank lines: valid JSON, too long to read whole.
    const document = Buffer.alloc(TOO_LONG, 0x20)
    document.write('[\n', 0)
    for (let i = 1024; i < TOO_LONG; i += 1024) document[i] = 0x0a
    document.write('\n]', TOO_LONG - 2)
    await expect(entriesOf(document)).rejects.toMatchObject({
      name: 'UserError',
      message: 'big.json is 513 MB, more than one JSON document can be read whole (512 MB): give its cases as JSON Lines, one case per line.',
    })
  }, 60_000)

  it('a first line that long (a whole document on one line, or a first case): the same', async () => {
    const document = Buffer.alloc(TOO_LONG, 0x20)
    document.write('[', 0)
    document.write(']', TOO_LONG - 1)
    await expect(entriesOf(document)).rejects.toMatchObject({ name: 'UserError', message: documentTooLong('big.json', TOO_LONG) })
  }, 60_000)

  it('says both in Japanese', () => {
    const ja = messages('ja')
    expect(ja['cli.inputProblem'](lineTooLong('big.jsonl line 3', TOO_LONG))).toBe('big.jsonl line 3 は 513 MB あり、ケース 1 行として読める大きさ (512 MB) を超えています。')
    expect(ja['cli.inputProblem'](documentTooLong('big.json', TOO_LONG))).toBe(
      'big.json は 513 MB あり、1 つの JSON ドキュメントとして一度に読める大きさ (512 MB) を超えています。ケースを JSON Lines (1 行に 1 ケース) で渡してください。',
    )
  })
})
