/**
 * ARN parsing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html): six
 * colon-separated segments, the resource keeping any colons of its own; a text with fewer
 * segments, or without a partition or service, is no ARN.
 */
import { describe, expect, it } from 'vitest'
import { arnSegments, parseArn } from '../../src/model/arn.js'

describe('parseArn and arnSegments', () => {
  it('read the five segments before the resource, the resource whole', () => {
    expect(parseArn('arn:aws:s3:::bucket/key:with:colons')).toEqual({ partition: 'aws', service: 's3', region: '', account: '', resource: 'bucket/key:with:colons' })
    expect(parseArn('arn:aws-cn:iam::111122223333:role/path/app')).toEqual({ partition: 'aws-cn', service: 'iam', region: '', account: '111122223333', resource: 'role/path/app' })
    expect(parseArn('arn:aws:logs:eu-west-1:111122223333:log-group:/app/*:*')?.resource).toBe('log-group:/app/*:*')
    expect(parseArn('arn:aws:iam::111122223333:')?.resource).toBe('')
  })

  it('is null for text that is no ARN', () => {
    for (const text of ['arn:aws:iam::111122223333', 'arn::iam::111122223333:role/x', 'arn:aws:::1:x', 'aws:iam::1:role/x', 'ARN:aws:iam::1:role/x', '']) expect(parseArn(text), text).toBeNull()
  })

  it('splits ARN-shaped text into at most six segments', () => {
    expect(arnSegments('arn:aws:s3:::b/k:1')).toEqual(['arn', 'aws', 's3', '', '', 'b/k:1'])
    expect(arnSegments('arn:aws:s3')).toEqual(['arn', 'aws', 's3'])
    expect(arnSegments('*')).toEqual(['*'])
  })
})
