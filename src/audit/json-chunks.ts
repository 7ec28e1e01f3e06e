/**
 * The `--json` document of an audit (and its `--out` file) in pieces: their concatenation is
 * exactly `JSON.stringify(result, null, 2)`, but no piece is larger than one expectation (or,
 * for an expectation of many checks, one check). A 100,000-check audit's document is over 300 MB — one string that size
 * (two bytes a character once a warning holds an em dash) and its UTF-8 copy cost seconds and
 * most of the heap; written piece by piece it never exists whole.
 */
import { Buffer } from 'node:buffer'
import { CHECK_DEPTH, checkJson, hasCheckJson } from './check-json.js'
import type { AuditResult, ExpectationResult } from './result.js'

/** A piece of the document: text, or the UTF-8 bytes of a check's text made when it ran (check-json.ts). */
export type Piece = string | Buffer

/** Stands in for an array while its parent is stringified; found again by its place (see `around`). */
const HOLE = 'denydoctor:hole'

const indent = (depth: number) => '  '.repeat(depth)

/**
 * `JSON.stringify(value, null, 2)` as it appears `depth` levels deep inside its parent's text:
 * stringified inside `depth` arrays, so that the engine indents it, and cut out of them.
 * (Indenting the text afterwards, line by line, cost more than stringifying it.)
 */
export function nestedJson(value: unknown, depth: number): string {
  let wrapped = value
  for (let d = 0; d < depth; d++) wrapped = [wrapped]
  const text = JSON.stringify(wrapped, null, 2)
  // Each level opens with "[", a line break and its indentation (2 + 2(k+1) characters for
  // level k) and closes with a line break, its indentation and "]" (2 + 2k characters).
  const opening = 2 * depth + depth * (depth + 1)
  const closing = 2 * depth + depth * (depth - 1)
  return text.slice(opening, text.length - closing)
}

/**
 * The text of `value` at `depth` before and after its property `key`'s value. The property is
 * found by its line: a line break, the indentation of `value`'s own properties and the key —
 * which no string can hold (its line break would be escaped) and no deeper value can (its
 * indentation would be deeper).
 */
function around(value: object, key: string, depth: number): [string, string] {
  const text = nestedJson({ ...value, [key]: HOLE }, depth)
  const property = `\n${indent(depth + 1)}${JSON.stringify(key)}: `
  const at = text.indexOf(`${property}${JSON.stringify(HOLE)}`)
  if (at < 0) throw new Error(`json-chunks: the property ${key} was not found in its parent's text`)
  return [text.slice(0, at + property.length), text.slice(at + property.length + JSON.stringify(HOLE).length)]
}

/** An array at `depth`, its items given one by one as their text at `depth + 1`. */
function* arrayPieces<T>(items: readonly T[], depth: number, item: (value: T) => Iterable<Piece>): Generator<Piece> {
  if (items.length === 0) {
    yield '[]'
    return
  }
  yield '['
  for (let i = 0; i < items.length; i++) {
    yield `${i === 0 ? '' : ','}\n${indent(depth + 1)}`
    yield* item(items[i]!)
  }
  yield `\n${indent(depth)}]`
}

/** Above this many checks an expectation is written check by check rather than whole. */
const WHOLE_EXPECTATION_CHECKS = 500

function expectationPieces(e: ExpectationResult): Iterable<Piece> {
  // Checks whose text was made when they ran (check-json.ts, several jobs) are joined, not stringified again.
  if (e.checks.length <= WHOLE_EXPECTATION_CHECKS && !(e.checks.length > 0 && hasCheckJson(e.checks[0]!))) return [nestedJson(e, 2)]
  const [head, tail] = around(e, 'checks', 2)
  return [head, ...arrayPieces(e.checks, CHECK_DEPTH - 1, (check) => [checkJson(check)]), tail]
}

/** The pieces of `JSON.stringify(result, null, 2)`, in order. */
export function* auditJsonPieces(result: AuditResult): Generator<Piece> {
  const [head, tail] = around(result, 'expectations', 0)
  yield head
  // An expectation in one piece (one call to the engine's JSON.stringify) unless it is large.
  yield* arrayPieces(result.expectations, 1, expectationPieces)
  yield tail
}

/**
 * Small pieces gathered into pieces of about `size` characters or bytes (fewer writes); large
 * ones passed on as they are. Text next to text stays text; a run of bytes is joined into one
 * buffer (text among bytes is encoded into it), so that bytes are never decoded again.
 */
export function* batched(pieces: Iterable<Piece>, size = 1 << 16): Generator<Piece> {
  let parts: Piece[] = []
  let length = 0
  let bytes = false
  const flush = (): Piece => {
    const out = bytes ? Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))) : (parts as string[]).join('')
    parts = []
    length = 0
    bytes = false
    return out
  }
  for (const piece of pieces) {
    if (piece.length >= size) {
      if (parts.length > 0) yield flush()
      yield piece
      continue
    }
    parts.push(piece)
    length += piece.length
    if (typeof piece !== 'string') bytes = true
    if (length >= size) yield flush()
  }
  if (parts.length > 0) yield flush()
}
