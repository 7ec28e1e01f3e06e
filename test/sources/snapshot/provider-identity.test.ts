import { describe, expect, it } from 'vitest'
import { PolicyInputError } from '../../../src/policy/index.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import { demoJson, gather, identityOrigins, query, type Loose } from './helpers.js'

const ACTION = 'ec2:RunInstances'

/** The demo with `patch` applied to account 111111111111's IAM. */
function patchedDemo(patch: (iam: Loose) => void) {
  const json = demoJson() as Loose
  patch(json.accounts[0].iam)
  return validateSnapshot(json, 'demo-snapshot.json')
}

describe('identity policies from the snapshot', () => {
  it('a role: attached managed policies (default version) then inline ones, with origins', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice', ACTION))
    expect(g.policies.identity.map((p) => p.source)).toEqual([
      {
        type: 'identity',
        name: 'ReadOnlyAccess',
        arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        attachedTo: 'TestReadOnly',
        origin: 'managed policy `ReadOnlyAccess` attached to role `TestReadOnly`',
      },
      { type: 'identity', name: 'AllowRunInstances', arn: null, attachedTo: 'TestReadOnly', origin: 'inline policy `AllowRunInstances` of role `TestReadOnly`' },
    ])
    expect(g.policies.identity[1]!.policy.statements[0]).toMatchObject({ sid: 'AllowRunInstances', effect: 'Allow', action: ['ec2:RunInstances'] })
    expect(g.policies.boundary).toBeNull()
    expect(g.policies.session).toBeNull()
    expect(g.incomplete).toEqual([])
  })

  it("a user: its own policies, then each group's attached and inline policies", async () => {
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', ACTION))
    expect(identityOrigins(g)).toEqual(['managed policy `DeveloperAccess` attached to user `tester`', 'inline policy `ForceMFA` of group `Developers`'])
    expect(g.policies.identity.map((p) => p.source.attachedTo)).toEqual(['tester', 'Developers'])
    const mfa = g.policies.identity[1]!.policy.statements[1]!
    expect(mfa.sid).toBe('DenyAllExceptListedIfNoMFA')
    expect(mfa.conditions).toEqual([{ operator: expect.objectContaining({ name: 'BoolIfExists' }), key: 'aws:MultiFactorAuthPresent', values: ['false'] }])
  })

  it('the permissions boundary, as its own type', async () => {
    const g = await gather(query('arn:aws:sts::222222222222:assumed-role/BoundedDeveloper/dev', ACTION))
    expect(g.policies.boundary?.source).toEqual({
      type: 'boundary',
      name: 'DevBoundary',
      arn: 'arn:aws:iam::222222222222:policy/DevBoundary',
      attachedTo: 'BoundedDeveloper',
      origin: 'permissions boundary `DevBoundary` of role `BoundedDeveloper`',
    })
    expect(g.policies.boundary?.policy.statements.map((s) => [s.sid, s.effect])).toEqual([
      ['DenyAllEC2', 'Deny'],
      ['AllowEverythingElse', 'Allow'],
    ])
    expect(identityOrigins(g)).toEqual(['inline policy `AllowRunInstances` of role `BoundedDeveloper`'])
  })

  it('an identity Deny next to an Allow in one inline policy', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/RoleAdmin/admin', 'iam:DeleteRole'))
    expect(g.policies.identity[0]!.policy.statements.map((s) => [s.sid, s.effect, s.action])).toEqual([
      ['AllowIamAdministration', 'Allow', ['iam:*']],
      ['DenyDeleteRole', 'Deny', ['iam:DeleteRole']],
    ])
  })

  it('a URL-encoded inline document, as IAM returns it', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/Analytics/i-0abc', 's3:GetObject'))
    expect(g.policies.identity[0]!.policy.statements[0]).toMatchObject({ sid: 'ReadDataLake', action: ['s3:GetObject', 's3:ListBucket'] })
  })

  it('an AWS managed policy stored under another account of the snapshot', async () => {
    const snapshot = patchedDemo((iam) => {
      iam.policies = iam.policies.filter((p: Loose) => p.policyName !== 'ReadOnlyAccess')
      iam.roles.find((r: Loose) => r.roleName === 'DataAuditor').attachedManagedPolicies.push({ policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' })
    })
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/DataAuditor/a', ACTION), snapshot)
    expect(identityOrigins(g)).toEqual(['managed policy `AdministratorAccess` attached to role `DataAuditor`'])
    expect(g.incomplete).toEqual([
      {
        source: 'snapshot demo-snapshot.json',
        error: 'arn:aws:iam::aws:policy/ReadOnlyAccess is not in the snapshot',
        effect: 'The managed policy `ReadOnlyAccess` attached to role `DataAuditor` was not read, so a Deny in it cannot be checked; collect the snapshot again.',
      },
    ])
  })

  it('the session policy passed with the query', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] })
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/CloudOps/ops', ACTION, { sessionPolicy: { name: 'session.json', text } }))
    expect(g.policies.session?.source).toEqual({ type: 'session', name: 'session.json', arn: null, attachedTo: 'ops', origin: 'session policy `session.json`' })
    expect(g.policies.session?.policy.statements[0]?.effect).toBe('Deny')
  })

  it('a session policy that is not valid is the user’s error (PolicyInputError), not a gap', async () => {
    const bad = query('arn:aws:sts::111111111111:assumed-role/CloudOps/ops', ACTION, { sessionPolicy: { name: 'session.json', text: '{"Statement": [' } })
    await expect(gather(bad)).rejects.toBeInstanceOf(PolicyInputError)
  })
})

