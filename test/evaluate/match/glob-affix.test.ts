import { describe, expect, it } from 'vitest'
import { globMatch, globTester } from '../../../src/evaluate/match/glob.js'

/** The reading every pattern had before the prefix/suffix comparisons: an anchored regular expression. */
function byRegExp(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = [...pattern].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\*?]/g, '\\$&'))).join('')
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value)
}

// Letters of both cases, a line break, and characters whose case rules differ between
// toLowerCase and a regular expression's `i` flag: the Kelvin sign (K), long s (ſ), dotted I (İ), ß.
const letters = ['a', 'A', 'k', 'K', '\u212a', 's', '\u017f', 'i', '\u0130', '\u00df', '\n', ':', '.']
const patternsOf = (bits: readonly string[]): string[] => [
  ...bits.map((b) => `${b}*`),
  ...bits.map((b) => `*${b}`),
  ...bits.flatMap((a) => bits.map((b) => `${a}*${b}`)),
  ...bits.flatMap((a) => bits.map((b) => `${a}${b}*`)),
  ...bits.flatMap((a) => bits.map((b) => `*${a}${b}`)),
  ...bits.map((b) => `${b}*${b}*`),
  ...bits.map((b) => `${b}?*`),
]
const values = ['', ...letters, ...letters.flatMap((a) => letters.map((b) => a + b)), ...letters.flatMap((a) => ['a', 'K', '\u212a'].map((b) => `${a}x${b}`))]

describe('wildcard patterns with one * (compared, not compiled) read as the regular expression does', () => {
  const patterns = patternsOf(letters)
  for (const ignoreCase of [false, true]) {
    it(`${ignoreCase ? 'ignoring' : 'minding'} case: ${patterns.length} patterns × ${values.length} values`, () => {
      const differ: string[] = []
      for (const pattern of patterns) {
        const test = globTester(pattern, ignoreCase)
        for (const value of values) {
          const expected = byRegExp(pattern, value, ignoreCase)
          if (globMatch(pattern, value, ignoreCase) !== expected || test(value) !== expected) differ.push(`${JSON.stringify(pattern)} ${JSON.stringify(value)}`)
        }
      }
      expect(differ).toEqual([])
    })
  }

  it('the usual action and resource shapes', () => {
    expect(globMatch('s3:Get*', 'S3:GETOBJECT', true)).toBe(true)
    expect(globMatch('s3:Get*', 's3:PutObject', true)).toBe(false)
    expect(globMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b')).toBe(true)
    expect(globMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket')).toBe(false)
    expect(globMatch('*-prod', 'team-prod')).toBe(true)
    // head and tail may not overlap: `ab*ba` needs four characters at least
    expect(globMatch('ab*ba', 'aba')).toBe(false)
    expect(globMatch('ab*ba', 'abba')).toBe(true)
  })
})
