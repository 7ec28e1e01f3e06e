/**
 * The corpus's accounts: an organization of N accounts, each under its own OU, with shared
 * managed policies, principals holding 20–40 identity statements, and a bucket policy that
 * grants to principals of the other accounts.
 */
import type { Rng } from '../lib/prng.js'
import { BLOCKS, type AccountNames } from './blocks.js'
import type { NamedPolicy, StatementDoc } from './case-file.js'
import { doc } from './case-file.js'
import { boundaryPolicy, bucketPolicy, chainsFor, type OrgChains } from './org-policies.js'

export const ORG_ID = 'o-bench000001'
export const ROOT_ID = 'r-bnch'

export interface BenchPrincipal {
  readonly kind: 'role' | 'user'
  readonly name: string
  readonly account: string
  /** The ARN that makes the call: a role session, or the user. */
  readonly callerArn: string
  /** aws:PrincipalArn: the role ARN, or the user ARN. */
  readonly principalArn: string
  readonly userId: string
  readonly tags: Readonly<Record<string, string>>
  readonly identity: readonly NamedPolicy[]
  readonly boundary: NamedPolicy | null
}

export interface BenchAccount {
  readonly names: AccountNames
  readonly chains: OrgChains
  readonly principals: readonly BenchPrincipal[]
  /** Bucket name → its policy (null: the bucket has none). */
  readonly bucketPolicies: ReadonlyMap<string, NamedPolicy | null>
}

const MIN_STATEMENTS = 20
const MAX_STATEMENTS = 40

function uniqueId(prefix: string, rng: Rng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return prefix + Array.from({ length: 17 }, () => rng.pick([...alphabet])).join('')
}

function statementsOf(rng: Rng, names: AccountNames, blocks: number): StatementDoc[] {
  return Array.from({ length: blocks }, () => rng.pick(BLOCKS)(names, rng)).flat()
}

const count = (policies: readonly NamedPolicy[]): number => policies.reduce((n, p) => n + p.document.Statement.length, 0)

function accountNames(index: number): AccountNames {
  const account = String(100000000000 + index * 1111)
  return {
    account,
    orgId: ORG_ID,
    rootId: ROOT_ID,
    ouId: `ou-bnch-${String(index).padStart(8, '0')}`,
    buckets: [`bench-${account}-data`, `bench-${account}-prod`],
    tables: ['orders', 'users', 'audit-log'],
    queues: ['app-events', 'app-jobs', 'billing'],
    functions: ['app-api', 'app-worker', 'etl'],
  }
}

function identityPolicies(rng: Rng, names: AccountNames, managed: readonly NamedPolicy[]): NamedPolicy[] {
  const attached = rng.sample(managed, rng.int(3, 5))
  const inline: NamedPolicy[] = Array.from({ length: rng.int(1, 2) }, (_, i) => ({ name: `inline-${i}`, document: doc(...statementsOf(rng, names, rng.int(1, 4))) }))
  const all = [...attached, ...inline]
  while (count(all) > MAX_STATEMENTS && all.length > 1) all.shift()
  const target = rng.int(MIN_STATEMENTS, MAX_STATEMENTS - 3)
  if (count(all) < target) {
    const topUp: StatementDoc[] = []
    while (count(all) + topUp.length < target) topUp.push(...rng.pick(BLOCKS)(names, rng))
    all.push({ name: 'inline-extra', document: doc(...topUp) })
  }
  return all
}

function makePrincipal(rng: Rng, names: AccountNames, managed: readonly NamedPolicy[], index: number): BenchPrincipal {
  const kind = index % 3 === 2 ? 'user' : 'role'
  const name = index === 0 ? 'CloudOps' : kind === 'user' ? `dev-${index}` : rng.pick(['app', 'data', 'ops']) + `-${index}`
  const tags: Record<string, string> = rng.chance(0.7) ? { team: rng.pick(['data', 'platform', 'web']), env: rng.pick(['prod', 'dev', 'PROD']) } : {}
  const principalArn = `arn:aws:iam::${names.account}:${kind}/${name}`
  return {
    kind,
    name,
    account: names.account,
    callerArn: kind === 'role' ? `arn:aws:sts::${names.account}:assumed-role/${name}/session-${index}` : principalArn,
    principalArn,
    userId: kind === 'role' ? `${uniqueId('AROA', rng)}:session-${index}` : uniqueId('AIDA', rng),
    tags,
    identity: identityPolicies(rng, names, managed),
    boundary: rng.chance(0.4) ? boundaryPolicy(rng) : null,
  }
}

export function generateAccounts(rng: Rng, accounts: number, principalsPerAccount: number): BenchAccount[] {
  const built = Array.from({ length: accounts }, (_, i) => {
    const names = accountNames(i + 1)
    const managed: NamedPolicy[] = Array.from({ length: 8 }, (_, m) => ({
      name: `Managed${m}`,
      arn: `arn:aws:iam::${names.account}:policy/Managed${m}`,
      document: doc(...statementsOf(rng, names, rng.int(2, 5))),
    }))
    const principals = Array.from({ length: principalsPerAccount }, (_, p) => makePrincipal(rng, names, managed, p))
    return { names, chains: chainsFor(names, rng), principals }
  })
  return built.map((account, i) => {
    const others = built.filter((_, j) => j !== i)
    const roles = (list: typeof built) => list.flatMap((a) => a.principals.filter((p) => p.kind === 'role').map((p) => p.principalArn))
    const users = (list: typeof built) => list.flatMap((a) => a.principals.filter((p) => p.kind === 'user').map((p) => p.principalArn))
    const grants = {
      roleArns: [...rng.sample(roles(others), 3), ...rng.sample(roles([account]), 1)],
      userArns: [...rng.sample(users(others), 1), ...rng.sample(users([account]), 1)],
      accountRoots: rng.sample(others, 2).map((a) => `arn:aws:iam::${a.names.account}:root`),
      orgId: ORG_ID,
    }
    const [data, prod] = account.names.buckets as [string, string]
    return { ...account, bucketPolicies: new Map([[data, bucketPolicy(data, grants)], [prod, null]]) }
  })
}
