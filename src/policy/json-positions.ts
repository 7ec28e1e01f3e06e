/**
 * A strict JSON reader (RFC 8259: no comments, no trailing commas) that remembers where
 * every key and value starts, so later checks can say "line 7, column 17". Its own
 * reader rather than JSON.parse because the messages for pasted policies matter: a
 * missing comma, a curly quote, a duplicate key are each named in plain words.
 */
import {
  JsonSyntaxProblem,
  clip,
  curlyInStringReason,
  describeFound,
  missingCommaReason,
  summariseToken,
  trailingCommaReason,
  unclosedReason,
} from './syntax-errors.js'
import { positionOf } from './text-position.js'

export type JsonPath = readonly (string | number)[]

/** A JSON Pointer (RFC 6901) for a path: ['Statement', 0, 'Effect'] → "/Statement/0/Effect". */
export function pointerOf(path: JsonPath): string {
  return path.map((seg) => `/${String(seg).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

export interface JsonPositions {
  /** Offset where each value starts, by JSON Pointer. */
  readonly values: ReadonlyMap<string, number>
  /** Offset of the opening quote of each object key, by the JSON Pointer of its value. */
  readonly keys: ReadonlyMap<string, number>
}

export interface ParsedJson {
  readonly value: unknown
  readonly positions: JsonPositions
}

/** Policies nest a few levels; a limit keeps hostile input from exhausting the stack. */
const MAX_DEPTH = 64
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const VALUE_START = /["{[\-0-9tfn]/

/** Parses JSON text, or throws a JsonSyntaxProblem. */
export function parseJsonWithPositions(text: string): ParsedJson {
  return new Reader(text).document()
}

class Reader {
  private pos = 0
  private readonly values = new Map<string, number>()
  private readonly keys = new Map<string, number>()
  /** Open objects and lists, for "the text ends before … is closed". */
  private readonly open: { opener: '{' | '['; offset: number }[] = []
  /** A curly quote inside the last string read: the likely cause of a following error. */
  private lastCurly: { offset: number; before: string } | null = null
  private lastWasString = false

  constructor(private readonly text: string) {}

  document(): ParsedJson {
    this.skipSpace()
    const value = this.value('')
    this.skipSpace()
    if (this.pos < this.text.length) {
      const end = positionOf(this.text, this.lastEnd - 1)
      this.fail(
        this.pos,
        `the JSON ends at line ${end.line}, column ${end.column}, but more text follows: found ${describeFound(this.text, this.pos)}`,
      )
    }
    return { value, positions: { values: this.values, keys: this.keys } }
  }

  private lastEnd = 0

  private fail(offset: number, reason: string, fromLine?: number): never {
    throw new JsonSyntaxProblem(offset, reason, fromLine)
  }

  /** At the end of the text: name the innermost container left open. */
  private failAtEnd(expected: string): never {
    const end = this.text.trimEnd().length
    const inner = this.open[this.open.length - 1]
    if (inner) {
      const at = positionOf(this.text, inner.offset)
      this.fail(end, unclosedReason(inner.opener, at.line, at.column))
    }
    this.fail(end, `expected ${expected}, found the end of the text`)
  }

  /** An unexpected token right after a string that held a curly quote: blame the quote. */
  private failUnexpected(offset: number, expected: string): never {
    if (this.lastWasString && this.lastCurly) {
      this.fail(this.lastCurly.offset, curlyInStringReason(this.text[this.lastCurly.offset]!, this.lastCurly.before))
    }
    if (offset >= this.text.length) this.failAtEnd(expected)
    this.fail(offset, `expected ${expected}, found ${describeFound(this.text, offset)}`)
  }

  private skipSpace(): void {
    const t = this.text
    while (this.pos < t.length) {
      const ch = t[this.pos]
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++
      else break
    }
  }

  private value(path: string): unknown {
    const start = this.pos
    this.values.set(path, start)
    const ch = this.text[start]
    this.lastWasString = false
    let result: unknown
    if ((ch === '{' || ch === '[') && this.open.length >= MAX_DEPTH) {
      this.fail(start, `the JSON is nested more than ${MAX_DEPTH} levels deep, which no policy is — check that it was copied correctly`)
    }
    if (ch === '{') result = this.object(path)
    else if (ch === '[') result = this.list(path)
    else if (ch === '"') result = this.string()
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) result = this.number()
    else if (this.text.startsWith('true', start) && !/\w/.test(this.text[start + 4] ?? '')) result = this.literal(true, 4)
    else if (this.text.startsWith('false', start) && !/\w/.test(this.text[start + 5] ?? '')) result = this.literal(false, 5)
    else if (this.text.startsWith('null', start) && !/\w/.test(this.text[start + 4] ?? '')) result = this.literal(null, 4)
    else this.failUnexpected(start, 'a value')
    this.lastWasString = ch === '"'
    this.lastEnd = this.pos
    return result
  }

  private literal(value: boolean | null, length: number): boolean | null {
    this.pos += length
    return value
  }

  private number(): number {
    NUMBER.lastIndex = this.pos
    const match = NUMBER.exec(this.text)
    const after = match ? this.pos + match[0].length : this.pos
    if (!match || /[\w.]/.test(this.text[after] ?? '')) {
      const word = /^[\w.+-]+/.exec(this.text.slice(this.pos))?.[0] ?? this.text[this.pos]!
      this.fail(this.pos, `${clip(word, 30)} is not a valid JSON number — put it in double quotes if it is text`)
    }
    this.pos = after
    return Number(match[0])
  }

  /** Reads a string starting at its opening quote. */
  private string(): string {
    const t = this.text
    const start = this.pos
    let out = ''
    let curly: { offset: number; before: string } | null = null
    let i = start + 1
    for (;;) {
      if (i >= t.length || t[i] === '\n' || t[i] === '\r') {
        if (curly) this.fail(curly.offset, curlyInStringReason(t[curly.offset]!, curly.before))
        this.fail(
          i,
          `the string "${clip(out)}" is not closed before the end of the ${i >= t.length ? 'text' : 'line'} — a closing double quote (") is probably missing`,
        )
      }
      const ch = t[i]!
      if (ch === '"') break
      if (ch === '\\') {
        const esc = t[i + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (esc !== undefined && esc in simple) {
          out += simple[esc]
          i += 2
          continue
        }
        if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16))
          i += 6
          continue
        }
        this.fail(
          i,
          `"\\${esc ?? ''}" is not a valid escape in a JSON string — a backslash must be written as \\\\ (valid escapes: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`,
        )
      }
      if (ch < ' ') {
        const name = ch === '\t' ? 'a tab character' : `the control character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
        this.fail(i, `${name} inside a string is not allowed in JSON — write it as an escape (\\t for a tab) or remove it`)
      }
      // A curly quote followed by what follows a closing quote was probably meant to close the
      // string; one inside ordinary text (a tag value “red”) is left alone.
      if (!curly && (ch === '\u201C' || ch === '\u201D') && /^[,:}\]\r\n]?$/.test(t[i + 1] ?? '')) {
        curly = { offset: i, before: out }
      }
      out += ch
      i++
    }
    this.pos = i + 1
    this.lastCurly = curly
    return out
  }

  private object(path: string): Record<string, unknown> {
    const result: Record<string, unknown> = {}
    const seen = new Map<string, number>()
    this.open.push({ opener: '{', offset: this.pos })
    this.pos++
    this.skipSpace()
    if (this.text[this.pos] === '}') {
      this.pos++
      this.open.pop()
      return result
    }
    for (;;) {
      const keyStart = this.pos
      if (this.text[keyStart] !== '"') this.failUnexpected(keyStart, 'a key in double quotes')
      const key = this.string()
      this.lastWasString = true
      const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
      const first = seen.get(key)
      if (first !== undefined) {
        const at = positionOf(this.text, first)
        throw new JsonSyntaxProblem(
          keyStart,
          `the key "${clip(key)}" appears twice in the same object (first at line ${at.line}, column ${at.column}) — AWS rejects duplicate keys; keep one`,
          undefined,
          true,
        )
      }
      seen.set(key, keyStart)
      this.keys.set(childPath, keyStart)
      this.skipSpace()
      if (this.text[this.pos] !== ':') this.failUnexpected(this.pos, `":" after the key "${clip(key)}"`)
      this.pos++
      this.skipSpace()
      const value = this.value(childPath)
      // defineProperty: a key named __proto__ must stay an ordinary key.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true })
      const previous = `"${clip(key)}": ${summariseToken(this.text, this.values.get(childPath)!)}`
      if (this.afterMember('}', previous)) break
    }
    this.open.pop()
    return result
  }

  private list(path: string): unknown[] {
    const result: unknown[] = []
    this.open.push({ opener: '[', offset: this.pos })
    this.pos++
    this.skipSpace()
    if (this.text[this.pos] === ']') {
      this.pos++
      this.open.pop()
      return result
    }
    for (;;) {
      const childPath = `${path}/${result.length}`
      result.push(this.value(childPath))
      if (this.afterMember(']', summariseToken(this.text, this.values.get(childPath)!))) break
    }
    this.open.pop()
    return result
  }

  /**
   * After a member of an object or list: a comma (then more), or the closer. Returns true
   * at the closer. `previous` names the member just read, for the missing-comma message.
   */
  private afterMember(closer: '}' | ']', previous: string): boolean {
    const endOfPrevious = this.lastEnd
    this.skipSpace()
    const ch = this.text[this.pos]
    if (ch === closer) {
      this.pos++
      return true
    }
    if (ch === ',') {
      const comma = this.pos
      this.pos++
      this.skipSpace()
      if (this.text[this.pos] === closer) this.fail(comma, trailingCommaReason(closer))
      if (this.pos >= this.text.length) this.failAtEnd(closer === '}' ? 'a key in double quotes' : 'a value')
      return false
    }
    const startsMember = closer === '}' ? ch === '"' : ch !== undefined && VALUE_START.test(ch)
    if (startsMember && !(this.lastWasString && this.lastCurly)) {
      const prevLine = positionOf(this.text, Math.max(endOfPrevious - 1, 0)).line
      const here = positionOf(this.text, this.pos).line
      const next = summariseToken(this.text, this.pos)
      const where = prevLine < here ? `at the end of line ${prevLine}` : `before ${next}`
      this.fail(this.pos, missingCommaReason(previous, next, where), prevLine < here ? prevLine : undefined)
    }
    this.failUnexpected(this.pos, `a comma or "${closer}" after ${previous}`)
  }
}
