/**
 * Every JSON example of the seed article (AWS Knowledge Center, "explicit deny" troubleshooting,
 * Japanese edition), copied verbatim with its mistakes, and the minimal fix of each broken one.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PolicyInputError, parsePolicy, type PolicyKind } from '../../src/policy/index.js'
import type { Policy } from '../../src/model/policy.js'

const dir = fileURLToPath(new URL('../fixtures/seed/', import.meta.url))
const read = (file: string): string => readFileSync(dir + file, 'utf8')
const load = (name: string, kind: PolicyKind, fixed = false): Policy =>
  parsePolicy(read(`${name}${fixed ? '.fixed' : ''}.json`), { name, kind })

function errorOf(name: string, kind: PolicyKind): PolicyInputError {
  try {
    load(name, kind)
  } catch (error) {
    if (error instanceof PolicyInputError) return error
    throw error
  }
  throw new Error(`${name} parsed, but it should not`)
}

const bare = (name: string): string =>
  `Policy "${name}" is a lone statement without a "Statement" wrapper; it is read as a policy of one statement, with no Version.`

/** The broken examples: the error each one gives, and how many lines its fix changes. */
const broken: { name: string; kind: PolicyKind; line: number; column: number; message: string; linesFixed: number }[] = [
  {
    name: 'identity-deny-delete-role',
    kind: 'identity',
    line: 4,
    column: 3,
    linesFixed: 1,
    message:
      'Policy "identity-deny-delete-role" is not valid JSON at line 4, column 3: expected a comma between "Action": "iam:DeleteRole" and "Resource" — a comma is probably missing at the end of line 3.\n' +
      '3 |   "Action": "iam:DeleteRole"\n' +
      '4 |   "Resource": "*"\n' +
      '  |   ^',
  },
  {
    name: 'bucket-deny-principal',
    kind: 'resource',
    line: 2,
    column: 13,
    linesFixed: 1,
    message:
      'Policy "bucket-deny-principal" is not valid at line 2, column 13 (statement 1): "Effect": "deny" is not valid — Effect is case-sensitive; use "Deny".\n' +
      '2 |   "Effect": "deny",\n' +
      '  |             ^',
  },
  {
    name: 'bucket-deny-sourcevpce',
    kind: 'resource',
    line: 3,
    column: 26,
    linesFixed: 2,
    message:
      'Policy "bucket-deny-sourcevpce" is not valid JSON at line 3, column 26: found the curly quote ” (U+201D) where the string "Policy123456789" should end — JSON needs straight double quotes ("); replace it with a straight ".\n' +
      '3 |    "Id": "Policy123456789”,\n' +
      '  |                          ^',
  },
  {
    name: 'boundary-deny-ec2',
    kind: 'boundary',
    line: 10,
    column: 7,
    linesFixed: 1,
    message:
      'Policy "boundary-deny-ec2" is not valid JSON at line 10, column 7: expected a comma between "Action": "ec2:*" and "Resource" — a comma is probably missing at the end of line 8.\n' +
      ' 8 |       "Action": "ec2:*"\n' +
      ' 9 | \n' +
      '10 |       "Resource": "*"\n' +
      '   |       ^',
  },
  {
    name: 'scp-deny-runinstances',
    kind: 'scp',
    line: 8,
    column: 7,
    linesFixed: 1,
    message:
      'Policy "scp-deny-runinstances" is not valid JSON at line 8, column 7: expected a comma between "Action": "ec2:RunInstances" and "Resource" — a comma is probably missing at the end of line 6.\n' +
      '6 |       "Action": "ec2:RunInstances"\n' +
      '7 | \n' +
      '8 |       "Resource": "*"\n' +
      '  |       ^',
  },
  {
    name: 'scp-deny-cloudops-exception',
    kind: 'scp',
    line: 7,
    column: 7,
    linesFixed: 1,
    message:
      'Policy "scp-deny-cloudops-exception" is not valid JSON at line 7, column 7: expected a comma between "Action": "ec2:RunInstances" and "Resource" — a comma is probably missing at the end of line 6.\n' +
      '6 |       "Action": "ec2:RunInstances"\n' +
      '7 |       "Resource": "*",\n' +
      '  |       ^',
  },
]

describe('the broken seed examples give a clear error with line and column', () => {
  it.each(broken)('$name', ({ name, kind, line, column, message }) => {
    const error = errorOf(name, kind)
    expect(error.message).toBe(message)
    expect([error.policyName, error.line, error.column]).toEqual([name, line, column])
  })

  it.each(broken)('$name.fixed.json is a minimal fix (only the broken lines change)', ({ name, linesFixed }) => {
    const before = read(`${name}.json`).split('\n')
    const after = read(`${name}.fixed.json`).split('\n')
    expect(after).toHaveLength(before.length)
    expect(after.filter((lineText, i) => lineText !== before[i])).toHaveLength(linesFixed)
  })
})

