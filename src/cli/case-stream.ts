import { StringDecoder } from 'node:string_decoder'
import { readJsonText } from '../policy/read-json-text.js'
import { caseEntries, type CaseEntry } from './case-documents.js'
import { decodeText } from './read-input.js'

/** Whole JSON Lines lines of the input, as one text (each line ended by `\n` but maybe the last), and the number of the first. */
export interface LineBlock {
  readonly text: string
  readonly firstLine: number
}

/** The text of a LineBlock is cut at the last line end once it holds this much. */
const BLOCK_CHARS = 192 * 1024

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
 */
export class CaseStream {
  private readonly chunks: AsyncIterator<Buffer | string>
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''
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

  private async pull(): Promise<boolean> {
    if (this.done) return false
    const next = await this.chunks.next()
    if (next.done) {
      this.done = true
      this.pending += this.decoder.end()
      return false
    }
    const chunk = next.value
    if (typeof chunk === 'string') this.pending += chunk
    else {
      // UTF-16 (a Windows `>` redirect): decodeText reads it, but only whole.
      if (this.pending === '' && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        const rest: Buffer[] = [chunk]
        for (let r = await this.chunks.next(); !r.done; r = await this.chunks.next()) rest.push(Buffer.from(r.value))
        this.done = true
        this.pending = decodeText(Buffer.concat(rest))
        return false
      }
      this.pending += this.decoder.write(chunk)
    }
    return true
  }

  /** The next line (without its end), or null at the end of the input. */
  private async nextLine(): Promise<string | null> {
    for (;;) {
      const end = this.pending.indexOf('\n')
      if (end >= 0) {
        const line = this.pending.slice(0, end)
        this.pending = this.pending.slice(end + 1)
        this.lineNumber++
        return line.endsWith('\r') ? line.slice(0, -1) : line
      }
      if (!(await this.pull())) {
        if (this.pending === '') return null
        const line = this.pending
        this.pending = ''
        this.lineNumber++
        return line
      }
    }
  }

  private async *wholeFrom(head: string): AsyncGenerator<CaseEntry> {
    while (await this.pull());
    const text = head + this.pending
    this.pending = ''
    yield* caseEntries(text, this.name)
  }

  /** The next line that is not blank (null at the end), and the blank lines passed over. */
  private async nextNonBlank(): Promise<{ line: string | null; blanks: string }> {
    let blanks = ''
    let line = await this.nextLine()
    while (line !== null && line.trim() === '') {
      blanks += `${line}\n`
      line = await this.nextLine()
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
      if (line.trim() === '') continue
      yield caseLine(line, `${this.name} line ${this.lineNumber}`, shared)
    }
  }

  /**
   * The rest of a JSON Lines input, after the entries taken, as blocks of whole lines (about
   * BLOCK_CHARS each), pulled as they are asked for. Read a block with blockEntries.
   */
  async *lineBlocks(blockChars = BLOCK_CHARS): AsyncGenerator<LineBlock> {
    if (!this.jsonLines) throw new Error('lineBlocks: the input is not JSON Lines')
    for (;;) {
      const cut = this.pending.length >= blockChars ? this.pending.lastIndexOf('\n') : -1
      if (cut >= 0) {
        yield this.cut(cut + 1)
        continue
      }
      if (await this.pull()) continue
      // The end: what is left, whether or not its last line has an end.
      if (this.pending !== '') yield this.cut(this.pending.length)
      return
    }
  }

  private cut(length: number): LineBlock {
    const text = this.pending.slice(0, length)
    this.pending = this.pending.slice(length)
    const firstLine = this.lineNumber + 1
    let lines = text.endsWith('\n') ? 0 : 1
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++
    this.lineNumber += lines
    return { text, firstLine }
  }
}

/**
 * The entries of a LineBlock, as CaseStream.entries gives them: blank lines skipped but
 * counted, `\r` taken off a line's end, each labelled with its line number.
 */
export function* blockEntries(block: LineBlock, name: string, shared: PoliciesByText): Generator<CaseEntry> {
  const { text } = block
  let number = block.firstLine
  let start = 0
  while (start < text.length) {
    const end = text.indexOf('\n', start)
    let line = end < 0 ? text.slice(start) : text.slice(start, end)
    if (end >= 0 && line.endsWith('\r')) line = line.slice(0, -1)
    if (line.trim() !== '') yield caseLine(line, `${name} line ${number}`, shared)
    number++
    start = end < 0 ? text.length : end + 1
  }
}

/**
 * One JSON Lines case: its `policies` shared with earlier lines of the same text when it can
 * (`shared`), else the runtime's JSON.parse when the line is valid JSON, else readJsonText for
 * its plain-words error.
 */
export function caseLine(line: string, label: string, shared?: PoliciesByText): CaseEntry {
  try {
    const value = shared?.caseOf(line) ?? parseJsonFast(line)
    if (value !== undefined) return { value, label }
    return { value: readJsonText(line, label), label }
  } catch (error) {
    return { error: (error as Error).message, label }
  }
}

const STRING = /"(?:[^"\\]|\\.)*"/g

