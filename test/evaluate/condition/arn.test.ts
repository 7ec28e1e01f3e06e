import { describe, expect, it } from 'vitest'
import { result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
describe('ARN operators', () => {
  const role = { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/TestReadOnly' }

  it('compares segment by segment with wildcards inside segments', () => {
    expect(result('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/Test*', role)).toBe(true)
    expect(result('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::111111111111:role/*', role)).toBe(true)
    expect(result('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::222222222222:role/*', role)).toBe(false)
    expect(result('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::?????????111:role/TestReadOnly', role)).toBe(true)
  })

  it('treats ArnEquals as ArnLike and ArnNotEquals as ArnNotLike', () => {
    expect(result('ArnEquals', 'aws:PrincipalArn', 'arn:aws:iam::*:role/Test*', role)).toBe(true)
    expect(result('ArnNotEquals', 'aws:PrincipalArn', 'arn:aws:iam::*:role/Test*', role)).toBe(false)
  })

  it('is case-sensitive in values but not in key names', () => {
    expect(result('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/testreadonly', role)).toBe(false)
    expect(result('ArnNotLike', 'AWS:PRINCIPALARN', 'arn:aws:iam::*:role/CloudOps', role)).toBe(true)
  })

  it('does not let * in the region swallow the account (unlike StringLike)', () => {
    const c = { 'aws:SourceArn': 'arn:aws:svc:us-east-2:999999999999:store/abc:111122223333:finance/x' }
    expect(result('ArnLike', 'aws:SourceArn', 'arn:aws:svc:*:111122223333:finance/*', c)).toBe(false)
    expect(result('ArnLike', 'aws:SourceArn', 'arn:aws:svc:*:*:store/abc:111122223333:finance/*', c)).toBe(true)
  })

  it('NORs ArnNotLike', () => {
    expect(result('ArnNotLike', 'aws:PrincipalArn', ['arn:aws:iam::*:role/CloudOps', 'arn:aws:iam::*:role/Admin'], role)).toBe(true)
    expect(result('ArnNotLike', 'aws:PrincipalArn', ['arn:aws:iam::*:role/CloudOps', 'arn:aws:iam::*:role/Test*'], role)).toBe(false)
  })

  it('matches nothing with a value that is not an ARN', () => {
    expect(result('ArnLike', 'aws:PrincipalArn', '*', role)).toBe(false)
    expect(result('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::*', { 'aws:SourceArn': 'my-bucket' })).toBe(false)
    expect(result('ArnNotLike', 'aws:SourceArn', 'arn:aws:s3:::*', { 'aws:SourceArn': 'my-bucket' })).toBe(true)
  })

  it('expands variables before cutting the value into segments', () => {
    const c = { ...role, 'aws:PrincipalAccount': '111111111111', 'aws:SourceArn': 'arn:aws:iam::111111111111:role/TestReadOnly' }
    expect(result('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::${aws:PrincipalAccount}:role/*', c)).toBe(true)
    expect(result('ArnEquals', 'aws:SourceArn', '${aws:PrincipalArn}', c)).toBe(true)
    expect(result('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::${aws:PrincipalAccount}:role/*', role)).toBe(false)
  })

  it('explains the classic SCP exemption', () => {
    expect(run('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/CloudOps', role).why).toBe(
      'aws:PrincipalArn is arn:aws:iam::111111111111:role/TestReadOnly, which matches none of arn:aws:iam::*:role/CloudOps, so ArnNotLike is true',
    )
  })
})
