import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../src/policy/index.js'
import { errorOf, paragraphOf } from './helpers.js'

/** A policy whose one statement is `statement`, on line 2 starting at column 1. */
const one = (statement: string): string => `{"Version": "2012-10-17", "Statement": [\n${statement}\n]}`

const OPERATORS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html'
const NOT_PRINCIPAL_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html'

describe('Effect (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html)', () => {
  it('"deny" in lower case: Effect is case-sensitive', () => {
    const error = errorOf(one('{"Effect": "deny", "Action": "s3:*", "Resource": "*"}'))
    expect(error.message).toBe(
      'Policy "P" is not valid at line 2, column 12 (statement 1): "Effect": "deny" is not valid — Effect is case-sensitive; use "Deny".\n' +
        '2 | {"Effect": "deny", "Action": "s3:*", "Resource": "*"}\n' +
        '  |            ^',
    )
    expect([error.line, error.column]).toEqual([2, 12])
  })

  it('"ALLOW" in capitals', () => {
    expect(paragraphOf(one('{"Effect": "ALLOW", "Action": "s3:*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 12 (statement 1): "Effect": "ALLOW" is not valid — Effect is case-sensitive; use "Allow".',
    )
  })

  it('" Deny" with a space', () => {
    expect(paragraphOf(one('{"Effect": " Deny", "Action": "s3:*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 12 (statement 1): "Effect": " Deny" is not valid — remove the spaces; use "Deny".',
    )
  })

  it('another word', () => {
    expect(paragraphOf(one('{"Effect": "Permit", "Action": "s3:*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 12 (statement 1): "Effect": "Permit" is not valid — use "Allow" or "Deny".',
    )
  })

  it('not a string', () => {
    expect(paragraphOf(one('{"Effect": true, "Action": "s3:*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 12 (statement 1): "Effect" must be "Allow" or "Deny", found true.',
    )
  })

  it('missing: points at the statement, named by its Sid', () => {
    expect(paragraphOf(one('{"Sid": "NoEffect", "Action": "s3:*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 1 (statement "NoEffect"): it has no "Effect" — add "Effect": "Allow" or "Effect": "Deny".',
    )
  })
})

describe('Action / NotAction', () => {
  it('both', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Action": "s3:*", "NotAction": "s3:Get*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 38 (statement 1): it has both "Action" and "NotAction" — a statement uses one or the other.',
    )
  })

  it('neither', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 1 (statement 1): it has neither "Action" nor "NotAction" — add "Action": "service:Action" (or "*").',
    )
  })

  it('an action without its service prefix separator: suggests the fix', () => {
    const error = errorOf(one('{"Effect": "Deny", "Action": ["s3:GetObject", "ec2RunInstances"], "Resource": "*"}'))
    expect(error.message).toBe(
      'Policy "P" is not valid at line 2, column 47 (statement 1): "ec2RunInstances" is not an action — write it as "service:Action", e.g. "ec2:RunInstances".\n' +
        '2 | {"Effect": "Deny", "Action": ["s3:GetObject", "ec2RunInstances"], "Resource": "*"}\n' +
        '  |                                               ^',
    )
  })

  it('an action with a dot or a double colon', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Action": "iam.DeleteRole", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 30 (statement 1): "iam.DeleteRole" is not an action — write it as "service:Action", e.g. "iam:DeleteRole".',
    )
    expect(paragraphOf(one('{"Effect": "Deny", "NotAction": "iam::DeleteRole", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 33 (statement 1): "iam::DeleteRole" is not an action — write it as "service:Action", e.g. "iam:DeleteRole".',
    )
  })

  it('an action with no recognisable shape', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Action": "everything", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 30 (statement 1): "everything" is not an action — write it as "service:Action", e.g. "s3:GetObject", or "*" for every action.',
    )
  })

  it('a number in the list, and an empty list', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Action": ["s3:*", 7], "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 39 (statement 1): "Action" must be a string or a list of strings, found a number in it.',
    )
    expect(paragraphOf(one('{"Effect": "Deny", "Action": [], "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 30 (statement 1): "Action" is an empty list — name at least one entry.',
    )
  })
})

describe('Resource / NotResource', () => {
  it('both', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Action": "s3:*", "NotResource": "a", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 58 (statement 1): it has both "Resource" and "NotResource" — a statement uses one or the other.',
    )
  })

  it('neither', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Action": "s3:*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 1 (statement 1): it has neither "Resource" nor "NotResource" — add "Resource": "arn:…" (or "*").',
    )
  })

  it('a role trust policy has no Resource, and may not have one', () => {
    const trust = one('{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}')
    const parsed = parsePolicy(trust, { name: 'P', kind: 'trust' }).statements[0]!
    expect([parsed.resource, parsed.notResource]).toEqual([null, null])
    expect(paragraphOf(one('{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "*"}'), 'trust')).toBe(
      'Policy "P" is not valid at line 2, column 67 (statement 1): "Resource" is not allowed in a role trust policy — the role itself is the resource; remove it.',
    )
  })

  it('an empty string', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Action": "s3:*", "Resource": ["*", ""]}'))).toBe(
      'Policy "P" is not valid at line 2, column 56 (statement 1): "Resource" holds an empty string — write an ARN or "*".',
    )
  })
})

