import { describe, expect, it } from 'vitest'
import { parseSnapshotText } from '../../../src/sources/snapshot/file.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import { demoJson, minimalJson, snapshotErrorOf, type Loose } from './helpers.js'

const messageOf = async (value: unknown) => (await snapshotErrorOf(() => validateSnapshot(value, 'snap.json'))).message

describe('validateSnapshot accepts', () => {
  it('the demo snapshot and a minimal one', () => {
    expect(validateSnapshot(demoJson(), 'demo.json').accounts.map((a) => a.id)).toEqual(['111111111111', '222222222222', '999999999999'])
    expect(validateSnapshot(minimalJson(), 'min.json').organization).toBeNull()
  })

  it('optional fields left out: collectedBy, tags, permissionsBoundary, the trust policy', () => {
    const s = validateSnapshot(
      minimalJson((j) => {
        delete j.collectedBy
        const role = j.accounts[0].iam.roles[0]
        delete role.tags
        delete role.permissionsBoundary
        delete role.assumeRolePolicyDocument
      }),
      'min.json',
    )
    const role = s.accounts[0]!.iam!.roles[0]!
    expect(s.collectedBy).toBeNull()
    expect(role.tags).toBeUndefined()
    expect(role.permissionsBoundary).toBeNull()
    expect(role.assumeRolePolicyDocument).toBeNull()
  })

  it('an account whose IAM was not collected', () => {
    expect(validateSnapshot(minimalJson((j) => (j.accounts[0].iam = null)), 'min.json').accounts[0]!.iam).toBeNull()
  })
})

describe('validateSnapshot refuses, naming the file and the problem', () => {
  it('something that is not an object', async () => {
    expect(await messageOf([1, 2])).toBe('Snapshot file snap.json is not a denydoctor snapshot: it holds a list, not an object with "format": "denydoctor-snapshot".')
  })

  it('a GetAccountAuthorizationDetails dump, a case file, a policy', async () => {
    expect(await messageOf({ UserDetailList: [] })).toBe(
      'Snapshot file snap.json is not a denydoctor snapshot: it has no "format" field (expected "denydoctor-snapshot"). It looks like the output of `aws iam get-account-authorization-details`; `denydoctor collect --out FILE` writes a snapshot.',
    )
    expect(await messageOf({ request: {}, policies: {} })).toMatch(/It looks like a case file: run it with `denydoctor evaluate FILE`\.$/)
    expect(await messageOf({ Version: '2012-10-17', Statement: [] })).toMatch(/It looks like a policy document\.$/)
  })

  it('a version that is not a number', async () => {
    expect(await messageOf({ format: 'denydoctor-snapshot', version: '1' })).toBe(
      'Snapshot file snap.json has no valid "version" (found the string "1"); this denydoctor reads version 1.',
    )
  })

  it.each([
    ['takenAt', (j: Loose) => (j.takenAt = '2026-13-45T99:00:00Z'), 'takenAt: expected a real date and time, found the string "2026-13-45T99:00:00Z".'],
    ['organization missing', (j: Loose) => delete j.organization, 'organization: expected an object or null, found nothing (the field is missing).'],
    ['accounts', (j: Loose) => (j.accounts = {}), 'accounts: expected a list, found an object.'],
    ['account ID', (j: Loose) => (j.accounts[0].id = '3333'), 'accounts[0].id: expected a 12-digit account ID, found the string "3333".'],
    ['iam', (j: Loose) => (j.accounts[0].iam = []), 'accounts[0].iam: expected an object or null, found a list.'],
    ['role path', (j: Loose) => (j.accounts[0].iam.roles[0].path = 'team'), 'accounts[0].iam.roles[0].path: expected an IAM path such as "/" or "/division/", found the string "team".'],
    [
      'inline document',
      (j: Loose) => (j.accounts[0].iam.roles[0].rolePolicyList[0].policyDocument = 7),
      'accounts[0].iam.roles[0].rolePolicyList[0].policyDocument: expected a policy document (an object, or its JSON text), found the number 7.',
    ],
    ['tags', (j: Loose) => (j.accounts[0].iam.roles[0].tags = [{ key: 'team' }]), 'accounts[0].iam.roles[0].tags[0].value: expected a string, found nothing (the field is missing).'],
    [
      'boundary ARN',
      (j: Loose) => (j.accounts[0].iam.roles[0].permissionsBoundary = { permissionsBoundaryType: 'PermissionsBoundaryPolicy', permissionsBoundaryArn: 'DevBoundary' }),
      'accounts[0].iam.roles[0].permissionsBoundary.permissionsBoundaryArn: expected an ARN (arn:aws:…), found the string "DevBoundary".',
    ],
    ['bucket policy', (j: Loose) => (j.accounts[0].buckets = [{ name: 'b', region: 'us-east-1' }]), 'accounts[0].buckets[0].policy: expected a policy document (an object, or its JSON text) or null, found nothing (the field is missing).'],
    ['endpoint ID', (j: Loose) => (j.accounts[0].vpcEndpoints = [{ id: 'endpoint-1', vpcId: 'vpc-1', region: 'us-east-1', serviceName: 's3', policy: null }]), 'accounts[0].vpcEndpoints[0].id: expected a VPC endpoint ID (vpce-…), found the string "endpoint-1".'],
    ['incomplete', (j: Loose) => (j.incomplete = [{ source: 'iam', error: 'AccessDenied' }]), 'incomplete[0].effect: expected a string, found nothing (the field is missing).'],
    [
      'duplicate role names (IAM ignores case)',
      (j: Loose) => j.accounts[0].iam.roles.push({ ...j.accounts[0].iam.roles[0], roleName: 'SOLO', roleId: 'AROAEXAMPLESOLOROLE02' }),
      'accounts[0].iam.roles[1]: role name "solo" appears twice (also at accounts[0].iam.roles[0]).',
    ],
    [
      'a bucket listed by two accounts',
      (j: Loose) => {
        const bucket = { name: 'shared', region: 'us-east-1', policy: null }
        j.accounts[0].buckets = [bucket]
        j.accounts.push({ id: '444444444444', iam: null, buckets: [bucket], vpcEndpoints: [] })
      },
      'accounts[1].buckets[0]: bucket "shared" appears twice (also at accounts[0].buckets[0]).',
    ],
  ])('%s', async (_name, patch, expected) => {
    expect(await messageOf(minimalJson(patch))).toBe(`Snapshot file snap.json is not valid at ${expected}`)
  })
})

