/**
 * A large, seeded snapshot (docs/snapshot-format.md): 5,000 roles and 2,000 managed policies
 * by default, spread over accounts of one organization, plus the checks an audit would run
 * on it (principal × action × resource).
 */
import type { Snapshot, SnapshotAccount, SnapshotOrganization, SnapshotRole } from '../../src/sources/snapshot/format.js'
import type { PrincipalQuery } from '../../src/sources/types.js'
import { BLOCKS, type AccountNames } from '../engine/blocks.js'
import { doc } from '../engine/case-file.js'
import { boundaryPolicy, bucketPolicy, chainsFor } from '../engine/org-policies.js'
import { createRng, type Rng } from '../lib/prng.js'

export interface ScaleOptions {
  readonly seed: number
  readonly roles: number
  readonly managedPolicies: number
  readonly accounts: number
  readonly checks: number
}

const ORG = 'o-scale0000001'
const ROOT = 'r-scal'

function id(prefix: string, n: number): string {
  return prefix + n.toString(36).toUpperCase().padStart(17, 'A').replace(/[^A-Z0-9]/g, 'A')
}

function organization(accounts: readonly AccountNames[], rng: Rng): SnapshotOrganization {
  const policies: SnapshotOrganization['policies'][number][] = []
  const attachments: { policyId: string; targetId: string }[] = []
  const seen = new Map<string, string>()
  const attach = (name: string, type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY', document: object, targetId: string) => {
    const key = `${type}|${name}|${JSON.stringify(document)}`
    let policyId = seen.get(key)
    if (!policyId) {
      policyId = `p-${type === 'SERVICE_CONTROL_POLICY' ? 's' : 'r'}${seen.size}`
      seen.set(key, policyId)
      policies.push({ id: policyId, arn: `arn:aws:organizations::999999999999:policy/${ORG}/${policyId}`, name, type, document: document as Record<string, unknown> })
    }
    if (!attachments.some((a) => a.policyId === policyId && a.targetId === targetId)) attachments.push({ policyId, targetId })
  }
  for (const names of accounts) {
    const chains = chainsFor(names, rng)
    const targets = [ROOT, names.ouId, names.account]
    chains.scps.forEach((level, i) => level.forEach((p) => attach(p.name, 'SERVICE_CONTROL_POLICY', p.document, targets[i]!)))
    chains.rcps.forEach((level, i) => level.forEach((p) => attach(p.name, 'RESOURCE_CONTROL_POLICY', p.document, targets[i]!)))
  }
  return {
    id: ORG,
    managementAccountId: '999999999999',
    roots: [{ id: ROOT, name: 'Root', policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] }],
    ous: accounts.map((a) => ({ id: a.ouId, name: `OU ${a.account}`, parentId: ROOT })),
    accounts: [{ id: '999999999999', name: 'Management', parentId: ROOT }, ...accounts.map((a) => ({ id: a.account, name: `Account ${a.account}`, parentId: a.ouId }))],
    policies,
    attachments,
  }
}

