import { describe, expect, it } from 'vitest'
import { evaluateClause } from '../../../src/evaluate/condition/index.js'
import { clause, env, result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
describe('ForAllValues', () => {
  const tags = { 'aws:TagKeys': ['CreatedBy', 'CreatedAt'] }
  it('is true when every request value matches a policy value', () => {
    expect(result('ForAllValues:StringLike', 'aws:TagKeys', 'Created*', tags)).toBe(true)
    expect(result('ForAllValues:StringEquals', 'aws:TagKeys', ['CreatedBy', 'CreatedAt', 'Owner'], tags)).toBe(true)
  })
  it('is false when one request value matches none', () => {
    expect(result('ForAllValues:StringEquals', 'aws:TagKeys', ['CreatedBy', 'Owner'], tags)).toBe(false)
    expect(run('ForAllValues:StringEquals', 'aws:TagKeys', ['CreatedBy', 'Owner'], tags).why).toBe(
      'aws:TagKeys value CreatedAt equals none of CreatedBy, Owner, so ForAllValues:StringEquals is false',
    )
  })
  it('is true when the key is missing, or has no values, or only an empty one', () => {
    expect(result('ForAllValues:StringEquals', 'aws:TagKeys', 'Owner', {})).toBe(true)
    expect(result('ForAllValues:StringEquals', 'aws:TagKeys', 'Owner', { 'aws:TagKeys': [] })).toBe(true)
    expect(result('ForAllValues:StringEquals', 'aws:TagKeys', 'Owner', { 'aws:TagKeys': '' })).toBe(true)
    expect(run('ForAllValues:StringEquals', 'aws:TagKeys', 'Owner', {}).why).toBe(
      'aws:TagKeys is absent from the request, so ForAllValues:StringEquals is true (with no values, none can fail it)',
    )
  })
  it('with a negated operator, wants every value to match none of the patterns', () => {
    expect(result('ForAllValues:StringNotLike', 'aws:TagKeys', ['aws:*', 'Secret*'], tags)).toBe(true)
    expect(result('ForAllValues:StringNotLike', 'aws:TagKeys', ['aws:*', '*At'], tags)).toBe(false)
    expect(run('ForAllValues:StringNotLike', 'aws:TagKeys', ['aws:*', '*At'], tags).why).toBe(
      'aws:TagKeys value CreatedAt matches *At, so ForAllValues:StringNotLike is false',
    )
    expect(run('ForAllValues:StringNotLike', 'aws:TagKeys', ['aws:*', 'Secret*'], tags).why).toBe(
      'every value of aws:TagKeys (CreatedBy, CreatedAt) matches none of aws:*, Secret*, so ForAllValues:StringNotLike is true',
    )
  })
  it('works on a single request value too', () => {
    expect(result('ForAllValues:StringEquals', 'aws:TagKeys', 'Owner', { 'aws:TagKeys': 'Owner' })).toBe(true)
  })
})

describe('ForAnyValue', () => {
  const tags = { 'aws:TagKeys': ['CreatedBy', 'Owner'] }
  it('is true when at least one request value matches', () => {
    expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', ['Owner', 'CostCenter'], tags)).toBe(true)
    expect(run('ForAnyValue:StringEquals', 'aws:TagKeys', ['Owner', 'CostCenter'], tags).why).toBe(
      'aws:TagKeys value Owner equals Owner, so ForAnyValue:StringEquals is true',
    )
  })
  it('is false when none matches', () => {
    expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', ['Project'], tags)).toBe(false)
    expect(run('ForAnyValue:StringEquals', 'aws:TagKeys', ['Project'], tags).why).toBe(
      'every value of aws:TagKeys (CreatedBy, Owner) equals none of Project, so ForAnyValue:StringEquals is false',
    )
  })
  it('is false when the key is missing or empty, unless IfExists', () => {
    expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', 'Owner', {})).toBe(false)
    expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', 'Owner', { 'aws:TagKeys': [] })).toBe(false)
    expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', 'Owner', { 'aws:TagKeys': '' })).toBe(false)
    expect(result('ForAnyValue:StringEqualsIfExists', 'aws:TagKeys', 'Owner', {})).toBe(true)
  })
  it('with a negated operator, wants one value that matches none of the patterns', () => {
    expect(result('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['CreatedBy'], tags)).toBe(true)
    expect(result('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['CreatedBy', 'Owner'], tags)).toBe(false)
  })
  it('works with other families: ARNs and IP addresses', () => {
    const paths = { 'aws:PrincipalOrgPaths': ['o-a1/r-ab/ou-1/', 'o-a1/r-ab/ou-2/'] }
    expect(result('ForAnyValue:StringLike', 'aws:PrincipalOrgPaths', 'o-a1/r-ab/ou-2/*', paths)).toBe(true)
    const arns = { 'test:RoleArns': ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'] }
    expect(result('ForAnyValue:ArnLike', 'test:RoleArns', 'arn:aws:iam::*:role/b', arns)).toBe(true)
    expect(result('ForAllValues:ArnLike', 'test:RoleArns', 'arn:aws:iam::*:role/b', arns)).toBe(false)
    expect(result('ForAllValues:IpAddress', 'ips', '10.0.0.0/8', { ips: ['10.1.1.1', '10.2.2.2'] })).toBe(true)
  })
})

describe('set operators with variables that are not known', () => {
  it('are unknown only when no value settles them', () => {
    const tags = { 'aws:TagKeys': ['a', 'b'] }
    const opts = { complete: false }
    const undecided = evaluateClause(clause('ForAllValues:StringEquals', 'aws:TagKeys', ['a', '${aws:PrincipalTag/extra}']), env(tags, opts))
    expect(undecided.trace.result).toBe('unknown')
    expect(undecided.unknownKeys).toEqual(['aws:PrincipalTag/extra'])
    expect(undecided.trace.why).toBe(
      'whether the values of aws:TagKeys satisfy ForAllValues:StringEquals depends on aws:PrincipalTag/extra, which is not known, so this condition could go either way',
    )
    expect(result('ForAnyValue:StringEquals', 'aws:TagKeys', ['a', '${aws:PrincipalTag/extra}'], tags, opts)).toBe(true)
    expect(result('ForAllValues:StringEquals', 'aws:TagKeys', ['c', '${aws:PrincipalTag/extra}'], { 'aws:TagKeys': ['a', 'b'], 'aws:PrincipalTag/extra': 'a' }, opts)).toBe(false)
  })
})