describe('the fixed seed examples parse', () => {
  it('identity-deny-delete-role.fixed: a lone Deny statement', () => {
    const policy = load('identity-deny-delete-role', 'identity', true)
    expect(policy.statements).toMatchObject([{ index: 0, sid: null, effect: 'Deny', action: ['iam:DeleteRole'], resource: ['*'], conditions: [] }])
    expect(policy.warnings).toEqual([bare('identity-deny-delete-role')])
  })

  it('bucket-deny-principal.fixed: Deny to one role', () => {
    const policy = load('bucket-deny-principal', 'resource', true)
    expect(policy.statements).toMatchObject([
      {
        effect: 'Deny',
        principal: { wildcard: false, aws: ['arn:aws:iam::111111111111:role/ROLENAME'], service: [] },
        action: ['s3:ListBucket'],
        resource: ['arn:aws:s3:::MyExampleBucket'],
      },
    ])
    expect(policy.warnings).toEqual([bare('bucket-deny-principal')])
  })

  it('bucket-deny-sourcevpce.fixed: Deny unless through vpce-11111', () => {
    const policy = load('bucket-deny-sourcevpce', 'resource', true)
    expect([policy.version, policy.id]).toEqual(['2012-10-17', 'Policy123456789'])
    expect(policy.statements).toMatchObject([
      {
        sid: 'AccessSpecificVPCEOnly',
        effect: 'Deny',
        principal: { wildcard: true },
        action: ['s3:*'],
        resource: ['arn:aws:s3:::examplebucket', 'arn:aws:s3:::examplebucket/*'],
        conditions: [{ operator: { base: 'StringNotEquals', ifExists: true }, key: 'aws:SourceVpce', values: ['vpce-11111'] }],
      },
    ])
    expect(policy.warnings).toEqual([])
  })

  it('boundary-deny-ec2.fixed: the boundary denies ec2:*', () => {
    const policy = load('boundary-deny-ec2', 'boundary', true)
    expect(policy.statements).toMatchObject([{ effect: 'Deny', action: ['ec2:*'], resource: ['*'] }])
    expect(policy.warnings).toEqual([])
  })

  it('scp-deny-runinstances.fixed', () => {
    const policy = load('scp-deny-runinstances', 'scp', true)
    expect(policy.statements).toMatchObject([{ effect: 'Deny', action: ['ec2:RunInstances'], resource: ['*'], conditions: [] }])
    expect(policy.warnings).toEqual([])
  })

  it('scp-deny-cloudops-exception.fixed: ArnNotLike keeps the key as written (aws:PrincipalARN)', () => {
    const policy = load('scp-deny-cloudops-exception', 'scp', true)
    expect(policy.statements[0]!.conditions).toEqual([
      {
        operator: { name: 'ArnNotLike', setOperator: null, base: 'ArnNotLike', ifExists: false },
        key: 'aws:PrincipalARN',
        values: ['arn:aws:iam::*:role/CloudOps'],
      },
    ])
    expect(policy.warnings).toEqual([])
  })
})

describe('the valid seed examples parse as written', () => {
  it('mfa-deny: Deny NotAction unless MFA (BoolIfExists)', () => {
    const policy = load('mfa-deny', 'identity')
    const [statement] = policy.statements
    expect(statement).toMatchObject({ sid: 'DenyAllExceptListedIfNoMFA', effect: 'Deny', action: null, resource: ['*'] })
    expect(statement!.notAction).toHaveLength(7)
    expect(statement!.notAction).toContain('sts:GetSessionToken')
    expect(statement!.conditions).toEqual([
      { operator: { name: 'BoolIfExists', setOperator: null, base: 'Bool', ifExists: true }, key: 'aws:MultiFactorAuthPresent', values: ['false'] },
    ])
    expect(policy.warnings).toEqual([bare('mfa-deny')])
  })

  it('tagkeys-instancetype-deny: two conditions, ANDed, in document order', () => {
    const policy = load('tagkeys-instancetype-deny', 'identity')
    expect(policy.statements[0]).toMatchObject({
      sid: 'AllowRunInstancesWithRestrictions2',
      effect: 'Deny',
      action: ['ec2:CreateVolume', 'ec2:RunInstances'],
      resource: ['arn:aws:ec2:*:*:volume/*', 'arn:aws:ec2:*:*:instance/*'],
    })
    expect(policy.statements[0]!.conditions.map((c) => [c.operator.name, c.key, c.values])).toEqual([
      ['ForAllValues:StringNotLike', 'aws:TagKeys', ['Production']],
      ['StringEquals', 'ec2:InstanceType', ['t2.micro']],
    ])
    expect(policy.warnings).toEqual([bare('tagkeys-instancetype-deny')])
  })

  it('bucket-deny-userid: Deny everyone whose aws:userId is not listed', () => {
    const policy = load('bucket-deny-userid', 'resource')
    expect(policy.statements[0]).toMatchObject({ effect: 'Deny', principal: { wildcard: true }, action: ['s3:*'] })
    expect(policy.statements[0]!.conditions.map((c) => [c.operator.name, c.key, c.values])).toEqual([
      ['StringNotLike', 'aws:userId', ['AROAEXAMPLEID:*', 'AIDAEXAMPLEID', '111111111111']],
    ])
    expect(policy.warnings).toEqual([])
  })

  it('boundary-user-allow: the user’s identity policy, Statement as an object', () => {
    const policy = load('boundary-user-allow', 'identity')
    expect(policy.statements).toMatchObject([{ index: 0, effect: 'Allow', action: ['ec2:RunInstances'], resource: ['*'] }])
    expect(policy.warnings).toEqual([])
  })

  it('session-deny: the session policy denies RunInstances', () => {
    const policy = load('session-deny', 'session')
    expect(policy.statements).toMatchObject([{ index: 0, effect: 'Deny', action: ['ec2:RunInstances'], resource: ['*'] }])
    expect(policy.warnings).toEqual([])
  })
})
