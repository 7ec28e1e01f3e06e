import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/policy/index.js'
import { COLLECTOR_POLICY, collectorAssumeRolePolicy, grantedActions, ORGANIZATION_COLLECTOR_POLICY } from '../../../src/sources/aws/required-permissions.js'
import { operationsImported } from './source-scan.js'

/** The IAM action an SDK operation needs; ListBuckets is the one named differently. */
const actionOf = (op: { service: string; operation: string }) => (op.service === 's3' && op.operation === 'ListBuckets' ? 's3:ListAllMyBuckets' : `${op.service}:${op.operation}`)

/** What `collect` sends: its own files, and the live readers it reuses (managed-policies.ts). */
function collectActions(): Set<string> {
  return new Set(operationsImported().filter((op) => op.file.startsWith('collect') || op.file === 'managed-policies.ts').map(actionOf))
}

describe('the permissions collect needs', () => {
  it('are granted by the collector policy (each account) and the organization collector policy', () => {
    const granted = new Set<string>([...COLLECTOR_POLICY.Statement[0].Action, ...ORGANIZATION_COLLECTOR_POLICY.Statement[0].Action])
    expect([...collectActions()].filter((action) => !granted.has(action))).toEqual([])
    expect(granted).toContain('s3:ListAllMyBuckets')
    expect(granted).toContain('iam:GetAccountAuthorizationDetails')
  })

  it('grant nothing collect never sends', () => {
    const used = collectActions()
    const granted = [...COLLECTOR_POLICY.Statement[0].Action, ...ORGANIZATION_COLLECTOR_POLICY.Statement[0].Action]
    // GetCallerIdentity is sent by collect.ts itself, so it is in `used` too.
    expect(granted.filter((action) => !used.has(action))).toEqual([])
  })

  it('name ListBuckets by its IAM action in the policy, and by its operation in grantedActions()', () => {
    expect(COLLECTOR_POLICY.Statement[0].Action).not.toContain('s3:ListBuckets')
    expect(grantedActions()).toContain('s3:ListBuckets')
    expect(grantedActions()).not.toContain('s3:ListAllMyBuckets')
  })

  it('are valid identity policies; the assume-role grant names the role in every account', () => {
    expect(parsePolicy(COLLECTOR_POLICY, { name: 'DenydoctorCollector', kind: 'identity' }).statements).toHaveLength(1)
    expect(parsePolicy(ORGANIZATION_COLLECTOR_POLICY, { name: 'DenydoctorOrganizationCollector', kind: 'identity' }).statements).toHaveLength(1)
    const assume = collectorAssumeRolePolicy('OrganizationAccountAccessRole')
    expect(parsePolicy(assume, { name: 'DenydoctorCollectAssumeRole', kind: 'identity' }).statements[0]?.action).toEqual(['sts:AssumeRole'])
    expect(assume.Statement[0].Resource).toBe('arn:aws:iam::*:role/OrganizationAccountAccessRole')
  })
})