describe('Principal / NotPrincipal (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)', () => {
  const withPrincipal = '{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}'
  const withNotPrincipal = '{"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"}'
  const without = '{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}'

  it.each([
    ['identity', 'an identity-based policy'],
    ['boundary', 'a permissions boundary'],
    ['scp', 'a service control policy'],
    ['session', 'a session policy'],
  ] as const)('not allowed in %s policies', (kind, words) => {
    expect(paragraphOf(one(withPrincipal), kind)).toBe(
      `Policy "P" is not valid at line 2, column 20 (statement 1): "Principal" is not allowed in ${words} — only policies attached to a resource (bucket policies, trust policies…) name a principal; remove it.`,
    )
  })

  it('NotPrincipal is not allowed in identity policies either', () => {
    expect(paragraphOf(one(withNotPrincipal), 'identity')).toBe(
      'Policy "P" is not valid at line 2, column 20 (statement 1): "NotPrincipal" is not allowed in an identity-based policy — only policies attached to a resource (bucket policies, trust policies…) name a principal; remove it.',
    )
  })

  it.each([
    ['resource', 'a resource-based policy'],
    ['vpce', 'a VPC endpoint policy'],
    ['rcp', 'a resource control policy'],
    ['trust', 'a role trust policy'],
  ] as const)('required in %s policies', (kind, words) => {
    const statement = kind === 'trust' ? '{"Effect": "Allow", "Action": "sts:AssumeRole"}' : without
    expect(paragraphOf(one(statement), kind)).toBe(
      `Policy "P" is not valid at line 2, column 1 (statement 1): it has neither "Principal" nor "NotPrincipal" — a statement in ${words} must say whom it applies to; use "Principal": "*" to apply it to everyone.`,
    )
  })

  it.each([
    ['trust', 'a role trust policy'],
    ['rcp', 'a resource control policy'],
  ] as const)(`NotPrincipal is not allowed in %s policies (${NOT_PRINCIPAL_DOC})`, (kind, words) => {
    const statement = kind === 'trust' ? '{"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}' : withNotPrincipal
    expect(paragraphOf(one(statement), kind)).toBe(
      `Policy "P" is not valid at line 2, column 20 (statement 1): "NotPrincipal" is not allowed in ${words} — use "Principal" with a condition on aws:PrincipalArn (${NOT_PRINCIPAL_DOC}).`,
    )
  })

  it('both Principal and NotPrincipal', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Principal": "*", "NotPrincipal": "*", "Action": "s3:*", "Resource": "*"}'), 'resource')).toBe(
      'Policy "P" is not valid at line 2, column 38 (statement 1): it has both "Principal" and "NotPrincipal" — a statement uses one or the other.',
    )
  })

  it('a bare ARN instead of "*" or an object', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Principal": "arn:aws:iam::111122223333:root", "Action": "s3:*", "Resource": "*"}'), 'resource')).toBe(
      'Policy "P" is not valid at line 2, column 33 (statement 1): "Principal": "arn:aws:iam::111122223333:root" is not valid — write "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}.',
    )
  })

  it('a principal type in the wrong case', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Principal": {"aws": "*"}, "Action": "s3:*", "Resource": "*"}'), 'resource')).toBe(
      'Policy "P" is not valid at line 2, column 34 (statement 1): unknown principal type "aws" in "Principal" — principal types are case-sensitive; use "AWS".',
    )
  })

  it('a misspelt principal type, and an empty principal', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Principal": {"Services": "ec2.amazonaws.com"}, "Action": "s3:*", "Resource": "*"}'), 'resource')).toBe(
      'Policy "P" is not valid at line 2, column 34 (statement 1): unknown principal type "Services" in "Principal" — did you mean "Service"?',
    )
    expect(paragraphOf(one('{"Effect": "Deny", "Principal": {}, "Action": "s3:*", "Resource": "*"}'), 'resource')).toBe(
      'Policy "P" is not valid at line 2, column 33 (statement 1): "Principal" is an empty object — name at least one principal, e.g. {"AWS": "arn:aws:iam::111122223333:root"}.',
    )
  })
})

