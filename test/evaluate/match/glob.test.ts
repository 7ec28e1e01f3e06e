import { describe, expect, it } from 'vitest'
import { globMatch, globsIntersect, partsMatch } from '../../../src/evaluate/match/glob.js'

describe('globMatch', () => {
  it.each([
    ['*', 'anything at all', true],
    ['ec2:Run*', 'ec2:RunInstances', true],
    ['ec2:Run*', 'ec2:StartInstances', false],
    ['s3:Get?bject', 's3:GetObject', true],
    ['s3:Get?bject', 's3:GetObjct', false],
    ['a.b', 'aXb', false], // regex metacharacters are literal
    ['a+b', 'a+b', true],
    ['bucket/*/test/*', 'bucket/1/2/test/3/x.jpg', true],
    ['bucket/*/test/*', 'bucket/test/x.jpg', false],
  ])('%s vs %s → %s', (pattern, value, expected) => {
    expect(globMatch(pattern, value)).toBe(expected)
  })

  it('is case-sensitive unless asked otherwise', () => {
    expect(globMatch('ec2:run*', 'ec2:RunInstances')).toBe(false)
    expect(globMatch('ec2:run*', 'ec2:RunInstances', true)).toBe(true)
  })

  it('matches across line breaks in values', () => {
    expect(globMatch('a*b', 'a\nb')).toBe(true)
  })
})

describe('partsMatch: variable values are literal text', () => {
  it('a * inside a substituted value is not a wildcard', () => {
    const parts = [{ text: 'home/', literal: false }, { text: 'a*', literal: true }, { text: '/*', literal: false }]
    expect(partsMatch(parts, 'home/a*/file')).toBe(true)
    expect(partsMatch(parts, 'home/abc/file')).toBe(false)
  })
})

describe('globsIntersect', () => {
  it.each([
    ['instance/*', 'instance/${X}'.replace('${X}', '*'), true],
    ['instance/*', 'volume/*', false],
    ['*', 'volume/*', true],
    ['inst?nce/i-1', 'instance/*', true],
    ['a*c', 'ab*', true],
    ['abc', 'abd', false],
  ])('%s ∩ %s → %s', (a, b, expected) => {
    expect(globsIntersect(a, b)).toBe(expected)
    expect(globsIntersect(b, a)).toBe(expected)
  })
})
