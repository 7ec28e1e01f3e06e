/**
 * The audit's checks: each expectation's principals (selectors listed through the source)
 * × actions × resources, in a fixed order, each with the stable key that shards and
 * baselines go by.
 */
import { globMatch } from '../evaluate/match/glob.js'
import { principalFromArn } from '../model/index.js'
import { SourceError } from '../sources/errors.js'
import { principalLabel } from './read-principals.js'
import type { AuditReach } from './reach.js'
import { checkKey } from './shard.js'
import type { AuditFile, Expectation, PrincipalSpec } from './types.js'

export interface PlannedCheck {
  readonly expectation: Expectation
  /** Position among the expectation's checks, across all shards. */
  readonly index: number
  readonly principal: string
  /** The principal's account (its source is picked by it); '' for an ARN that names none. */
  readonly account: string
  readonly action: string
  readonly resource: string | null
  readonly key: string
}

export interface PlannedExpectation {
  readonly expectation: Expectation
  readonly checks: readonly PlannedCheck[]
  /** Selectors that matched nothing (the expectation still holds on the others). */
  readonly warnings: readonly string[]
  /** What keeps the expectation from being checked at all (no principal, a listing that failed). */
  readonly errors: readonly string[]
}

/** `role`/`user`, the IAM path and the name, from an IAM ARN (`arn:aws:iam::1:role/ops/Deploy`). */
function pathAndName(arn: string): { path: string; name: string } {
  const resource = arn.slice(arn.indexOf(':', arn.indexOf('::') + 2) + 1)
  const parts = resource.split('/')
  const name = parts[parts.length - 1] ?? ''
  const middle = parts.slice(1, -1)
  return { path: middle.length ? `/${middle.join('/')}/` : '/', name }
}

/** Service-linked roles live under /aws-service-role/: selectors skip them unless that path is asked for. */
function selects(spec: Extract<PrincipalSpec, { kind: 'role' | 'user' }>, arn: string): boolean {
  const { path, name } = pathAndName(arn)
  if (spec.path !== null && !path.startsWith(spec.path)) return false
  if (path.startsWith('/aws-service-role/') && !(spec.path ?? '').startsWith('/aws-service-role/')) return false
  // IAM names are unique regardless of case, so a pattern matches regardless of case too.
  return globMatch(spec.name, name, true)
}

async function expand(spec: PrincipalSpec, file: AuditFile, reach: AuditReach): Promise<{ arns: string[]; warning: string | null }> {
  if (spec.kind === 'arn') return { arns: [spec.arn], warning: null }
  const accounts: (string | null)[] = spec.accounts.length ? [...spec.accounts] : file.accounts.length ? [...file.accounts] : [null]
  const arns: string[] = []
  for (const account of accounts) {
    // Every path is listed, and the path filtered here: several selectors then share one listing.
    const listed = await reach.list({ kind: spec.kind, account, pathPrefix: null })
    arns.push(...listed.filter((arn) => selects(spec, arn)).sort())
  }
  return { arns, warning: arns.length ? null : `${principalLabel(spec)} matched no ${spec.kind}` }
}

/** A listing that cannot work at all (expired credentials, an account out of reach) stops the audit. */
function stopsTheAudit(error: unknown): boolean {
  return error instanceof SourceError && error.code === 'credentials'
}

/** Accounts by principal ARN, for one plan: a principal is in many checks, and reading its ARN is not free. */
type Accounts = Map<string, string>

function accountOf(arn: string, accounts: Accounts): string {
  let account = accounts.get(arn)
  if (account === undefined) {
    account = principalFromArn(arn)?.account ?? ''
    accounts.set(arn, account)
  }
  return account
}

async function planOne(expectation: Expectation, file: AuditFile, reach: AuditReach, accounts: Accounts): Promise<PlannedExpectation> {
  const principals: string[] = []
  const warnings: string[] = []
  const errors: string[] = []
  for (const spec of expectation.principals) {
    try {
      const { arns, warning } = await expand(spec, file, reach)
      for (const arn of arns) if (!principals.includes(arn)) principals.push(arn)
      if (warning) warnings.push(warning)
    } catch (error) {
      if (stopsTheAudit(error) || !(error instanceof Error) || !['SourceError', 'SnapshotError', 'UserError'].includes(error.name)) throw error
      errors.push(`${principalLabel(spec)} could not be listed: ${error.message}`)
    }
  }
  if (principals.length === 0 && errors.length === 0) errors.push('no principal matched, so nothing was checked')
  const resources: (string | null)[] = expectation.resources.length ? [...expectation.resources] : [null]
  const checks: PlannedCheck[] = []
  for (const principal of principals) {
    const account = accountOf(principal, accounts)
    for (const action of expectation.actions) {
      for (const resource of resources) {
        checks.push({ expectation, index: checks.length, principal, account, action, resource, key: checkKey(expectation.name, principal, action, resource) })
      }
    }
  }
  return { expectation, checks, warnings, errors }
}

export async function planAudit(file: AuditFile, reach: AuditReach): Promise<PlannedExpectation[]> {
  const out: PlannedExpectation[] = []
  const accounts: Accounts = new Map()
  for (const expectation of file.expectations) out.push(await planOne(expectation, file, reach, accounts))
  return out
}
