import { describe, expect, it } from 'vitest'
import { resourceEntryMatches } from '../../../src/evaluate/match/resource.js'
import { makeContext } from '../../../src/model/index.js'

// Resource matching per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
const env = (pairs: [string, string][] = [], complete = true) => ({ context: makeContext(pairs, { complete }), version: '2012-10-17' as const })

describe('resourceEntryMatches', () => {
  it.each([
    ['*', 'arn:aws:s3:::bucket/key', true],
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket', true],
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key', false],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c', true],
    ['arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/a', false], // case-sensitive
    ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', true],
    ['arn:aws:ec2:*:*:volume/*', 'arn:aws:ec2:us-east-1:111111111111:instance/i-1', false],
    ['arn:aws:logs:us-east-1:111111111111:log-group:/app/*', 'arn:aws:logs:us-east-1:111111111111:log-group:/app/web:log-stream:x', true],
    ['arn:aws:s3:*', 'arn:aws:s3:::bucket/key', true], // a short pattern ending in * absorbs the rest
    ['arn:aws:iam::111111111111:user/Bob', 'arn:aws:iam::111111111111:user/bob', false],
  ])('%s vs %s → %s', (pattern, value, expected) => {
    expect(resourceEntryMatches(pattern, value, env()).result).toBe(expected)
  })

  it('a * in the region segment does not swallow the account', () => {
    expect(resourceEntryMatches('arn:aws:s3:*:111111111111:x', 'arn:aws:s3:us-east-1:222222222222:x', env()).result).toBe(false)
  })

  it('expands ${aws:username} in the resource part only', () => {
    const pattern = 'arn:aws:s3:::home/${aws:username}/*'
    expect(resourceEntryMatches(pattern, 'arn:aws:s3:::home/alice/notes.txt', env([['aws:username', 'alice']])).result).toBe(true)
    expect(resourceEntryMatches(pattern, 'arn:aws:s3:::home/bob/notes.txt', env([['aws:username', 'alice']])).result).toBe(false)
  })

  it('a variable with no value matches nothing; an unknown one may match', () => {
    const pattern = 'arn:aws:s3:::home/${aws:username}/*'
    expect(resourceEntryMatches(pattern, 'arn:aws:s3:::home/alice/x', env([], true)).result).toBe(false)
    const unknown = resourceEntryMatches(pattern, 'arn:aws:s3:::home/alice/x', env([], false))
    expect(unknown.result).toBe('unknown')
    expect(unknown.unknownKeys).toEqual(['aws:username'])
  })
})
