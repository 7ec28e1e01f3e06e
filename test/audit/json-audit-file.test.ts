import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import * as yaml from 'yaml'
import { parseAuditText, parseAuditTextLineAware } from '../../src/audit/read-audit-file.js'
import { printJson, shapeOf, style } from './json-text.js'

// The YAML parser, watched: a JSON audit file without problems is read in one pass, without it.
vi.mock('yaml', async (original) => {
  const actual = await original<typeof yaml>()
  return { ...actual, parseDocument: vi.fn(actual.parseDocument) }
})
const parseDocument = vi.mocked(yaml.parseDocument)

const ROLE = 'arn:aws:iam::111111111111:role/CloudOps'
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}'
const options = { readPolicyFile: (path: string) => (path === 'deny.json' ? POLICY : (() => { throw new Error(`${path} cannot be read`) })()) }

/** What reading gives: the file, or the error's name and message. */
function outcome(read: () => unknown): unknown {
  try {
    return read()
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

/** Mostly right values, now and then a wrong one (of the wrong kind, misspelt, empty): files both right and wrong. */
function mostly<T, U>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: right, weight: 15 }, { arbitrary: wrong, weight: 1 })
}
const principal = mostly(fc.constantFrom(ROLE, 'arn:aws:sts::111111111111:assumed-role/Dev/s', { roles: 'Deploy*' }, { users: '*', accounts: ['333333333333'] }), fc.constantFrom('Deploy*', '', { users: 1 }, 7))
const action = mostly(fc.constantFrom('s3:GetObject', 'ec2:RunInstances'), fc.constantFrom('s3:GetObjekt', 's3:Get*', 'x'))
const expectation = fc
  .tuple(
    fc.record(
      {
        name: mostly(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'deploy', 'A'), fc.constantFrom('', 5)),
        principals: mostly(fc.array(principal, { minLength: 1, maxLength: 3 }), fc.constant([])),
        actions: mostly(fc.array(action, { minLength: 1, maxLength: 2 }), fc.constant('s3:*')),
        expect: mostly(fc.constantFrom('allow', 'deny', 'implicit-deny', { 'explicit-deny': 'scp' }, { 'explicit-deny': ['scp', 'rcp'] }), fc.constantFrom('alow', null, { 'explicit-deny': ['firewall'] })),
        description: mostly(fc.constant('why "this" matters — é'), fc.constant(3)),
        resource: mostly(fc.constantFrom('arn:aws:s3:::bucket/key', '*'), fc.constant('bucket')),
        context: mostly(fc.constantFrom({ 'aws:SourceIp': '203.0.113.9' }, { 'aws:TagKeys': ['Name', 'Owner'] }), fc.constantFrom({ Name: 'x' }, [])),
        mfa: mostly(fc.boolean(), fc.constant('yes')),
        region: mostly(fc.constant('eu-west-1'), fc.constant('mars')),
        resourceAccount: mostly(fc.constant('222222222222'), fc.constant(12)),
        sessionPolicy: mostly(fc.constant('deny.json'), fc.constant('missing.json')),
        assumeAbsent: fc.boolean(),
      },
      { requiredKeys: ['name', 'principals', 'actions', 'expect'] },
    ),
    mostly(fc.constant({}), fc.constantFrom({ expeect: 'allow' }, { principal: ROLE })),
  )
  .map(([fields, extra]) => ({ ...fields, ...extra }))
const auditFile = fc.record(
  {
    version: mostly(fc.constantFrom(1, '1'), fc.constant(2)),
    name: mostly(fc.constant('Prod'), fc.constant('')),
    accounts: mostly(fc.constant(['111111111111']), fc.constantFrom(['1234'], '2')),
    defaults: fc.record({ region: mostly(fc.constant('us-east-1'), fc.constant('moon')) }, { requiredKeys: [] }),
    expectations: mostly(fc.array(expectation, { minLength: 1, maxLength: 3 }), fc.constant([])),
  },
  { requiredKeys: ['expectations'] },
)
/** Files that are right, so that the happy path is taken often enough. */
const validFile = fc.record({
  version: fc.constant(1),
  expectations: fc.uniqueArray(
    fc.record({ name: fc.constantFrom('a', 'b', 'c', 'deploy'), principal: fc.constantFrom(ROLE, { roles: 'Deploy*' }), action: fc.constantFrom('s3:GetObject', 'ec2:RunInstances'), sessionPolicy: fc.constant('deny.json'), expect: fc.constantFrom('allow', { 'explicit-deny': ['scp'] }) }, { requiredKeys: ['name', 'principal', 'action', 'expect'] }),
    { minLength: 1, maxLength: 4, selector: (e) => e.name },
  ),
})

