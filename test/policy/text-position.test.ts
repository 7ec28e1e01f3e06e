import { describe, expect, it } from 'vitest'
import { excerptAt, positionOf } from '../../src/policy/text-position.js'
import { errorOf } from './helpers.js'

describe('positionOf', () => {
  it('counts lines after \\n, \\r\\n and a lone \\r, and columns from 1', () => {
    const text = 'a\nb\r\nc\rd'
    expect([0, 2, 5, 7].map((offset) => positionOf(text, offset))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ])
  })

  it('counts a character outside the BMP as one column', () => {
    expect(positionOf('"😀x', 3)).toEqual({ line: 1, column: 3 })
  })
})

describe('excerptAt', () => {
  it('shows the earlier lines a message refers to, up to three back', () => {
    const text = 'l1\nl2\nl3\nl4\nl5'
    expect(excerptAt(text, text.indexOf('l5'), 2)).toBe('2 | l2\n3 | l3\n4 | l4\n5 | l5\n  | ^')
    expect(excerptAt(text, text.indexOf('l5'), 1)).toBe('5 | l5\n  | ^')
  })

  it('cuts a long (minified) line around the column', () => {
    const line = `${'a'.repeat(200)}X${'b'.repeat(200)}`
    const excerpt = excerptAt(line, 200)
    expect(excerpt).toBe(`1 | …${'a'.repeat(60)}X${'b'.repeat(39)}…\n  | ${' '.repeat(61)}^`)
  })

  it('shows the end of a long context line, where a missing comma would go', () => {
    const text = `${'a'.repeat(150)}\n"b"`
    expect(excerptAt(text, 151, 1)).toBe(`1 | …${'a'.repeat(100)}\n2 | "b"\n  | ^`)
  })
})

describe('hostile input', () => {
  it('deep nesting is an error, not a stack overflow', () => {
    const error = errorOf('['.repeat(100_000))
    expect(error.message.split('\n')[0]).toBe(
      'Policy "P" is not valid JSON at line 1, column 65: the JSON is nested more than 64 levels deep, which no policy is — check that it was copied correctly.',
    )
  })
})
