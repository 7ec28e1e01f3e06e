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

/** True when `value` matches the wildcard `pattern` (`*` any run, `?` one character). */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value
  }
  const flags = ignoreCase ? 'is' : 's'
  return compile(`${flags}\u0000${pattern}`, () => wildcardSource(pattern), flags).test(value)
}

const ALWAYS = (): boolean => true

/**
 * globMatch with the pattern fixed in advance: a compiled statement keeps one of these per
 * pattern, so matching costs one comparison or one regular-expression test, with no cache
 * lookup. Same answers as globMatch(pattern, value, ignoreCase).
 */
export function globTester(pattern: string, ignoreCase = false): (value: string) => boolean {
  if (pattern === '*') return ALWAYS
  if (!pattern.includes('*') && !pattern.includes('?')) {
    if (!ignoreCase) return (value) => value === pattern
    const lower = pattern.toLowerCase()
    return (value) => value.toLowerCase() === lower
  }
  const flags = ignoreCase ? 'is' : 's'
  const re = compile(`${flags}\u0000${pattern}`, () => wildcardSource(pattern), flags)
  return (value) => re.test(value)
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
