import { describe, expect, it } from 'vitest'
import { dedupeGaps, federatedUserGap, unknownResourceAccountGap } from '../../src/sources/gaps.js'

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

describe('gaps every source words alike', () => {
  it('differ only in the source that reports them', () => {
    const live = federatedUserGap('partner', 'iam')
    const offline = federatedUserGap('partner', 'snapshot demo.json')
    expect({ ...offline, source: 'iam' }).toEqual(live)
    expect(live.error).toBe('the IAM user that called GetFederationToken for `partner` is not in the session ARN')
    expect({ ...unknownResourceAccountGap('snapshot demo.json'), source: 'organizations' }).toEqual(unknownResourceAccountGap('organizations'))
  })
})
