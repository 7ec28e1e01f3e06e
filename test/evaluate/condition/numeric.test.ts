import { describe, expect, it } from 'vitest'
import { result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
describe('numeric operators', () => {
  const ctx = { 's3:max-keys': '10' }

  it('compares integers and decimals, written as strings or JSON numbers', () => {
    expect(result('NumericEquals', 's3:max-keys', '10', ctx)).toBe(true)
    expect(result('NumericEquals', 's3:max-keys', '10.0', ctx)).toBe(true)
    expect(result('NumericEquals', 's3:max-keys', '010', ctx)).toBe(true)
    expect(result('NumericLessThan', 's3:max-keys', '10', ctx)).toBe(false)
    expect(result('NumericLessThanEquals', 's3:max-keys', '10', ctx)).toBe(true)
    expect(result('NumericGreaterThan', 's3:max-keys', '9.5', ctx)).toBe(true)
    expect(result('NumericGreaterThanEquals', 's3:max-keys', '10.5', ctx)).toBe(false)
    expect(result('NumericLessThan', 'aws:MultiFactorAuthAge', '3600', { 'aws:MultiFactorAuthAge': '-1.5' })).toBe(true)
  })

  it('NORs NumericNotEquals', () => {
    expect(result('NumericNotEquals', 's3:max-keys', ['5', '20'], ctx)).toBe(true)
    expect(result('NumericNotEquals', 's3:max-keys', ['5', '10'], ctx)).toBe(false)
  })

  it('treats a non-numeric request value as matching no policy value, and says so', () => {
    const trace = run('NumericLessThan', 's3:max-keys', '100', { 's3:max-keys': 'ten' })
    expect(trace.result).toBe(false)
    expect(trace.why).toBe('s3:max-keys is ten, which is not a number and therefore is not less than 100, so NumericLessThan is false')
    expect(result('NumericEquals', 's3:max-keys', '0', { 's3:max-keys': '' })).toBe(false)
    expect(result('NumericEquals', 's3:max-keys', '1000', { 's3:max-keys': '1e3x' })).toBe(false)
  })

  it('under a negated operator keeps the reading (the negation holds) and says AWS does not document it', () => {
    const trace = run('NumericNotEquals', 's3:max-keys', '100', { 's3:max-keys': 'ten' })
    expect(trace.result).toBe(true)
    expect(trace.why).toContain('AWS does not document how a negated operator treats a value it cannot read')
  })

  it('never matches an unreadable policy value, and names it', () => {
    const trace = run('NumericEquals', 's3:max-keys', ['abc'], ctx)
    expect(trace.result).toBe(false)
    expect(trace.why).toContain('(abc is not a number)')
  })

  it('explains comparisons in words', () => {
    expect(run('NumericLessThanEquals', 's3:max-keys', '10', ctx).why).toBe(
      's3:max-keys is 10, which is at most 10, so NumericLessThanEquals is true',
    )
    expect(run('NumericGreaterThan', 's3:max-keys', ['20', '30'], ctx).why).toBe(
      's3:max-keys is 10, which is not greater than any of 20, 30, so NumericGreaterThan is false',
    )
  })
})
