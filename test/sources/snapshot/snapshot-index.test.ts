import { describe, expect, it } from 'vitest'
import { SnapshotIndex } from '../../../src/sources/snapshot/snapshot-index.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import { minimalJson, type Loose } from './helpers.js'

/** The minimal snapshot with extra roles (copies of `Solo` under other names) and managed policies. */
function indexWith(roleNames: readonly string[], policies: readonly Loose[] = []): SnapshotIndex {
  const json = minimalJson((s) => {
    const solo = s.accounts[0].iam.roles[0]
    for (const [i, name] of roleNames.entries()) {
      s.accounts[0].iam.roles.push({ ...solo, roleName: name, roleId: `AROAEXAMPLEROLE0000${i}`, arn: `arn:aws:iam::333333333333:role/${name}` })
    }
    s.accounts[0].iam.policies.push(...policies)
  })
  return new SnapshotIndex(validateSnapshot(json, 'min.json'))
}

const managed = (name: string, sid: string) => ({
  policyName: name,
  policyId: `ANPAEXAMPLE${sid.toUpperCase()}`,
  arn: `arn:aws:iam::333333333333:policy/${name}`,
  path: '/',
  defaultVersionId: 'v1',
  document: { Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
})

describe('snapshot lookups by name, as IAM finds names', () => {
  it('a name as stored, or in another case (IAM names are unique regardless of case)', () => {
    const index = indexWith(['Deploy', 'deploy-prod'])
    expect(index.role('333333333333', 'Deploy')?.roleName).toBe('Deploy')
    expect(index.role('333333333333', 'DEPLOY')?.roleName).toBe('Deploy')
    expect(index.role('333333333333', 'Deploy-Prod')?.roleName).toBe('deploy-prod')
    expect(index.role('333333333333', 'solo')?.roleName).toBe('Solo')
  })

  it('nothing for a name, or an account, the snapshot does not hold', () => {
    const index = indexWith([])
    expect(index.role('333333333333', 'Nobody')).toBeNull()
    expect(index.role('444444444444', 'Solo')).toBeNull()
    expect(index.user('333333333333', 'Solo')).toBeNull()
    expect(index.managedPolicy('444444444444', 'arn:aws:iam::444444444444:policy/X')).toBeNull()
  })

  it('a managed policy by ARN in its account', () => {
    const index = indexWith([], [managed('Reader', 'read')])
    expect(index.managedPolicy('333333333333', 'arn:aws:iam::333333333333:policy/Reader')?.policyName).toBe('Reader')
    expect(index.managedPolicy('333333333333', 'arn:aws:iam::333333333333:policy/reader')).toBeNull()
  })
})