describe('Condition (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html)', () => {
  const withCondition = (condition: string): string => one(`{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": ${condition}}`)

  it('an operator in the wrong case: suggests the documented spelling', () => {
    const error = errorOf(withCondition('{"stringequals": {"aws:username": "alice"}}'))
    expect(error.message).toBe(
      'Policy "P" is not valid at line 2, column 69 (statement 1): unknown condition operator "stringequals" — operator names are case-sensitive; use "StringEquals".\n' +
        // The line is long, so the excerpt shows a window around the column.
        '2 | …": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"stringequals": {"aws:username": "alice"…\n' +
        '  |                                                              ^',
    )
  })

  it('a misspelt operator and a misspelt set prefix', () => {
    expect(paragraphOf(withCondition('{"StringNotEqualIfExists": {"aws:SourceVpce": "vpce-1"}}'))).toBe(
      'Policy "P" is not valid at line 2, column 69 (statement 1): unknown condition operator "StringNotEqualIfExists" — did you mean "StringNotEqualsIfExists"?',
    )
    expect(paragraphOf(withCondition('{"ForAllValue:StringLike": {"aws:TagKeys": "a*"}}'))).toBe(
      'Policy "P" is not valid at line 2, column 69 (statement 1): unknown condition operator "ForAllValue:StringLike" — did you mean "ForAllValues:StringLike"?',
    )
  })

  it('an operator nothing like a real one', () => {
    expect(paragraphOf(withCondition('{"Matches": {"aws:username": "a"}}'))).toBe(
      `Policy "P" is not valid at line 2, column 69 (statement 1): unknown condition operator "Matches" — see ${OPERATORS_DOC}.`,
    )
  })

  it('NullIfExists', () => {
    expect(paragraphOf(withCondition('{"NullIfExists": {"aws:username": "true"}}'))).toBe(
      'Policy "P" is not valid at line 2, column 69 (statement 1): "NullIfExists" is not a condition operator — Null already tests whether the key exists and cannot take IfExists; use "Null".',
    )
  })

  it('a condition value that is an object', () => {
    expect(paragraphOf(withCondition('{"StringEquals": {"aws:username": {"value": "a"}}}'))).toBe(
      'Policy "P" is not valid at line 2, column 102 (statement 1): the value of "aws:username" under "StringEquals" is an object — a condition value must be a string, number or boolean, or a list of them.',
    )
  })

  it('a nested list, and null in a list', () => {
    expect(paragraphOf(withCondition('{"StringEquals": {"aws:username": ["a", ["b"]]}}'))).toBe(
      'Policy "P" is not valid at line 2, column 108 (statement 1): the value of "aws:username" under "StringEquals" holds a list inside a list — a condition value must be a string, number or boolean, or a list of them.',
    )
    expect(paragraphOf(withCondition('{"StringEquals": {"aws:username": ["a", null]}}'))).toBe(
      'Policy "P" is not valid at line 2, column 108 (statement 1): the value of "aws:username" under "StringEquals" holds null — a condition value must be a string, number or boolean, or a list of them.',
    )
  })

  it('an operator that does not map keys to values, and a Condition that is not an object', () => {
    expect(paragraphOf(withCondition('{"StringEquals": "aws:username"}'))).toBe(
      'Policy "P" is not valid at line 2, column 85 (statement 1): "StringEquals" must map condition keys to values, e.g. {"aws:username": "alice"}, found a string.',
    )
    expect(paragraphOf(withCondition('[]'))).toBe(
      'Policy "P" is not valid at line 2, column 68 (statement 1): "Condition" must be an object of operators, e.g. {"StringEquals": {"aws:username": "alice"}}, found a list.',
    )
  })
})

describe('statement elements', () => {
  it('a misspelt element: suggests the closest one', () => {
    const error = errorOf(one('{"Efect": "Deny", "Action": "s3:*", "Resource": "*"}'))
    expect(error.message).toBe(
      'Policy "P" is not valid at line 2, column 2 (statement 1): unknown statement element "Efect" — did you mean "Effect"?\n' +
        '2 | {"Efect": "Deny", "Action": "s3:*", "Resource": "*"}\n' +
        '  |  ^',
    )
  })

  it('an element in the wrong case', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "action": "s3:*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 20 (statement 1): unknown statement element "action" — element names are case-sensitive; use "Action".',
    )
  })

  it('an element nothing like a real one', () => {
    expect(paragraphOf(one('{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Comment": "temp"}'))).toBe(
      'Policy "P" is not valid at line 2, column 55 (statement 1): unknown statement element "Comment" — a statement holds Sid, Effect, Action or NotAction, Resource or NotResource, Principal or NotPrincipal, and Condition.',
    )
  })

  it('Version inside a statement', () => {
    expect(paragraphOf(one('{"Version": "2012-10-17", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 2 (statement 1): "Version" belongs at the top of the policy, not inside a statement.',
    )
  })

  it('a Sid that is not a string', () => {
    expect(paragraphOf(one('{"Sid": 1, "Effect": "Deny", "Action": "s3:*", "Resource": "*"}'))).toBe(
      'Policy "P" is not valid at line 2, column 9 (statement 1): "Sid" must be a string, found a number.',
    )
  })

  it('a statement that is not an object; the second statement is numbered 2', () => {
    expect(paragraphOf('{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}, "Deny"]}')).toBe(
      'Policy "P" is not valid at line 1, column 96 (statement 2): a statement must be an object such as {"Effect": …, "Action": …, "Resource": …}, found a string.',
    )
  })
})