describe('validateSnapshot checks the organization tree holds together', () => {
  const org = (patch: (o: Loose) => void) => {
    const j = demoJson() as Loose
    patch(j.organization)
    return messageOf(j)
  }

  it('a parent that does not exist', async () => {
    expect(await org((o) => (o.accounts[1].parentId = 'ou-demo-gone99'))).toBe(
      'Snapshot file snap.json is not valid at organization.accounts[1].parentId: parent ou-demo-gone99 is neither a root nor an OU of the organization.',
    )
  })

  it('OUs whose parents form a loop', async () => {
    const message = await org((o) => {
      o.ous[0].parentId = 'ou-demo-data22'
      o.ous[1].parentId = 'ou-demo-prod11'
    })
    expect(message).toBe('Snapshot file snap.json is not valid at organization.ous[0].parentId: OU ou-demo-prod11 is its own ancestor: the parentId links form a loop.')
  })

  it('an attachment to an unknown policy or target', async () => {
    expect(await org((o) => o.attachments.push({ policyId: 'p-missing1', targetId: 'r-demo' }))).toMatch(
      /^Snapshot file snap\.json is not valid at organization\.attachments\[\d+\]\.policyId: policy p-missing1 is not in organization\.policies\.$/,
    )
    expect(await org((o) => o.attachments.push({ policyId: 'p-FullAWSAccess', targetId: '555555555555' }))).toMatch(
      /at organization\.attachments\[\d+\]\.targetId: target 555555555555 is not a root, OU or account of the organization\.$/,
    )
  })

  it('a policy of an unknown type, and an empty root list', async () => {
    expect(await org((o) => (o.policies[0].type = 'TAG_POLICY'))).toBe(
      'Snapshot file snap.json is not valid at organization.policies[0].type: expected one of SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY, found the string "TAG_POLICY".',
    )
    expect(await org((o) => (o.roots = []))).toBe('Snapshot file snap.json is not valid at organization.roots: an organization has a root, but the list is empty.')
  })
})

describe('parseSnapshotText', () => {
  it('names the line and column of a JSON mistake, in one paragraph', async () => {
    const error = await snapshotErrorOf(() => parseSnapshotText('{"format": "denydoctor-snapshot",}', 'snap.json'))
    expect(error.message).toMatch(/^Snapshot file snap\.json is not valid JSON at line 1, column 33: a comma right before/)
    expect(error.message.split('\n')).toHaveLength(1)
  })
})