describe('what the snapshot lacks becomes a gap, never "no policy"', () => {
  it('a group of the user that is not in the snapshot', async () => {
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', ACTION), patchedDemo((iam) => (iam.groups = [])))
    expect(identityOrigins(g)).toEqual(['managed policy `DeveloperAccess` attached to user `tester`'])
    expect(g.incomplete).toEqual([
      {
        source: 'snapshot demo-snapshot.json',
        error: 'group `Developers` of user `tester` is not in the snapshot',
        effect: 'The policies of group `Developers` were not read, so a Deny in them cannot be checked; collect the snapshot again.',
      },
    ])
  })

  it('a permissions boundary that is not in the snapshot', async () => {
    const json = demoJson() as Loose
    json.accounts[1].iam.policies = []
    const g = await gather(query('arn:aws:sts::222222222222:assumed-role/BoundedDeveloper/dev', ACTION), validateSnapshot(json, 'x'))
    expect(g.policies.boundary).toBeNull()
    expect(g.incomplete).toEqual([
      {
        source: 'snapshot demo-snapshot.json',
        error: 'arn:aws:iam::222222222222:policy/DevBoundary is not in the snapshot',
        effect: 'The permissions boundary `DevBoundary` of role `BoundedDeveloper` was not read, so what it allows and denies cannot be checked; collect the snapshot again.',
      },
    ])
  })

  it('a document that does not parse (the article\'s lowercase "deny")', async () => {
    const snapshot = patchedDemo((iam) => {
      iam.roles.find((r: Loose) => r.roleName === 'RoleAdmin').rolePolicyList[0].policyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'deny', Action: 'iam:DeleteRole', Resource: '*' }] }
    })
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/RoleAdmin/admin', 'iam:DeleteRole'), snapshot)
    expect(g.policies.identity).toEqual([])
    expect(g.incomplete).toHaveLength(1)
    expect(g.incomplete[0]!.error).toMatch(/^PolicyInputError: Policy "RoleAdministration" is not valid/)
    expect(g.incomplete[0]!.effect).toBe(
      'The inline policy `RoleAdministration` of role `RoleAdmin` was left out: its document in the snapshot could not be read as a policy, so a Deny in it cannot be checked.',
    )
  })

  it("the snapshot's own incomplete entries come with every answer", async () => {
    const json = demoJson() as Loose
    json.incomplete = [{ source: 's3', error: 'AccessDenied: GetBucketPolicy on legacy-logs', effect: 'The bucket policy of `legacy-logs` was not read.' }]
    const snapshot = validateSnapshot(json, 'x')
    for (const principal of ['arn:aws:iam::111111111111:user/tester', 'arn:aws:sts::222222222222:assumed-role/LaunchRestricted/s']) {
      expect((await gather(query(principal, ACTION), snapshot)).incomplete).toEqual(json.incomplete)
    }
  })
})

describe('gaps a snapshot carries', () => {
  it('carries an account-scoped gap only into diagnoses that touch that account', async () => {
    const { createSnapshotProvider } = await import('../../../src/sources/snapshot/provider.js')
    const { readSnapshot } = await import('../../../src/sources/snapshot/file.js')
    const { DEMO_PATH } = await import('./helpers.js')
    const demo = await readSnapshot(DEMO_PATH)
    const gap = { source: 's3', error: 'AccessDenied: Access Denied', effect: 'Bucket b of account 222222222222 was left out.', account: '222222222222' }
    const unscoped = { source: 'organizations', error: 'AccessDeniedException', effect: 'SCPs were not read.' }
    const provider = createSnapshotProvider({ ...demo, incomplete: [gap, unscoped] }, { fileName: 'demo' })
    const here = await provider.gather(query('arn:aws:sts::111111111111:assumed-role/CloudOps/ops', ACTION))
    expect(here.incomplete).toEqual([unscoped])
    const there = await provider.gather(query('arn:aws:sts::222222222222:assumed-role/LaunchRestricted/x', ACTION))
    expect(there.incomplete).toEqual([gap, unscoped])
  })
})
