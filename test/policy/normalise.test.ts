import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../src/policy/index.js'
import { errorOf } from './helpers.js'

const bucketPolicy = {
  Version: '2012-10-17',
  Id: 'BucketLock',
  Statement: [
    {
      Sid: 'DenyOutsideVpce',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: {
        StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-1', 'aws:SourceVpc': ['vpc-1', 'vpc-2'] },
        Bool: { 'aws:SecureTransport': true },
        'ForAnyValue:NumericLessThan': { 's3:max-keys': 10 },
      },
    },
    {
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'], Service: 'cloudtrail.amazonaws.com' },
      NotAction: 's3:DeleteBucket',
      NotResource: 'arn:aws:s3:::other',
    },
  ],
}

describe('normalisation into the model', () => {
  const policy = parsePolicy(JSON.stringify(bucketPolicy, null, 2), { name: 'Bucket', kind: 'resource' })

  it('keeps Version and Id', () => {
    expect([policy.version, policy.id]).toEqual(['2012-10-17', 'BucketLock'])
  })

  it('turns single values into lists and names statements by Sid and 0-based index', () => {
    const [first, second] = policy.statements
    expect(first).toMatchObject({
      index: 0,
      sid: 'DenyOutsideVpce',
      effect: 'Deny',
      action: ['s3:*'],
      notAction: null,
      resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      notResource: null,
      notPrincipal: null,
    })
    expect(second).toMatchObject({ index: 1, sid: null, effect: 'Allow', action: null, notAction: ['s3:DeleteBucket'], resource: null, notResource: ['arn:aws:s3:::other'] })
  })

  it('"*" and {"AWS": "*"} both mean everyone', () => {
    expect(policy.statements[0]!.principal).toEqual({ wildcard: true, aws: [], service: [], federated: [], canonicalUser: [] })
    expect(policy.statements[1]!.principal).toEqual({
      wildcard: true,
      aws: ['arn:aws:iam::111122223333:root', '*'],
      service: ['cloudtrail.amazonaws.com'],
      federated: [],
      canonicalUser: [],
    })
  })

  it('flattens conditions to one clause per (operator, key) in document order, values as strings', () => {
    expect(policy.statements[0]!.conditions).toEqual([
      {
        operator: { name: 'StringNotEqualsIfExists', setOperator: null, base: 'StringNotEquals', ifExists: true },
        key: 'aws:SourceVpce',
        values: ['vpce-1'],
      },
      {
        operator: { name: 'StringNotEqualsIfExists', setOperator: null, base: 'StringNotEquals', ifExists: true },
        key: 'aws:SourceVpc',
        values: ['vpc-1', 'vpc-2'],
      },
      { operator: { name: 'Bool', setOperator: null, base: 'Bool', ifExists: false }, key: 'aws:SecureTransport', values: ['true'] },
      {
        operator: { name: 'ForAnyValue:NumericLessThan', setOperator: 'ForAnyValue', base: 'NumericLessThan', ifExists: false },
        key: 's3:max-keys',
        values: ['10'],
      },
    ])
    expect(policy.statements[1]!.conditions).toEqual([])
  })

  it('keeps the statement as written in raw', () => {
    expect(policy.statements[0]!.raw).toEqual(bucketPolicy.Statement[0])
    expect(policy.statements[1]!.raw).toEqual(bucketPolicy.Statement[1])
  })

  it('object input gives the same policy as text input, with the same raw objects', () => {
    const fromObject = parsePolicy(bucketPolicy, { name: 'Bucket', kind: 'resource' })
    expect(fromObject).toEqual(policy)
    expect(fromObject.statements[0]!.raw).toBe(bucketPolicy.Statement[0])
  })

  it('a Statement object (not a list) is statement 0', () => {
    const one = parsePolicy({ Statement: { Effect: 'Deny', Action: 's3:*', Resource: '*' } }, { name: 'One', kind: 'scp' })
    expect(one.statements.map((s) => s.index)).toEqual([0])
    expect([one.version, one.id]).toEqual([null, null])
  })

  it('a principal of every type', () => {
    const trust = parsePolicy(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'accounts.google.com', CanonicalUser: 'abc' }, Action: 'sts:AssumeRoleWithWebIdentity' }] },
      { name: 'T', kind: 'trust' },
    )
    expect(trust.statements[0]!.principal).toEqual({ wildcard: false, aws: [], service: [], federated: ['accounts.google.com'], canonicalUser: ['abc'] })
    expect(trust.statements[0]!.resource).toBeNull()
  })

  it('a key named __proto__ stays an ordinary key', () => {
    const text = '{"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"__proto__": "x"}}}]}'
    const policy = parsePolicy(text, { name: 'P', kind: 'identity' })
    expect(policy.statements[0]!.conditions.map((c) => [c.key, c.values])).toEqual([['__proto__', ['x']]])
  })
})