describe('a JSON audit file reads as the line-aware readers read it', () => {
  it('a valid file: the same expectations, lines and digest, in one pass', () => {
    fc.assert(
      fc.property(validFile.map(shapeOf), style, (shape, s) => {
        const text = printJson(shape, s)
        parseDocument.mockClear()
        const fast = parseAuditText(text, 'audit.json', options)
        expect(parseDocument).not.toHaveBeenCalled()
        expect(fast).toEqual(parseAuditTextLineAware(text, 'audit.json', options))
      }),
      { numRuns: 200 },
    )
  })

  it('any file, right or wrong: the same file, or the same error word for word', () => {
    fc.assert(
      fc.property(auditFile.map(shapeOf), style, fc.constantFrom('audit.json', 'audit.yaml'), (shape, s, name) => {
        const text = printJson(shape, s)
        expect(outcome(() => parseAuditText(text, name, options))).toEqual(outcome(() => parseAuditTextLineAware(text, name, options)))
      }),
      { numRuns: 300 },
    )
  })
})

describe('JSON audit files, read in one pass unless something is wrong', () => {
  const lines = (...l: string[]) => l.join('\n')

  it('a valid file is read without the YAML parser, with the line of each expectation', () => {
    parseDocument.mockClear()
    const text = lines('{', '  "expectations": [', `    {"name": "a", "principal": "${ROLE}", "action": "s3:GetObject", "expect": "allow"},`, '', `    {"name": "b", "principal": "${ROLE}", "action": "s3:PutObject", "expect": "deny"}`, '  ]', '}')
    const file = parseAuditText(text, 'audit.json')
    expect(parseDocument).not.toHaveBeenCalled()
    expect(file.expectations.map((e) => [e.name, e.line])).toEqual([['a', 3], ['b', 5]])
    expect(file).toEqual(parseAuditTextLineAware(text, 'audit.json'))
  })

  it('CRLF line ends count one line each', () => {
    const text = lines('{', '  "expectations": [', '    {', '      "name": "a",', `      "principal": "${ROLE}",`, '      "action": "s3:GetObject",', '      "expect": "allow"', '    }', '  ]', '}').replace(/\n/g, '\r\n')
    expect(parseAuditText(text, 'audit.json').expectations[0]!.line).toBe(3)
  })

  it('a syntax error: the strict JSON reader words it, with line, column and excerpt', () => {
    const text = lines('{', '  "expectations": [', `    {"name": "a", "principal": "${ROLE}"`, '     "action": "s3:GetObject", "expect": "allow"}', '  ]', '}')
    expect(outcome(() => parseAuditText(text, 'audit.json'))).toBe(
      'JsonInputError: Audit file audit.json is not valid JSON at line 4, column 6: expected a comma between "principal": "arn:aws:iam::111111111111:role/CloudOps" and "action" — a comma is probably missing at the end of line 3.\n' +
        `3 |     {"name": "a", "principal": "${ROLE}"\n` +
        '4 |      "action": "s3:GetObject", "expect": "allow"}\n' +
        '  |      ^',
    )
  })

  it('a duplicate key, which JSON.parse would take: refused as before, at both places', () => {
    const text = lines('{', '  "expectations": [', `    {"name": "a", "principal": "${ROLE}", "action": "s3:GetObject",`, '     "expect": "allow", "name": "b"}', '  ]', '}')
    expect(outcome(() => parseAuditText(text, 'audit.json'))).toBe(
      'JsonInputError: Audit file audit.json is not valid at line 4, column 25: the key "name" appears twice in the same object (first at line 3, column 6) — AWS rejects duplicate keys; keep one.\n' +
        '4 |      "expect": "allow", "name": "b"}\n' +
        '  |                         ^',
    )
  })

  it('a problem with a value, at its line (the file is read again to word it)', () => {
    parseDocument.mockClear()
    const text = lines('{', '  "version": 1,', '  "expectations": [', '    {', '      "name": "a",', `      "principal": "${ROLE}",`, '      "action": "s3:GetObject",', '      "expect": "alow"', '    }', '  ]', '}').replace(/\n/g, '\r\n')
    expect(outcome(() => parseAuditText(text, 'audit.json'))).toBe(
      'UserError: Audit file audit.json is not valid at line 8: expect "alow" is not one of allow, deny, implicit-deny, explicit-deny or {explicit-deny: TYPE} with TYPE one of identity, boundary, scp, rcp, resource, vpce, session.',
    )
    expect(parseDocument).toHaveBeenCalledTimes(1)
  })

  it('a lone carriage return, which YAML does not take for a line break: its message, as before', () => {
    const text = `{"expectations":\r[{"name": "a", "principal": "${ROLE}", "action": "s3:GetObject", "expect": "allow"}]}`
    expect(outcome(() => parseAuditText(text, 'audit.json'))).toMatch(/^UserError: Audit file audit\.json is not valid YAML at line 1, column 18: Unexpected flow-seq-start token\./)
  })

  it('YAML files are read as before, with the YAML parser', () => {
    parseDocument.mockClear()
    const text = lines('expectations:', `  - {name: a, principal: ${ROLE}, action: s3:GetObject, expect: allow}`, '')
    expect(parseAuditText(text, 'audit.yaml').expectations[0]).toMatchObject({ name: 'a', line: 2 })
    expect(parseDocument).toHaveBeenCalledTimes(1)
    expect(outcome(() => parseAuditText('expectations:\n  - name: a\n', 'audit.json'))).toMatch(/^JsonInputError: Audit file audit\.json is not valid JSON at line 1, column 1: expected a value, found expectations without quotes/)
  })
})
