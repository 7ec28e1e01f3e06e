import { describe, expect, it } from 'vitest'
import type { ConditionTrace, StatementFinding } from '../../src/model/index.js'
import { conditionPhrase, hangsOnSentence, missingAllowLabel, policyTitle, statementLabel } from '../../src/report/wording.js'
import { fiveDenies, mfaUndetermined, scpExplicitDeny } from './verdicts.js'

const trace = (operator: string, key: string, policyValues: string[]): ConditionTrace => ({
  operator,
  key,
  policyValues,
  requestValues: 'unknown',
  result: 'unknown',
  why: '',
})

describe('conditionPhrase', () => {
  it.each([
    [trace('ArnNotLike', 'aws:PrincipalArn', ['arn:aws:iam::*:role/CloudOps']), 'unless aws:PrincipalArn matches "arn:aws:iam::*:role/CloudOps"'],
    [trace('StringNotEquals', 'aws:PrincipalOrgID', ['o-1', 'o-2']), 'unless aws:PrincipalOrgID is one of "o-1", "o-2"'],
    [trace('StringEquals', 'aws:SourceVpce', ['vpce-1']), 'if aws:SourceVpce is "vpce-1"'],
    [trace('StringEqualsIfExists', 'aws:RequestedRegion', ['us-east-1']), 'if aws:RequestedRegion is "us-east-1" (or is absent)'],
    [trace('NotIpAddress', 'aws:SourceIp', ['198.51.100.0/24']), 'unless aws:SourceIp is in "198.51.100.0/24"'],
    [trace('ForAnyValue:StringLike', 'aws:TagKeys', ['temp-*']), 'if any value of aws:TagKeys matches "temp-*"'],
    // Negating a set operator swaps its quantifier:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
    [trace('ForAllValues:StringNotLike', 'aws:TagKeys', ['a']), 'unless any value of aws:TagKeys matches "a"'],
    [trace('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a', 'b']), 'unless every value of aws:TagKeys is one of "a", "b"'],
    [trace('Null', 'aws:RequestTag/Owner', ['true']), 'if aws:RequestTag/Owner is absent'],
    [trace('Null', 'aws:RequestTag/Owner', ['false']), 'if aws:RequestTag/Owner is present'],
    [trace('NumericGreaterThan', 'aws:MultiFactorAuthAge', ['3600']), 'if aws:MultiFactorAuthAge is greater than "3600"'],
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_ec2_require-mfa.html
    [trace('BoolIfExists', 'aws:MultiFactorAuthPresent', ['false']), 'unless the call was made with MFA'],
    [trace('Bool', 'aws:MultiFactorAuthPresent', ['false']), 'if aws:MultiFactorAuthPresent is "false"'],
  ])('%#: %j', (t, phrase) => {
    expect(conditionPhrase(t)).toBe(phrase)
  })
})

describe('hangsOnSentence', () => {
  const base = scpExplicitDeny.denies[0] as StatementFinding

  it('says what a force-MFA deny hangs on in plain words', () => {
    expect(hangsOnSentence(mfaUndetermined.denies[0] as StatementFinding)).toBe(
      'Denies unless the call was made with MFA — the request context does not say whether it was.',
    )
  })
  it('names the key for other conditions', () => {
    expect(hangsOnSentence(fiveDenies.denies[4] as StatementFinding)).toBe(
      'Denies if aws:SourceVpce is "vpce-0a1b2c3d" — the request context does not say what aws:SourceVpce was.',
    )
  })
  it('says when the statement hangs on the unnamed resource', () => {
    const finding: StatementFinding = { ...base, certain: false, conditions: [], resource: null, resourceTypes: ['instance', 'volume'] }
    expect(hangsOnSentence(finding)).toBe('The request does not name the resource; this statement covers instance, volume.')
  })
  it('speaks of allowing for an Allow', () => {
    const finding: StatementFinding = {
      ...base,
      effect: 'Allow',
      certain: false,
      conditions: [trace('StringEquals', 'aws:ResourceTag/Team', ['data'])],
      unknownKeys: ['aws:ResourceTag/Team'],
    }
    expect(hangsOnSentence(finding)).toBe(
      'Allows if aws:ResourceTag/Team is "data" — the request context does not say what aws:ResourceTag/Team was.',
    )
  })
})

describe('names for people', () => {
  const base = scpExplicitDeny.denies[0] as StatementFinding
  it('names a policy by type, name and attachment', () => {
    expect(policyTitle(base)).toBe('SCP "DenyRunInstances" attached to ou-abcd-11111111')
    expect(policyTitle({ ...base, policyType: 'boundary', policyName: null, attachedTo: null })).toBe(
      `permissions boundary ${base.policyArn ?? ''}`,
    )
    expect(policyTitle({ ...base, origin: 'inline policy `ForceMFA` of group `Developers`' })).toBe('inline policy `ForceMFA` of group `Developers`')
  })
  it('counts statements from 1 and names the Sid', () => {
    expect(statementLabel(base)).toBe('statement 1 (Sid DenyEC2)')
    expect(statementLabel({ ...base, statementIndex: 4, sid: null })).toBe('statement 5')
  })
  it('names the layer that has no Allow', () => {
    expect(missingAllowLabel({ policyType: 'scp', level: 'ou-abcd-11111111', explanation: '' })).toBe('SCPs at ou-abcd-11111111')
    expect(missingAllowLabel({ policyType: 'session', level: null, explanation: '' })).toBe('session policy')
  })
})
