/**
 * `*` / `?` wildcard matching, shared by Action, Resource, StringLike and ArnLike.
 * Patterns are compiled once to anchored regular expressions and cached, because an audit
 * matches the same few hundred patterns millions of times.
 */

/** A piece of a pattern. Literal pieces come from policy-variable values: their `*` is not a wildcard. */
export interface PatternPart {
  readonly text: string
  readonly literal: boolean
}

const cache = new Map<string, RegExp>()
const CACHE_LIMIT = 50_000

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\*?]/g, '\\$&')
}

function wildcardSource(text: string): string {
  let out = ''
  for (const ch of text) {
    if (ch === '*') out += '.*'
    else if (ch === '?') out += '.'
    else out += escapeRegExp(ch)
  }
  return out
}

function compile(key: string, source: () => string, flags: string): RegExp {
  let re = cache.get(key)
  if (!re) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    re = new RegExp(`^${source()}$`, flags)
    cache.set(key, re)
  }
  return re
}

/**
 * A wildcard pattern as a test. The usual shapes (`s3:Get*`, `arn:aws:s3:::bucket/*`,
 * `*-prod`, `prefix*suffix`) become a prefix and suffix comparison: on a fresh process's
 * first pass, building and compiling a regular expression for each of them cost more than
 * every comparison made with it. Anything else is a cached regular expression.
 */
const testers = new Map<string, (value: string) => boolean>()

function wildcardTester(pattern: string, ignoreCase: boolean): (value: string) => boolean {
  const key = `${ignoreCase ? 'i' : 's'}\u0000${pattern}`
  let test = testers.get(key)
  if (!test) {
    if (testers.size >= CACHE_LIMIT) testers.clear()
    test = affixTester(pattern, ignoreCase) ?? undefined
    if (!test) {
      const flags = ignoreCase ? 'is' : 's'
      const re = compile(`${flags}\u0000${pattern}`, () => wildcardSource(pattern), flags)
      test = (value) => re.test(value)
    }
    testers.set(key, test)
  }
  return test
}

/**
 * `head*tail` with one `*` and no `?`: the value starts with head and ends with tail, the two
 * not overlapping. The regular expression's `s` flag lets `.*` take any characters, line
 * breaks included, so nothing else is asked of the middle. Case-insensitive only for an
 * ASCII pattern: there the regular expression's `i` flag (without `u`) folds A–Z onto a–z and
 * never maps a non-ASCII character onto an ASCII one, which the comparison below does too.
 * Null for any other pattern.
 */
function affixTester(pattern: string, ignoreCase: boolean): ((value: string) => boolean) | null {
  const star = pattern.indexOf('*')
  if (star < 0 || pattern.indexOf('*', star + 1) >= 0 || pattern.includes('?')) return null
  const head = pattern.slice(0, star)
  const tail = pattern.slice(star + 1)
  const least = head.length + tail.length
  if (!ignoreCase) {
    if (tail === '') return (value) => value.startsWith(head)
    if (head === '') return (value) => value.endsWith(tail)
    return (value) => value.length >= least && value.startsWith(head) && value.endsWith(tail)
  }
  if (!isAscii(pattern)) return null
  const lowHead = head.toLowerCase()
  const lowTail = tail.toLowerCase()
  return (value) => value.length >= least && asciiFoldedAt(value, 0, lowHead) && asciiFoldedAt(value, value.length - lowTail.length, lowTail)
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

/** Whether `value` holds `lower` (ASCII, lower-cased) at `at`, A–Z in value read as a–z. */
function asciiFoldedAt(value: string, at: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    let c = value.charCodeAt(at + i)
    if (c >= 0x41 && c <= 0x5a) c += 0x20
    if (c !== lower.charCodeAt(i)) return false
  }
  return true
}

/** True when `value` matches the wildcard `pattern` (`*` any run, `?` one character). */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value
  }
  return wildcardTester(pattern, ignoreCase)(value)
}

const ALWAYS = (): boolean => true

/**
 * Equality tests of literal patterns, shared: a compiled ARN pattern tests its first five
 * segments (`arn`, `aws`, `s3`, a region, an account), the same few texts in every statement.
 */
const literalTesters = new Map<string, (value: string) => boolean>()

function literalTester(pattern: string): (value: string) => boolean {
  let test = literalTesters.get(pattern)
  if (test === undefined) {
    if (literalTesters.size >= CACHE_LIMIT) literalTesters.clear()
    test = (value) => value === pattern
    literalTesters.set(pattern, test)
  }
  return test
}

/**
 * globMatch with the pattern fixed in advance: a compiled statement keeps one of these per
 * pattern, so matching costs one comparison or one regular-expression test, with no cache
 * lookup. Same answers as globMatch(pattern, value, ignoreCase).
 */
export function globTester(pattern: string, ignoreCase = false): (value: string) => boolean {
  if (pattern === '*') return ALWAYS
  if (!pattern.includes('*') && !pattern.includes('?')) {
    if (!ignoreCase) return literalTester(pattern)
    const lower = pattern.toLowerCase()
    return (value) => value.toLowerCase() === lower
  }
  return wildcardTester(pattern, ignoreCase)
}

/** Like globMatch, for a pattern assembled from wildcard and literal parts. */
export function partsMatch(parts: readonly PatternPart[], value: string, ignoreCase = false): boolean {
  if (parts.every((p) => !p.literal)) return globMatch(parts.map((p) => p.text).join(''), value, ignoreCase)
  const source = parts.map((p) => (p.literal ? escapeRegExp(p.text) : wildcardSource(p.text))).join('')
  const flags = ignoreCase ? 'is' : 's'
  return compile(`${flags}\u0001${source}`, () => source, flags).test(value)
}

/**
 * Whether two wildcard patterns can match a common string: used when the resource is
 * unknown and only its ARN format (`${Placeholders}` read as `*`) is known.
 */
export function globsIntersect(a: string, b: string): boolean {
  const memo = new Map<number, boolean>()
  const width = b.length + 1
  const go = (i: number, j: number): boolean => {
    const key = i * width + j
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    let result: boolean
    if (i === a.length && j === b.length) result = true
    else if (i < a.length && a[i] === '*') result = go(i + 1, j) || (j < b.length && go(i, j + 1))
    else if (j < b.length && b[j] === '*') result = go(i, j + 1) || (i < a.length && go(i + 1, j))
    else if (i === a.length || j === b.length) result = false
    else result = (a[i] === b[j] || a[i] === '?' || b[j] === '?') && go(i + 1, j + 1)
    memo.set(key, result)
    return result
  }
  return go(0, 0)
}
