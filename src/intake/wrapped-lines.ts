/**
 * Undoes the line breaks that terminals, log viewers and chat tools insert into long error
 * messages. A break may sit between two words (the space is kept, or lost when trailing
 * whitespace is trimmed on copy) or in the middle of a token (an ARN, an encoded message).
 * This module proposes single-line readings; the message parser keeps the one that parses best.
 */

// Words of the message templates and their CLI/SDK wrappers. A break next to one of them is
// likely a word boundary; a break inside one of them (L+R is a word) is not.
const TEMPLATE_WORDS = new Set(
  (
    'user: is not authorized authorised to perform: perform on resource: resource this with an a the explicit deny in ' +
    'because no allows allow action service control policy policies policy: resource-based identity-based permissions ' +
    'permission boundary boundary: session sessions vpc endpoint role trust transitively through go for complete details ' +
    'or call getrequestauthorizationdetails api following authorization id: encoded failure message: you are operation ' +
    'error occurred when calling https response statuscode: requestid: hostid: status code: request ' +
    'public acls prevented by setting s3 block blockpublicacls blockpublicpolicy bucket has blocked upload ' +
    'requests that specify server side encryption customer provided keys does exist region explicitly denies'
  ).split(' '),
)

// Terraform draws a box around its diagnostics.
const BOX_PREFIX = /^\s*[│┃║╷╵]\s?/
// Beyond this many undecidable breaks, trying every combination costs more than it gives.
const MAX_ENUMERATED_BREAKS = 4

function isWord(token: string): boolean {
  const lower = token.toLowerCase()
  return TEMPLATE_WORDS.has(lower) || TEMPLATE_WORDS.has(lower.replace(/[.,;:()]+$/, '').replace(/^[(]+/, ''))
}

function colonCount(token: string): number {
  return token.split(':').length - 1
}

interface Break {
  /** Whitespace touches the break: it is certainly a word boundary. */
  readonly spaced: boolean
  readonly left: string
  readonly right: string
}

function breakBetween(a: string, b: string): Break {
  return {
    spaced: /\s$/.test(a) || /^\s/.test(b),
    left: /(\S+)$/.exec(a)?.[1] ?? '',
    right: /^(\S+)/.exec(b)?.[1] ?? '',
  }
}

/** Guesses from the two tokens around an unspaced break whether a space was lost there. */
function guess({ spaced, left, right }: Break): string {
  if (spaced || !left || !right) return ' '
  if (isWord(left + right)) return ''
  // "a" + "rn:aws:…", or an ARN cut before its resource part (fewer than five colons).
  if (/^"?arn:/i.test(left + right) && (/^"?(a|ar|arn)$/i.test(left) || colonCount(left) < 5)) return ''
  // An ARN or action cut right after one of its colons.
  if (left.endsWith(':') && !isWord(left) && colonCount(left) >= 2) return ''
  if (isWord(left) || isWord(right)) return ' '
  if (/[,;)]$/.test(left) || /[.:]$/.test(left)) return ' '
  if (/^["(]/.test(right) || /^arn:/i.test(right)) return ' '
  return ''
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.replace(BOX_PREFIX, ''))
}

/**
 * A terminal that hard-wraps cuts every line at the same column, so most lines of the block
 * share the maximum length. There a full-length line was cut inside a token (no space to add)
 * unless both sides are template words, and a shorter line lost trailing whitespace.
 */
function hardWrapWidth(lines: readonly string[]): number | null {
  const inner = lines.slice(0, -1).filter((line) => line.trim() !== '')
  const width = lines.reduce((max, line) => Math.max(max, line.length), 0)
  const full = inner.filter((line) => line.length === width).length
  return width >= 10 && full >= 2 && full / inner.length >= 0.6 ? width : null
}

function join(lines: readonly string[], separators: readonly string[]): string {
  let out = lines[0] ?? ''
  for (let i = 1; i < lines.length; i++) out += separators[i - 1]! + lines[i]!
  return out.replace(/\s+/g, ' ').trim()
}

/** Single-line readings of `text`, most plausible first, without duplicates. */
export function joinedCandidates(text: string): string[] {
  const lines = splitLines(text).filter((line, i, all) => line.trim() !== '' || (i > 0 && i < all.length - 1))
  if (lines.length <= 1) return [(lines[0] ?? text).replace(/\s+/g, ' ').trim()]
  const breaks = lines.slice(1).map((line, i) => {
    const previous = lines[i]!
    return line.trim() === '' || previous.trim() === '' ? { spaced: true, left: '', right: '' } : breakBetween(previous, line)
  })
  const candidates: string[] = []
  const width = hardWrapWidth(lines)
  if (width !== null) {
    const cut = breaks.map((b, i) => {
      if (b.spaced || lines[i]!.length !== width) return ' '
      return isWord(b.left) && isWord(b.right) && !isWord(b.left + b.right) ? ' ' : ''
    })
    candidates.push(join(lines, cut))
  }
  const guessed = breaks.map(guess)
  candidates.push(join(lines, guessed))
  const open = breaks.map((b, i) => (b.spaced ? -1 : i)).filter((i) => i >= 0)
  if (open.length <= MAX_ENUMERATED_BREAKS) {
    for (let mask = 0; mask < 1 << open.length; mask++) {
      const separators = [...guessed]
      open.forEach((index, bit) => (separators[index] = mask & (1 << bit) ? '' : ' '))
      candidates.push(join(lines, separators))
    }
  }
  candidates.push(join(lines, breaks.map(() => ' ')))
  candidates.push(join(lines, breaks.map((b) => (b.spaced ? ' ' : ''))))
  return [...new Set(candidates)]
}
