/**
 * A JSON audit file read in one fast pass into the syntax tree the YAML reader would give
 * (maps, lists, scalars, each with the offset it starts at), so that NodeReader and every
 * field reader work on it unchanged. Only for the happy path: it vouches for a text only when
 * the line-aware readers (readJsonText, then the `yaml` package) would accept it and build the
 * same tree; for anything else it answers null and those readers word the problem, so every
 * message stays theirs.
 *
 * Why the two agree on what this accepts (test/audit/json-nodes.test.ts compares them):
 * - JSON.parse accepts exactly RFC 8259; readJsonText refuses on top of that only duplicate
 *   keys and nesting deeper than 64, both refused here too.
 * - YAML 1.2 reads a JSON object as a flow mapping of flow collections and double-quoted and
 *   plain scalars, with the same values (escapes included); it counts a line at each LF (a
 *   CRLF is one LF) but not at a lone CR, so a text with a lone CR is left to it.
 */
import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml'

/** As src/policy/json-positions.ts: deeper than this, readJsonText refuses the text. */
const MAX_DEPTH = 64

export interface JsonTree {
  readonly root: Node
  /** Line starts as the YAML reader counts them. */
  readonly lines: LineCounter
}

/** Thrown inside the builder: the text is left to the line-aware readers. */
class NotVouched extends Error {}

const QUOTE = 0x22
const BACKSLASH = 0x5c

class Builder {
  private pos = 0
  private depth = 0

  constructor(private readonly text: string) {}

  private skipSpace(): void {
    const t = this.text
    let c = t.charCodeAt(this.pos)
    // JSON's whitespace: space, tab, LF, CR.
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(++this.pos)
  }

  value(): Node {
    this.skipSpace()
    const start = this.pos
    const c = this.text.charCodeAt(start)
    if (c === 0x7b) return this.map(start)
    if (c === 0x5b) return this.seq(start)
    if (c === QUOTE) return this.scalar(this.string(), start)
    if (c === 0x74) return this.literal(true, 4, start)
    if (c === 0x66) return this.literal(false, 5, start)
    if (c === 0x6e) return this.literal(null, 4, start)
    return this.number(start)
  }

  private scalar(value: unknown, start: number): Scalar {
    const node = new Scalar(value)
    node.range = [start, this.pos, this.pos]
    return node
  }

  private literal(value: boolean | null, length: number, start: number): Scalar {
    this.pos += length
    return this.scalar(value, start)
  }

  private number(start: number): Scalar {
    const t = this.text
    let end = start
    for (;;) {
      const c = t.charCodeAt(end)
      // Digits, sign, point, exponent: the text is valid JSON, so this is one number token.
      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45) end++
      else break
    }
    this.pos = end
    return this.scalar(Number(t.slice(start, end)), start)
  }

  /** The string starting at the opening quote; escapes are decoded by JSON.parse itself. */
  private string(): string {
    const t = this.text
    const start = this.pos
    let i = start + 1
    let escaped = false
    for (;;) {
      const c = t.charCodeAt(i)
      if (c === QUOTE) break
      if (c === BACKSLASH) {
        escaped = true
        i += 2
      } else i++
    }
    this.pos = i + 1
    return escaped ? (JSON.parse(t.slice(start, i + 1)) as string) : t.slice(start + 1, i)
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new NotVouched()
  }

  private map(start: number): YAMLMap {
    this.enter()
    const map = new YAMLMap()
    const keys = new Set<string>()
    this.pos++
    this.skipSpace()
    if (this.text.charCodeAt(this.pos) === 0x7d) this.pos++
    else {
      for (;;) {
        this.skipSpace()
        const keyStart = this.pos
        const key = this.string()
        if (keys.has(key)) throw new NotVouched()
        keys.add(key)
        const keyNode = this.scalar(key, keyStart)
        this.skipSpace()
        this.pos++ // the colon
        map.items.push(new Pair(keyNode, this.value()))
        this.skipSpace()
        if (this.text.charCodeAt(this.pos++) === 0x7d) break // else the comma
      }
    }
    map.range = [start, this.pos, this.pos]
    this.depth--
    return map
  }

  private seq(start: number): YAMLSeq {
    this.enter()
    const seq = new YAMLSeq()
    this.pos++
    this.skipSpace()
    if (this.text.charCodeAt(this.pos) === 0x5d) this.pos++
    else {
      for (;;) {
        seq.items.push(this.value())
        this.skipSpace()
        if (this.text.charCodeAt(this.pos++) === 0x5d) break
      }
    }
    seq.range = [start, this.pos, this.pos]
    this.depth--
    return seq
  }
}

function lineCounter(text: string): LineCounter {
  const lines = new LineCounter()
  lines.addNewLine(0)
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1)
  return lines
}

/**
 * The syntax tree of a text holding one JSON object (what an audit file is), or null when the
 * line-aware readers must read it (to word a problem).
 */
export function jsonTree(text: string): JsonTree | null {
  // Anything but an object fails as an audit file anyway, and YAML refuses a scalar after a tab.
  if (!/^[ \t\r\n]*\{/.test(text) || /\r(?!\n)/.test(text)) return null
  try {
    JSON.parse(text)
  } catch {
    return null
  }
  try {
    return { root: new Builder(text).value(), lines: lineCounter(text) }
  } catch (error) {
    if (error instanceof NotVouched) return null
    throw error
  }
}