describe('the document', () => {
  it('an unknown Version', () => {
    expect(paragraphOf('{"Version": "2024-05-31", "Statement": []}')).toBe(
      'Policy "P" is not valid at line 1, column 13: "Version": "2024-05-31" is not valid — use "2012-10-17" (Version names the policy language, not the date the policy was written).',
    )
    expect(paragraphOf('{"Version": 2012, "Statement": []}')).toBe(
      'Policy "P" is not valid at line 1, column 13: "Version" must be the string "2012-10-17", found a number.',
    )
  })

  it('a missing Statement', () => {
    expect(paragraphOf('{"Version": "2012-10-17"}')).toBe(
      'Policy "P" is not valid at line 1, column 1: it has no "Statement" — a policy needs "Statement": [ { "Effect": …, "Action": …, "Resource": … } ].',
    )
  })

  it('an empty Statement, and a Statement of the wrong type', () => {
    expect(paragraphOf('{"Version": "2012-10-17", "Statement": []}')).toBe(
      'Policy "P" is not valid at line 1, column 40: "Statement" is an empty list — a policy needs at least one statement.',
    )
    expect(paragraphOf('{"Version": "2012-10-17", "Statement": "Deny"}')).toBe(
      'Policy "P" is not valid at line 1, column 40: "Statement" must be a statement object or a list of them, found a string.',
    )
  })

  it('a misspelt top-level element', () => {
    expect(paragraphOf('{"Versoin": "2012-10-17", "Statement": []}')).toBe(
      'Policy "P" is not valid at line 1, column 2: unknown element "Versoin" — did you mean "Version"?',
    )
    expect(paragraphOf('{"Version": "2012-10-17", "Statment": []}')).toBe(
      'Policy "P" is not valid at line 1, column 27: unknown element "Statment" — did you mean "Statement"?',
    )
    expect(paragraphOf('{"Version": "2012-10-17", "Owner": "me", "Statement": []}')).toBe(
      'Policy "P" is not valid at line 1, column 27: unknown element "Owner" — a policy holds only "Version", "Id" and "Statement".',
    )
  })

  it('a statement element at the top level next to Statement', () => {
    expect(paragraphOf('{"Version": "2012-10-17", "Effect": "Deny", "Statement": []}')).toBe(
      'Policy "P" is not valid at line 1, column 27: "Effect" belongs inside a statement, not at the top level of the policy.',
    )
  })

  it('a lone statement that also carries a Version', () => {
    expect(paragraphOf('{"Version": "2012-10-17", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}')).toBe(
      'Policy "P" is not valid at line 1, column 2: "Version" sits next to statement elements such as "Effect" — wrap the statement: {"Version": "2012-10-17", "Statement": [ { "Effect": … } ]}.',
    )
  })

  it('a list of statements instead of a policy', () => {
    expect(paragraphOf('[{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]')).toBe(
      'Policy "P" is not valid at line 1, column 1: the policy is a JSON list, but a policy is an object — wrap the statements: {"Version": "2012-10-17", "Statement": [ … ]}.',
    )
    expect(paragraphOf('"Deny"')).toBe(
      'Policy "P" is not valid at line 1, column 1: the policy must be a JSON object such as {"Version": "2012-10-17", "Statement": [ … ]}, found a string.',
    )
  })

  it('input that is neither text nor an object', () => {
    const error = errorOf(42)
    expect(error.message).toBe('Policy "P" is not valid: expected JSON text or an object, found a number.')
    expect([error.line, error.column, error.excerpt]).toEqual([null, null, null])
  })
})

describe('object input has no positions', () => {
  it('names the statement but no line', () => {
    const error = errorOf({ Version: '2012-10-17', Statement: [{ Sid: 'S1', Effect: 'deny', Action: 's3:*', Resource: '*' }] })
    expect(error.message).toBe('Policy "P" is not valid (statement "S1"): "Effect": "deny" is not valid — Effect is case-sensitive; use "Deny".')
    expect([error.line, error.column, error.excerpt]).toEqual([null, null, null])
  })

  it('rejects non-JSON values such as undefined in a condition', () => {
    expect(errorOf({ Statement: { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': undefined } } } }).message).toBe(
      'Policy "P" is not valid (statement 1): the value of "aws:SecureTransport" under "Bool" is undefined — a condition value must be a string, number or boolean, or a list of them.',
    )
  })
})
