import { caseEntries, type CaseEntry } from './case-documents.js'
import { caseLine, caseLineBytes, isBlankLine, PoliciesByText } from './case-line.js'
import { decodeText } from './read-input.js'

/**
 * Whole JSON Lines lines of the input as UTF-8 (each line ended by `\n` but maybe the last),
 * in a buffer of their own, and the number of the first line.
 */
export interface LineBlock {
  readonly bytes: Uint8Array
  readonly firstLine: number
}

/** A LineBlock is cut at the last line end once this many bytes are read. */
const BLOCK_BYTES = 192 * 1024

const EMPTY = Buffer.alloc(0)

/**
 * Case-file entries read from a stream, one JSON Lines case at a time: the input is pulled a
 * chunk at a time (the stream waits while a case is evaluated), so memory holds one chunk and
 * one line whatever the input's size. A JSON array or a single case (pretty-printed or not) is
 * read whole, as before: caseEntries decides.
 *
 * JSON Lines is recognised as caseEntries does: the first line that is not blank is a whole
 * JSON object (`{…}`) and another such line follows. After that, each line is one case; a line
 * that is not valid JSON becomes an error entry and does not stop the others.
 */
export function streamCaseEntries(input: AsyncIterable<Buffer | string>, name: string): AsyncGenerator<CaseEntry> {
  return new CaseStream(input, name).entries()
}

/**
 * The reading behind streamCaseEntries, kept on an object so that a reader of JSON Lines can
 * stop taking entries one at a time and take the rest of the input as blocks of lines
 * (lineBlocks), for worker threads to read (evaluate-parallel.ts).
 *
 * The input stays UTF-8 bytes: lines are cut at their `\n` byte (which no longer character
 * holds), and a line becomes text only as far as its reading needs (caseLineBytes). Decoding
 * every line whole cost as much as reading its request, and the blocks handed to worker
 * threads are bytes that the main thread never decodes.
 */
export class CaseStream {
  private readonly chunks: AsyncIterator<Buffer | string>
  /** Input read and not yet taken: `pending` from `start`. */
  private pending: Buffer = EMPTY
  private start = 0
  private pulledAny = false
  private done = false
  private lineNumber = 0
  /** Whether the input was recognised as JSON Lines (known once the first entry is taken). */
  jsonLines = false

  constructor(
    input: AsyncIterable<Buffer | string>,
    readonly name: string,
  ) {
    this.chunks = input[Symbol.asyncIterator]()
  }

  private get available(): number {
    return this.pending.length - this.start
  }

