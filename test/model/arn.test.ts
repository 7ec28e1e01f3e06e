/**
 * ARN parsing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html): six
 * colon-separated segments, the resource keeping any colons of its own. Checked against the
 * plain definition (split on every colon, join the rest back) on generated texts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arnSegments, parseArn } from '../../src/model/arn.js'

function bySplitting(text: string) {
  if (!text.startsWith('arn:')) return null
  const parts = text.split(':')
  if (parts.length < 6) return null
  const [, partition, service, region, account] = parts as [string, string, string, string, string]
  if (!partition || !service) return null
  return { partition, service, region, account, resource: parts.slice(5).join(':') }
}

const segmentsBySplitting = (text: string) => {
  const parts = text.split(':')
  return parts.length <= 6 ? parts : [...parts.slice(0, 5), parts.slice(5).join(':')]
}

const arnLike = fc.array(fc.constantFrom('arn', ':', 'aws', 's3', 'iam', '', '111122223333', 'role/a', '/', 'x:y'), { maxLength: 12 }).map((parts) => parts.join(''))

describe('parseArn and arnSegments', () => {
  it('read an ARN as splitting it on its colons does', () => {
    fc.assert(
      fc.property(fc.oneof(arnLike, arnLike.map((t) => `arn:${t}`), fc.string()), (text) => {
        expect(parseArn(text)).toEqual(bySplitting(text))
        expect(arnSegments(text)).toEqual(segmentsBySplitting(text))
      }),
      { numRuns: 2000 },
    )
    expect(parseArn('arn:aws:s3:::bucket/key:with:colons')).toEqual({ partition: 'aws', service: 's3', region: '', account: '', resource: 'bucket/key:with:colons' })
    expect(parseArn('arn:aws:iam::111122223333')).toBeNull()
    expect(parseArn('arn::iam::111122223333:role/x')).toBeNull()
  })
})
