/**
 * The engine corpus: seeded and deterministic. Requests over the generated accounts, each a
 * complete case file (every context key the policies could ask about is given or absent), so
 * that denydoctor and the peer see exactly the same input.
 */
import { createRng, type Rng } from '../lib/prng.js'
import { generateAccounts, ORG_ID, ROOT_ID, type BenchAccount, type BenchPrincipal } from './accounts.js'
import { REGIONS } from './blocks.js'
import type { CaseFile, ContextValues, CorpusCase } from './case-file.js'

export interface CorpusOptions {
  readonly seed: number
  readonly accounts?: number
  readonly principalsPerAccount?: number
  readonly requestsPerPrincipal?: number
}

interface Target {
  readonly action: string
  readonly resource: string
  /** The account that owns the resource (the bucket's for S3). */
  readonly owner: BenchAccount
  readonly region: string
  readonly extra: ContextValues
}

/** Mostly approved regions: the OU's SCP denies the third one. */
const pickRegion = (rng: Rng): string => (rng.chance(0.12) ? REGIONS[2] : rng.pick(REGIONS.slice(0, 2)))

const TIMES = [
  ['2026-03-15T12:00:00Z', '1773576000'],
  ['2024-06-01T08:00:00Z', '1717228800'],
  ['2027-02-01T00:00:00Z', '1801440000'],
] as const

function s3Target(rng: Rng, p: BenchPrincipal, own: BenchAccount, all: readonly BenchAccount[]): Target {
  const owner = rng.chance(0.3) ? rng.pick(all) : own
  const bucket = rng.chance(0.8) ? owner.names.buckets[0]! : owner.names.buckets[1]!
  const key = rng.pick([`home/${p.name}/notes.txt`, 'shared/report.csv', `team/${p.tags['team'] ?? 'web'}/data.parquet`, 'uploads/file.bin', 'private/secret.txt'])
  const region = pickRegion(rng)
  switch (rng.int(0, 3)) {
    case 0:
      return { action: 's3:GetObject', resource: `arn:aws:s3:::${bucket}/${key}`, owner, region, extra: {} }
    case 1: {
      const sse = rng.pick(['aws:kms', 'AES256', null])
      return { action: 's3:PutObject', resource: `arn:aws:s3:::${bucket}/${key}`, owner, region, extra: sse ? { 's3:x-amz-server-side-encryption': sse } : {} }
    }
    case 2:
      return { action: 's3:ListBucket', resource: `arn:aws:s3:::${bucket}`, owner, region, extra: { 's3:prefix': rng.pick([`home/${p.name}/`, 'shared/', '', 'private/']) } }
    default:
      return { action: 's3:DeleteObject', resource: `arn:aws:s3:::${bucket}/${key}`, owner, region, extra: {} }
  }
}

function ec2Target(rng: Rng, own: BenchAccount): Target {
  const region = pickRegion(rng)
  const instance = `arn:aws:ec2:${region}:${own.names.account}:instance/i-0${rng.int(100000, 999999)}abcdef`
  switch (rng.int(0, 2)) {
    case 0: {
      const tagged = rng.chance(0.6)
      const tagKeys = tagged ? rng.pick([['Name', 'team'], ['Name', 'team', 'cost'], ['team']]) : rng.pick([['Name'], []])
      const extra: ContextValues = { 'ec2:InstanceType': rng.pick(['t3.micro', 'm5.large', 'p4d.24xlarge', 'c5.metal']) }
      if (tagKeys.length > 0) extra['aws:TagKeys'] = tagKeys
      if (tagged) extra['aws:RequestTag/team'] = rng.pick(['data', 'web'])
      return { action: 'ec2:RunInstances', resource: instance, owner: own, region, extra }
    }
    case 1: {
      const extra: ContextValues = { 'aws:ResourceTag/team': rng.pick(['data', 'platform', 'web']) }
      if (rng.chance(0.3)) extra['aws:ResourceTag/protected'] = 'true'
      return { action: 'ec2:TerminateInstances', resource: instance, owner: own, region, extra }
    }
    default:
      return { action: 'ec2:DescribeInstances', resource: '*', owner: own, region, extra: {} }
  }
}