describe('a lone statement without a Statement wrapper', () => {
  it('is accepted as a one-statement policy with no Version', () => {
    const statement = { Sid: 'X', Effect: 'Deny', Action: ['iam:DeleteRole'], Resource: '*' }
    const policy = parsePolicy(JSON.stringify(statement), { name: 'Bare', kind: 'identity' })
    expect(policy.version).toBeNull()
    expect(policy.statements).toHaveLength(1)
    expect(policy.statements[0]).toMatchObject({ index: 0, sid: 'X', action: ['iam:DeleteRole'], resource: ['*'], raw: statement })
    expect(policy.warnings).toEqual([
      'Policy "Bare" is a lone statement without a "Statement" wrapper; it is read as a policy of one statement, with no Version.',
    ])
  })

  it('positions still point into it', () => {
    const error = errorOf('{\n  "Effect": "Deny",\n  "Action": "s3:*",\n  "Resource": "*",\n  "Condition": {"Bool": {"aws:SecureTransport": {}}}\n}')
    expect(error.message.split('\n')[0]).toBe(
      'Policy "P" is not valid at line 5, column 49 (statement 1): the value of "aws:SecureTransport" under "Bool" is an object — a condition value must be a string, number or boolean, or a list of them.',
    )
  })
})

describe('URL-encoded documents (as IAM GetPolicyVersion / GetRolePolicy return them)', () => {
  const document = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::a+b/c d"}]}'

  it('decodes %7B… text, and keeps + as a plus (not a space)', () => {
    const encoded = encodeURIComponent(document)
    expect(encoded.startsWith('%7B')).toBe(true)
    const policy = parsePolicy(encoded, { name: 'Enc', kind: 'identity' })
    expect(policy.statements[0]!.resource).toEqual(['arn:aws:s3:::a+b/c d'])
  })

  it('decodes lower-case %7b', () => {
    const encoded = encodeURIComponent(document).replace(/%7B/g, '%7b')
    expect(parsePolicy(encoded, { name: 'Enc', kind: 'identity' }).statements[0]!.effect).toBe('Deny')
  })

  it('decodes text with %22 and no raw brace (here an encoded newline comes first)', () => {
    const encoded = encodeURIComponent(`\n${document}`)
    expect(encoded.startsWith('%0A%7B')).toBe(true)
    expect(parsePolicy(encoded, { name: 'Enc', kind: 'identity' }).statements[0]!.action).toEqual(['s3:*'])
  })

  it('leaves ordinary JSON that merely contains %22 alone', () => {
    const policy = parsePolicy('{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::b/%22"}}', { name: 'P', kind: 'identity' })
    expect(policy.statements[0]!.resource).toEqual(['arn:aws:s3:::b/%22'])
  })

  it('reports a syntax error in the decoded text, and says so', () => {
    const error = errorOf(encodeURIComponent('{"Effect":"Deny" "Action":"s3:*","Resource":"*"}'))
    expect(error.message).toBe(
      'Policy "P" is not valid JSON after URL-decoding at line 1, column 18: expected a comma between "Effect": "Deny" and "Action" — a comma is probably missing before "Action".\n' +
        '1 | {"Effect":"Deny" "Action":"s3:*","Resource":"*"}\n' +
        '  |                  ^',
    )
  })

  it('reports text that cannot be decoded', () => {
    const error = errorOf('%7B%22Effect%2')
    expect(error.message).toBe(
      'Policy "P" is not valid: it looks URL-encoded, but it cannot be decoded: the "%" at character 13 is not followed by two hexadecimal digits — check that it was copied whole.',
    )
    expect(error.line).toBeNull()
  })
})

describe('text details', () => {
  it('ignores a byte-order mark', () => {
    expect(parsePolicy('\uFEFF{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}', { name: 'P', kind: 'identity' }).statements).toHaveLength(1)
  })
})
