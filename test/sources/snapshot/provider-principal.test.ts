import { describe, expect, it } from 'vitest'
import { demoSnapshot, gather, minimalJson, query, snapshotErrorOf } from './helpers.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'

const ACTION = 'ec2:DescribeInstances'

describe('the principal, enriched from the snapshot', () => {
  it('an IAM user: unique ID, tags, aws:userid', async () => {
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', ACTION))
    expect(g.principal).toMatchObject({
      kind: 'user',
      arn: 'arn:aws:iam::111111111111:user/tester',
      principalArn: 'arn:aws:iam::111111111111:user/tester',
      name: 'tester',
      uniqueId: 'AIDAEXAMPLETESTER0001',
      tags: { team: 'qa' },
      isServiceLinkedRole: false,
    })
    expect(g.knownContext).toContainEqual(['aws:userid', ['AIDAEXAMPLETESTER0001']])
  })

  it('an assumed-role session → its role: RoleId:session as aws:userid, the session ARN kept as the caller', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/CloudOps/ops-alice', ACTION))
    expect(g.principal).toMatchObject({
      kind: 'assumed-role',
      arn: 'arn:aws:sts::111111111111:assumed-role/CloudOps/ops-alice',
      principalArn: 'arn:aws:iam::111111111111:role/CloudOps',
      roleArn: 'arn:aws:iam::111111111111:role/CloudOps',
      sessionName: 'ops-alice',
      uniqueId: 'AROAEXAMPLECLOUDOPS01',
      tags: { team: 'platform' },
    })
    expect(g.knownContext).toContainEqual(['aws:userid', ['AROAEXAMPLECLOUDOPS01:ops-alice']])
  })

  it('puts the role path into principalArn and roleArn, and spots a service-linked role by its path', async () => {
    // The session ARN never shows the path; aws:PrincipalArn has it.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling', ACTION))
    expect(g.principal.principalArn).toBe('arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling')
    expect(g.principal.roleArn).toBe(g.principal.principalArn)
    expect(g.principal.isServiceLinkedRole).toBe(true)
    expect(g.principal.tags).toEqual({})
  })

  it('a role ARN asked about directly', async () => {
    const g = await gather(query('arn:aws:iam::111111111111:role/DataAuditor', ACTION))
    expect(g.principal).toMatchObject({ kind: 'role', arn: 'arn:aws:iam::111111111111:role/DataAuditor', uniqueId: 'AROAEXAMPLEAUDITOR001', tags: { team: 'audit' } })
    expect(g.knownContext.find(([k]) => k === 'aws:userid')).toBeUndefined()
  })

  it('finds a name given in another case, as IAM does, and reports the stored spelling', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:assumed-role/cloudops/s', ACTION))
    expect(g.principal.principalArn).toBe('arn:aws:iam::111111111111:role/CloudOps')
    expect(g.principal.name).toBe('CloudOps')
  })

  it('leaves tags unknown (null) when the snapshot did not record them', async () => {
    const snapshot = validateSnapshot(minimalJson((j) => delete j.accounts[0].iam.roles[0].tags), 'min.json')
    const g = await gather(query('arn:aws:sts::333333333333:assumed-role/Solo/s', ACTION), snapshot)
    expect(g.principal.tags).toBeNull()
  })

  it('the root user: no identity policies, no tags, SCPs still apply', async () => {
    const g = await gather(query('arn:aws:iam::111111111111:root', ACTION))
    expect(g.principal).toMatchObject({ kind: 'root', tags: {} })
    expect(g.policies.identity).toEqual([])
    expect(g.policies.scps.map((l) => l.id)).toEqual(['r-demo', 'ou-demo-prod11', '111111111111'])
  })

  it('a federated user: a gap for the IAM user whose policies cap the session', async () => {
    const g = await gather(query('arn:aws:sts::111111111111:federated-user/partner', ACTION))
    expect(g.principal.kind).toBe('federated-user')
    expect(g.policies.identity).toEqual([])
    expect(g.incomplete).toEqual([
      {
        source: 'snapshot demo-snapshot.json',
        error: 'the IAM user that called GetFederationToken for `partner` is not in the session ARN',
        effect: 'The policies of that IAM user limit what federated user `partner` may do and were not read; diagnose that IAM user with the same action as well.',
      },
    ])
  })

  it('says where everything came from', async () => {
    const g = await gather(query('arn:aws:iam::111111111111:user/tester', ACTION))
    expect(g.origin).toBe('snapshot demo-snapshot.json taken 2026-11-01T10:00:00Z')
  })
})

