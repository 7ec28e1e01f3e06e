/**
 * Full-width and spacing variants of a pasted message, folded to the ASCII forms the parser
 * reads. Japanese input methods, consoles and translated articles write `：（）、。` and
 * full-width letters; an ARN typed in full width (`ａｒｎ：ａｗｓ…`) is the same ARN.
 *
 * This is NFKC's folding for the characters that matter here, not NFKC itself: NFKC would also
 * rewrite `…` as `...`, ligatures and super-scripts, none of which a message needs changed.
 * https://unicode.org/reports/tr15/ (compatibility decomposition of the Halfwidth and
 * Fullwidth Forms block, U+FF01–U+FF5E ↔ U+0021–U+007E).
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g
// Ideographic space, no-break space and the typographic spaces read as one space.
const SPACES = /[\u3000\u00A0\u2002-\u200A\u202F\u205F]/g
// Zero-width characters a rich-text copy leaves behind; they split tokens invisibly.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
// Japanese sentence punctuation and quotes: a comma, a full stop, quotation marks.
const JAPANESE_PUNCTUATION: Readonly<Record<string, string>> = {
  '、': ', ',
  '。': '. ',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '〔': '(',
  '〕': ')',
  '【': '(',
  '】': ')',
  '〜': '~',
  '‐': '-',
  '–': '-',
  '—': '-',
}
const PUNCTUATION = new RegExp(`[${Object.keys(JAPANESE_PUNCTUATION).join('')}]`, 'g')
// Half-width katakana (ﾕｰｻﾞｰ) composes to full width as NFKC would; only that block is passed to normalize().
const HALF_WIDTH_KANA = /[\uFF61-\uFF9F]+/g

/** The text with full-width ASCII, Japanese punctuation and odd spaces folded to what the parser reads. */
export function foldWidth(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SPACES, ' ')
    .replace(PUNCTUATION, (c) => JAPANESE_PUNCTUATION[c]!)
    .replace(HALF_WIDTH_KANA, (run) => run.normalize('NFKC'))
}

/** Hiragana, katakana or CJK ideographs: the text is (at least partly) Japanese. */
const JAPANESE_SCRIPT = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF66-\uFF9F]/

export function hasJapanese(text: string): boolean {
  return JAPANESE_SCRIPT.test(text)
}
