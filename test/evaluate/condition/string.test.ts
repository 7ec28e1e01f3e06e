import { describe, expect, it } from 'vitest'
import { result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
describe('StringEquals and StringNotEquals', () => {
  const ctx = { 'aws:username': 'alice' }

  it('is exact and case-sensitive', () => {
    expect(result('StringEquals', 'aws:username', 'alice', ctx)).toBe(true)
    expect(result('StringEquals', 'aws:username', 'Alice', ctx)).toBe(false)
    expect(result('StringEquals', 'aws:username', 'alic', ctx)).toBe(false)
  })

  it('treats * and ? as ordinary characters', () => {
    expect(result('StringEquals', 'aws:username', 'a*', ctx)).toBe(false)
    expect(result('StringEquals', 'aws:username', 'a*', { 'aws:username': 'a*' })).toBe(true)
    expect(result('StringEquals', 'aws:username', 'alic?', ctx)).toBe(false)
  })

  it('ORs several policy values', () => {
    expect(result('StringEquals', 'aws:username', ['bob', 'alice'], ctx)).toBe(true)
    expect(result('StringEquals', 'aws:username', ['bob', 'carol'], ctx)).toBe(false)
  })

  it('NORs several policy values for StringNotEquals', () => {
    expect(result('StringNotEquals', 'aws:username', ['bob', 'carol'], ctx)).toBe(true)
    expect(result('StringNotEquals', 'aws:username', ['bob', 'alice'], ctx)).toBe(false)
  })

  it('explains a match and a miss in one sentence', () => {
    expect(run('StringEquals', 'aws:username', ['bob', 'alice'], ctx).why).toBe(
      'aws:username is alice, which equals alice, so StringEquals is true',
    )
    expect(run('StringNotEquals', 'aws:username', ['bob', 'carol'], ctx).why).toBe(
      'aws:username is alice, which equals none of bob, carol, so StringNotEquals is true',
    )
  })

  it('matches key names case-insensitively', () => {
    expect(result('StringEquals', 'AWS:UserName', 'alice', ctx)).toBe(true)
    expect(result('StringEquals', 'aws:principaltag/Team', 'ops', { 'aws:PrincipalTag/team': 'ops' })).toBe(true)
  })

  it('compares an empty string like any other value', () => {
    expect(result('StringEquals', 'aws:ResourceTag/env', '', { 'aws:ResourceTag/env': '' })).toBe(true)
    expect(result('StringNotEquals', 'aws:ResourceTag/env', '', { 'aws:ResourceTag/env': '' })).toBe(false)
  })
})

describe('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase', () => {
  const ctx = { 'aws:PrincipalTag/team': 'Platform' }
  it('folds case', () => {
    expect(result('StringEqualsIgnoreCase', 'aws:PrincipalTag/team', 'platform', ctx)).toBe(true)
    expect(result('StringEqualsIgnoreCase', 'aws:PrincipalTag/team', 'PLAT*', ctx)).toBe(false)
    expect(result('StringNotEqualsIgnoreCase', 'aws:PrincipalTag/team', ['PLATFORM', 'ops'], ctx)).toBe(false)
    expect(result('StringNotEqualsIgnoreCase', 'aws:PrincipalTag/team', ['ops', 'dev'], ctx)).toBe(true)
  })
  it('says case was ignored', () => {
    expect(run('StringEqualsIgnoreCase', 'aws:PrincipalTag/team', 'platform', ctx).why).toBe(
      'aws:PrincipalTag/team is Platform, which equals platform when case is ignored, so StringEqualsIgnoreCase is true',
    )
  })
})

describe('StringLike and StringNotLike', () => {
  const ctx = { 's3:prefix': 'home/alice/photos' }
  it('knows * and ? and stays case-sensitive', () => {
    expect(result('StringLike', 's3:prefix', 'home/*', ctx)).toBe(true)
    expect(result('StringLike', 's3:prefix', 'home/alic?/*', ctx)).toBe(true)
    expect(result('StringLike', 's3:prefix', 'Home/*', ctx)).toBe(false)
    expect(result('StringLike', 's3:prefix', 'home/?/*', ctx)).toBe(false)
  })
  it('lets * cross slashes and colons (the whole string is one)', () => {
    expect(result('StringLike', 'aws:SourceArn', 'arn:aws:svc:*:111122223333:finance/*', {
      'aws:SourceArn': 'arn:aws:svc:us-east-2:999999999999:store/abc:111122223333:finance/x',
    })).toBe(true)
  })
  it('NORs for StringNotLike', () => {
    expect(result('StringNotLike', 's3:prefix', ['tmp/*', 'home/bob/*'], ctx)).toBe(true)
    expect(result('StringNotLike', 's3:prefix', ['tmp/*', 'home/*'], ctx)).toBe(false)
    expect(run('StringNotLike', 's3:prefix', ['tmp/*', 'home/*'], ctx).why).toBe(
      's3:prefix is home/alice/photos, which matches home/*, so StringNotLike is false',
    )
  })
})
