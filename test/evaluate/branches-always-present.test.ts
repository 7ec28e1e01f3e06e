/**
 * A key AWS sends with every request (always-present.ts) is never absent, so "absent" is never
 * one of its branch values: the branch line would offer a case that cannot happen.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'

const USER = 'arn:aws:iam::111111111111:user/tester'
const allowAll = { name: 'AllowAll', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }
const deny = (condition: Record<string, unknown>) => ({
  name: 'Guard',
  document: { Version: '2012-10-17', Statement: [{ Sid: 'Guard', Effect: 'Deny', Action: '*', Resource: '*', Condition: condition }] },
})
const branchOf = (key: string, condition: Record<string, unknown>) => {
  const verdict = evaluateCase({ request: { principal: USER, action: 'ec2:DescribeInstances' }, contextComplete: false, policies: { identity: [allowAll, deny(condition)] } })
  expect(verdict.decision).toBe('Undetermined')
  return verdict.branches!.find((b) => b.key === key)!
}

describe('branches of a key AWS always sends', () => {
  it.each([
    ['aws:RequestedRegion', { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } }],
    ['aws:SecureTransport', { BoolIfExists: { 'aws:SecureTransport': 'false' } }],
  ])('%s: no "absent" branch, and the summary does not mention it', (key, condition) => {
    const branch = branchOf(key, condition)
    expect(branch.outcomes.length).toBeGreaterThan(1)
    expect(branch.outcomes.some((o) => o.absent)).toBe(false)
    expect(branch.summary).not.toContain('absent')
  })

  it('a key that can be missing still gets its "absent" branch', () => {
    const branch = branchOf('aws:MultiFactorAuthPresent', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })
    expect(branch.outcomes.some((o) => o.absent)).toBe(true)
  })
})
