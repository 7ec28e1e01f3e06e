/**
 * --baseline PREVIOUS.json: every verdict that changed since the last run is reported, even
 * where the expectation still holds.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { driftSince } from '../../src/audit/drift.js'
import { renderAuditText } from '../../src/audit/render-text.js'
import Audit from '../../src/commands/audit.js'
import type { Snapshot } from '../../src/sources/snapshot/format.js'
import { validateSnapshot } from '../../src/sources/snapshot/validate.js'
import { runCommand } from '../helpers/run-command.js'
import { auditText, DEMO, EXAMPLE_AUDIT } from './helpers.js'

const text = readFileSync(EXAMPLE_AUDIT, 'utf8')
const baseline = await auditText(text, { fileName: 'examples/audit.yaml' })

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

/** The demo snapshot, changed by `patch`. */
function demoWith(patch: (snapshot: Loose) => void): Snapshot {
  const json = JSON.parse(readFileSync(DEMO, 'utf8')) as Loose
  patch(json)
  return validateSnapshot(json, 'demo-snapshot.json')
}

/** The SCP's statement gets another Sid: the same deny, another deciding statement. */
const renamedSid = demoWith((s) => {
  const scp = s.organization.policies.find((p: Loose) => p.name === 'DenyRunInstances')
  scp.document = scp.document.replace('DenyRunInstancesExceptCloudOps', 'DenyLaunchesOutsideCloudOps')
})

/** RoleAdmin gets an explicit Deny on the data lake: still denied, now explicitly. */
const explicitForRoleAdmin = demoWith((s) => {
  const role = s.accounts.find((a: Loose) => a.id === '111111111111').iam.roles.find((r: Loose) => r.roleName === 'RoleAdmin')
  role.rolePolicyList.push({ policyName: 'NoDataLake', policyDocument: { Version: '2012-10-17', Statement: [{ Sid: 'NoLake', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::data-lake-222/*' }] } })
})

describe('drift since a baseline', () => {
  it('is empty when nothing changed', async () => {
    const again = await auditText(text, { fileName: 'examples/audit.yaml' })
    expect(driftSince(again, baseline)).toEqual([])
  })

  it('reports a changed deciding statement although the expectation still holds', async () => {
    const current = await auditText(text, { fileName: 'examples/audit.yaml', snapshot: renamedSid })
    expect(current.expectations[0]!.status).toBe('held')
    const drift = driftSince(current, baseline)
    expect(drift.map((d) => [d.change, d.principal, d.before?.deciding, d.after?.deciding, d.before?.outcome, d.after?.outcome])).toEqual(
      ['arn:aws:sts::111111111111:assumed-role/TestReadOnly/audit', 'arn:aws:iam::111111111111:role/DataAuditor'].map((principal) => [
        'changed',
        principal,
        'SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11), statement 1 (Sid DenyRunInstancesExceptCloudOps)',
        'SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11), statement 1 (Sid DenyLaunchesOutsideCloudOps)',
        'held',
        'held',
      ]),
    )
  })

  it('reports an implicit deny that became explicit, in the text report too', async () => {
    const current = await auditText(text, { fileName: 'examples/audit.yaml', snapshot: explicitForRoleAdmin })
    const drift = driftSince(current, baseline)
    expect(drift).toEqual([
      {
        expectation: "No role of Workloads reads the Data account's data lake",
        principal: 'arn:aws:iam::111111111111:role/RoleAdmin',
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::data-lake-222/events/2026/11/01.json',
        change: 'changed',
        before: { decision: 'ImplicitDeny', outcome: 'held', deciding: 'no Allow in resource-based policy, identity-based policies' },
        after: { decision: 'ExplicitDeny', outcome: 'held', deciding: 'inline policy `NoDataLake` of role `RoleAdmin`, statement 1 (Sid NoLake)' },
      },
    ])
    const report = renderAuditText({ ...current, drift }, { color: false })
    expect(report).toContain(
      "Changed since the baseline (1)\n  • No role of Workloads reads the Data account's data lake — 111111111111:role/RoleAdmin s3:GetObject arn:aws:s3:::data-lake-222/events/2026/11/01.json: ImplicitDeny (held) by no Allow in resource-based policy, identity-based policies → ExplicitDeny (held) by inline policy `NoDataLake` of role `RoleAdmin`, statement 1 (Sid NoLake)",
    )
  })

  it('reports checks that are new or gone', async () => {
    const smaller = await auditText(text.replace('  - name: CloudOps can launch instances', '  - name: CloudOps may launch instances'), { fileName: 'examples/audit.yaml' })
    expect(driftSince(smaller, baseline).map((d) => [d.change, d.expectation])).toEqual([
      ['new', 'CloudOps may launch instances'],
      ['gone', 'CloudOps can launch instances'],
    ])
  })

  it('against a shard, leaves the other shards\' checks out rather than calling them gone', async () => {
    const shard = await auditText(text, { fileName: 'examples/audit.yaml', shard: { index: 1, count: 3 } })
    expect(shard.totals.checks.total).toBeLessThan(15)
    expect(driftSince(shard, baseline)).toEqual([])
  })

  it('--baseline adds the drift to the JSON, and a file that is no audit result is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'denydoctor-drift-'))
    const previous = join(dir, 'previous.json')
    const first = await runCommand(Audit, ['examples/audit.yaml', '--snapshot', 'examples/demo-snapshot.json', '--out', previous, '--no-color'])
    expect(first.status).toBe(6)
    const saved = JSON.parse(readFileSync(previous, 'utf8'))
    saved.expectations[1].checks[0].decision = 'ImplicitDeny'
    writeFileSync(previous, JSON.stringify(saved))
    const second = await runCommand(Audit, ['examples/audit.yaml', '--snapshot', 'examples/demo-snapshot.json', '--baseline', previous, '--json'])
    expect(second.status).toBe(6)
    const json = JSON.parse(second.stdout)
    expect(json.drift).toEqual([
      expect.objectContaining({ expectation: 'CloudOps can launch instances', change: 'changed', before: expect.objectContaining({ decision: 'ImplicitDeny' }), after: expect.objectContaining({ decision: 'Allowed' }) }),
    ])
    writeFileSync(previous, JSON.stringify({ decision: 'Allowed' }))
    const bad = await runCommand(Audit, ['examples/audit.yaml', '--snapshot', 'examples/demo-snapshot.json', '--baseline', previous])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toBe(`denydoctor: ${previous} is not a denydoctor audit result (the output of \`denydoctor audit --json\`): "format" is null (expected "denydoctor-audit-result").\n`)
  })
})