function account(names: AccountNames, roles: number, managed: number, rng: Rng, offset: number): SnapshotAccount {
  const policies = Array.from({ length: managed }, (_, m) => ({
    arn: `arn:aws:iam::${names.account}:policy/Scale${m}`,
    policyName: `Scale${m}`,
    defaultVersionId: 'v1',
    document: doc(...Array.from({ length: rng.int(2, 6) }, () => rng.pick(BLOCKS)(names, rng)).flat()) as unknown as Record<string, unknown>,
  }))
  const boundary = { ...boundaryPolicy(rng), arn: `arn:aws:iam::${names.account}:policy/DeveloperBoundary` }
  const roleList: SnapshotRole[] = Array.from({ length: roles }, (_, r) => {
    const roleName = `role-${r}`
    return {
      path: '/',
      roleName,
      roleId: id('AROA', offset + r),
      arn: `arn:aws:iam::${names.account}:role/${roleName}`,
      assumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${names.account}:root` }, Action: 'sts:AssumeRole' } as never) as unknown as Record<string, unknown>,
      attachedManagedPolicies: rng.sample(policies, rng.int(3, 6)).map((p) => ({ policyName: p.policyName, policyArn: p.arn })),
      rolePolicyList: Array.from({ length: rng.int(0, 2) }, (_, i) => ({
        policyName: `inline-${i}`,
        policyDocument: doc(...rng.pick(BLOCKS)(names, rng)) as unknown as Record<string, unknown>,
      })),
      permissionsBoundary: rng.chance(0.3) ? { permissionsBoundaryType: 'PermissionsBoundaryPolicy', permissionsBoundaryArn: boundary.arn } : null,
      tags: rng.chance(0.7) ? [{ key: 'team', value: rng.pick(['data', 'platform', 'web']) }] : [],
    }
  })
  const grants = { roleArns: rng.sample(roleList, 3).map((r) => r.arn), userArns: [`arn:aws:iam::${names.account}:root`], accountRoots: [`arn:aws:iam::${names.account}:root`], orgId: ORG }
  return {
    id: names.account,
    iam: {
      users: [],
      groups: [],
      roles: roleList,
      policies: [...policies, { arn: boundary.arn, policyName: boundary.name, defaultVersionId: 'v1', document: boundary.document as unknown as Record<string, unknown> }],
    },
    buckets: [
      { name: names.buckets[0]!, region: 'us-east-1', policy: bucketPolicy(names.buckets[0]!, grants).document as unknown as Record<string, unknown> },
      { name: names.buckets[1]!, region: 'us-east-1', policy: null },
    ],
    vpcEndpoints: [],
  }
}

function namesOf(i: number): AccountNames {
  const acct = String(300000000000 + i * 7777)
  return {
    account: acct,
    orgId: ORG,
    rootId: ROOT,
    ouId: `ou-scal-${String(i).padStart(8, '0')}`,
    buckets: [`scale-${acct}-data`, `scale-${acct}-prod`],
    tables: ['orders', 'users'],
    queues: ['app-events', 'billing'],
    functions: ['app-api', 'etl'],
  }
}

export function generateSnapshot(options: ScaleOptions): Snapshot {
  const rng = createRng(options.seed)
  const names = Array.from({ length: options.accounts }, (_, i) => namesOf(i + 1))
  const perAccount = Math.ceil(options.roles / options.accounts)
  const managedPer = Math.ceil(options.managedPolicies / options.accounts) - 1 // one more: the boundary
  return {
    format: 'denydoctor-snapshot',
    version: 1,
    takenAt: '2026-11-01T10:00:00Z',
    collectedBy: null,
    organization: organization(names, rng),
    accounts: names.map((n, i) => account(n, perAccount, managedPer, rng, i * perAccount)),
    incomplete: [],
  }
}

/** An audit file (docs/audit.md) as JSON: what `denydoctor audit FILE --snapshot SNAPSHOT` reads. */
export interface AuditFileJson {
  readonly version: 1
  readonly name: string
  readonly expectations: readonly {
    readonly name: string
    readonly principals: readonly string[]
    readonly action: string
    readonly resources: readonly string[]
    readonly context: Readonly<Record<string, string>>
    readonly mfa: boolean
    readonly region: string
    readonly expect: 'allow' | 'deny'
  }[]
}

const PRINCIPALS_PER_EXPECTATION = 50
const RESOURCES_PER_EXPECTATION = 2

/**
 * The checks as an audit would hold them: expectations of 50 role sessions of one account ×
 * one action × 2 resources of that account, 100 checks each, `options.checks` in all.
 */
export function generateAuditFile(snapshot: Snapshot, options: ScaleOptions): AuditFileJson {
  const rng = createRng(options.seed + 1)
  const count = Math.ceil(options.checks / (PRINCIPALS_PER_EXPECTATION * RESOURCES_PER_EXPECTATION))
  const expectations = Array.from({ length: count }, (_, e) => {
    const account = rng.pick(snapshot.accounts)
    const acct = account.id
    const roles = rng.sample(account.iam?.roles ?? [], PRINCIPALS_PER_EXPECTATION)
    // Resource i of an expectation differs from resource j: the planner would fold equal checks.
    const bucket = (i: number) => account.buckets[i % 2]!.name
    const n = () => rng.int(100000, 999999)
    const [action, resource, region] = rng.pick<[string, (i: number) => string, string]>([
      ['s3:GetObject', () => `arn:aws:s3:::${bucket(rng.int(0, 1))}/shared/report-${n()}.csv`, 'us-east-1'],
      ['s3:PutObject', () => `arn:aws:s3:::${bucket(rng.int(0, 1))}/uploads/x-${n()}.bin`, 'us-east-1'],
      ['s3:ListBucket', (i) => `arn:aws:s3:::${bucket(i)}`, 'us-east-1'],
      ['ec2:RunInstances', () => `arn:aws:ec2:us-east-1:${acct}:instance/i-0abc${n()}`, 'us-east-1'],
      ['ec2:TerminateInstances', () => `arn:aws:ec2:eu-west-1:${acct}:instance/i-0def${n()}`, 'eu-west-1'],
      ['dynamodb:GetItem', (i) => `arn:aws:dynamodb:us-east-1:${acct}:table/${['orders', 'users'][i % 2]}`, 'us-east-1'],
      ['sqs:SendMessage', (i) => `arn:aws:sqs:eu-west-1:${acct}:${['app-events', 'billing'][i % 2]}`, 'eu-west-1'],
      ['lambda:InvokeFunction', (i) => `arn:aws:lambda:us-east-1:${acct}:function:${['app-api', 'etl'][i % 2]}`, 'us-east-1'],
      ['iam:CreateUser', () => `arn:aws:iam::${acct}:user/app/new-${n()}`, 'us-east-1'],
      ['logs:PutLogEvents', () => `arn:aws:logs:us-east-1:${acct}:log-group:/app/api:log-stream:s${n()}`, 'us-east-1'],
    ])
    return {
      name: `expectation ${e}: ${action} in ${acct}`,
      principals: roles.map((r) => `arn:aws:sts::${acct}:assumed-role/${r.roleName}/audit`),
      action,
      resources: Array.from({ length: RESOURCES_PER_EXPECTATION }, (_, i) => resource(i)),
      context: { 'aws:SecureTransport': 'true', 'aws:SourceIp': rng.pick(['203.0.113.10', '192.0.2.44']) },
      mfa: rng.chance(0.7),
      region,
      expect: rng.pick(['allow', 'deny'] as const),
    }
  })
  return { version: 1, name: `bench scale, seed ${options.seed}`, expectations }
}

/** The same checks as queries, for driving diagnose directly (principals × resources, in file order). */
export function expandChecks(file: AuditFileJson): PrincipalQuery[] {
  return file.expectations.flatMap((e) =>
    e.principals.flatMap((principalArn) =>
      e.resources.map((resource) => ({
        principalArn,
        action: e.action,
        resources: [resource],
        context: [...Object.entries(e.context), ['aws:MultiFactorAuthPresent', String(e.mfa)] as const],
        sessionPolicy: null,
        resourceAccount: null,
        sourceVpce: null,
        region: e.region,
      })),
    ),
  )
}