function otherTarget(rng: Rng, own: BenchAccount): Target {
  const region = pickRegion(rng)
  const a = own.names.account
  const choices: [string, string, string][] = [
    ['dynamodb:GetItem', `arn:aws:dynamodb:${region}:${a}:table/${rng.pick(own.names.tables)}`, region],
    ['dynamodb:PutItem', `arn:aws:dynamodb:${region}:${a}:table/${rng.pick(own.names.tables)}`, region],
    ['sqs:SendMessage', `arn:aws:sqs:${region}:${a}:${rng.pick(own.names.queues)}`, region],
    ['logs:PutLogEvents', `arn:aws:logs:${region}:${a}:log-group:${rng.pick(['/app/api', '/ops/audit'])}:log-stream:s1`, region],
    ['lambda:InvokeFunction', `arn:aws:lambda:${region}:${a}:function:${rng.pick(own.names.functions)}`, region],
    ['iam:CreateUser', `arn:aws:iam::${a}:user/${rng.pick(['app/new-user', 'ops/admin2'])}`, 'us-east-1'],
    ['iam:GetRole', `arn:aws:iam::${a}:role/CloudOps`, 'us-east-1'],
  ]
  const [action, resource, r] = rng.pick(choices)
  return { action, resource, owner: own, region: r, extra: {} }
}

function contextFor(rng: Rng, p: BenchPrincipal, own: BenchAccount, target: Target): ContextValues {
  const [time, epoch] = rng.pick(TIMES)
  const context: ContextValues = {
    'aws:PrincipalArn': p.principalArn,
    'aws:PrincipalAccount': p.account,
    'aws:PrincipalOrgID': ORG_ID,
    'aws:PrincipalOrgPaths': [`${ORG_ID}/${ROOT_ID}/${own.names.ouId}/`],
    'aws:PrincipalType': p.kind === 'role' ? 'AssumedRole' : 'User',
    'aws:PrincipalIsAWSService': 'false',
    'aws:ViaAWSService': 'false',
    'aws:userid': p.userId,
    'aws:ResourceAccount': target.owner.names.account,
    'aws:RequestedRegion': target.region,
    'aws:SourceIp': rng.chance(0.1) ? '192.0.2.44' : rng.pick(['203.0.113.10', '198.51.100.7', '10.1.2.3']),
    'aws:SecureTransport': rng.chance(0.95) ? 'true' : 'false',
    'aws:CurrentTime': time,
    'aws:EpochTime': epoch,
  }
  if (p.kind === 'user') context['aws:username'] = p.name
  for (const [key, value] of Object.entries(p.tags)) context[`aws:PrincipalTag/${key}`] = value
  const mfa = rng.next()
  if (mfa < 0.75) context['aws:MultiFactorAuthPresent'] = 'true'
  else if (mfa < 0.85) context['aws:MultiFactorAuthPresent'] = 'false'
  return { ...context, ...target.extra }
}

function caseFor(p: BenchPrincipal, own: BenchAccount, target: Target, context: ContextValues): CaseFile {
  const bucket = target.action.startsWith('s3:') ? target.resource.slice('arn:aws:s3:::'.length).split('/')[0]! : null
  return {
    request: { principal: p.callerArn, action: target.action, resource: target.resource, context },
    resourceAccount: target.owner.names.account,
    contextComplete: true,
    policies: {
      identity: [...p.identity],
      boundary: p.boundary,
      scps: own.chains.scps,
      rcps: target.owner.chains.rcps,
      resource: bucket ? (target.owner.bucketPolicies.get(bucket) ?? null) : null,
      vpce: null,
      session: null,
    },
  }
}

/** The corpus for `seed`: the same cases, in the same order, every time. */
export function generateCorpus(options: CorpusOptions): CorpusCase[] {
  const rng = createRng(options.seed)
  const accounts = generateAccounts(rng, options.accounts ?? 6, options.principalsPerAccount ?? 10)
  const cases: CorpusCase[] = []
  for (const own of accounts) {
    const levelIds = (a: BenchAccount) => [ROOT_ID, a.names.ouId, a.names.account]
    for (const p of own.principals) {
      for (let r = 0; r < (options.requestsPerPrincipal ?? 40); r++) {
        const kind = rng.next()
        const target = kind < 0.45 ? s3Target(rng, p, own, accounts) : kind < 0.7 ? ec2Target(rng, own) : otherTarget(rng, own)
        const context = contextFor(rng, p, own, target)
        cases.push({ id: `case-${cases.length}`, case: caseFor(p, own, target, context), scpLevelIds: levelIds(own), rcpLevelIds: levelIds(target.owner) })
      }
    }
  }
  return cases
}
