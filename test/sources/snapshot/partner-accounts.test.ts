/**
 * Accounts outside the snapshot's organization, as collect recorded them
 * (`accounts[].organizationMembership`): in no organization, nothing of AWS Organizations governs
 * them and aws:PrincipalOrgID is absent; in another organization, its ID is known and the gap
 * collect recorded for the account is carried into the diagnoses that touch it.
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html
 */
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose.js'
import { createSnapshotProvider } from '../../../src/sources/snapshot/provider.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import { demoJson, minimalJson, query, snapshotErrorOf, type Loose } from './helpers.js'

const PARTNER = '444455556666'
const SESSION = `arn:aws:sts::${PARTNER}:assumed-role/PartnerAnalytics/etl`
const OBJECT = 'arn:aws:s3:::data-lake-222/curated/part-0001.parquet'

/** The demo organization plus a partner account collected with --accounts, and a bucket that grants the partner's role. */
function withPartner(membership: Loose, incomplete: Loose[] = []) {
  const json = demoJson() as Loose
  json.accounts.push({
    id: PARTNER,
    organizationMembership: membership,
    iam: {
      users: [],
      groups: [],
      roles: [
        {
          path: '/',
          roleName: 'PartnerAnalytics',
          roleId: 'AROAPARTNERANALYTICS1',
          arn: `arn:aws:iam::${PARTNER}:role/PartnerAnalytics`,
          assumeRolePolicyDocument: null,
          attachedManagedPolicies: [],
          rolePolicyList: [{ policyName: 'ReadDataLake', policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-lake-222/*' }] } }],
          permissionsBoundary: null,
          tags: [],
        },
      ],
      policies: [],
    },
    buckets: [],
    vpcEndpoints: [],
  })
  const lake = json.accounts.find((a: Loose) => a.id === '222222222222')
  lake.buckets = lake.buckets.map((b: Loose) =>
    b.name === 'data-lake-222'
      ? { ...b, policy: { Version: '2012-10-17', Statement: [{ Sid: 'PartnerRead', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PARTNER}:role/PartnerAnalytics` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-lake-222/curated/*' }] } }
      : b,
  )
  json.incomplete.push(...incomplete)
  const snapshot = validateSnapshot(json, 'partner.json')
  return createSnapshotProvider(snapshot, { fileName: 'partner.json' })
}

const partnerQuery = query(SESSION, 's3:GetObject', { resources: [OBJECT] })

describe('a partner account recorded in no organization', () => {
  it('has no SCPs and no gap, aws:PrincipalOrgID is absent, and the bucket grant decides: Allowed', async () => {
    const provider = withPartner('none')
    const g = await provider.gather(partnerQuery)
    expect(g.policies.scps).toEqual([])
    expect(g.incomplete).toEqual([])
    expect(g.absentContext).toEqual(expect.arrayContaining(['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths']))
    // The data lake's RCPs are still those of its organization.
    expect(g.policies.rcps.map((level) => level.id)).toEqual(['r-demo', 'ou-demo-data22', '222222222222'])
    const { verdict } = await diagnose(partnerQuery, provider, { assumeAbsent: false, allowUnknownAction: false })
    expect(verdict.decision).toBe('Allowed')
    expect(verdict.allows).toEqual(expect.arrayContaining([expect.objectContaining({ policyType: 'resource', sid: 'PartnerRead' })]))
  })
})

describe('a partner account recorded in another organization', () => {
  it('knows aws:PrincipalOrgID and carries the gap collect recorded for that account: Undetermined', async () => {
    const gap = { source: 'organizations', error: `account ${PARTNER} is in organization o-partner111, but organization o-demo111111, which was read, does not list it`, effect: 'The SCPs and RCPs that govern account 444455556666 are not in the snapshot.', account: PARTNER }
    const provider = withPartner({ id: 'o-partner111', managementAccountId: '555555555555' }, [gap])
    const g = await provider.gather(partnerQuery)
    expect(g.knownContext).toContainEqual(['aws:PrincipalOrgID', ['o-partner111']])
    expect(g.incomplete).toContainEqual(gap)
    const { verdict } = await diagnose(partnerQuery, provider, { assumeAbsent: false, allowUnknownAction: false })
    expect(verdict.decision).toBe('Undetermined')
  })

  it('does not carry that gap into diagnoses that do not touch the account', async () => {
    const gap = { source: 'organizations', error: 'x', effect: 'y', account: PARTNER }
    const g = await withPartner({ id: 'o-partner111', managementAccountId: '555555555555' }, [gap]).gather(query('arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice', 'ec2:DescribeInstances'))
    expect(g.incomplete).not.toContainEqual(gap)
  })
})

describe('validation of organizationMembership', () => {
  it('accepts "none" and an organization, and snapshots without the field', () => {
    expect(validateSnapshot(minimalJson((s) => (s.accounts[0].organizationMembership = 'none')), 'm.json').accounts[0]!.organizationMembership).toBe('none')
    expect(validateSnapshot(minimalJson(), 'm.json').accounts[0]!.organizationMembership).toBeUndefined()
  })

  it('refuses a malformed value, naming where', async () => {
    const error = await snapshotErrorOf(() => validateSnapshot(minimalJson((s) => (s.accounts[0].organizationMembership = { id: 'partner', managementAccountId: '555555555555' })), 'm.json'))
    expect(error.message).toContain('accounts[0].organizationMembership.id')
    expect(error.message).toContain('an organization ID (o-…)')
    const other = await snapshotErrorOf(() => validateSnapshot(minimalJson((s) => (s.accounts[0].organizationMembership = 'nobody')), 'm.json'))
    expect(other.message).toContain('accounts[0].organizationMembership')
  })

  it('refuses an account of the snapshot’s organization recorded as outside it', async () => {
    const json = demoJson() as Loose
    json.accounts[0].organizationMembership = 'none'
    const error = await snapshotErrorOf(() => validateSnapshot(json, 'demo.json'))
    expect(error.message).toContain('account 111111111111 is in organization o-demo111111 (organization.accounts), so it cannot be recorded as outside it')
  })
})