/**
 * JSON.parse, when it gives what readJsonText would: the same value unless an object repeats a
 * key (JSON.parse keeps the last; readJsonText refuses, as AWS does). Each key of valid JSON
 * is followed by the only colons outside strings, so the text has a repeated key exactly when
 * it has more such colons than the value has keys. undefined: let readJsonText read it.
 */
export function parseJsonFast(text: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const outside = text.replace(STRING, '""')
  let colons = 0
  for (let i = outside.indexOf(':'); i >= 0; i = outside.indexOf(':', i + 1)) colons++
  return colons === keyCount(value) ? value : undefined
}

function keyCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  let n = 0
  if (Array.isArray(value)) {
    for (const item of value) n += keyCount(item)
    return n
  }
  for (const key in value) n += 1 + keyCount((value as Record<string, unknown>)[key])
  return n
}

/**
 * Where a JSON Lines case's top-level `"policies"` value is: [start, end) in the line, or
 * null when it is not there (or the line is not a JSON object: let the full reading say why).
 * A scan over the characters that skips strings; the value is whatever lies between the
 * key's colon and the comma or brace that closes it at the top level.
 */
export function policiesSpan(line: string): [number, number] | null {
  let depth = 0
  let valueStart = -1
  let lastKey = -1
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 0x22 /* " */) {
      const open = i
      for (i++; i < line.length; i++) {
        const d = line.charCodeAt(i)
        if (d === 0x5c /* \ */) i++
        else if (d === 0x22) break
      }
      if (depth === 1 && valueStart < 0) lastKey = open
      continue
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) depth++
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--
      if (depth === 0 && valueStart >= 0) return [valueStart, i]
    } else if (c === 0x3a /* : */ && depth === 1 && valueStart < 0) {
      if (lastKey >= 0 && line.startsWith('"policies"', lastKey) && /^"policies"\s*$/.test(line.slice(lastKey, i))) valueStart = i + 1
    } else if (c === 0x2c /* , */ && depth === 1 && valueStart >= 0) return [valueStart, i]
  }
  return null
}

/**
 * The `policies` objects of recent JSON Lines cases, by their text: the cases of a batch
 * mostly repeat a few policy sets, and one parsed object for each lets the case cache find its
 * policy set by identity, where parsing every line's documents again cost most of the time.
 */
export class PoliciesByText {
  /** Each text's own copy (see caseWith) and its parsed object. */
  private readonly byText = new Map<string, { readonly text: string; readonly policies: unknown }>()
  /**
   * The last text found. Consecutive lines mostly hold the same policies (one principal's
   * requests), and comparing two texts costs less than hashing one for the map.
   */
  private last: { readonly text: string; readonly policies: unknown } | undefined = undefined
  constructor(private readonly limit = 1024) {}

  /** The case of this line, its `policies` shared with earlier lines of the same text; undefined: read the line whole. */
  caseOf(line: string): unknown {
    // Most lines end with their policies: try that span first, which needs no scan of the documents.
    const last = lastPoliciesSpan(line)
    const quick = last === null ? undefined : this.caseWith(line, last)
    if (quick !== undefined) return quick
    const span = policiesSpan(line)
    return span === null ? undefined : this.caseWith(line, span)
  }

  private caseWith(line: string, [start, end]: [number, number]): unknown {
    const text = line.slice(start, end)
    let kept = this.last !== undefined && this.last.text === text ? this.last : this.byText.get(text)
    if (kept === undefined) {
      // A copy of its own: the slice of a line refers to the whole chunk of input the line was
      // cut from (V8 keeps a slice as a view of its parent), so a kept slice kept a 256 KB chunk
      // alive for each text, and the heap grew with the input (100 MB after 100,000 cases).
      const own = Buffer.from(text, 'utf8').toString('utf8')
      const policies = parseJsonFast(own)
      if (policies === undefined) return undefined
      if (this.byText.size >= this.limit) this.byText.delete(this.byText.keys().next().value!)
      kept = { text: own, policies }
      this.byText.set(own, kept)
    }
    this.last = kept
    const head = parseJsonFast(`${line.slice(0, start)}0${line.slice(end)}`)
    if (typeof head !== 'object' || head === null || Array.isArray(head)) return undefined
    ;(head as Record<string, unknown>).policies = kept.policies
    return head
  }
}

/**
 * The span from a top-level `"policies":` to the line's last `}`: the policies value when it
 * is the last key, and otherwise text that is not one JSON value (trailing text after it),
 * which caseWith then refuses. Only the text before the key is scanned.
 */
function lastPoliciesSpan(line: string): [number, number] | null {
  const at = line.indexOf('"policies"')
  const close = line.lastIndexOf('}')
  if (at < 0 || close < at) return null
  const colon = line.indexOf(':', at + 10)
  if (colon < 0 || line.slice(at + 10, colon).trim() !== '' || !atTopLevel(line, at)) return null
  return [colon + 1, close]
}

/** Whether `at` is outside any string and directly inside the outermost object. */
function atTopLevel(line: string, at: number): boolean {
  let depth = 0
  for (let i = 0; i < at; i++) {
    const c = line.charCodeAt(i)
    if (c === 0x22) {
      for (i++; i < line.length; i++) {
        const d = line.charCodeAt(i)
        if (d === 0x5c) i++
        else if (d === 0x22) break
      }
      if (i >= at) return false
    } else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return depth === 1
}
