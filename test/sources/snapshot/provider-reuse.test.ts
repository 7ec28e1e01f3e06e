import { describe, expect, it } from 'vitest'
import type { SourcedPolicy } from '../../../src/model/index.js'
import type { Snapshot } from '../../../src/sources/snapshot/format.js'
import { createSnapshotProvider } from '../../../src/sources/snapshot/provider.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import type { PolicySourceProvider } from '../../../src/sources/types.js'
import { demoJson, demoSnapshot, identityOrigins, query, snapshotErrorOf, type Loose } from './helpers.js'

// The engine keys its caches by the identity of what a gather returns, so one provider must
// hand out the very same objects for the same inputs, and the same gaps every time.

const W = '111111111111'
const D = '222222222222'
const session = (account: string, role: string, name = 's') => `arn:aws:sts::${account}:assumed-role/${role}/${name}`

function providerOf(snapshot: Snapshot = demoSnapshot()): PolicySourceProvider {
  return createSnapshotProvider(snapshot, { fileName: 'demo-snapshot.json' })
}

function patched(patch: (json: Loose) => void): Snapshot {
  const json = demoJson() as Loose
  patch(json)
  return validateSnapshot(json, 'demo-snapshot.json')
}

describe('one provider reuses what it has read', () => {
  it('the same principal asked about two resources: the same identity array, boundary, SCP and RCP chains', async () => {
    const provider = providerOf()
    const principal = session(D, 'BoundedDeveloper')
    const a = await provider.gather(query(principal, 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/a'] }))
    const b = await provider.gather(query(principal, 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/b'] }))
    expect(a.policies.identity.length).toBeGreaterThan(0)
    expect(a.policies.boundary).not.toBeNull()
    expect(a.policies.scps.length).toBeGreaterThan(0)
    expect(a.policies.rcps.length).toBeGreaterThan(0)
    expect(b.policies.identity).toBe(a.policies.identity)
    expect(b.policies.boundary).toBe(a.policies.boundary)
    expect(b.policies.scps).toBe(a.policies.scps)
    expect(b.policies.rcps).toBe(a.policies.rcps)
    expect(b.principal).toBe(a.principal)
  })

  it('a resource in another account: identity and SCPs shared, RCPs those of the other account', async () => {
    const provider = providerOf()
    const principal = session(W, 'TestReadOnly')
    const own = await provider.gather(query(principal, 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a'] }))
    const other = await provider.gather(query(principal, 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/a'] }))
    expect(other.policies.identity).toBe(own.policies.identity)
    expect(other.policies.scps).toBe(own.policies.scps)
    expect(own.policies.rcps.map((l) => l.id)).toEqual(['r-demo', 'ou-demo-prod11', W])
    expect(other.policies.rcps.map((l) => l.id)).toEqual(['r-demo', 'ou-demo-data22', D])
  })

  it('different principals of one account share the SCP array, not their identity policies', async () => {
    const provider = providerOf()
    const a = await provider.gather(query(session(W, 'TestReadOnly'), 'ec2:RunInstances'))
    const b = await provider.gather(query(session(W, 'RoleAdmin'), 'ec2:RunInstances'))
    expect(a.policies.scps.length).toBe(3)
    expect(b.policies.scps).toBe(a.policies.scps)
    expect(b.policies.identity).not.toBe(a.policies.identity)
    expect(identityOrigins(b)).toEqual(['inline policy `RoleAdministration` of role `RoleAdmin`'])
  })

  it('a service-linked role and the management account keep their own (empty) chains beside their neighbours', async () => {
    // SCPs govern neither: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
    const provider = providerOf()
    const linked = await provider.gather(query(session(W, 'AWSServiceRoleForAutoScaling'), 'ec2:RunInstances'))
    const plain = await provider.gather(query(session(W, 'TestReadOnly'), 'ec2:RunInstances'))
    const management = await provider.gather(query(session('999999999999', 'OrgAdmin'), 'ec2:RunInstances'))
    const linkedAgain = await provider.gather(query(session(W, 'AWSServiceRoleForAutoScaling'), 'ec2:RunInstances'))
    expect(linked.policies.scps).toEqual([])
    expect(plain.policies.scps.map((l) => l.id)).toEqual(['r-demo', 'ou-demo-prod11', W])
    expect(management.policies.scps).toEqual([])
    expect(linkedAgain.policies.scps).toEqual([])
  })

  it('the same bucket policy object for two actions on one bucket; a trust policy only for sts actions', async () => {
    const provider = providerOf()
    const principal = session(W, 'TestReadOnly')
    const get = await provider.gather(query(principal, 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a'] }))
    const put = await provider.gather(query(principal, 's3:PutObject', { resources: ['arn:aws:s3:::examplebucket/a'] }))
    expect(get.policies.resource).not.toBeNull()
    expect(put.policies.resource).toBe(get.policies.resource)
    const role = `arn:aws:iam::${W}:role/RoleAdmin`
    const assume = await provider.gather(query(principal, 'sts:AssumeRole', { resources: [role] }))
    const read = await provider.gather(query(principal, 'iam:GetRole', { resources: [role] }))
    expect(assume.policies.resource?.source.origin).toBe('trust policy of role `RoleAdmin`')
    expect(read.policies.resource).toBeNull()
  })

  it('the same VPC endpoint policy object on every gather through that endpoint', async () => {
    const provider = providerOf()
    const through = (principal: string) =>
      provider.gather(query(principal, 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a'], sourceVpce: 'vpce-11111' }))
    const a = await through(session(W, 'TestReadOnly'))
    const b = await through(session(W, 'RoleAdmin'))
    expect(a.policies.vpce).not.toBeNull()
    expect(b.policies.vpce).toBe(a.policies.vpce)
    expect(b.knownContext.find(([k]) => k === 'aws:SourceVpc')).toEqual(a.knownContext.find(([k]) => k === 'aws:SourceVpc'))
  })

  it('what it hands out is frozen, so a stray mutation cannot reach another diagnosis', async () => {
    const g = await providerOf().gather(query('arn:aws:iam::111111111111:user/tester', 'ec2:RunInstances'))
    expect(Object.isFrozen(g.policies.identity)).toBe(true)
    expect(() => (g.policies.identity as SourcedPolicy[]).push(g.policies.identity[0]!)).toThrow(TypeError)
    expect(Object.isFrozen(g.policies.scps)).toBe(true)
    expect(Object.isFrozen(g.policies.scps[0]!.policies)).toBe(true)
    expect(Object.isFrozen(g.principal)).toBe(true)
  })
})

describe('a user in groups', () => {
  it('gets the same policies on every gather, the group policies not appended again', async () => {
    const provider = providerOf()
    const user = 'arn:aws:iam::111111111111:user/tester'
    const first = await provider.gather(query(user, 'ec2:RunInstances'))
    const second = await provider.gather(query(user, 's3:GetObject', { resources: ['arn:aws:s3:::examplebucket/a'] }))
    const third = await provider.gather(query(user, 'ec2:RunInstances'))
    for (const g of [first, second, third]) {
      expect(identityOrigins(g)).toEqual(['managed policy `DeveloperAccess` attached to user `tester`', 'inline policy `ForceMFA` of group `Developers`'])
    }
    expect(third.policies.identity).toBe(first.policies.identity)
  })

  it('a missing group is reported on every gather', async () => {
    const provider = providerOf(patched((json) => json.accounts[0].iam.users[0].groupList.push('Ghosts')))
    const user = 'arn:aws:iam::111111111111:user/tester'
    for (const action of ['ec2:RunInstances', 'ec2:RunInstances', 'iam:ListRoles']) {
      const g = await provider.gather(query(user, action))
      expect(g.incomplete.map((gap) => gap.error)).toEqual(['group `Ghosts` of user `tester` is not in the snapshot'])
      expect(identityOrigins(g)).toHaveLength(2)
    }
  })
})

describe('gaps are reported on every gather that meets them, not only the first', () => {
  it('a managed policy missing from the snapshot', async () => {
    const provider = providerOf(
      patched((json) => {
        json.accounts[0].iam.policies = json.accounts[0].iam.policies.filter((p: Loose) => p.policyName !== 'ReadOnlyAccess')
      }),
    )
    const principal = session(W, 'TestReadOnly')
    const first = await provider.gather(query(principal, 'ec2:RunInstances', { resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'] }))
    const second = await provider.gather(query(principal, 'ec2:RunInstances', { resources: ['arn:aws:ec2:us-east-1:111111111111:volume/*'] }))
    const gap = {
      source: 'snapshot demo-snapshot.json',
      error: 'arn:aws:iam::aws:policy/ReadOnlyAccess is not in the snapshot',
      effect: 'The managed policy `ReadOnlyAccess` attached to role `TestReadOnly` was not read, so a Deny in it cannot be checked; collect the snapshot again.',
    }
    expect(first.incomplete).toEqual([gap])
    expect(second.incomplete).toEqual([gap])
    expect(second.policies.identity).toBe(first.policies.identity)
  })

  it('an SCP that does not parse, for every principal of the account', async () => {
    const provider = providerOf(
      patched((json) => {
        // The article's missing comma, in the text Organizations returns.
        json.organization.policies.find((p: Loose) => p.name === 'DenyRunInstances').document = '{"Version": "2012-10-17" "Statement": []}'
      }),
    )
    const gathers = [
      await provider.gather(query(session(W, 'TestReadOnly'), 'ec2:RunInstances')),
      await provider.gather(query(session(W, 'TestReadOnly'), 'ec2:RunInstances')),
      await provider.gather(query(session(W, 'RoleAdmin'), 'ec2:RunInstances')),
    ]
    for (const g of gathers) {
      expect(g.incomplete).toHaveLength(1)
      expect(g.incomplete[0]!.effect).toBe(
        'The SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11) was left out: its document in the snapshot could not be read as a policy, so a Deny in it cannot be checked.',
      )
      expect(g.policies.scps[1]!.policies.map((p) => p.source.name)).toEqual(['FullAWSAccess'])
    }
  })

  it('an unknown resource account for an RCP-governed service', async () => {
    const provider = providerOf()
    for (const principal of [session(W, 'TestReadOnly'), session(W, 'TestReadOnly'), session(W, 'RoleAdmin')]) {
      const g = await provider.gather(query(principal, 's3:ListAllMyBuckets'))
      expect(g.incomplete.map((gap) => gap.error)).toEqual(['the account that owns the resource is unknown'])
    }
  })

  it('a VPC endpoint the snapshot does not hold', async () => {
    const provider = providerOf()
    for (const principal of [session(W, 'TestReadOnly'), session(W, 'RoleAdmin')]) {
      const g = await provider.gather(query(principal, 'ec2:RunInstances', { sourceVpce: 'vpce-99999' }))
      expect(g.incomplete.map((gap) => gap.error)).toEqual(['VPC endpoint vpce-99999 is not in the snapshot'])
    }
  })

  it('a principal the snapshot does not hold fails the same way every time', async () => {
    const provider = providerOf()
    const ask = () => provider.gather(query(session(W, 'TestReadOnlee'), 'ec2:RunInstances'))
    const first = await snapshotErrorOf(ask)
    const second = await snapshotErrorOf(ask)
    expect(first.message).toMatch(/has no IAM role `TestReadOnlee` in account 111111111111/)
    expect(second.message).toBe(first.message)
    expect(second.file).toBe(first.file)
    expect(second).not.toBe(first)
  })
})

describe('providers share nothing', () => {
  it('two providers over two snapshots return equal but distinct objects', async () => {
    const q = query(session(D, 'BoundedDeveloper'), 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/a'] })
    const a = await providerOf(demoSnapshot()).gather(q)
    const b = await providerOf(demoSnapshot()).gather(q)
    expect(b.policies).toEqual(a.policies)
    expect(b.policies.identity).not.toBe(a.policies.identity)
    expect(b.policies.identity[0]).not.toBe(a.policies.identity[0])
    expect(b.policies.boundary).not.toBe(a.policies.boundary)
    expect(b.policies.scps).not.toBe(a.policies.scps)
    expect(b.policies.scps[0]).not.toBe(a.policies.scps[0])
    expect(b.policies.rcps).not.toBe(a.policies.rcps)
    expect(b.policies.resource).not.toBe(a.policies.resource)
    expect(b.principal).not.toBe(a.principal)
  })

  it('a second snapshot with other policies gets its own answer, not the first one kept', async () => {
    const principal = session(W, 'TestReadOnly')
    const before = await providerOf(demoSnapshot()).gather(query(principal, 'ec2:RunInstances'))
    const edited = patched((json) => {
      json.accounts[0].iam.roles.find((r: Loose) => r.roleName === 'TestReadOnly').rolePolicyList = []
      json.organization.attachments = json.organization.attachments.filter((a: Loose) => a.policyId !== 'p-denyrun111')
    })
    const after = await providerOf(edited).gather(query(principal, 'ec2:RunInstances'))
    expect(identityOrigins(before)).toHaveLength(2)
    expect(identityOrigins(after)).toEqual(['managed policy `ReadOnlyAccess` attached to role `TestReadOnly`'])
    expect(before.policies.scps[1]!.policies.map((p) => p.source.name)).toEqual(['FullAWSAccess', 'DenyRunInstances'])
    expect(after.policies.scps[1]!.policies.map((p) => p.source.name)).toEqual(['FullAWSAccess'])
  })
})
