/**
 * Plain words for the JSON mistakes people actually paste: curly quotes from a word
 * processor or web page, single quotes, comments, trailing commas, non-breaking and
 * full-width spaces from an IME, Python-style True/False.
 */

/** A syntax problem found by the JSON reader, at a character offset of the text. */
export class JsonSyntaxProblem {
  constructor(
    readonly offset: number,
    /** The reason, in words, without the "at line …" prefix. */
    readonly reason: string,
    /** 1-based line the excerpt should start at (the line a missing comma belongs to). */
    readonly fromLine?: number,
    /** True when the text is valid JSON but not a valid policy (duplicate keys). */
    readonly notJsonError = false,
  ) {}
}

const STRAIGHT = 'JSON needs straight double quotes (")'

const CURLY_QUOTES: Readonly<Record<string, string>> = {
  '\u201C': 'the curly quote \u201C (U+201C)',
  '\u201D': 'the curly quote \u201D (U+201D)',
  '\u2018': 'the curly quote \u2018 (U+2018)',
  '\u2019': 'the curly quote \u2019 (U+2019)',
  '\u201E': 'the low curly quote \u201E (U+201E)',
  '\u00AB': 'the guillemet \u00AB (U+00AB)',
  '\u00BB': 'the guillemet \u00BB (U+00BB)',
  '\u2033': 'the double prime \u2033 (U+2033)',
}

const ODD_SPACES: Readonly<Record<string, string>> = {
  '\u00A0': 'a non-breaking space (U+00A0)',
  '\u3000': 'a full-width space (U+3000)',
  '\u200B': 'a zero-width space (U+200B)',
  '\uFEFF': 'a zero-width no-break space (U+FEFF)',
}

export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

export function curlyQuoteName(ch: string): string {
  return CURLY_QUOTES[ch] ?? `the character ${ch} (${codePoint(ch)})`
}

/** Shortens a piece of text for a message. */
export function clip(text: string, max = 40): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

const WORD = /[A-Za-z_$][\w$.:\-/*]*/y

/** What sits at `offset`, in words a person recognises, with the fix when there is an obvious one. */
export function describeFound(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the text'
  const ch = String.fromCodePoint(text.codePointAt(offset)!)
  const next = text[offset + 1]
  if (ch === '/' && (next === '/' || next === '*')) {
    return `a comment (${ch}${next}) — JSON does not allow comments; remove it`
  }
  if (ch === '#') return 'a comment (#) — JSON does not allow comments; remove it'
  const curly = CURLY_QUOTES[ch]
  if (curly) return `${curly} — ${STRAIGHT}`
  if (ch === "'") return `a single quote (') — ${STRAIGHT} around strings and keys`
  if (ch === '`') return `a backtick (\`) — ${STRAIGHT} around strings and keys`
  const space = ODD_SPACES[ch] ?? (/\s/u.test(ch) ? `the space character ${codePoint(ch)}` : undefined)
  if (space) return `${space} — JSON allows only ordinary spaces, tabs and line breaks; retype it as a space`
  const cp = ch.codePointAt(0)!
  if (cp >= 0xff01 && cp <= 0xff5e) {
    const ascii = String.fromCharCode(cp - 0xfee0)
    return `the full-width character ${ch} (${codePoint(ch)}) — use the ordinary ${ascii} instead`
  }
  if (ch === '"') return `the string ${summariseToken(text, offset)}`
  WORD.lastIndex = offset
  // A trailing colon belongs to an unquoted key (`Effect:`), not to the word.
  const word = WORD.exec(text)?.[0]?.replace(/:+$/, '')
  if (word) return describeWord(word)
  if (/[\x21-\x7e]/.test(ch)) return `"${ch}"`
  return `the character ${ch} (${codePoint(ch)})`
}

function describeWord(word: string): string {
  const lower = word.toLowerCase()
  if (lower === 'true' || lower === 'false' || lower === 'null') {
    return `${word} — JSON writes it in lower case: ${lower}`
  }
  if (word === 'undefined' || word === 'NaN' || word === 'Infinity' || word === 'None') {
    return `${word}, which JSON does not have — use a string in double quotes`
  }
  const shown = clip(word, 30)
  return `${shown} without quotes — text must be in double quotes: "${shown}"`
}

/** How to name a value that was just read, for "between X and Y" messages. */
export function summariseToken(text: string, offset: number): string {
  const ch = text[offset]
  if (ch === '{') return '{…}'
  if (ch === '[') return '[…]'
  if (ch === '"') {
    const end = text.slice(offset + 1).search(/["\r\n]/)
    const inner = end < 0 ? text.slice(offset + 1) : text.slice(offset + 1, offset + 1 + end)
    return `"${clip(inner)}"`
  }
  const word = /^[\w.+-]+/.exec(text.slice(offset, offset + 40))?.[0]
  return word ? clip(word, 30) : describeFound(text, offset)
}

export function missingCommaReason(previous: string, nextToken: string, where: string): string {
  return `expected a comma between ${previous} and ${nextToken} — a comma is probably missing ${where}`
}

export function trailingCommaReason(closer: '}' | ']'): string {
  const last = closer === '}' ? 'property' : 'element'
  return `a comma right before "${closer}" — JSON does not allow a comma after the last ${last}; remove this comma`
}

export function curlyInStringReason(ch: string, stringSoFar: string): string {
  return `found ${curlyQuoteName(ch)} where the string "${clip(stringSoFar)}" should end — ${STRAIGHT}; replace it with a straight "`
}

export function unclosedReason(opener: '{' | '[', line: number, column: number): string {
  const what = opener === '{' ? 'object' : 'list'
  const closer = opener === '{' ? '}' : ']'
  return `the text ends before the ${what} opened at line ${line}, column ${column} is closed — a "${closer}" is probably missing`
}
