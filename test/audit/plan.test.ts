/** Expanding expectations into checks: selectors, their edge cases, and checks that cannot run. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cachingProvider, gatherKey } from '../../src/audit/gather-cache.js'
import type { PrincipalQuery } from '../../src/sources/types.js'
import { auditText, demoProvider } from './helpers.js'

const TESTER = 'arn:aws:iam::111111111111:user/tester'

describe('selectors', () => {
  it('match names regardless of case, by path prefix, per account; service-linked roles only when their path is asked for', async () => {
    const result = await auditText(`
expectations:
  - name: data roles
    principals: [{roles: "data*"}]
    action: s3:ListBucket
    resource: arn:aws:s3:::my-example-bucket
    expect: deny
  - name: service-linked roles, by path
    principals: [{roles: {path: /aws-service-role/}, account: "111111111111"}]
    action: ec2:RunInstances
    resource: arn:aws:ec2:us-east-1:111111111111:instance/*
    expect: allow
  - name: every user
    principals: {users: "*"}
    action: ec2:DescribeInstances
    mfa: true
    expect: allow
`)
    expect(result.expectations.map((e) => e.checks.map((c) => `${c.principal} ${c.decision}`))).toEqual([
      ['arn:aws:iam::111111111111:role/DataAuditor ExplicitDeny', 'arn:aws:iam::222222222222:role/DataLakeAdmin ImplicitDeny'],
      ['arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling Allowed'],
      [`${TESTER} Allowed`],
    ])
    expect(result.passed).toBe(true)
  })

  it('a selector that matches nothing is a warning; an expectation left with no principal at all fails', async () => {
    const result = await auditText(`
expectations:
  - name: some match
    principals: [${TESTER}, {roles: "Deploy*"}]
    action: ec2:DescribeInstances
    mfa: true
    expect: allow
  - name: none match
    principals: {roles: "Deploy*", account: "222222222222"}
    action: ec2:DescribeInstances
    expect: deny
`)
    const [some, none] = result.expectations
    expect(some).toMatchObject({ status: 'held', warnings: ['roles "Deploy*" matched no role'], errors: [] })
    expect(none).toMatchObject({ status: 'failed', checkCount: 0, warnings: ['roles "Deploy*" in 222222222222 matched no role'], errors: ['no principal matched, so nothing was checked'] })
    expect(result.totals.expectations).toEqual({ total: 2, held: 1, failed: 1, notInShard: 0 })
  })

  it('an account the source cannot list fails its expectation, naming why', async () => {
    const result = await auditText(`
expectations:
  - name: elsewhere
    principals: {users: "*", account: "444444444444"}
    action: ec2:DescribeInstances
    expect: deny
`)
    expect(result.expectations[0]!.errors).toEqual([
      'users "*" in 444444444444 could not be listed: The users of account 444444444444 cannot be listed from snapshot examples/demo-snapshot.json: it is not in the snapshot. The snapshot holds IAM data for 111111111111 (Workloads), 222222222222 (Data), 999999999999 (Management).',
    ])
    expect(result.passed).toBe(false)
  })
})

describe('session policies', () => {
  it('are read next to the audit file and decide like any other policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'denydoctor-session-'))
    writeFileSync(join(dir, 'no-launch.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'NoLaunch', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] }))
    const result = await auditText(
      `
expectations:
  - name: the session policy stops CloudOps
    principal: arn:aws:sts::111111111111:assumed-role/CloudOps/ci
    action: ec2:RunInstances
    resource: arn:aws:ec2:us-east-1:111111111111:instance/*
    sessionPolicy: no-launch.json
    expect: {explicit-deny: session}
`,
      { fileName: join(dir, 'audit.yaml') },
    )
    expect(result.expectations[0]!.checks[0]).toMatchObject({ decision: 'ExplicitDeny', outcome: 'held', summary: 'session policy `no-launch.json`, statement 1 (Sid NoLaunch)' })
  })
})

describe('checks that cannot run', () => {
  it('a principal missing from the source is an error on its check, not the end of the audit', async () => {
    const result = await auditText(`
expectations:
  - name: ghosts and testers
    principals: [arn:aws:iam::111111111111:role/Ghost, ${TESTER}]
    action: ec2:DescribeInstances
    mfa: true
    expect: allow
`)
    const [ghost, tester] = result.expectations[0]!.checks
    expect(ghost).toMatchObject({ outcome: 'error', decision: null })
    expect(ghost!.summary).toMatch(/^Snapshot file examples\/demo-snapshot\.json has no IAM role `Ghost` in account 111111111111/)
    expect(tester).toMatchObject({ outcome: 'held', decision: 'Allowed' })
    expect(result.totals.checks).toMatchObject({ error: 1, held: 1 })
    expect(result.expectations[0]!.status).toBe('failed')
  })
})

describe('the gather cache', () => {
  const base: PrincipalQuery = { principalArn: TESTER, action: 'ec2:DescribeInstances', resources: [], context: [], sessionPolicy: null, resourceAccount: null, sourceVpce: null, region: null }

  it('shares a gather between actions of one service and different context, not across what the sources read', () => {
    const key = gatherKey(base)
    expect(gatherKey({ ...base, action: 'ec2:RunInstances', context: [['aws:MultiFactorAuthPresent', 'true']] })).toBe(key)
    for (const change of [
      { action: 's3:GetObject' },
      { resources: ['arn:aws:s3:::b/k'] },
      { sourceVpce: 'vpce-1' },
      { context: [['aws:SourceVpce', 'vpce-1']] as [string, string][] },
      { sessionPolicy: { name: 's.json', text: '{}' } },
      { resourceAccount: '222222222222' },
      { region: 'eu-west-1' },
      { principalArn: 'arn:aws:iam::111111111111:role/CloudOps' },
    ]) {
      expect(gatherKey({ ...base, ...change }), JSON.stringify(change)).not.toBe(key)
    }
    // sts:AssumeRole on a role reads its trust policy; other sts actions do not.
    expect(gatherKey({ ...base, action: 'sts:AssumeRole' })).not.toBe(gatherKey({ ...base, action: 'sts:GetCallerIdentity' }))
  })

  it('gathers once for the many checks of one principal', async () => {
    const provider = cachingProvider(demoProvider())
    await Promise.all(['ec2:DescribeInstances', 'ec2:DescribeImages', 'ec2:DescribeVolumes'].map((action) => provider.gather({ ...base, action })))
    await provider.gather({ ...base, action: 's3:ListAllMyBuckets' })
    expect(provider.gathers).toBe(2)
  })
})
