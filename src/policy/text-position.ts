/**
 * Offsets in policy text → what a person can find: 1-based line and column, and a short
 * excerpt of the source with a caret under the column.
 */

export interface TextPosition {
  readonly line: number
  readonly column: number
}

/** Start offset of every line (a line ends at \n, \r\n or \r). */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n') starts.push(i + 1)
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++
      starts.push(i + 1)
    }
  }
  return starts
}

function lineIndexOf(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The text of line `index` (0-based), without its line break. */
function lineText(text: string, starts: readonly number[], index: number): string {
  const start = starts[index] ?? text.length
  const next = starts[index + 1]
  const raw = text.slice(start, next ?? text.length)
  return raw.replace(/\r?\n$|\r$/, '')
}

/** Columns count characters (code points), so a curly quote or a kanji is one column. */
function columnOf(text: string, lineStart: number, offset: number): number {
  return Array.from(text.slice(lineStart, offset)).length + 1
}

export function positionOf(text: string, offset: number): TextPosition {
  const starts = lineStarts(text)
  const index = lineIndexOf(starts, offset)
  return { line: index + 1, column: columnOf(text, starts[index]!, offset) }
}

/** East Asian wide and full-width characters, which a terminal draws two columns wide. */
function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  )
}

/** Longest source line shown whole; longer ones (minified policies) are cut around the column. */
const MAX_SHOWN = 100
const BEFORE_CARET = 60

/**
 * The source line of `offset` with a caret under it, each line numbered:
 *
 *     3 |   "Action": "iam:DeleteRole"
 *     4 |   "Resource": "*"
 *       |   ^
 *
 * `fromLine` (1-based) adds the lines before it, when a message talks about them too
 * (a comma missing at the end of the previous line); more than three are not shown.
 */
export function excerptAt(text: string, offset: number, fromLine?: number): string {
  const starts = lineStarts(text)
  const index = lineIndexOf(starts, offset)
  const first = fromLine !== undefined && fromLine - 1 < index && index - (fromLine - 1) <= 3 ? fromLine - 1 : index
  const width = String(index + 1).length
  const out: string[] = []
  for (let i = first; i < index; i++) {
    // A line shown for context matters by its end (where the comma goes).
    const chars = Array.from(lineText(text, starts, i).trimEnd())
    const shown = chars.length > MAX_SHOWN ? `…${chars.slice(-MAX_SHOWN).join('')}` : chars.join('')
    out.push(`${String(i + 1).padStart(width)} | ${shown}`)
  }
  const chars = Array.from(lineText(text, starts, index).trimEnd())
  let before = Array.from(text.slice(starts[index]!, offset))
  let from = 0
  if (chars.length > MAX_SHOWN) from = Math.max(0, before.length - BEFORE_CARET)
  const to = Math.min(chars.length, from + MAX_SHOWN)
  const shown = `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`
  before = (from > 0 ? ['…'] : []).concat(before.slice(from))
  out.push(`${String(index + 1).padStart(width)} | ${shown}`)
  // Keep tabs under tabs, and two columns under wide (CJK) characters, so the caret lines up in a terminal.
  const pad = before.map((ch) => (ch === '\t' ? '\t' : isWide(ch) ? '  ' : ' ')).join('')
  out.push(`${' '.repeat(width)} | ${pad}^`)
  return out.join('\n')
}