describe('a principal the snapshot does not hold is an error, never a guess', () => {
  it('an unknown role: the file, the principal, close names and the accounts held', async () => {
    const error = await snapshotErrorOf(() => gather(query('arn:aws:sts::111111111111:assumed-role/CloudOp/s', ACTION)))
    expect(error.message).toBe(
      'Snapshot file demo-snapshot.json has no IAM role `CloudOp` in account 111111111111, so `arn:aws:sts::111111111111:assumed-role/CloudOp/s` cannot be diagnosed from it. ' +
        'Did you mean role `CloudOps` (arn:aws:iam::111111111111:role/CloudOps)? ' +
        'The snapshot was taken 2026-11-01T10:00:00Z and holds IAM data for accounts 111111111111 (Workloads), 222222222222 (Data), 999999999999 (Management); a role created since then needs a new snapshot.',
    )
    expect(error.name).toBe('SnapshotError')
  })

  it('close names include a namesake in another account', async () => {
    const error = await snapshotErrorOf(() => gather(query('arn:aws:iam::111111111111:role/BoundedDeveloper', ACTION)))
    expect(error.message).toContain('Did you mean role `BoundedDeveloper` (arn:aws:iam::222222222222:role/BoundedDeveloper)?')
  })

  it('an unknown user with nothing close', async () => {
    const error = await snapshotErrorOf(() => gather(query('arn:aws:iam::111111111111:user/zzzzzz', ACTION)))
    expect(error.message).toMatch(/^Snapshot file demo-snapshot\.json has no IAM user `zzzzzz` in account 111111111111, so `arn:aws:iam::111111111111:user\/zzzzzz` cannot be diagnosed from it\. The snapshot was taken/)
    expect(error.message).not.toContain('Did you mean')
  })

  it('an account the snapshot knows nothing about', async () => {
    const error = await snapshotErrorOf(() => gather(query('arn:aws:sts::333333333333:assumed-role/Admin/s', ACTION)))
    expect(error.message).toBe(
      'Snapshot file demo-snapshot.json holds nothing about account 333333333333, the account of `arn:aws:sts::333333333333:assumed-role/Admin/s`: it holds IAM data for accounts 111111111111 (Workloads), 222222222222 (Data), 999999999999 (Management). Collect a snapshot with credentials for account 333333333333, or diagnose it live.',
    )
  })

  it('an account in the organization whose IAM was not collected', async () => {
    const json = JSON.parse(JSON.stringify(demoSnapshot()))
    json.accounts[1].iam = null
    const error = await snapshotErrorOf(() => gather(query('arn:aws:iam::222222222222:role/LaunchRestricted', ACTION), validateSnapshot(json, 'x')))
    expect(error.message).toBe(
      'Snapshot file demo-snapshot.json holds no IAM data for account 222222222222, the account of `arn:aws:iam::222222222222:role/LaunchRestricted` (see its "incomplete" list for why); it holds IAM data for accounts 111111111111 (Workloads), 999999999999 (Management). Collect that account again, or diagnose it live.',
    )
  })

  it('text that is not a principal ARN', async () => {
    const error = await snapshotErrorOf(() => gather(query('arn:aws:s3:::bucket', ACTION)))
    expect(error.message).toBe('`arn:aws:s3:::bucket` is not the ARN of an IAM user, role, role session, federated user or root user, so snapshot demo-snapshot.json cannot be asked about it.')
  })
})
