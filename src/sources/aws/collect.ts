/**
 * `collect`: reads one account, or several accounts of an organization, into a Snapshot (see
 * docs/snapshot-format.md). Read-only, like the live source: every request goes through an
 * AwsClientPool (shared concurrency limit, read-only guard, onCall, credential errors).
 *
 * What could not be read becomes an `incomplete` entry (a gap every diagnosis from the snapshot
 * carries); what makes the whole run pointless (credentials, network, no region, a bad account
 * list) is a SourceError and nothing is written.
 */
import { dedupeGaps } from '../gaps.js'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { parseArn, type CollectionGap } from '../../model/index.js'
import { SourceError } from '../errors.js'
import { SNAPSHOT_FORMAT, type Snapshot, type SnapshotAccount } from '../snapshot/format.js'
import { AwsClientPool, type CallRecord, type ClientSettings, type ExtraClientConfig } from './clients.js'
import { AccountClients, assumedRoleCredentials, sharedUntilExpiry, type AccountTarget, type ClientBase, type RoleCredentials } from './collect-accounts.js'
import { collectIam } from './collect-iam.js'
import { askMembership, needsMembershipCheck } from './collect-membership.js'
import { collectOrganization, type CollectedOrganization } from './collect-org.js'
import { collectBuckets } from './collect-s3.js'
import { collectEndpoints, type RegionChoice } from './collect-vpce.js'
import { gapFor } from './errors.js'
import { markFailedCall } from './failed-call.js'
import { createLimit } from './limit.js'
import { identityUnreadable } from './sts.js'

export type AccountChoice = { readonly kind: 'caller' } | { readonly kind: 'list'; readonly ids: readonly string[] } | { readonly kind: 'all' }

export interface AccountProgress {
  readonly done: number
  readonly total: number
  readonly accountId: string
}

export interface CollectOptions {
  readonly profile?: string | null
  readonly orgProfile?: string | null
  readonly orgRoleArn?: string | null
  /** Regions whose VPC endpoints are read; none: the default region. The first is also the clients' region. */
  readonly regions?: readonly string[]
  /** Every region enabled in each account (DescribeRegions) instead. */
  readonly allRegions?: boolean
  /** Default: the caller's own account. */
  readonly accounts?: AccountChoice
  /** Role reached in every account other than the caller's: `arn:aws:iam::ID:role/NAME`. */
  readonly assumeRoleName?: string | null
  /** Accounts collected at once; default 4. */
  readonly concurrency?: number
  readonly clock: () => Date
  readonly onCall?: (call: CallRecord) => void
  /** Called each time an account is done. */
  readonly onAccount?: (progress: AccountProgress) => void
  /** Tests: how roles are assumed (default: STS AssumeRole from the caller's credentials). */
  readonly roleCredentials?: RoleCredentials
  /** Tests: extra SDK configuration for the collected accounts' clients (a fake HTTP handler). */
  readonly clientConfig?: ExtraClientConfig
}

export interface CollectResult {
  readonly snapshot: Snapshot
  /** What was passed over without being a gap: accounts not ACTIVE, endpoints the format cannot hold. */
  readonly notes: readonly string[]
}

interface Caller {
  readonly account: string
  readonly arn: string | null
  readonly partition: string
}

async function callerIdentity(pool: AwsClientPool): Promise<Caller> {
  try {
    const { Account, Arn } = await pool.sts('caller').send(new GetCallerIdentityCommand({}))
    if (!Account) throw new SourceError('failed', 'GetCallerIdentity returned no account, so the account to collect is unknown.')
    return { account: Account, arn: Arn ?? null, partition: (Arn && parseArn(Arn)?.partition) || 'aws' }
  } catch (error) {
    throw identityUnreadable(pool, 'caller', error, 'so nothing was collected')
  }
}

