import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NEGATED_OPERATORS } from '../../../src/model/operators.js'
import { POSITIVE_BASE } from '../../../src/evaluate/condition/family.js'
import { result } from './helpers.js'

const text = fc.string({ maxLength: 8 }).filter((s) => !s.includes('${'))

describe('invariants', () => {
  it('a negated operator is the opposite of its positive one for a single known value', () => {
    const samples: Record<string, fc.Arbitrary<string>> = {
      StringNotEquals: text,
      StringNotEqualsIgnoreCase: text,
      StringNotLike: text,
      NumericNotEquals: fc.integer({ min: -5, max: 5 }).map(String),
      DateNotEquals: fc.integer({ min: 2020, max: 2023 }).map(String),
      NotIpAddress: fc.integer({ min: 0, max: 3 }).map((n) => `10.0.0.${n}`),
      ArnNotLike: fc.constantFrom('arn:aws:s3:::a', 'arn:aws:s3:::b*', 'x'),
      ArnNotEquals: fc.constantFrom('arn:aws:s3:::a', 'arn:aws:s3:::b*'),
    }
    for (const negated of NEGATED_OPERATORS) {
      const positive = negated === 'ArnNotEquals' ? 'ArnEquals' : POSITIVE_BASE[negated]!
      const values = samples[negated]!
      fc.assert(
        fc.property(values, fc.array(values, { maxLength: 3 }), (request, policy) => {
          expect(result(negated, 'k', policy, { k: request })).toBe(!result(positive, 'k', policy, { k: request }))
        }),
        { numRuns: 60 },
      )
    }
  })

  it('StringLike without wildcards is StringEquals', () => {
    fc.assert(
      fc.property(text.filter((s) => !/[*?]/.test(s)), text, (pattern, value) => {
        expect(result('StringLike', 'k', pattern, { k: value })).toBe(result('StringEquals', 'k', pattern, { k: value }))
      }),
    )
  })

  it('the block never calls a clause true or false on an unknown key', () => {
    fc.assert(
      fc.property(fc.constantFrom('StringEquals', 'StringNotLikeIfExists', 'Null', 'ForAllValues:StringLike', 'NumericLessThan'), (op) => {
        expect(result(op, 'k', '1', {}, { complete: false })).toBe('unknown')
      }),
    )
  })
})
