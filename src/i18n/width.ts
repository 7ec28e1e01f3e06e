/**
 * Terminal columns of text: East Asian Wide and Fullwidth characters (漢字, かな, full-width
 * forms) take two columns, combining marks and zero-width characters none, the rest one.
 * Ambiguous characters (…, ◀, ✓, ─) are counted narrow, as UAX #11 advises when the context
 * cannot be established: https://www.unicode.org/reports/tr11/
 */
import { eastAsianWidth } from 'get-east-asian-width'

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200B\uFE00-\uFE0F]$/u
const CONTROL = /^[\u0000-\u001F\u007F-\u009F]$/

/** Columns one code point takes. */
function charWidth(char: string): number {
  if (ZERO_WIDTH.test(char) || CONTROL.test(char)) return 0
  return eastAsianWidth(char.codePointAt(0)!, { ambiguousAsWide: false })
}

/** Columns a string takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += charWidth(char)
  return width
}

/** The text padded with spaces to `columns` columns (never cut). */
export function padEndColumns(text: string, columns: number): string {
  const missing = columns - displayWidth(text)
  return missing > 0 ? text + ' '.repeat(missing) : text
}

/** The text cut to at most `columns` columns, ending in … when it was cut. */
export function cutColumns(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text
  let out = ''
  let width = 0
  for (const char of text) {
    const w = charWidth(char)
    if (width + w > columns - 1) break
    out += char
    width += w
  }
  return `${out}…`
}

// Characters after which a line may break without a space: CJK ideographs, kana, full-width
// punctuation (UAX #14 classes ID, CJ, and the closing punctuation after which breaks are allowed).
const BREAKABLE = /[\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF60]/
// Characters that must not start a line (kinsoku shori: closing brackets, small kana, 。、).
const NO_LINE_START = /[、。，．）」』】〕！？ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・：；]/

/**
 * Splits text into the pieces a line may break between: words separated by spaces (the space
 * is dropped at a break) and, inside Japanese text, single characters (no space is added). Each
 * piece says whether a space stood before it.
 */
function breakPieces(text: string): { piece: string; spaced: boolean }[] {
  const out: { piece: string; spaced: boolean }[] = []
  for (const [i, word] of text.split(/\s+/).filter((w) => w !== '').entries()) {
    let current = ''
    let first = true
    const chars = [...word]
    chars.forEach((char, j) => {
      const next = chars[j + 1]
      current += char
      // Break after a Japanese character (or before one), unless the next may not start a line.
      const breakHere = next !== undefined && (BREAKABLE.test(char) || BREAKABLE.test(next)) && !NO_LINE_START.test(next) && !/[（「『【〔(]/.test(char)
      if (breakHere) {
        out.push({ piece: current, spaced: first && i > 0 })
        current = ''
        first = false
      }
    })
    if (current) out.push({ piece: current, spaced: first && i > 0 })
  }
  return out
}

/**
 * Wraps prose to `width` columns. Lines break at spaces and, in Japanese text, between
 * characters. The first line starts with `firstPrefix`, the others with `restPrefix`; a piece
 * longer than the line (an ARN) is kept whole, so it can still be copied.
 */
export function wrapColumns(text: string, width: number, firstPrefix = '', restPrefix = firstPrefix): string[] {
  const out: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = out.length === 0 ? firstPrefix : restPrefix
    let lineHasWord = false
    for (const { piece, spaced } of breakPieces(paragraph)) {
      const candidate = lineHasWord ? `${line}${spaced ? ' ' : ''}${piece}` : line + piece
      if (lineHasWord && displayWidth(candidate) > width) {
        out.push(line)
        line = restPrefix + piece
      } else {
        line = candidate
      }
      lineHasWord = true
    }
    out.push(line)
  }
  return out
}
