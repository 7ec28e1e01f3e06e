/**
 * One JSON Lines case read from its line: as text, or straight from the input's UTF-8 bytes.
 * The cases of a batch mostly repeat a few policy sets, and each line's `policies` value is
 * found, compared with the last one seen and parsed only when it is new (PoliciesByText).
 */
import { constants } from 'node:buffer'
import { readJsonText } from '../policy/read-json-text.js'
import type { CaseEntry } from './case-documents.js'

/**
 * Whether `error` is the runtime refusing to make a text longer than it can hold
 * (buffer.constants.MAX_STRING_LENGTH characters, about 512 MB): a case line or a whole JSON
 * document that long cannot be read, and the user is told so rather than of a failure.
 */
export function isTooLongForText(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_STRING_TOO_LONG'
}

/** A size in MB, for those sentences. */
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20)

/** How much text the runtime can hold, in MB (as a size of ASCII text). */
export const MOST_TEXT_MB = mb(constants.MAX_STRING_LENGTH)

/** Why a line of `bytes` bytes (`where`: its file and line) could not be read. */
export function lineTooLong(where: string, bytes: number): string {
  return `${where} is ${mb(bytes)} MB, more than a case line can hold (${MOST_TEXT_MB} MB).`
}

/** Why a JSON document of `bytes` bytes could not be read whole. */
export function documentTooLong(name: string, bytes: number): string {
  return `${name} is ${mb(bytes)} MB, more than one JSON document can be read whole (${MOST_TEXT_MB} MB): give its cases as JSON Lines, one case per line.`
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

/**
 * caseLine on the line's UTF-8 bytes (without its line end). Most lines are read without
 * turning the whole line into text: its `policies` bytes are compared with the last case's,
 * and only the rest (the request, a tenth of the line) is decoded and parsed. Any line that
 * way does not read is read as text, by caseLine, which then gives the same entry it always
 * did.
 */
export function caseLineBytes(line: Buffer, label: string, shared: PoliciesByText): CaseEntry {
  try {
    const value = shared.caseOfBytes(line)
    return value !== undefined ? { value, label } : caseLine(line.toString('utf8'), label, shared)
  } catch (error) {
    // Like a line that is not JSON, an error of its own: the other lines are read.
    if (isTooLongForText(error)) return { error: lineTooLong(label, line.length), label }
    throw error
  }
}

/**
 * Whether a line is blank as `line.trim() === ''` says of its text: ASCII white space only,
 * or (rarely) other white space that only the text can tell.
 */
export function isBlankLine(line: Buffer): boolean {
  for (let i = 0; i < line.length; i++) {
    const b = line[i]!
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) continue
    if (b < 0x80) return false
    try {
      return line.toString('utf8').trim() === ''
    } catch (error) {
      // Too long to be text: not blank, and caseLineBytes says why it cannot be read.
      if (isTooLongForText(error)) return false
      throw error
    }
  }
  return true
}

const STRING = /"(?:[^"\\]|\\.)*"/g

/**
 * JSON.parse, when it gives what readJsonText would: the same value unless an object repeats a
 * key (JSON.parse keeps the last; readJsonText refuses, as AWS does). undefined: let
 * readJsonText read it.
 *
 * A repeated key is found by counting colons. Each key of valid JSON is followed by the only
 * colons outside strings, so the text repeats a key exactly when it has more such colons than
 * the value has keys. Text without a backslash holds every string as the value holds it, so
 * its colons are the keys' and those inside the value's strings, counted from the value (the
 * text is scanned by the engine's own indexOf); other text is first stripped of its strings.
 */
export function parseJsonFast(text: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (text.indexOf('\\') < 0) return colonsIn(text) === colonsOf(value, true) ? value : undefined
  return colonsIn(text.replace(STRING, '""')) === colonsOf(value, false) ? value : undefined
}

function colonsIn(text: string): number {
  let n = 0
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) n++
  return n
}

/**
 * The colons the text of `value` holds outside its strings (one after each key) and, with
 * `inStrings`, those inside them too, as text without escapes writes them.
 */
