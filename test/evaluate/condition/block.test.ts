import { describe, expect, it } from 'vitest'
import { evaluateConditionBlock } from '../../../src/evaluate/condition/index.js'
import { clause, env } from './helpers.js'

// Operators and keys are ANDed: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
describe('evaluateConditionBlock', () => {
  const ctx = { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/TestReadOnly', 'aws:RequestedRegion': 'eu-west-1' }
  const notCloudOps = clause('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/CloudOps')
  const notEu = clause('StringNotEquals', 'aws:RequestedRegion', ['eu-west-1', 'eu-central-1'])
  const vpce = clause('StringNotEquals', 'aws:SourceVpce', 'vpce-1a2b3c')

  it('is true for an empty block', () => {
    expect(evaluateConditionBlock([], env())).toEqual({ result: true, traces: [], unknownKeys: [] })
  })

  it('is true when every clause is true', () => {
    const block = evaluateConditionBlock([notCloudOps], env(ctx))
    expect(block.result).toBe(true)
    expect(block.traces).toHaveLength(1)
  })

  it('is false when any clause is false, whatever the unknown ones hold', () => {
    const block = evaluateConditionBlock([vpce, notCloudOps, notEu], env(ctx, { complete: false }))
    expect(block.result).toBe(false)
    expect(block.unknownKeys).toEqual([])
    // A false block discards its statement, so no trace is written for it.
    expect(block.traces).toEqual([])
  })

  it('is unknown when nothing is false and something is unknown, naming the keys', () => {
    const tag = clause('StringEquals', 'aws:PrincipalTag/team', '${aws:ResourceTag/team}')
    const block = evaluateConditionBlock([vpce, notCloudOps, tag], env({ ...ctx, 'aws:PrincipalTag/team': 'ops' }, { complete: false }))
    expect(block.result).toBe('unknown')
    expect(block.unknownKeys).toEqual(['aws:SourceVpce', 'aws:ResourceTag/team'])
  })

  it('lists each unknown key once', () => {
    const again = clause('StringLike', 'AWS:SOURCEVPCE', 'vpce-*')
    const block = evaluateConditionBlock([vpce, again], env({}, { complete: false }))
    expect(block.unknownKeys).toEqual(['aws:SourceVpce', 'AWS:SOURCEVPCE'])
  })

  it('keeps every trace with its values side by side, and why survives JSON', () => {
    const block = evaluateConditionBlock([notCloudOps, vpce], env(ctx, { complete: false }))
    const json = JSON.parse(JSON.stringify(block.traces)) as Record<string, unknown>[]
    expect(json[0]).toEqual({
      operator: 'ArnNotLike',
      key: 'aws:PrincipalArn',
      policyValues: ['arn:aws:iam::*:role/CloudOps'],
      requestValues: ['arn:aws:iam::111111111111:role/TestReadOnly'],
      result: true,
      why: 'aws:PrincipalArn is arn:aws:iam::111111111111:role/TestReadOnly, which matches none of arn:aws:iam::*:role/CloudOps, so ArnNotLike is true',
    })
    expect(json[1]).toMatchObject({ requestValues: 'unknown', result: 'unknown' })
    expect({ ...block.traces[1] }.why).toBe(
      'aws:SourceVpce is not known (the request context does not say), so this condition could go either way',
    )
  })
})
