import { describe, expect, it } from 'vitest'
import { evaluateClause } from '../../../src/evaluate/condition/index.js'
import { clause, env, result, run } from './helpers.js'

// "If the key that you specify in a policy condition is not present in the request context,
// the values do not match and the condition is false. If the policy condition requires that
// the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not present,
// the condition is true." https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
describe('absent keys', () => {
  const positive: [string, string][] = [
    ['StringEquals', 'x'], ['StringEqualsIgnoreCase', 'x'], ['StringLike', '*'], ['NumericEquals', '1'],
    ['NumericLessThan', '1'], ['DateGreaterThan', '2020'], ['Bool', 'true'], ['BinaryEquals', 'QQ=='],
    ['IpAddress', '0.0.0.0/0'], ['ArnLike', 'arn:*:*:*:*:*'], ['ArnEquals', 'arn:*:*:*:*:*'],
  ]
  it.each(positive)('%s is false', (op, value) => {
    expect(result(op, 'test:Key', value, {})).toBe(false)
  })
  it.each(positive)('%sIfExists is true', (op, value) => {
    expect(result(`${op}IfExists`, 'test:Key', value, {})).toBe(true)
  })

  const negated: [string, string][] = [
    ['StringNotEquals', 'x'], ['StringNotEqualsIgnoreCase', 'x'], ['StringNotLike', '*'], ['NumericNotEquals', '1'],
    ['DateNotEquals', '2020'], ['NotIpAddress', '0.0.0.0/0'], ['ArnNotLike', 'arn:*:*:*:*:*'], ['ArnNotEquals', 'arn:*:*:*:*:*'],
  ]
  it.each(negated)('%s is true', (op, value) => {
    expect(result(op, 'test:Key', value, {})).toBe(true)
  })

  it('treats a key listed as absent (in an incomplete context) as absent', () => {
    expect(result('StringEquals', 'aws:SourceVpce', 'vpce-1', {}, { complete: false, absent: ['AWS:SourceVPCE'] })).toBe(false)
  })

  it('treats a known key with no values as absent for single-valued operators', () => {
    expect(result('StringEquals', 'k', 'x', { k: [] })).toBe(false)
    expect(result('StringNotEquals', 'k', 'x', { k: [] })).toBe(true)
    expect(result('StringEqualsIfExists', 'k', 'x', { k: [] })).toBe(true)
    expect(run('StringEquals', 'k', 'x', { k: [] }).why).toBe('k has no value in the request, so StringEquals is false')
  })

  it('says why, and reports requestValues as null', () => {
    const bool = run('BoolIfExists', 'aws:MultiFactorAuthPresent', 'true', {})
    expect(bool.why).toBe('aws:MultiFactorAuthPresent is absent from the request, so BoolIfExists is true')
    expect(bool.requestValues).toBeNull()
    expect(run('StringNotEquals', 'aws:SourceVpce', 'vpce-1', {}).why).toBe(
      'aws:SourceVpce is absent from the request, so StringNotEquals is true (a negated operator holds when the key is missing)',
    )
  })
})

describe('IfExists on a present key evaluates normally', () => {
  it('matches and misses like the plain operator', () => {
    expect(result('StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', { 'ec2:InstanceType': 't3.micro' })).toBe(true)
    expect(result('StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', { 'ec2:InstanceType': 'm5.large' })).toBe(false)
    // A negated IfExists operator used in a Deny still denies when the key is missing.
    expect(result('StringNotEqualsIfExists', 'ec2:InstanceType', 't3.micro', {})).toBe(true)
    expect(result('StringNotEqualsIfExists', 'ec2:InstanceType', 't3.micro', { 'ec2:InstanceType': 't3.micro' })).toBe(false)
  })
})

describe('unknown keys (Unknown is not absent)', () => {
  const operators = ['StringEquals', 'StringNotEquals', 'StringLikeIfExists', 'NumericLessThan', 'DateLessThan', 'Bool',
    'BoolIfExists', 'IpAddress', 'NotIpAddress', 'ArnNotLike', 'ForAllValues:StringLike', 'ForAnyValue:StringEquals',
    'ForAnyValue:StringEqualsIfExists']
  it.each(operators)('%s is unknown and names the key', (op) => {
    const { trace, unknownKeys } = evaluateClause(clause(op, 'aws:SourceVpce', 'vpce-1'), env({}, { complete: false }))
    expect(trace.result).toBe('unknown')
    expect(trace.requestValues).toBe('unknown')
    expect(unknownKeys).toEqual(['aws:SourceVpce'])
  })
  it('says it could go either way', () => {
    expect(run('StringEquals', 'aws:SourceVpce', 'vpce-1', {}, { complete: false }).why).toBe(
      'aws:SourceVpce is not known (the request context does not say), so this condition could go either way',
    )
  })
})

// "Multivalued context keys require a condition set operator."
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
describe('several request values without a set operator', () => {
  const calledVia = { 'aws:CalledVia': ['athena.amazonaws.com', 'glue.amazonaws.com'] }
  it('makes a positive operator false even when one value would match', () => {
    expect(result('StringEquals', 'aws:CalledVia', 'athena.amazonaws.com', calledVia)).toBe(false)
    expect(result('StringLike', 'aws:CalledVia', '*', calledVia)).toBe(false)
    expect(result('StringEqualsIfExists', 'aws:CalledVia', 'athena.amazonaws.com', calledVia)).toBe(false)
  })
  it('leaves a negated operator undecided, naming the key', () => {
    const { trace, unknownKeys } = evaluateClause(clause('StringNotEquals', 'aws:CalledVia', 'x'), env(calledVia))
    expect(trace.result).toBe('unknown')
    expect(unknownKeys).toEqual(['aws:CalledVia'])
  })
  it('compares a single value normally, whatever the key', () => {
    expect(result('StringEquals', 'aws:CalledVia', 'athena.amazonaws.com', { 'aws:CalledVia': ['athena.amazonaws.com'] })).toBe(true)
  })
  it('explains', () => {
    expect(run('StringEquals', 'aws:CalledVia', 'athena.amazonaws.com', calledVia).why).toBe(
      'aws:CalledVia has several values in the request (athena.amazonaws.com, glue.amazonaws.com), and StringEquals without ForAnyValue: or ForAllValues: matches no key with several values, so StringEquals is false',
    )
  })
})
