import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/policy/index.js'
import { ACCOUNT_READER_POLICY, grantedActions, ORGANIZATION_READER_POLICY } from '../../../src/sources/aws/required-permissions.js'
import { operationsImported } from './source-scan.js'

/** The IAM action an SDK operation needs: `service:Operation` for every operation the adapters use. */
function actionsUsed(): Set<string> {
  return new Set(operationsImported().map((op) => `${op.service}:${op.operation}`))
}

describe('the minimal IAM policies denydoctor needs', () => {
  it('cover every operation the adapters can send', () => {
    const granted = new Set(grantedActions())
    const missing = [...actionsUsed()].filter((action) => !granted.has(action))
    expect(missing).toEqual([])
  })

  it('grant nothing the adapters never send (they stay minimal)', () => {
    const used = actionsUsed()
    const extra = grantedActions().filter((action) => !used.has(action))
    expect(extra).toEqual([])
  })

  it('grant only reads', () => {
    expect(grantedActions().filter((action) => !/^[a-z0-9-]+:(Get|List|Describe|DecodeAuthorizationMessage)/.test(action))).toEqual([])
  })

  it('are valid identity policies', () => {
    const account = parsePolicy(ACCOUNT_READER_POLICY, { name: 'DenydoctorAccountReader', kind: 'identity' })
    const org = parsePolicy(ORGANIZATION_READER_POLICY, { name: 'DenydoctorOrganizationReader', kind: 'identity' })
    expect(account.statements).toHaveLength(3)
    expect(org.statements[0]?.action).toContain('organizations:ListParents')
    // An account the organization reader does not see asks DescribeOrganization with its own credentials.
    expect(account.statements.flatMap((s) => s.action ?? [])).toContain('organizations:DescribeOrganization')
  })
})
