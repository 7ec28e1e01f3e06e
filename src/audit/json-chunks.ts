/**
 * The `--json` document of an audit (and its `--out` file) in pieces: their concatenation is
 * exactly `JSON.stringify(result, null, 2)`, but no piece is larger than one expectation (or,
 * for an expectation of many checks, one check). A 100,000-check audit's document is over 300 MB — one string that size
 * (two bytes a character once a warning holds an em dash) and its UTF-8 copy cost seconds and
 * most of the heap; written piece by piece it never exists whole.
 */
import type { AuditResult, ExpectationResult } from './result.js'

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
function* arrayPieces<T>(items: readonly T[], depth: number, item: (value: T) => Iterable<string>): Generator<string> {
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

function expectationPieces(e: ExpectationResult): Iterable<string> {
  if (e.checks.length <= WHOLE_EXPECTATION_CHECKS) return [nestedJson(e, 2)]
  const [head, tail] = around(e, 'checks', 2)
  return [head, ...arrayPieces(e.checks, 3, (check) => [nestedJson(check, 4)]), tail]
}

/** The pieces of `JSON.stringify(result, null, 2)`, in order. */
export function* auditJsonPieces(result: AuditResult): Generator<string> {
  const [head, tail] = around(result, 'expectations', 0)
  yield head
  // An expectation in one piece (one call to the engine's JSON.stringify) unless it is large.
  yield* arrayPieces(result.expectations, 1, expectationPieces)
  yield tail
}

/** Small pieces gathered into strings of about `size` characters (fewer writes); large ones passed on as they are. */
export function* batched(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let parts: string[] = []
  let length = 0
  for (const piece of pieces) {
    if (piece.length >= size) {
      if (parts.length > 0) yield parts.join('')
      parts = []
      length = 0
      yield piece
      continue
    }
    parts.push(piece)
    length += piece.length
    if (length >= size) {
      yield parts.join('')
      parts = []
      length = 0
    }
  }
  if (parts.length > 0) yield parts.join('')
}