  private async pull(): Promise<boolean> {
    if (this.done) return false
    const next = await this.chunks.next()
    if (next.done) {
      this.done = true
      return false
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value
    // UTF-16 (a Windows `>` redirect): decodeText reads it, but only whole; its lines are then read as UTF-8.
    if (!this.pulledAny && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      const rest: Buffer[] = [chunk]
      for (let r = await this.chunks.next(); !r.done; r = await this.chunks.next()) rest.push(Buffer.from(r.value))
      this.done = true
      this.pending = Buffer.from(decodeText(Buffer.concat(rest)), 'utf8')
      this.start = 0
      return false
    }
    this.pulledAny = true
    // What is left of the last chunk is at most a line: copied once, with the new chunk after it.
    this.pending = this.available === 0 ? chunk : Buffer.concat([this.pending.subarray(this.start), chunk])
    this.start = 0
    return true
  }

  /** The next line's bytes (without its end, and a view of the input: read it before the next), or null at the end of the input. */
  private async nextLine(): Promise<Buffer | null> {
    for (;;) {
      const end = this.pending.indexOf(0x0a, this.start)
      if (end >= 0) {
        const line = this.pending.subarray(this.start, end)
        this.start = end + 1
        this.lineNumber++
        return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line
      }
      if (!(await this.pull())) {
        if (this.available === 0) return null
        const line = this.pending.subarray(this.start)
        this.start = this.pending.length
        this.lineNumber++
        return line
      }
    }
  }

  private async *wholeFrom(head: string): AsyncGenerator<CaseEntry> {
    while (await this.pull());
    const text = head + this.pending.toString('utf8', this.start)
    this.pending = EMPTY
    this.start = 0
    yield* caseEntries(text, this.name)
  }

  /** The next line that is not blank, as text (null at the end), and the blank lines passed over. */
  private async nextNonBlank(): Promise<{ line: string | null; blanks: string }> {
    let blanks = ''
    let line = (await this.nextLine())?.toString('utf8') ?? null
    while (line !== null && line.trim() === '') {
      blanks += `${line}\n`
      line = (await this.nextLine())?.toString('utf8') ?? null
    }
    return { line, blanks }
  }

  /** The entries, in input order. A reader may stop taking them and go on with lineBlocks (JSON Lines only). */
  async *entries(): AsyncGenerator<CaseEntry> {
    const isCaseLine = (line: string) => {
      const t = line.trim()
      return t.startsWith('{') && t.endsWith('}')
    }
    // The first two lines that are not blank decide the format.
    const { line: first, blanks: skipped } = await this.nextNonBlank()
    if (first === null || !isCaseLine(first)) {
      yield* this.wholeFrom(first === null ? skipped : `${skipped}${first}\n`)
      return
    }
    const firstNumber = this.lineNumber
    const { line: second, blanks: between } = await this.nextNonBlank()
    if (second === null || !isCaseLine(second)) {
      yield* this.wholeFrom(`${skipped}${first}\n${between}${second === null ? '' : `${second}\n`}`)
      return
    }
    this.jsonLines = true
    const shared = new PoliciesByText()
    yield caseLine(first, `${this.name} line ${firstNumber}`, shared)
    yield caseLine(second, `${this.name} line ${this.lineNumber}`, shared)
    for (let line = await this.nextLine(); line !== null; line = await this.nextLine()) {
      if (isBlankLine(line)) continue
      yield caseLineBytes(line, `${this.name} line ${this.lineNumber}`, shared)
    }
  }

  /**
   * The rest of a JSON Lines input, after the entries taken, as blocks of whole lines (about
   * BLOCK_BYTES each), pulled as they are asked for. Read a block with blockEntries.
   */
  async *lineBlocks(blockBytes = BLOCK_BYTES): AsyncGenerator<LineBlock> {
    if (!this.jsonLines) throw new Error('lineBlocks: the input is not JSON Lines')
    for (;;) {
      const cut = this.available >= blockBytes ? this.pending.lastIndexOf(0x0a) : -1
      if (cut >= this.start) {
        yield this.cut(cut + 1)
        continue
      }
      if (await this.pull()) continue
      // The end: what is left, whether or not its last line has an end.
      if (this.available > 0) yield this.cut(this.pending.length)
      return
    }
  }

  /** The bytes up to `end` as a block, copied into a buffer of their own (a worker is sent the block, not the chunk it came from). */
  private cut(end: number): LineBlock {
    const bytes = Buffer.allocUnsafeSlow(end - this.start)
    this.pending.copy(bytes, 0, this.start, end)
    this.start = end
    if (this.available === 0) {
      this.pending = EMPTY
      this.start = 0
    }
    const firstLine = this.lineNumber + 1
    let lines = bytes[bytes.length - 1] === 0x0a ? 0 : 1
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++
    this.lineNumber += lines
    return { bytes, firstLine }
  }
}

/**
 * The entries of a LineBlock, as CaseStream.entries gives them: blank lines skipped but
 * counted, `\r` taken off a line's end, each labelled with its line number.
 */
export function* blockEntries(block: LineBlock, name: string, shared: PoliciesByText): Generator<CaseEntry> {
  // A block sent to another thread arrives as a plain Uint8Array: a Buffer over the same bytes.
  const bytes = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.length)
  let number = block.firstLine
  let start = 0
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start)
    let line = end < 0 ? bytes.subarray(start) : bytes.subarray(start, end)
    if (end >= 0 && line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, -1)
    if (!isBlankLine(line)) yield caseLineBytes(line, `${name} line ${number}`, shared)
    number++
    start = end < 0 ? bytes.length : end + 1
  }
}