/** The region of the SDK's configuration (AWS_REGION, the profile), which the global clients need. */
async function configuredRegion(pool: AwsClientPool): Promise<string> {
  try {
    return await pool.ec2(null).config.region()
  } catch (error) {
    throw new SourceError('failed', 'No AWS region is configured; pass --region (repeatable) or set AWS_REGION (or a region in the profile).', { cause: error })
  }
}

function roleArn(caller: Caller, account: string, roleName: string): string {
  return `arn:${caller.partition}:iam::${account}:role/${roleName.replace(/^\/+/, '')}`
}

function chooseTargets(options: CollectOptions, caller: Caller, org: CollectedOrganization, notes: string[]): AccountTarget[] {
  const choice = options.accounts ?? { kind: 'caller' }
  let ids: string[]
  if (choice.kind === 'caller') ids = [caller.account]
  else if (choice.kind === 'list') ids = [...new Set(choice.ids)]
  else {
    if (!org.organization) {
      const why = org.gaps[0] ? `it was not read (${org.gaps[0].error})` : `account ${caller.account} is in no organization`
      throw new SourceError('failed', `--all-accounts needs the organization's list of accounts, but ${why}; pass --org-profile or --org-role-arn for the management account or a delegated administrator, or name the accounts with --accounts.`)
    }
    ids = []
    for (const account of [...org.organization.accounts].sort((a, b) => a.id.localeCompare(b.id))) {
      const state = org.states.get(account.id) ?? 'ACTIVE'
      if (state === 'ACTIVE') ids.push(account.id)
      else notes.push(`account ${account.id} (${account.name}) was not collected: it is ${state.toLowerCase().replace(/_/g, ' ')}`)
    }
  }
  const roleName = options.assumeRoleName ?? null
  const others = ids.filter((id) => id !== caller.account)
  if (others.length > 0 && !roleName) {
    throw new SourceError(
      'failed',
      `Account${others.length > 1 ? 's' : ''} ${others.join(', ')} cannot be read with the credentials of account ${caller.account}; pass --assume-role-name with a role that exists in every account and that the caller may assume.`,
    )
  }
  return ids.map((id) => ({ id, roleArn: id === caller.account || !roleName ? null : roleArn(caller, id, roleName) }))
}

interface AccountResult {
  readonly account: SnapshotAccount
  readonly gaps: readonly CollectionGap[]
  readonly notes: readonly string[]
  /** The account's clients; null when it could not be reached. */
  readonly clients: AccountClients | null
}

interface AccountContext {
  readonly base: ClientBase
  readonly regions: RegionChoice
  readonly roleCredentials: RoleCredentials
  readonly callerArn: string
}

async function collectAccount(target: AccountTarget, context: AccountContext): Promise<AccountResult> {
  const { id } = target
  let credentials = null
  if (target.roleArn) {
    // One AssumeRole serves every client of the account until shortly before it expires.
    const provider = sharedUntilExpiry(context.roleCredentials(target.roleArn))
    const started = performance.now()
    let ok = false
    try {
      await provider()
      ok = true
      credentials = provider
    } catch (error) {
      const effect = {
        leftOut: `Account ${id} was not collected: role \`${target.roleArn}\` could not be assumed, so none of its principals, buckets or endpoints is in the snapshot`,
        permission: `its trust policy must let ${context.callerArn} in, and the caller needs sts:AssumeRole on it`,
      }
      markFailedCall(error, 'sts', 'AssumeRole', { RoleArn: target.roleArn })
      return { account: { id, iam: null, buckets: [], vpcEndpoints: [] }, gaps: [{ ...gapFor(error, 'sts', effect), account: id }], notes: [], clients: null }
    } finally {
      // The role is assumed by the SDK's own STS client, outside the pool: report the call here.
      context.base.onCall?.({ service: 'sts', operation: 'AssumeRole', ms: Math.round(performance.now() - started), ok })
    }
  }
  const clients = new AccountClients(target, credentials, context.base)
  const [iam, buckets, endpoints] = await Promise.all([
    collectIam(clients.pool(context.base.defaultRegion), id),
    collectBuckets(clients, id),
    collectEndpoints(clients, id, context.regions),
  ])
  const notes = endpoints.skipped.map((endpoint) => `VPC endpoint ${endpoint} of account ${id} was left out: it names no VPC or service`)
  return {
    account: { id, iam: iam.iam, buckets: buckets.buckets, vpcEndpoints: endpoints.endpoints },
    // Scoped to the account: a snapshot carries them only into diagnoses that touch it.
    gaps: [...iam.gaps, ...buckets.gaps, ...endpoints.gaps].map((gap) => ({ ...gap, account: id })),
    notes,
    clients,
  }
}

