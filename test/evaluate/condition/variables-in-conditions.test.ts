import { describe, expect, it } from 'vitest'
import { result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
describe('policy variables in String and ARN condition values', () => {
  const ctx = { 'aws:username': 'alice', 's3:prefix': 'home/alice/x', 'aws:PrincipalTag/team': 'a*' }

  it('expands a variable, with its key spelled in any case', () => {
    expect(result('StringLike', 's3:prefix', 'home/${aws:username}/*', ctx)).toBe(true)
    expect(result('StringLike', 's3:prefix', 'home/${AWS:UserName}/*', ctx)).toBe(true)
    expect(result('StringLike', 's3:prefix', 'home/${aws:username}/*', { ...ctx, 'aws:username': 'bob' })).toBe(false)
  })

  it('keeps substituted text literal: a * in a tag value is not a wildcard', () => {
    expect(result('StringLike', 'aws:ResourceTag/team', '${aws:PrincipalTag/team}', { ...ctx, 'aws:ResourceTag/team': 'abc' })).toBe(false)
    expect(result('StringLike', 'aws:ResourceTag/team', '${aws:PrincipalTag/team}', { ...ctx, 'aws:ResourceTag/team': 'a*' })).toBe(true)
  })

  it('uses the default value when the key is absent', () => {
    const c = { 'aws:ResourceTag/team': 'company-wide' }
    expect(result('StringEquals', 'aws:ResourceTag/team', "${aws:PrincipalTag/team, 'company-wide'}", c)).toBe(true)
    expect(result('StringEquals', 'aws:ResourceTag/team', "${aws:PrincipalTag/team, 'other'}", c)).toBe(false)
  })

  it('makes a positive operator fail, and a negated one hold, when the variable has no value', () => {
    const c = { 'aws:ResourceTag/owner': 'alice' }
    expect(result('StringEquals', 'aws:ResourceTag/owner', '${aws:username}', c)).toBe(false)
    expect(result('StringNotEquals', 'aws:ResourceTag/owner', '${aws:username}', c)).toBe(true)
    expect(run('StringNotEquals', 'aws:ResourceTag/owner', '${aws:username}', c).why).toBe(
      'aws:ResourceTag/owner is alice, which equals none of ${aws:username}, so StringNotEquals is true (aws:username has no value in this request, so a policy value using it matches nothing)',
    )
  })

  it('still lets the other policy values decide when one has no value', () => {
    const c = { 'aws:ResourceTag/owner': 'alice' }
    expect(result('StringEquals', 'aws:ResourceTag/owner', ['${aws:username}', 'alice'], c)).toBe(true)
    expect(result('StringNotEquals', 'aws:ResourceTag/owner', ['${aws:username}', 'alice'], c)).toBe(false)
  })

  it('is unknown when the variable refers to an unknown key, and names that key', () => {
    const trace = run('StringEquals', 'aws:ResourceTag/owner', '${aws:PrincipalTag/owner}', { 'aws:ResourceTag/owner': 'alice' }, { complete: false })
    expect(trace.result).toBe('unknown')
    expect(trace.why).toBe(
      'aws:ResourceTag/owner is alice, but the policy values use aws:PrincipalTag/owner, which is not known, so this condition could go either way',
    )
  })

  it('is decided despite an unknown variable when another value settles it', () => {
    const c = { 'aws:ResourceTag/owner': 'alice' }
    expect(result('StringEquals', 'aws:ResourceTag/owner', ['${aws:PrincipalTag/owner}', 'alice'], c, { complete: false })).toBe(true)
    expect(result('StringNotEquals', 'aws:ResourceTag/owner', ['${aws:PrincipalTag/owner}', 'alice'], c, { complete: false })).toBe(false)
  })

  it('cannot use a multivalued key as a variable, and says so', () => {
    const c = { 'aws:TagKeys': ['a', 'b'], 'aws:ResourceTag/k': 'a' }
    const trace = run('StringEquals', 'aws:ResourceTag/k', '${aws:TagKeys}', c)
    expect(trace.result).toBe(false)
    expect(trace.why).toContain('aws:TagKeys has several values, and a multivalued key cannot be a policy variable')
  })

  it('inserts literal characters with ${*}, ${?} and ${$}', () => {
    expect(result('StringEquals', 'aws:ResourceTag/k', 'a${*}b', { 'aws:ResourceTag/k': 'a*b' })).toBe(true)
    expect(result('StringLike', 'aws:ResourceTag/k', 'a${*}b', { 'aws:ResourceTag/k': 'axxb' })).toBe(false)
    expect(result('StringLike', 'aws:ResourceTag/k', 'a${?}*', { 'aws:ResourceTag/k': 'a?zz' })).toBe(true)
    expect(result('StringLike', 'aws:ResourceTag/k', 'a${?}*', { 'aws:ResourceTag/k': 'abzz' })).toBe(false)
    expect(result('StringEquals', 'aws:ResourceTag/k', 'cost${$}', { 'aws:ResourceTag/k': 'cost$' })).toBe(true)
  })

  it('leaves ${...} as text under Version 2008-10-17 and with no Version', () => {
    const c = { 's3:prefix': 'home/${aws:username}/x', 'aws:username': 'alice' }
    expect(result('StringEquals', 's3:prefix', 'home/${aws:username}/x', c, { version: '2008-10-17' })).toBe(true)
    expect(result('StringEquals', 's3:prefix', 'home/${aws:username}/x', c, { version: null })).toBe(true)
    expect(result('StringEquals', 's3:prefix', 'home/${aws:username}/x', c)).toBe(false)
  })

  it('does not expand variables for operators that do not take them', () => {
    expect(result('NumericEquals', 's3:max-keys', '${aws:username}', { 's3:max-keys': '10', 'aws:username': '10' })).toBe(false)
  })
})
