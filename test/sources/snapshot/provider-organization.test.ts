import { describe, expect, it } from 'vitest'
import type { Gathered } from '../../../src/sources/types.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import { demoJson, gather, minimalJson, query, type Loose } from './helpers.js'

const RUN = 'ec2:RunInstances'
const chainOf = (levels: Gathered['policies']['scps']) => levels.map((l) => [l.id, l.name, l.policies.map((p) => p.source.name)])
const context = (g: Gathered, key: string) => g.knownContext.find(([k]) => k === key)?.[1]

function patchedOrg(patch: (org: Loose, json: Loose) => void) {
  const json = demoJson() as Loose
  patch(json.organization, json)
  return validateSnapshot(json, 'demo-snapshot.json')
}

describe('SCP chain of the principal’s account, root first', () => {
  it('Workloads in OU Prod: FullAWSAccess at every level and DenyRunInstances on the OU', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice', RUN))
    expect(chainOf(g.policies.scps)).toEqual([
      ['r-demo', 'Root', ['FullAWSAccess']],
      ['ou-demo-prod11', 'Prod', ['FullAWSAccess', 'DenyRunInstances']],
      ['111111111111', 'Workloads', ['FullAWSAccess']],
    ])
    const deny = g.policies.scps[1]!.policies[1]!
    expect(deny.source).toEqual({
      type: 'scp',
      name: 'DenyRunInstances',
      arn: 'arn:aws:organizations::999999999999:policy/o-demo111111/service_control_policy/p-denyrun111',
      attachedTo: 'ou-demo-prod11',
      origin: 'SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)',
    })
    // Stored as JSON text, as Organizations' DescribePolicy returns it.
    expect(deny.policy.statements[0]!.conditions[0]).toMatchObject({ key: 'aws:PrincipalARN', values: ['arn:aws:iam::*:role/CloudOps'] })
    expect(g.policies.scps[0]!.policies[0]!.source.origin).toBe('SCP `FullAWSAccess` attached to the root `Root` (r-demo)')
    expect(g.policies.scps[2]!.policies[0]!.source.origin).toBe('SCP `FullAWSAccess` attached to account `Workloads` (111111111111)')
    expect(g.isManagementAccount).toBe(false)
  })

  it('Data in OU Data: no DenyRunInstances', async () => {
    const g = await gather(query('arn:aws:sts::222222222222:assumed-role/LaunchRestricted/dev', RUN))
    expect(chainOf(g.policies.scps)).toEqual([
      ['r-demo', 'Root', ['FullAWSAccess']],
      ['ou-demo-data22', 'Data', ['FullAWSAccess']],
      ['222222222222', 'Data', ['FullAWSAccess']],
    ])
  })

  it('aws:PrincipalOrgID and aws:PrincipalOrgPaths (organization to the parent OU)', async () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', RUN))
    expect(context(g, 'aws:PrincipalOrgID')).toEqual(['o-demo111111'])
    expect(context(g, 'aws:PrincipalOrgPaths')).toEqual(['o-demo111111/r-demo/ou-demo-prod11/'])
  })

  it('the management account: outside SCPs, still in the organization', async () => {
    // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
    const g = await gather(query('arn:aws:sts::999999999999:assumed-role/OrgAdmin/admin', RUN))
    expect(g.isManagementAccount).toBe(true)
    expect(g.policies.scps).toEqual([])
    expect(context(g, 'aws:PrincipalOrgPaths')).toEqual(['o-demo111111/r-demo/'])
  })

  it('a service-linked role: neither SCPs nor RCPs', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling', 's3:GetObject', { resources: ['arn:aws:s3:::demo-locked-bucket/x'] }))
    expect(g.policies.scps).toEqual([])
    expect(g.policies.rcps).toEqual([])
  })

  it('a chain level whose FullAWSAccess was detached stays in the chain, empty', async () => {
    const snapshot = patchedOrg((org) => {
      org.attachments = org.attachments.filter((a: Loose) => !(a.policyId === 'p-FullAWSAccess' && a.targetId === 'ou-demo-prod11'))
    })
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', RUN), snapshot)
    expect(chainOf(g.policies.scps)[1]).toEqual(['ou-demo-prod11', 'Prod', ['DenyRunInstances']])
  })

  it('SCPs not enabled on the root: no chain at all', async () => {
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', RUN), patchedOrg((org) => (org.roots[0].policyTypes = ['RESOURCE_CONTROL_POLICY'])))
    expect(g.policies.scps).toEqual([])
    expect(context(g, 'aws:PrincipalOrgID')).toEqual(['o-demo111111'])
  })
})