export async function collectSnapshot(options: CollectOptions): Promise<CollectResult> {
  const takenAt = options.clock().toISOString()
  const concurrency = options.concurrency ?? 4
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new SourceError('failed', `--concurrency must be a positive whole number, not ${concurrency}.`)
  // Requests in flight across all accounts; Organizations and IAM throttle early, the SDK's adaptive retries slow down.
  const limit = createLimit(Math.max(8, 4 * concurrency))
  const settings: ClientSettings = {
    profile: options.profile ?? null,
    region: options.regions?.[0] ?? null,
    orgProfile: options.orgProfile ?? null,
    orgRoleArn: options.orgRoleArn ?? null,
    resourceProfile: null,
    resourceRoleArn: null,
  }
  const pool = new AwsClientPool(settings, limit, options.onCall)
  const caller = await callerIdentity(pool)
  const defaultRegion = settings.region ?? (await configuredRegion(pool))
  const regions: RegionChoice = options.allRegions ? { kind: 'all' } : { kind: 'list', regions: options.regions?.length ? [...new Set(options.regions)] : [defaultRegion] }

  const org = await collectOrganization(pool)
  const notes: string[] = []
  const targets = chooseTargets(options, caller, org, notes)

  const accountSettings = { ...settings, region: defaultRegion }
  const context: AccountContext = {
    base: { settings: accountSettings, limit, onCall: options.onCall, defaultRegion, extra: options.clientConfig ?? {} },
    regions,
    roleCredentials: options.roleCredentials ?? assumedRoleCredentials(accountSettings),
    callerArn: caller.arn ?? `account ${caller.account}`,
  }
  const accountLimit = createLimit(concurrency)
  let done = 0
  const results = await Promise.all(
    targets.map((target) =>
      accountLimit(async () => {
        const result = await collectAccount(target, context)
        options.onAccount?.({ done: ++done, total: targets.length, accountId: target.id })
        return result
      }),
    ),
  )

  const question = { organization: org.organization, organizationFailed: org.gaps.length > 0, readerAccount: caller.account }
  const answers = await Promise.all(
    results.map((r) => (r.clients && needsMembershipCheck(question, r.account.id) ? askMembership(r.clients, r.account.id, org.organization) : null)),
  )
  // What was learned of accounts outside the organization read goes into the snapshot, so that an
  // offline diagnosis knows an account in no organization from one nobody asked about. The
  // caller's own account is in none when DescribeOrganization said so.
  const standaloneCaller = org.organization === null && org.gaps.length === 0
  const accounts = results.map((r, i): SnapshotAccount => {
    const learned = answers[i]?.membership ?? (standaloneCaller && r.account.id === caller.account ? 'none' : null)
    return learned ? { ...r.account, organizationMembership: learned } : r.account
  })

  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    version: 1,
    takenAt,
    collectedBy: caller.arn,
    organization: org.organization,
    accounts,
    incomplete: dedupeGaps([...org.gaps, ...results.flatMap((r) => r.gaps), ...answers.map((answer) => answer?.gap ?? null).filter((gap) => gap !== null)]),
  }
  return { snapshot, notes: [...notes, ...results.flatMap((r) => r.notes)] }
}
