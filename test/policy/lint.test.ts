import { describe, expect, it } from 'vitest'
import { SINGLE_VALUED_KEYS, parsePolicy, type PolicyKind } from '../../src/policy/index.js'

const NOT_PRINCIPAL_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html'

function warningsOf(statements: object[], kind: PolicyKind = 'identity', version: string | null = '2012-10-17'): readonly string[] {
  const doc = version === null ? { Statement: statements } : { Version: version, Statement: statements }
  return parsePolicy(doc, { name: 'W', kind }).warnings
}

const allow = (extra: object = {}): object => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...extra })
const deny = (extra: object = {}): object => ({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*', ...extra })

describe('no warnings for a plain policy', () => {
  it('Allow and Deny with Action and Resource', () => {
    expect(warningsOf([allow(), deny({ Action: ['ec2:*', '*'] })])).toEqual([])
  })
})

describe('NotAction / NotResource', () => {
  it('Deny with NotResource', () => {
    expect(warningsOf([{ Sid: 'OnlyMyBucket', Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::mine/*' }])).toEqual([
      'Policy "W", statement "OnlyMyBucket": Deny with NotResource denies the actions on every resource except the ones listed — check that the list covers every resource that must stay reachable.',
    ])
  })

  it('Allow with NotAction (statement numbered from 1)', () => {
    expect(warningsOf([allow(), { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])).toEqual([
      'Policy "W", statement 2: Allow with NotAction allows every action that is not listed, in every service, on the resources named — it grants broadly; list the actions in "Action" instead.',
    ])
  })

  it('Allow with NotResource', () => {
    expect(warningsOf([{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' }])).toEqual([
      'Policy "W", statement 1: Allow with NotResource allows the actions on every resource except the ones listed — it grants broadly; list the resources in "Resource" instead.',
    ])
  })

  it('Deny with NotAction is the usual MFA pattern and is not warned about', () => {
    expect(warningsOf([{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }])).toEqual([])
  })
})

describe('wildcards in the service prefix', () => {
  it('ec*:RunInstances', () => {
    expect(warningsOf([deny({ Action: 'ec*:RunInstances' })])).toEqual([
      'Policy "W", statement 1: "Action": "ec*:RunInstances" has a wildcard in the service prefix — name the service exactly (e.g. "ec2:…"), or write "*" for every action.',
    ])
  })

  it('*:* and s?:GetObject in NotAction', () => {
    expect(warningsOf([{ Effect: 'Deny', NotAction: ['*:*', 's?:GetObject'], Resource: '*' }])).toEqual([
      'Policy "W", statement 1: "NotAction": "*:*" has a wildcard in the service prefix — name the service exactly (e.g. "ec2:…"), or write "*" for every action.',
      'Policy "W", statement 1: "NotAction": "s?:GetObject" has a wildcard in the service prefix — name the service exactly (e.g. "ec2:…"), or write "*" for every action.',
    ])
  })
})

describe('Version (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html)', () => {
  it('a missing Version', () => {
    expect(warningsOf([deny()], 'identity', null)).toEqual([
      'Policy "W" has no "Version", so AWS reads it with the 2008-10-17 policy language, where ${…} policy variables are literal text; add "Version": "2012-10-17".',
    ])
  })

  it('a missing Version with a policy variable', () => {
    expect(warningsOf([deny({ Resource: 'arn:aws:s3:::home/${aws:username}/*' })], 'identity', null)).toEqual([
      'Policy "W" has no "Version", so AWS reads it with the 2008-10-17 policy language, where ${…} policy variables are literal text; add "Version": "2012-10-17".',
      'Policy "W", statement 1: ${aws:username} is literal text here, because policy variables work only with "Version": "2012-10-17" and this policy has no Version.',
    ])
  })

  it('Version 2008-10-17 with a policy variable in a condition', () => {
    const statement = deny({ Condition: { StringNotEquals: { 's3:prefix': '${aws:userid}/' } } })
    expect(warningsOf([statement], 'identity', '2008-10-17')).toEqual([
      'Policy "W", statement 1: ${aws:userid} is literal text here, because policy variables work only with "Version": "2012-10-17" and this policy has "Version": "2008-10-17".',
    ])
  })

  it('Version 2012-10-17 with a policy variable: no warning', () => {
    expect(warningsOf([deny({ Resource: 'arn:aws:s3:::home/${aws:username}/*' })])).toEqual([])
  })
})

describe(`NotPrincipal (${NOT_PRINCIPAL_DOC})`, () => {
  it('with Allow', () => {
    expect(warningsOf([allow({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/alice' } })], 'resource')).toEqual([
      `Policy "W", statement 1: NotPrincipal with Allow grants access to everyone except the principals listed, anonymous users included, and AWS does not support it — use "Principal" with a condition on aws:PrincipalArn (${NOT_PRINCIPAL_DOC}).`,
    ])
  })

  it('with Deny and no account ARN', () => {
    const notPrincipal = { AWS: ['arn:aws:sts::111122223333:assumed-role/Admin/alice', 'arn:aws:iam::111122223333:role/Admin'] }
    expect(warningsOf([deny({ NotPrincipal: notPrincipal })], 'resource')).toEqual([
      `Policy "W", statement 1: NotPrincipal with Deny lists no account (arn:aws:iam::ACCOUNT:root or a 12-digit account ID) — AWS may evaluate the caller's account separately and deny it, and with it everyone listed; add the account ARN of each principal listed, or use "Principal": "*" with ArnNotEquals on aws:PrincipalArn (${NOT_PRINCIPAL_DOC}).`,
    ])
  })

  it('with Deny and the account listed as an ARN or as a 12-digit ID: no warning', () => {
    const user = 'arn:aws:iam::111122223333:user/alice'
    expect(warningsOf([deny({ NotPrincipal: { AWS: [user, 'arn:aws:iam::111122223333:root'] } })], 'resource')).toEqual([])
    expect(warningsOf([deny({ NotPrincipal: { AWS: [user, '111122223333'] } })], 'resource')).toEqual([])
  })
})

describe('set operators (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html)', () => {
  it('ForAllValues on an Allow', () => {
    const statement = allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } } })
    expect(warningsOf([statement])).toEqual([
      'Policy "W", statement 1: ForAllValues:StringEquals on "aws:TagKeys" in an Allow is also true when the request has no "aws:TagKeys" at all, so it can allow more than intended — add "Null": {"aws:TagKeys": "false"}.',
    ])
  })

  it('ForAllValues on an Allow guarded by Null false: no warning', () => {
    const condition = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] }, Null: { 'aws:tagkeys': 'false' } }
    expect(warningsOf([allow({ Condition: condition })])).toEqual([])
  })

  it('ForAllValues on a Deny (the seed article example): no warning', () => {
    expect(warningsOf([deny({ Condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'Production' } } })])).toEqual([])
  })

  it('a set operator on a single-valued key, matched case-insensitively', () => {
    const statement = deny({
      Condition: {
        'ForAnyValue:StringNotEqualsIfExists': { 'aws:UserName': ['alice'] },
        'ForAnyValue:IpAddress': { 'aws:SourceIp': '203.0.113.0/24' },
        'ForAnyValue:StringEquals': { 'aws:ResourceTag/team': 'red', 'aws:CalledVia': 'athena.amazonaws.com' },
      },
    })
    expect(warningsOf([statement])).toEqual([
      'Policy "W", statement 1: ForAnyValue:StringNotEqualsIfExists on "aws:UserName", which has a single value per request — set operators are meant for multi-valued keys and can be over-permissive here; use "StringNotEqualsIfExists".',
      'Policy "W", statement 1: ForAnyValue:IpAddress on "aws:SourceIp", which has a single value per request — set operators are meant for multi-valued keys and can be over-permissive here; use "IpAddress".',
      'Policy "W", statement 1: ForAnyValue:StringEquals on "aws:ResourceTag/team", which has a single value per request — set operators are meant for multi-valued keys and can be over-permissive here; use "StringEquals".',
    ])
  })

  it('ForAllValues on a single-valued key in an Allow gets both warnings', () => {
    const statement = allow({ Condition: { 'ForAllValues:StringEquals': { 'aws:RequestedRegion': 'eu-west-1' } } })
    expect(warningsOf([statement])).toEqual([
      'Policy "W", statement 1: ForAllValues:StringEquals on "aws:RequestedRegion" in an Allow is also true when the request has no "aws:RequestedRegion" at all, so it can allow more than intended — add "Null": {"aws:RequestedRegion": "false"}.',
      'Policy "W", statement 1: ForAllValues:StringEquals on "aws:RequestedRegion", which has a single value per request — set operators are meant for multi-valued keys and can be over-permissive here; use "StringEquals".',
    ])
  })

  it('the single-valued list holds the keys the brief names, and no multi-valued key', () => {
    for (const key of ['aws:username', 'aws:userid', 'aws:PrincipalArn', 'aws:SourceIp', 'aws:SourceVpce', 'aws:MultiFactorAuthPresent', 'aws:RequestedRegion']) {
      expect(SINGLE_VALUED_KEYS).toContain(key)
    }
    for (const key of ['aws:TagKeys', 'aws:CalledVia', 'aws:PrincipalOrgPaths']) expect(SINGLE_VALUED_KEYS).not.toContain(key)
  })
})

describe('a lone statement', () => {
  it('says it was read as a one-statement policy (and does not repeat the missing Version)', () => {
    const policy = parsePolicy('{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}', { name: 'Bare', kind: 'identity' })
    expect(policy.warnings).toEqual([
      'Policy "Bare" is a lone statement without a "Statement" wrapper; it is read as a policy of one statement, with no Version.',
    ])
  })
})

// IAM accepts and stores actions with spaces after the prefix (a public IAM simulator's suite holds
// "iam: asdf safdsf af "); the policy is read, the entry matches nothing, and lint says so.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
describe('actions that hold spaces', () => {
  it('are kept, with a warning that they match nothing', () => {
    expect(warningsOf([allow({ Action: ['s3:GetObject', 'iam: asdf safdsf af '] })])).toEqual([
      'Policy "W", statement 1: "Action": "iam: asdf safdsf af " holds spaces, which no action name has — it matches no action, so this entry allows or denies nothing.',
    ])
  })

  it('in NotAction they exclude nothing, and a likely spelling is suggested', () => {
    expect(warningsOf([{ Effect: 'Deny', NotAction: 'iam: GetRole', Resource: '*' }])).toEqual([
      'Policy "W", statement 1: "NotAction": "iam: GetRole" holds spaces, which no action name has — it matches no action, so as NotAction it excludes nothing; did you mean "iam:GetRole"?',
    ])
  })

  it('what IAM refuses is still refused: no prefix, a space in the prefix, a second colon', () => {
    for (const action of ['ec2 RunInstances', 's3 :GetObject', 'iam: Get:Role']) {
      expect(() => warningsOf([allow({ Action: action })])).toThrow(/is not an action/)
    }
  })
})
