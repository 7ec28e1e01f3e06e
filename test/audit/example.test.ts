/**
 * examples/audit.yaml against examples/demo-snapshot.json: every check's expected outcome,
 * actual decision, deciding statement and whether it held — the README and docs/audit.md
 * promise exactly this — and the exit status 6 that the one failing expectation gives.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020Module from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import Audit from '../../src/commands/audit.js'
import { runCommand } from '../helpers/run-command.js'
import { auditText, EXAMPLE_AUDIT, lines, ROOT } from './helpers.js'

const text = readFileSync(EXAMPLE_AUDIT, 'utf8')
const result = await auditText(text, { fileName: 'examples/audit.yaml' })

const W = 'arn:aws:iam::111111111111:role'
const SCP = 'SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11), statement 1 (Sid DenyRunInstancesExceptCloudOps)'
const LAKE = "No role of Workloads reads the Data account's data lake"

describe('the example audit against the demo snapshot', () => {
  it('gives each check its exact verdict, deciding statement and outcome', () => {
    expect(lines(result)).toEqual([
      `Only CloudOps launches instances in Workloads | arn:aws:sts::111111111111:assumed-role/TestReadOnly/audit ec2:RunInstances | explicit-deny: scp → ExplicitDeny (held) | ${SCP}`,
      `Only CloudOps launches instances in Workloads | ${W}/DataAuditor ec2:RunInstances | explicit-deny: scp → ExplicitDeny (held) | ${SCP}`,
      'CloudOps can launch instances | arn:aws:sts::111111111111:assumed-role/CloudOps/audit ec2:RunInstances | allow → Allowed (held) | managed policy `EC2Operator` attached to role `CloudOps`, statement 1 (Sid OperateInstances)',
      `RoleAdmin administers roles but cannot delete them | ${W}/RoleAdmin iam:DeleteRole | explicit-deny: identity → ExplicitDeny (held) | inline policy \`RoleAdministration\` of role \`RoleAdmin\`, statement 2 (Sid DenyDeleteRole)`,
      'The DevBoundary boundary keeps BoundedDeveloper off EC2 | arn:aws:iam::222222222222:role/BoundedDeveloper ec2:RunInstances | explicit-deny: boundary → ExplicitDeny (held) | permissions boundary `DevBoundary` of role `BoundedDeveloper`, statement 1 (Sid DenyAllEC2)',
      'tester needs MFA | arn:aws:iam::111111111111:user/tester ec2:DescribeInstances | explicit-deny: identity → ExplicitDeny (held) | inline policy `ForceMFA` of group `Developers`, statement 2 (Sid DenyAllExceptListedIfNoMFA)',
      'tester works with MFA | arn:aws:iam::111111111111:user/tester ec2:DescribeInstances | allow → Allowed (held) | managed policy `DeveloperAccess` attached to user `tester`, statement 1 (Sid AllowEC2AndS3)',
      'LaunchRestricted launches tagged t2.micro instances | arn:aws:sts::222222222222:assumed-role/LaunchRestricted/ci ec2:RunInstances | allow → Allowed (held) | inline policy `LaunchRestrictions` of role `LaunchRestricted`, statement 1 (Sid AllowRunInstancesWithRestrictions)',
      'examplebucket is reachable through vpce-11111 only | arn:aws:sts::111111111111:assumed-role/TestReadOnly/audit s3:GetObject | explicit-deny: resource → ExplicitDeny (held) | bucket policy of `examplebucket`, statement 1 (Sid AccessSpecificVPCEOnly)',
      'CloudOps sessions read demo-locked-bucket | arn:aws:sts::111111111111:assumed-role/CloudOps/audit s3:GetObject | allow → Allowed (held) | managed policy `ReadOnlyAccess` attached to role `CloudOps`, statement 1 (Sid ReadOnlyActions)',
      `${LAKE} | ${W}/Analytics s3:GetObject | deny → Allowed (failed) | inline policy \`ReadDataLake\` of role \`Analytics\`, statement 1 (Sid ReadDataLake)`,
      `${LAKE} | ${W}/CloudOps s3:GetObject | deny → ImplicitDeny (held) | no Allow in resource-based policy`,
      `${LAKE} | ${W}/DataAuditor s3:GetObject | deny → ImplicitDeny (held) | no Allow in resource-based policy`,
      `${LAKE} | ${W}/RoleAdmin s3:GetObject | deny → ImplicitDeny (held) | no Allow in resource-based policy, identity-based policies`,
      `${LAKE} | ${W}/TestReadOnly s3:GetObject | deny → ImplicitDeny (held) | no Allow in resource-based policy`,
    ])
  })

  it('names both grants that let Analytics into the data lake across accounts', () => {
    const analytics = result.expectations.at(-1)!.checks[0]!
    expect(analytics.summary).toBe('inline policy `ReadDataLake` of role `Analytics`, statement 1 (Sid ReadDataLake); with bucket policy of `data-lake-222`, statement 1 (Sid AnalyticsReadAccess)')
    expect(analytics.deciding).toMatchObject({ policyType: 'identity', policyName: 'ReadDataLake', statementIndex: 0, sid: 'ReadDataLake', effect: 'Allow', certain: true })
  })

  it('the selector {roles: "*", account: 111111111111} leaves the service-linked role out', () => {
    const principals = result.expectations.at(-1)!.checks.map((c) => c.principal)
    expect(principals).toEqual(['Analytics', 'CloudOps', 'DataAuditor', 'RoleAdmin', 'TestReadOnly'].map((n) => `${W}/${n}`))
  })

  it('counts 9 of 10 expectations held and 14 of 15 checks', () => {
    expect(result.passed).toBe(false)
    expect(result.totals).toEqual({
      expectations: { total: 10, held: 9, failed: 1, notInShard: 0 },
      checks: { total: 15, held: 14, failed: 1, undetermined: 0, error: 0 },
    })
    expect(result.expectations.filter((e) => e.status === 'failed').map((e) => e.name)).toEqual([LAKE])
  })

  it('exits with status 6 and prints the table with the failing check marked (--wide: every column, whole values)', async () => {
    const run = await runCommand(Audit, ['examples/audit.yaml', '--snapshot', 'examples/demo-snapshot.json', '--no-color', '--wide'])
    expect(run.status).toBe(6)
    expect(run.stderr).toBe('')
    const out = run.stdout.trimEnd().split('\n')
    expect(out[0]).toBe('AUDIT FAILED — 1 of 10 expectations did not hold')
    expect(out[3]).toMatch(/^ {3}expectation +principal +action +resource +expected +actual +deciding statement$/)
    expect(out.find((l) => l.startsWith('✗'))).toMatch(/^✗ {2}No role of Workloads reads the Data account's data lake +111111111111:role\/Analytics +s3:GetObject +arn:aws:s3:::data-lake-222\/events\/2026\/11\/01\.json +deny +Allowed +inline policy `ReadDataLake`/)
    expect(out.filter((l) => l.startsWith('✓'))).toHaveLength(14)
    expect(out.at(-1)).toBe('10 expectations: 9 held, 1 failed. 15 checks: 14 held, 1 failed, 0 undetermined, 0 could not be run.')
  })

  it('is valid against schemas/audit.schema.json', () => {
    const Ajv2020 = Ajv2020Module.default
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'audit.schema.json'), 'utf8')) as object)
    expect(validate(parseYaml(text)), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ expectations: [{ name: 'x', actoin: 's3:GetObject' }] })).toBe(false)
    expect(validate({ expectations: [{ name: 'x', principals: { roles: 'A*', users: '*' }, actions: 's3:GetObject', expect: 'allow' }] })).toBe(false)
    expect(validate({ defaults: { expect: { 'explicit-deny': 'firewall' } }, expectations: [{ name: 'x' }] })).toBe(false)
  })
})