function colonsOf(value: unknown, inStrings: boolean): number {
  if (typeof value === 'string') return inStrings && value.indexOf(':') >= 0 ? colonsIn(value) : 0
  if (typeof value !== 'object' || value === null) return 0
  let n = 0
  if (Array.isArray(value)) {
    for (const item of value) n += colonsOf(item, inStrings)
    return n
  }
  for (const key in value) n += 1 + colonsOf(key, inStrings) + colonsOf((value as Record<string, unknown>)[key], inStrings)
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
      if (depth === 1 && valueStart < 0) lastKey = i
      i = stringEnd(line, i, line.length)
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

/** A `policies` text seen, its UTF-8 bytes, and its parsed object. */
interface KeptPolicies {
  readonly text: string
  readonly bytes: Buffer
  readonly policies: unknown
}

const POLICIES_KEY = Buffer.from('"policies"')

/** Policies texts compared by content before the map is asked: a principal's few sets. */
const RECENT = 8

/**
 * The `policies` objects of recent JSON Lines cases, by their text: the cases of a batch
 * mostly repeat a few policy sets, and one parsed object for each lets the case cache find its
 * policy set by identity, where parsing every line's documents again cost most of the time.
 */
export class PoliciesByText {
  private readonly byText = new Map<string, KeptPolicies>()
  /**
   * The texts found last, the latest first. Consecutive lines mostly hold the same policies
   * (one principal's requests) or alternate between a few (its requests to different buckets,
   * each with its bucket policy): comparing bytes with these, which stops at the first
   * difference, answers most lines; the map hashes the whole text of the others.
   */
  private readonly recent: KeptPolicies[] = []
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

  /**
   * caseOf on a line's UTF-8 bytes, for the usual line only: `policies` its last key (the
   * span found as lastPoliciesSpan finds it in text). undefined: read the line as text.
   */
  caseOfBytes(line: Buffer): unknown {
    const at = line.indexOf(POLICIES_KEY)
    const close = line.lastIndexOf(0x7d /* } */)
    if (at < 0 || close < at) return undefined
    let colon = at + POLICIES_KEY.length
    while (colon < close && isJsonSpace(line[colon]!)) colon++
    // Whether the key is the case's own is settled by the head's parse (headWith): with `0`
    // for the value and the line's last `}` after it, the text reads as one object only when
    // the key is one of its keys. A quote after a backslash may be inside a string: leave it to the text.
    if (line[colon] !== 0x3a /* : */ || line[at - 1] === 0x5c /* \ */) return undefined
    const start = colon + 1
    const bytes = line.subarray(start, close)
    // A text of its own when new (decoded, it refers to nothing of the input's chunk).
    const kept = this.recentWith((k) => k.bytes.equals(bytes)) ?? this.byTextOrNew(bytes.toString('utf8'))
    if (kept === undefined) return undefined
    // Only the request around the policies is decoded: a UTF-8 character never holds the
    // ASCII bytes `:` and `}`, so the text is cut where the bytes are.
    return this.headWith(`${line.toString('utf8', 0, start)}0${line.toString('utf8', close)}`, kept)
  }

  private caseWith(line: string, [start, end]: [number, number]): unknown {
    const text = line.slice(start, end)
    // A copy of its own when new: the slice of a line refers to the whole chunk of input the
    // line was cut from (V8 keeps a slice as a view of its parent), so a kept slice kept a
    // 256 KB chunk alive for each text, and the heap grew with the input.
    const kept = this.recentWith((k) => k.text === text) ?? this.byTextOrNew(Buffer.from(text, 'utf8').toString('utf8'))
    return kept === undefined ? undefined : this.headWith(`${line.slice(0, start)}0${line.slice(end)}`, kept)
  }

  /** The recent text that is `same`, moved to the front. */
  private recentWith(same: (k: KeptPolicies) => boolean): KeptPolicies | undefined {
    const { recent } = this
    for (let i = 0; i < recent.length; i++) {
      const k = recent[i]!
      if (!same(k)) continue
      if (i > 0) {
        recent.copyWithin(1, 0, i)
        recent[0] = k
      }
      return k
    }
    return undefined
  }

  /** The kept policies of this text (a string of its own), parsed and kept when new; undefined when it does not read. */
  private byTextOrNew(text: string): KeptPolicies | undefined {
    let kept = this.byText.get(text)
    if (kept === undefined) {
      const policies = parseJsonFast(text)
      if (policies === undefined) return undefined
      if (this.byText.size >= this.limit) this.byText.delete(this.byText.keys().next().value!)
      kept = { text, bytes: Buffer.from(text, 'utf8'), policies }
      this.byText.set(text, kept)
    }
    this.recent.unshift(kept)
    if (this.recent.length > RECENT) this.recent.pop()
    return kept
  }

  /** The case from the line's text with `0` in place of its policies, and the policies put back. */
  private headWith(headText: string, kept: KeptPolicies): unknown {
    const head = parseJsonFast(headText)
    if (typeof head !== 'object' || head === null || Array.isArray(head)) return undefined
    ;(head as Record<string, unknown>).policies = kept.policies
    return head
  }
}

/** JSON's four white-space characters. */
const isJsonSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

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
  if (colon < 0 || line.slice(at + 10, colon).trim() !== '') return null
  if (!atTopLevel(line, at)) return null
  return [colon + 1, close]
}

/** Whether `at` is outside any string and directly inside the outermost object of a line. */
function atTopLevel(line: string, at: number): boolean {
  let depth = 0
  for (let i = 0; i < at; i++) {
    const c = line.charCodeAt(i)
    if (c === 0x22) {
      i = stringEnd(line, i, at)
      if (i >= at) return false
    } else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return depth === 1
}

/** Where the string opened by the quote at `open` is closed (its closing quote), or `end` or past it when not before `end`. */
function stringEnd(line: string, open: number, end: number): number {
  let i = open + 1
  for (; i < end; i++) {
    const c = line.charCodeAt(i)
    if (c === 0x5c /* \ */) i++
    else if (c === 0x22 /* " */) break
  }
  return i
}
