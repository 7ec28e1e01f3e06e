/**
 * fast-check generators of JSON text written every way RFC 8259 allows (any whitespace between
 * tokens, CRLF or LF, escaped or literal characters, every spelling of a number), for the
 * tests that hold the fast JSON reader to the line-aware ones.
 */
import fc from 'fast-check'

const WHITESPACE = ['', '', ' ', '  ', '\t', '\n', '\r\n', '\n\n    ', ' \t\r\n\t']
const NUMBERS = ['0', '-0', '1', '-12', '1.50', '0.001', '1e5', '1E+2', '-12.5e-3', '2.5E-0', '12345678901234567890', '1e400']

/** A JSON value as a tree the printer below writes out; numbers keep the spelling chosen. */
export type JsonShape = string | boolean | null | { readonly number: string } | readonly JsonShape[] | { readonly entries: readonly (readonly [string, JsonShape])[] }

const text = fc.string({ unit: 'binary', maxLength: 12 })

export const jsonShape: fc.Arbitrary<JsonShape> = fc.letrec<{ value: JsonShape }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...NUMBERS).map((number) => ({ number })),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.uniqueArray(fc.tuple(text, tie('value')), { maxLength: 4, selector: ([key]) => key }).map((entries) => ({ entries })),
  ),
})).value

/** A JSON object, as an audit file is. */
export const jsonObjectShape: fc.Arbitrary<JsonShape> = fc
  .uniqueArray(fc.tuple(text, jsonShape), { maxLength: 5, selector: ([key]) => key })
  .map((entries) => ({ entries }))

function isList(v: JsonShape): v is readonly JsonShape[] {
  return Array.isArray(v)
}

/** Where the printer takes its whitespace and escapes from: cycled, so any length of choices serves. */
export interface Style {
  readonly spaces: readonly number[]
  readonly escapes: readonly boolean[]
}

export const style: fc.Arbitrary<Style> = fc.record({
  spaces: fc.array(fc.nat(WHITESPACE.length - 1), { minLength: 1, maxLength: 24 }),
  escapes: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
})

/** Writes `shape` as JSON, with whitespace and escapes as `style` picks them. */
export function printJson(shape: JsonShape, s: Style): string {
  let space = 0
  let escape = 0
  const ws = () => WHITESPACE[s.spaces[space++ % s.spaces.length]!]!
  const string = (value: string) => {
    let out = '"'
    for (const ch of value) {
      const code = ch.codePointAt(0)!
      if (s.escapes[escape++ % s.escapes.length]) {
        // Every character may be written as \uXXXX (a pair of them past U+FFFF), "/" as \/.
        if (ch === '/') out += '\\/'
        else for (const unit of ch.split('')) out += `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
      } else out += code < 0x20 || ch === '"' || ch === '\\' ? JSON.stringify(ch).slice(1, -1) : ch
    }
    return `${out}"`
  }
  const value = (v: JsonShape): string => {
    if (typeof v === 'string') return string(v)
    if (typeof v === 'boolean' || v === null) return String(v)
    if (isList(v)) return `[${ws()}${v.map((item) => `${value(item)}${ws()}`).join(`,${ws()}`)}]`
    if ('number' in v) return v.number
    return `{${ws()}${v.entries.map(([k, item]) => `${string(k)}${ws()}:${ws()}${value(item)}${ws()}`).join(`,${ws()}`)}}`
  }
  return `${ws()}${value(shape)}${ws()}`
}

/** A plain JSON value (as JSON.parse gives) as a shape for the printer. */
export function shapeOf(value: unknown): JsonShape {
  if (typeof value === 'number') return { number: String(value) }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value
  if (Array.isArray(value)) return value.map(shapeOf)
  return { entries: Object.entries(value as object).map(([k, v]) => [k, shapeOf(v)] as const) }
}
