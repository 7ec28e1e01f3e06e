import { describe, expect, it } from 'vitest'
import { createSnapshotProvider } from '../../../src/sources/snapshot/provider.js'
import { demoSnapshot, minimalJson, snapshotErrorOf } from './helpers.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'

const provider = createSnapshotProvider(demoSnapshot(), { fileName: 'demo-snapshot.json' })

describe('listing the principals of a snapshot (audit selectors)', () => {
  it('lists the roles of every account holding IAM data, sorted, paths included', async () => {
    expect(await provider.listPrincipals!({ kind: 'role', account: null, pathPrefix: null })).toEqual([
      'arn:aws:iam::111111111111:role/Analytics',
      'arn:aws:iam::111111111111:role/CloudOps',
      'arn:aws:iam::111111111111:role/DataAuditor',
      'arn:aws:iam::111111111111:role/RoleAdmin',
      'arn:aws:iam::111111111111:role/TestReadOnly',
      'arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling',
      'arn:aws:iam::222222222222:role/BoundedDeveloper',
      'arn:aws:iam::222222222222:role/DataLakeAdmin',
      'arn:aws:iam::222222222222:role/LaunchRestricted',
      'arn:aws:iam::999999999999:role/OrgAdmin',
    ])
  })

  it('lists one account, users too, and filters by path prefix as ListRoles does', async () => {
    expect(await provider.listPrincipals!({ kind: 'user', account: '111111111111', pathPrefix: null })).toEqual(['arn:aws:iam::111111111111:user/tester'])
    expect(await provider.listPrincipals!({ kind: 'role', account: '111111111111', pathPrefix: '/aws-service-role/' })).toEqual([
      'arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling',
    ])
    expect(await provider.listPrincipals!({ kind: 'user', account: '222222222222', pathPrefix: null })).toEqual([])
  })

  it('names the accounts it holds when asked for another, or for one without IAM data', async () => {
    const missing = await snapshotErrorOf(() => provider.listPrincipals!({ kind: 'role', account: '333333333333', pathPrefix: null }))
    expect(missing.message).toBe(
      'The roles of account 333333333333 cannot be listed from snapshot demo-snapshot.json: it is not in the snapshot. The snapshot holds IAM data for 111111111111 (Workloads), 222222222222 (Data), 999999999999 (Management).',
    )
    const noIam = createSnapshotProvider(validateSnapshot(minimalJson((s) => { s.accounts[0].iam = null }), 's.json'), { fileName: 's.json' })
    const notCollected = await snapshotErrorOf(() => noIam.listPrincipals!({ kind: 'role', account: '333333333333', pathPrefix: null }))
    expect(notCollected.message).toBe('The roles of account 333333333333 cannot be listed from snapshot s.json: its IAM data was not collected. The snapshot holds IAM data for none.')
  })
})
