/**
 * The key promise of `collect`: a diagnosis from its snapshot is the diagnosis the live
 * account gives. One fake AWS answers both the bulk reads of `collect` and the per-entity
 * reads of `principal`; both commands run in-process, as a user would run them.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import Collect from '../../../src/commands/collect.js'
import Principal from '../../../src/commands/principal.js'
import { runCommand } from '../../helpers/run-command.js'
import { installFakeAws } from './collect-fake-aws.js'
import { fakeAws, useFakeEnvironment } from './collect-setup.js'
import { FAKE_ENV, PAYMENTS, world } from './collect-world.js'

useFakeEnvironment()

/**
 * The one provenance string that legitimately differs: the live source says which account S3
 * vouched for when it handed over a bucket policy (s3.ts: "bucket policy of `b` (account …: S3
 * returns a bucket policy only to its owner's account)"), while the snapshot knows the owner
 * from the file and says "bucket policy of `b`". It appears in a finding's `origin` and in the
 * `explanation` that quotes it. It is removed from the live verdict; every other field of
 * every finding (policy type, name, ARN, attachment, statement, Sid, certainty, unknown keys,
 * conditions, matched action/resource/principal, origins and explanations) must be identical.
 */
const S3_VOUCHED = / \(account \d{12}: S3 returns a bucket policy only to its owner's account\)/g

function withoutProvenance(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(S3_VOUCHED, '')
  if (Array.isArray(value)) return value.map(withoutProvenance)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutProvenance(v)]))
  return value
}

type Finding = Record<string, unknown>

function comparable(verdict: Record<string, unknown>) {
  return withoutProvenance({ decision: verdict['decision'], denies: verdict['denies'], missingAllows: verdict['missingAllows'], allows: verdict['allows'] })
}

const role = (name: string, session = 'alice') => `arn:aws:sts::${PAYMENTS}:assumed-role/${name}/${session}`

const SCENARIOS: readonly { readonly name: string; readonly argv: readonly string[]; readonly decision: string; readonly decidedBy?: string; readonly s3Vouched?: true }[] = [
  {
    name: 'SCP DenyRunInstances attached at OU Prod, two levels above the account',
    argv: [role('TestReadOnly'), '--action', 'ec2:RunInstances', '--resource', `arn:aws:ec2:us-east-1:${PAYMENTS}:instance/*`, '--region', 'us-east-1'],
    decision: 'ExplicitDeny',
    decidedBy: 'scp:DenyRunInstances',
  },
  {
    name: 'the article\'s DenyAllExceptListedIfNoMFA, inline in group Developers',
    argv: [`arn:aws:iam::${PAYMENTS}:user/tester`, '--action', 'ec2:DescribeInstances', '--no-mfa', '--region', 'us-east-1'],
    decision: 'ExplicitDeny',
    decidedBy: 'identity:ForceMFA',
  },
  {
    name: 'a Deny in the permissions boundary (a policy used only as a boundary)',
    argv: [role('BoundedDev'), '--action', 'ec2:DescribeInstances', '--region', 'us-east-1'],
    decision: 'ExplicitDeny',
    decidedBy: 'boundary:DevBoundary',
  },
  {
    name: 'bucket policy denying every endpoint but vpce-11111111, called through vpce-22222222',
    argv: [role('TestReadOnly'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::examplebucket/report.csv', '--source-vpce', 'vpce-22222222', '--region', 'eu-west-1'],
    decision: 'ExplicitDeny',
    decidedBy: 'resource:examplebucket',
    s3Vouched: true,
  },
  {
    name: 'endpoint policy Deny s3:PutObject on vpce-22222222',
    argv: [role('CloudOps'), '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::payments-artifacts/x', '--source-vpce', 'vpce-22222222', '--region', 'eu-west-1'],
    decision: 'ExplicitDeny',
  },
  {
    name: 'allowed: CloudOps reads examplebucket through the endpoint it admits',
    argv: [role('CloudOps'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::examplebucket/report.csv', '--source-vpce', 'vpce-11111111', '--region', 'us-east-1'],
    decision: 'Allowed',
  },
  {
    name: 'allowed: ReadOnlyAccess covers ec2:DescribeInstances',
    argv: [role('TestReadOnly'), '--action', 'ec2:DescribeInstances', '--region', 'us-east-1'],
    decision: 'Allowed',
  },
  {
    name: 'implicit deny: nothing allows iam:CreateUser',
    argv: [role('TestReadOnly'), '--action', 'iam:CreateUser', '--resource', `arn:aws:iam::${PAYMENTS}:user/new`],
    decision: 'ImplicitDeny',
  },
]

let file = ''
let collected: Awaited<ReturnType<typeof runCommand>>

describe('a snapshot diagnoses as the live account does', () => {
  beforeAll(async () => {
    file = join(await mkdtemp(join(tmpdir(), 'denydoctor-parity-')), 'parity.json.gz')
    for (const [name, value] of Object.entries(FAKE_ENV)) vi.stubEnv(name, value)
    const fake = installFakeAws(world())
    try {
      collected = await runCommand(Collect, ['--out', file, '--region', 'us-east-1', '--region', 'eu-west-1', '--json'])
    } finally {
      fake.restore()
      vi.unstubAllEnvs()
    }
  })

  it('collect wrote the snapshot (exit 0, no gaps)', () => {
    expect(collected.stderr).toBe('')
    expect(collected.status).toBe(0)
    expect(JSON.parse(collected.stdout)).toMatchObject({ accounts: 1, gaps: 0, users: 1, roles: 4 })
  })

  it.each(SCENARIOS)('$name', async ({ argv, decision, decidedBy, s3Vouched }) => {
    fakeAws(world())
    const live = await runCommand(Principal, [...argv, '--json'])
    const offline = await runCommand(Principal, [...argv, '--json', '--snapshot', file])
    expect(live.stderr, 'live stderr').toBe('')
    expect(offline.stderr, 'snapshot stderr').toBe('')
    const liveVerdict = JSON.parse(live.stdout)
    const offlineVerdict = JSON.parse(offline.stdout)
    expect(liveVerdict.decision, JSON.stringify(liveVerdict, null, 1).slice(0, 3000)).toBe(decision)
    expect(liveVerdict.incomplete).toEqual([])
    expect(offlineVerdict.incomplete).toEqual([])
    if (decidedBy) {
      const [type, name] = decidedBy.split(':')
      expect(liveVerdict.denies.map((d: Finding) => `${d['policyType']}:${d['policyName']}`)).toContain(`${type}:${name}`)
    }
    // The named difference is real where a bucket policy decides, and the only one.
    expect(new RegExp(S3_VOUCHED.source).test(live.stdout)).toBe(Boolean(s3Vouched))
    expect(comparable(offlineVerdict)).toEqual(comparable(liveVerdict))
    expect(offline.status).toBe(live.status)
  })
})
