import { describe, expect, it } from 'vitest'
import { parseAuditText } from '../../src/audit/read-audit-file.js'

const ROLE = 'arn:aws:iam::111111111111:role/CloudOps'

/** The message of the error parsing throws (fails the test when nothing is thrown). */
function problem(text: string, fileName = 'audit.yaml', options = {}): string {
  try {
    parseAuditText(text, fileName, options)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected the audit file to be refused')
}

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`

describe('reading a valid audit file', () => {
  it('reads principals, selectors, actions, resources, context shorthands and what to expect', () => {
    const file = parseAuditText(
      yaml(
        'version: 1',
        'name: Prod',
        'accounts: ["111111111111", 222222222222]',
        'assumeRoleName: DenyDoctorAuditor',
        'expectations:',
        '  - name: deployers cannot launch big instances',
        '    principals:',
        `      - ${ROLE}`,
        '      - {roles: "Deploy*"}',
        '      - {roles: {path: /ops/}, account: 012345678901}',
        '      - {users: "*", accounts: ["333333333333"]}',
        '    actions: [ec2:RunInstances, ec2:StartInstances]',
        '    resource: arn:aws:ec2:us-east-1:111111111111:instance/*',
        '    context:',
        '      ec2:InstanceType: m5.24xlarge',
        '      aws:TagKeys: [Name, Owner]',
        '    mfa: true',
        '    sourceVpce: vpce-0abc',
        '    sourceIp: 203.0.113.9',
        '    region: eu-west-1',
        '    expect:',
        '      explicit-deny: [scp, rcp]',
      ),
      'audit.yaml',
    )
    expect(file.name).toBe('Prod')
    expect(file.accounts).toEqual(['111111111111', '222222222222'])
    expect(file.assumeRoleName).toBe('DenyDoctorAuditor')
    const [e] = file.expectations
    expect(e).toMatchObject({
      name: 'deployers cannot launch big instances',
      line: 6,
      actions: ['ec2:RunInstances', 'ec2:StartInstances'],
      resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'],
      sourceVpce: 'vpce-0abc',
      region: 'eu-west-1',
      assumeAbsent: false,
      expect: { kind: 'explicit-deny', by: ['scp', 'rcp'] },
    })
    expect(e!.principals).toEqual([
      { kind: 'arn', arn: ROLE },
      { kind: 'role', name: 'Deploy*', path: null, accounts: [] },
      // Written without quotes, the account keeps its leading zero.
      { kind: 'role', name: '*', path: '/ops/', accounts: ['012345678901'] },
      { kind: 'user', name: '*', path: null, accounts: ['333333333333'] },
    ])
    expect(e!.context).toEqual([
      ['ec2:InstanceType', 'm5.24xlarge'],
      ['aws:TagKeys', 'Name'],
      ['aws:TagKeys', 'Owner'],
      ['aws:MultiFactorAuthPresent', 'true'],
      ['aws:SourceIp', '203.0.113.9'],
      ['aws:SourceVpce', 'vpce-0abc'],
    ])
  })

  it('takes defaults unless an expectation gives its own, merging context key by key', () => {
    const file = parseAuditText(
      yaml(
        'defaults:',
        '  actions: s3:GetObject',
        '  expect: deny',
        '  assumeAbsent: true',
        '  context: {aws:SourceIp: 10.0.0.1, aws:RequestedRegion: us-east-1}',
        'expectations:',
        `  - {name: a, principal: ${ROLE}}`,
        `  - {name: b, principal: ${ROLE}, expect: allow, context: {aws:SourceIp: 10.9.9.9}}`,
      ),
      'audit.yaml',
    )
    const [a, b] = file.expectations
    expect(a).toMatchObject({ actions: ['s3:GetObject'], expect: { kind: 'deny' }, assumeAbsent: true })
    expect(a!.context).toEqual([['aws:SourceIp', '10.0.0.1'], ['aws:RequestedRegion', 'us-east-1']])
    expect(b!.expect).toEqual({ kind: 'allow' })
    expect(b!.context).toEqual([['aws:RequestedRegion', 'us-east-1'], ['aws:SourceIp', '10.9.9.9']])
  })

  it('resolves YAML anchors and aliases', () => {
    const file = parseAuditText(
      yaml('expectations:', `  - {name: a, principal: &p ${ROLE}, action: &act s3:GetObject, expect: allow}`, '  - {name: b, principal: *p, action: *act, expect: deny}'),
      'audit.yaml',
    )
    expect(file.expectations.map((e) => [e.name, e.principals, e.actions])).toEqual([
      ['a', [{ kind: 'arn', arn: ROLE }], ['s3:GetObject']],
      ['b', [{ kind: 'arn', arn: ROLE }], ['s3:GetObject']],
    ])
  })

  it('reads the session policy file named relative to the audit file', () => {
    const read: string[] = []
    const file = parseAuditText(yaml('expectations:', `  - {name: a, principal: ${ROLE}, action: s3:GetObject, expect: allow, sessionPolicy: deny.json}`), 'audit.yaml', {
      readPolicyFile: (path: string) => {
        read.push(path)
        return '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}'
      },
    })
    expect(read).toEqual(['deny.json'])
    expect(file.expectations[0]!.sessionPolicy).toEqual({ name: 'deny.json', text: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}' })
  })

  it('gives the same digest to the same audit written as YAML or JSON, another to a changed one', () => {
    const fromYaml = parseAuditText(yaml('expectations:', '  - name: a', `    principal: ${ROLE}`, '    action: s3:GetObject', '    expect: allow'), 'a.yaml')
    const fromJson = parseAuditText(JSON.stringify({ expectations: [{ name: 'a', principal: ROLE, action: 's3:GetObject', expect: 'allow' }] }, null, 4), 'a.json')
    const changed = parseAuditText(JSON.stringify({ expectations: [{ name: 'a', principal: ROLE, action: 's3:PutObject', expect: 'allow' }] }), 'a.json')
    expect(fromYaml.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(fromJson.digest).toBe(fromYaml.digest)
    expect(changed.digest).not.toBe(fromYaml.digest)
  })
})

describe('validation errors name the line', () => {
  it('an unknown key in YAML, with the key it is close to', () => {
    const message = problem(yaml('expectations:', '  - name: a', `    principal: ${ROLE}`, '    actoin: s3:GetObject', '    action: s3:GetObject', '    expect: allow'))
    expect(message).toMatch(/^Audit file audit\.yaml is not valid at line 4: unknown key "actoin" in an expectation \(did you mean "action"\?\); the keys there are name, description, principals, /)
  })

  it('an unknown key in JSON, at its own line', () => {
    const json = ['{', '  "expectations": [', '    {', '      "name": "a",', `      "principal": "${ROLE}",`, '      "action": "s3:GetObject",', '      "expeect": "allow"', '    }', '  ]', '}'].join('\n')
    expect(problem(json, 'audit.json')).toBe(
      'Audit file audit.json is not valid (2 problems):\n' +
        '  line 3: expectation "a" has no expect (each expectation needs a name, principals, actions and what to expect, unless defaults give them).\n' +
        '  line 7: unknown key "expeect" in an expectation (did you mean "expect"?); the keys there are name, description, principals, principal, actions, action, resources, resource, context, mfa, sourceVpce, sourceIp, region, resourceAccount, sessionPolicy, assumeAbsent, expect.',
    )
  })

  it('an unknown key at the top, and in defaults', () => {
    expect(problem(yaml('expectation:', '  - name: a'))).toBe(
      'Audit file audit.yaml is not valid (2 problems):\n  line 1: unknown key "expectation" in the audit file (did you mean "expectations"?); the keys there are version, name, accounts, assumeRoleName, defaults, expectations.\n  line 1: the audit file has no expectations list.',
    )
    expect(problem(yaml('defaults:', '  name: x', 'expectations:', `  - {name: a, principal: ${ROLE}, action: s3:GetObject, expect: allow}`))).toMatch(/^Audit file audit\.yaml is not valid at line 2: unknown key "name" in defaults/)
  })

  it('a misspelt action, with the catalogue\'s suggestion (the same check as `principal`)', () => {
    const text = yaml('expectations:', '  - name: a', `    principal: ${ROLE}`, '    actions:', '      - ec2:DescribeInstances', '      - ec2:RunInstance', '    expect: allow')
    const message = problem(text)
    expect(message).toMatch(/^Audit file audit\.yaml is not valid at line 6: The IAM action catalogue does not know the action ec2:RunInstance\. Did you mean ec2:RunInstances/)
    expect(message).toContain('pass --allow-unknown-action.')
    expect(parseAuditText(text, 'audit.yaml', { allowUnknownAction: true }).expectations[0]!.actions).toEqual(['ec2:DescribeInstances', 'ec2:RunInstance'])
  })

  it('a misspelt action in a JSON file', () => {
    const json = ['{"expectations": [', `  {"name": "a", "principal": "${ROLE}",`, '   "action": "s3:GetObjekt",', '   "expect": "allow"}', ']}'].join('\n')
    expect(problem(json, 'audit.json')).toMatch(/^Audit file audit\.json is not valid at line 3: The IAM action catalogue does not know the action s3:GetObjekt\. Did you mean s3:GetObject/)
  })

  it('wildcard actions, non-ARN principals, bad selectors, bad expectations, each at its line', () => {
    const message = problem(
      yaml(
        'expectations:',
        '  - name: a',
        '    principals:',
        '      - Deploy*',
        '      - {roles: "A*", users: "*"}',
        '      - {roles: {path: ops}}',
        '      - {groups: "*"}',
        '    action: s3:Get*',
        '    resource: examplebucket',
        '    expect: {explicit-deny: firewall}',
        '    mfa: yes please',
        '    sourceVpce: vpc-123',
        '    context: {Name: x}',
        '    sourceIp: 10.0.0.300',
      ),
    )
    expect(message.split('\n')).toEqual([
      'Audit file audit.yaml is not valid (11 problems):',
      '  line 4: principal "Deploy*" is not the ARN of an IAM user, role, role session, federated user or root user; to select roles by name write {roles: "Deploy*"}.',
      '  line 5: a selector takes either roles or users, not both; write two selectors.',
      '  line 6: the path "ops" is not an IAM path: it starts and ends with "/", as in "/ops/".',
      '  line 7: unknown key "groups" in a principal selector; the keys there are roles, users, account, accounts.',
      '  line 8: "s3:Get*" is a wildcard; an audit checks real requests, so name each action (s3:GetObject, s3:PutObject, …).',
      '  line 9: resource "examplebucket" is not an ARN (arn:aws:service:region:account:…).',
      '  line 10: "firewall" is not a policy type; the types are identity, boundary, scp, rcp, resource, vpce, session.',
      '  line 11: mfa must be true or false, not the text "yes please".',
      '  line 12: sourceVpce "vpc-123" is not a VPC endpoint ID (vpce-…).',
      '  line 13: context key "Name" is not a condition key such as aws:SourceIp or ec2:InstanceType.',
      '  line 14: sourceIp "10.0.0.300" is not an IP address.',
    ])
  })

  it('duplicate expectation names, with both lines', () => {
    const message = problem(yaml('expectations:', `  - {name: Same, principal: ${ROLE}, action: s3:GetObject, expect: allow}`, `  - {name: same, principal: ${ROLE}, action: s3:PutObject, expect: deny}`))
    expect(message).toBe('Audit file audit.yaml is not valid at line 3: expectation name "same" is used already at line 2; names must be unique, reports and shards go by them.')
  })

  it('both spellings of one key', () => {
    expect(problem(yaml('expectations:', `  - {name: a, principal: ${ROLE}, principals: [${ROLE}], action: s3:GetObject, expect: allow}`))).toBe(
      'Audit file audit.yaml is not valid at line 2: an expectation gives both principal and principals; use principals with a list.',
    )
  })

  it('a session policy file that cannot be read', () => {
    const message = problem(yaml('expectations:', `  - {name: a, principal: ${ROLE}, action: s3:GetObject, expect: allow,`, '     sessionPolicy: no-such-file.json}'), '/tmp/audit.yaml')
    expect(message).toBe('Audit file /tmp/audit.yaml is not valid at line 3: sessionPolicy no-such-file.json cannot be read (no such file: /tmp/no-such-file.json).')
  })

  it('a session policy that is not a valid policy', () => {
    const message = problem(yaml('expectations:', `  - {name: a, principal: ${ROLE}, action: s3:GetObject, expect: allow,`, '     sessionPolicy: deny.json}'), 'audit.yaml', {
      readPolicyFile: () => '{"Version": "2012-10-17", "Statement": [{"Effect": "deny", "Action": "*", "Resource": "*"}]}',
    })
    expect(message).toMatch(/^Audit file audit\.yaml is not valid at line 3: sessionPolicy deny\.json: .*deny/)
  })

  it('YAML syntax errors, with line and column', () => {
    expect(problem(yaml('expectations:', '  - name: a', '    principal: [x, y', '    action: s3:GetObject'))).toMatch(/^Audit file audit\.yaml is not valid YAML at line 4, column 5: /)
    expect(problem(yaml('name: a', 'name: b', 'expectations: []'))).toMatch(/^Audit file audit\.yaml is not valid YAML at line 2, column 1: Map keys must be unique/)
  })

  it('JSON syntax errors, in plain words, with line and column', () => {
    const message = problem('{\n  "expectations": [\n    {"name": "a"\n     "expect": "allow"}\n  ]\n}', 'audit.json')
    expect(message).toMatch(/^Audit file audit\.json is not valid JSON at line 4, column 6: expected a comma/)
  })

  it('empty files and files without expectations', () => {
    expect(problem('  \n')).toBe('Audit file audit.yaml is empty: it needs a list of expectations (see docs/audit.md).')
    expect(problem('name: x\n')).toBe('Audit file audit.yaml is not valid at line 1: the audit file has no expectations list.')
    expect(problem('expectations: []\n')).toBe('Audit file audit.yaml is not valid at line 1: expectations must be a list with at least one expectation.')
    expect(problem('- a\n- b\n')).toBe('Audit file audit.yaml is not valid at line 1: the audit file must be a mapping (key: value lines), not a list.')
  })

  it('a version this denydoctor does not read, a bad account ID', () => {
    expect(problem(yaml('version: 2', 'expectations:', `  - {name: a, principal: ${ROLE}, action: s3:GetObject, expect: allow}`))).toBe(
      'Audit file audit.yaml is not valid at line 1: version must be 1, the only audit file version this denydoctor reads.',
    )
    expect(problem(yaml('accounts: [1234]', 'expectations:', `  - {name: a, principal: ${ROLE}, action: s3:GetObject, expect: allow}`))).toBe(
      'Audit file audit.yaml is not valid at line 1: account "1234" is not a 12-digit account ID.',
    )
  })
})
