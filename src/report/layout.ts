/**
 * Plain-text layout helpers shared by the text renderers: word wrapping and padding.
 * They work on unstyled text; colour is applied after the layout is done, so widths are
 * never thrown off by escape codes. Widths are terminal columns: East Asian wide characters
 * (漢字, かな) take two, and Japanese text breaks between characters (src/i18n/width.ts).
 */
import { displayWidth, wrapColumns } from '../i18n/index.js'

export const DEFAULT_WIDTH = 100
/** Below this the report stops trying to fit and lets lines run long. */
const MIN_WIDTH = 40

export function effectiveWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return DEFAULT_WIDTH
  return Math.max(MIN_WIDTH, Math.floor(width))
}

/** Terminal columns: `◀` and `…` count as one, `拒` as two. */
export function length(text: string): number {
  return displayWidth(text)
}

export function padEnd(text: string, columns: number): string {
  const missing = columns - length(text)
  return missing > 0 ? text + ' '.repeat(missing) : text
}

/**
 * Wraps prose at word boundaries (and between the characters of Japanese text). The first
 * line starts with `firstPrefix`, the others with `restPrefix`. A single word longer than the
 * line (an ARN) is kept whole rather than broken, so it can still be copied.
 */
export function wrap(text: string, width: number, firstPrefix = '', restPrefix = firstPrefix): string[] {
  return wrapColumns(text, width, firstPrefix, restPrefix)
}
