/**
 * ANSI styling for the text report. Plain escape codes rather than a colour library: the
 * command decides whether colour is on (a TTY and no NO_COLOR), so the renderer needs no
 * terminal detection, and with colour off every style is the identity — the report then
 * contains no escape code at all, which the tests assert.
 */

export type Style = (text: string) => string

/** The styles the report uses, named by what they mean rather than by colour. */
export interface Palette {
  readonly enabled: boolean
  readonly bold: Style
  readonly dim: Style
  /** A Deny that applies, the DENIED headline. */
  readonly deny: Style
  /** An Allow that applies, the ALLOWED headline. */
  readonly allow: Style
  /** Something that hangs on what the request carried; partial diagnoses. */
  readonly unknown: Style
  readonly heading: Style
}

const ESC = '\u001b['

function sgr(open: number, close: number): Style {
  return (text) => (text === '' ? '' : `${ESC}${open}m${text}${ESC}${close}m`)
}

function chain(...styles: Style[]): Style {
  return (text) => styles.reduce((acc, style) => style(acc), text)
}

const identity: Style = (text) => text

const bold = sgr(1, 22)
const dim = sgr(2, 22)
const red = sgr(31, 39)
const green = sgr(32, 39)
const yellow = sgr(33, 39)
const cyan = sgr(36, 39)

const COLOR: Palette = {
  enabled: true,
  bold,
  dim,
  deny: chain(red, bold),
  allow: chain(green, bold),
  unknown: chain(yellow, bold),
  heading: chain(cyan, bold),
}

const PLAIN: Palette = {
  enabled: false,
  bold: identity,
  dim: identity,
  deny: identity,
  allow: identity,
  unknown: identity,
  heading: identity,
}

export function palette(color: boolean): Palette {
  return color ? COLOR : PLAIN
}
