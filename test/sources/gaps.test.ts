import { describe, expect, it } from 'vitest'
import { dedupeGaps } from '../../src/sources/gaps.js'

describe('dedupeGaps', () => {
  const gap = { source: 'ec2', error: 'AuthFailure', effect: 'VPC endpoints of eu-west-3 were not read.' }

  it('keeps one of each gap, in order', () => {
    expect(dedupeGaps([gap, { ...gap }, { ...gap, source: 's3' }])).toEqual([gap, { ...gap, source: 's3' }])
  })

  it('keeps the same failure in two accounts as two gaps, so each stays scoped to its account', () => {
    const a = { ...gap, account: '111111111111' }
    const b = { ...gap, account: '222222222222' }
    expect(dedupeGaps([a, b, a])).toEqual([a, b])
  })
})
