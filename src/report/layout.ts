/**
 * Plain-text layout helpers shared by the text renderers: word wrapping and padding.
 * They work on unstyled text; colour is applied after the layout is done, so widths are
 * never thrown off by escape codes.
 */

export const DEFAULT_WIDTH = 100
/** Below this the report stops trying to fit and lets lines run long. */
const MIN_WIDTH = 40

export function effectiveWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return DEFAULT_WIDTH
  return Math.max(MIN_WIDTH, Math.floor(width))
}

/** Characters, counted by code point so that `◀` and `…` count as one column. */
export function length(text: string): number {
  return [...text].length
}

export function padEnd(text: string, columns: number): string {
  const missing = columns - length(text)
  return missing > 0 ? text + ' '.repeat(missing) : text
}

/**
 * Wraps prose at word boundaries. The first line starts with `firstPrefix`, the others with
 * `restPrefix`. A single word longer than the line (an ARN) is kept whole rather than broken,
 * so it can still be copied.
 */
export function wrap(text: string, width: number, firstPrefix = '', restPrefix = firstPrefix): string[] {
  const out: string[] = []
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter((w) => w !== '')
    let line = out.length === 0 ? firstPrefix : restPrefix
    let lineHasWord = false
    for (const word of words) {
      const candidate = lineHasWord ? `${line} ${word}` : line + word
      if (lineHasWord && length(candidate) > width) {
        out.push(line)
        line = restPrefix + word
      } else {
        line = candidate
      }
      lineHasWord = true
    }
    out.push(line)
  }
  return out
}