describe('RCP chain of the resource’s account', () => {
  it('a cross-account bucket: the owner from the snapshot, its RCP chain and aws:ResourceOrg*', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/Analytics/i-0abc', 's3:GetObject', { resources: ['arn:aws:s3:::data-lake-222/events/2026/11/01.json'] }))
    expect(g.resourceAccount).toBe('222222222222')
    expect(chainOf(g.policies.rcps)).toEqual([
      ['r-demo', 'Root', ['RCPFullAWSAccess']],
      ['ou-demo-data22', 'Data', ['RCPFullAWSAccess']],
      ['222222222222', 'Data', ['RCPFullAWSAccess']],
    ])
    expect(g.policies.rcps[1]!.policies[0]!.source.origin).toBe('RCP `RCPFullAWSAccess` attached to OU `Data` (ou-demo-data22)')
    expect(chainOf(g.policies.scps).map(([id]) => id)).toEqual(['r-demo', 'ou-demo-prod11', '111111111111'])
    expect(context(g, 'aws:ResourceOrgID')).toEqual(['o-demo111111'])
    expect(context(g, 'aws:ResourceOrgPaths')).toEqual(['o-demo111111/r-demo/ou-demo-data22/'])
    expect(g.resourceInManagementAccount).toBe(false)
  })

  it('a resource in the management account: outside RCPs', async () => {
    const snapshot = patchedOrg((_org, json) => json.accounts[2].buckets.push({ name: 'org-trail-999', region: 'us-east-1', policy: null }))
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', 's3:GetObject', { resources: ['arn:aws:s3:::org-trail-999/x'] }), snapshot)
    expect(g.resourceAccount).toBe('999999999999')
    expect(g.resourceInManagementAccount).toBe(true)
    expect(g.policies.rcps).toEqual([])
  })

  it('an unknown resource account: a gap for an RCP-governed service, nothing for EC2', async () => {
    const s3 = await gather(query('arn:aws:iam::111111111111:user/tester', 's3:ListAllMyBuckets'))
    expect(s3.resourceAccount).toBeNull()
    expect(s3.policies.rcps).toEqual([])
    expect(s3.incomplete).toEqual([
      { source: 'snapshot demo-snapshot.json', error: 'the account that owns the resource is unknown', effect: "RCPs were not read, because they are those of the resource's account; pass --resource-account." },
    ])
    const ec2 = await gather(query('arn:aws:iam::111111111111:user/tester', RUN))
    expect(ec2.incomplete).toEqual([])
  })

  it('--resource-account names the account when nothing else does', async () => {
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', 's3:ListAllMyBuckets', { resourceAccount: '222222222222' }))
    expect(g.resourceAccount).toBe('222222222222')
    expect(g.policies.rcps.map((l) => l.id)).toEqual(['r-demo', 'ou-demo-data22', '222222222222'])
  })
})

describe('accounts outside any organization', () => {
  it('a snapshot without organization: no SCPs, no RCPs, no org context keys', async () => {
    const snapshot = validateSnapshot(minimalJson(), 'min.json')
    const g = await gather(query('arn:aws:sts::333333333333:assumed-role/Solo/s', RUN, { resources: ['arn:aws:ec2:us-east-1:333333333333:instance/*'] }), snapshot)
    expect(g.policies.scps).toEqual([])
    expect(g.policies.rcps).toEqual([])
    expect(g.isManagementAccount).toBe(false)
    expect(g.knownContext.map(([k]) => k)).toEqual(['aws:userid'])
  })

  it('an account of the snapshot that is not in its organization', async () => {
    const snapshot = patchedOrg((org, json) => {
      json.accounts.push(minimalJson().accounts[0])
      expect(org.accounts.some((a: Loose) => a.id === '333333333333')).toBe(false)
    })
    const g = await gather(query('arn:aws:sts::333333333333:assumed-role/Solo/s', RUN), snapshot)
    expect(g.policies.scps).toEqual([])
    expect(context(g, 'aws:PrincipalOrgID')).toBeUndefined()
  })
})
