import { caseEntries, type CaseEntry } from './case-documents.js'
import { caseLine, caseLineBytes, documentTooLong, isBlankLine, isTooLongForText, PoliciesByText } from './case-line.js'
import { decodeText } from './read-input.js'
import type { SpareBuffers } from './spare-memory.js'
import { UserError } from '../user-error.js'

/**
 * Whole JSON Lines lines of the input as UTF-8 (each line ended by `\n` but maybe the last),
 * in memory of their own (shared with the worker threads they are sent to), and the number of
 * the first line.
 */
export interface LineBlock {
  readonly bytes: Uint8Array
  readonly firstLine: number
}

/** A LineBlock is cut at the last line end of the chunk that makes it this long. */
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
  /**
   * Input read and not yet taken: the `held` bytes, then `pending` from `start`. Held bytes
   * (views of earlier chunks, none with a line end after the last one taken) are joined only
   * when taken, once: a line or a whole document longer than a chunk is never copied chunk by
   * chunk as it grows.
   */
  private held: Buffer[] = []
  private heldBytes = 0
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

  /** Bytes read and not yet taken. */
  private get available(): number {
    return this.heldBytes + this.pending.length - this.start
  }

  /** What is pending set aside (held), for `chunk` to be pending after it. */
  private holdThen(chunk: Buffer): void {
    if (this.start < this.pending.length) {
      this.held.push(this.pending.subarray(this.start))
      this.heldBytes += this.pending.length - this.start
    }
    this.pending = chunk
    this.start = 0
  }

  /** The held bytes and `tail` after them, as one buffer (a copy only when bytes were held); nothing is held after. */
  private takeHeld(tail: Buffer): Buffer {
    if (this.held.length === 0) return tail
    const all = Buffer.concat([...this.held, tail])
    this.held = []
    this.heldBytes = 0
    return all
  }

  /** The next chunk of input as bytes, or null at its end (or once a UTF-16 input has been read whole into `pending`). */
  private async nextChunk(): Promise<Buffer | null> {
    if (this.done) return null
    const next = await this.chunks.next()
    if (next.done) {
      this.done = true
      return null
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value
    // UTF-16 (a Windows `>` redirect): decodeText reads it, but only whole; its lines are then read as UTF-8.
    if (!this.pulledAny && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      const rest: Buffer[] = [chunk]
      for (let r = await this.chunks.next(); !r.done; r = await this.chunks.next()) rest.push(Buffer.from(r.value))
      this.done = true
      this.pending = Buffer.from(decodeText(Buffer.concat(rest)), 'utf8')
      this.start = 0
      return null
    }
    this.pulledAny = true
    return chunk
  }

  /** The next chunk pending, after what was (now held); false at the end of the input. */
  private async pull(): Promise<boolean> {
    const chunk = await this.nextChunk()
    if (chunk === null) return false
    this.holdThen(chunk)
    return true
  }

  /** Everything not yet taken, as one buffer; nothing is left. */
  private takeRest(): Buffer {
    const rest = this.takeHeld(this.pending.subarray(this.start))
    this.pending = EMPTY
    this.start = 0
    return rest
  }

  /** The next line's bytes (without its end, and a view of the input: read it before the next), or null at the end of the input. */
  private async nextLine(): Promise<Buffer | null> {
    for (;;) {
      // Held bytes hold no line end: only what is pending is searched.
      const end = this.pending.indexOf(0x0a, this.start)
      if (end >= 0) {
        const line = this.takeHeld(this.pending.subarray(this.start, end))
        this.start = end + 1
        this.lineNumber++
        return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line
      }
      if (!(await this.pull())) {
        if (this.available === 0) return null
        this.lineNumber++
        return this.takeRest()
      }
    }
  }

  private async *wholeFrom(head: string): AsyncGenerator<CaseEntry> {
    while (await this.pull());
    const rest = this.takeRest()
    let text: string
    try {
      text = head + rest.toString('utf8')
    } catch (error) {
      if (isTooLongForText(error)) throw new UserError(documentTooLong(this.name, Buffer.byteLength(head) + rest.length))
      throw error
    }
    yield* caseEntries(text, this.name)
  }

  /** The next line that is not blank, as text (null at the end), and the blank lines passed over. */
  private async nextNonBlank(): Promise<{ line: string | null; blanks: string }> {
    let blanks = ''
    let line = await this.nextLineText()
    while (line !== null && line.trim() === '') {
      blanks += `${line}\n`
      line = await this.nextLineText()
    }
    return { line, blanks }
  }

  /**
   * The next line as text (null at the end). One too long to be text ends the reading with
   * why: these first lines decide the format, and such a line may be a whole document.
   */
  private async nextLineText(): Promise<string | null> {
    const line = await this.nextLine()
    if (line === null) return null
    try {
      return line.toString('utf8')
    } catch (error) {
      if (isTooLongForText(error)) throw new UserError(documentTooLong(this.name, line.length))
      throw error
    }
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
   * The rest of a JSON Lines input, after the entries taken, as blocks of whole lines (at
   * least `blockBytes` each, but the last), pulled as they are asked for. Read a block with
   * blockEntries.
   */
  async *lineBlocks(blockBytes = BLOCK_BYTES, memory?: SpareBuffers<SharedArrayBuffer>): AsyncGenerator<LineBlock> {
    if (!this.jsonLines) throw new Error('lineBlocks: the input is not JSON Lines')
    for (;;) {
      const chunk = await this.nextChunk()
      if (chunk === null) {
        // The end: what is left, whether or not its last line has an end.
        if (this.available > 0) yield this.block([...this.held, this.pending.subarray(this.start)], memory)
        this.takeRest()
        return
      }
      const end = this.available + chunk.length >= blockBytes ? chunk.lastIndexOf(0x0a) : -1
      if (end < 0) {
        this.holdThen(chunk)
        continue
      }
      // What was read before and the chunk up to its last line end, copied once into the
      // block; the rest of the chunk (part of a line) stays pending, without a copy.
      const block = this.block([...this.held, this.pending.subarray(this.start), chunk.subarray(0, end + 1)], memory)
      this.held = []
      this.heldBytes = 0
      this.pending = chunk
      this.start = end + 1
      yield block
    }
  }

  /**
   * Whole lines (`parts` joined) as a block, in memory shared with the worker threads it is
   * sent to: posting it copies nothing, and the main thread can still read it should the
   * worker stop (evaluate-parallel.ts). `memory`: spare memory to use again.
   */
  private block(parts: readonly Buffer[], memory: SpareBuffers<SharedArrayBuffer> | undefined): LineBlock {
    let length = 0
    for (const part of parts) length += part.length
    const bytes = Buffer.from(memory ? memory.take(length) : new SharedArrayBuffer(length), 0, length)
    let at = 0
    for (const part of parts) at += part.copy(bytes, at)
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
