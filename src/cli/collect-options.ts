/**
 * `collect`'s flags → CollectOptions, checked before any AWS call: a wrong account ID or a
 * missing --assume-role-name should fail in a second, not after an hour of collecting. The
 * output path is checked too, for the same reason.
 */
import { stat, access, constants } from 'node:fs/promises'
import { dirname } from 'node:path'
import { ACCOUNT_ID } from '../model/index.js'
import type { AccountChoice, CollectOptions } from '../sources/aws/collect.js'
import type { Catalogue } from '../i18n/index.js'
import { LocalizedUserError } from './localized-error.js'

export interface CollectFlags {
  readonly out: string
  readonly profile?: string | undefined
  readonly region?: readonly string[] | undefined
  readonly 'all-regions'?: boolean | undefined
  readonly 'org-profile'?: string | undefined
  readonly 'org-role-arn'?: string | undefined
  readonly accounts?: readonly string[] | undefined
  readonly 'all-accounts'?: boolean | undefined
  readonly 'assume-role-name'?: string | undefined
  /** A string, so that a bad value gets this command's own one-line message. */
  readonly concurrency?: string | undefined
}

const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/
// Role names and paths: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
const ROLE_NAME = /^\/?([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/

/** A wrong command line (exit 2), said from the catalogue in the language asked for. */
function usage(say: (m: Catalogue) => string): LocalizedUserError {
  return new LocalizedUserError(say, 2)
}

/** `--accounts 111111111111,222222222222` (also repeatable, or space-separated). */
export function parseAccounts(values: readonly string[]): string[] {
  const ids = values.flatMap((value) => value.split(/[\s,]+/)).filter(Boolean)
  if (ids.length === 0) throw usage((m) => m['collect.flag.noAccounts'])
  for (const id of ids) if (!ACCOUNT_ID.test(id)) throw usage((m) => m['collect.flag.notAccount'](id))
  return [...new Set(ids)]
}

function accountChoice(flags: CollectFlags): AccountChoice {
  if (flags.accounts?.length && flags['all-accounts']) throw usage((m) => m['collect.flag.accountsAndAll'])
  if (flags['all-accounts']) {
    if (!flags['assume-role-name']) throw usage((m) => m['collect.flag.allNeedsRole'])
    return { kind: 'all' }
  }
  if (flags.accounts?.length) return { kind: 'list', ids: parseAccounts(flags.accounts) }
  if (flags['assume-role-name']) throw usage((m) => m['collect.flag.roleAlone'])
  return { kind: 'caller' }
}

function regions(flags: CollectFlags): string[] {
  const list = flags.region ?? []
  if (list.length && flags['all-regions']) throw usage((m) => m['collect.flag.regionAndAll'])
  for (const region of list) if (!REGION.test(region)) throw usage((m) => m['collect.flag.notRegion'](region))
  return [...list]
}

const MAX_CONCURRENCY = 32

function concurrency(value: string | undefined): number {
  if (value === undefined) return 4
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > MAX_CONCURRENCY) {
    throw usage((m) => m['collect.flag.concurrency'](value, MAX_CONCURRENCY))
  }
  return n
}

/** Options for collectSnapshot (without the callbacks the command adds). */
export function collectOptionsFromFlags(flags: CollectFlags, clock: () => Date): CollectOptions {
  const roleName = flags['assume-role-name'] ?? null
  if (roleName !== null && !ROLE_NAME.test(roleName)) {
    throw usage((m) => m['collect.flag.notRoleName'](roleName))
  }
  if (flags['org-role-arn'] && !ROLE_ARN.test(flags['org-role-arn'])) {
    const arn = flags['org-role-arn']
    throw usage((m) => m['collect.flag.notRoleArn'](arn))
  }
  if (flags['org-profile'] && flags['org-role-arn']) throw usage((m) => m['collect.flag.orgProfileAndRole'])
  return {
    profile: flags.profile ?? null,
    orgProfile: flags['org-profile'] ?? null,
    orgRoleArn: flags['org-role-arn'] ?? null,
    regions: regions(flags),
    allRegions: flags['all-regions'] ?? false,
    accounts: accountChoice(flags),
    assumeRoleName: roleName,
    concurrency: concurrency(flags.concurrency),
    clock,
  }
}

/** Refuses an output path that cannot be written, before anything is collected. */
export async function checkOutputPath(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null)
  if (existing?.isDirectory()) throw new LocalizedUserError((m) => m['collect.out.directory'](path, `${path.replace(/\/+$/, '')}/snapshot.json.gz`))
  const directory = dirname(path)
  const parent = await stat(directory).catch(() => null)
  if (!parent?.isDirectory()) throw new LocalizedUserError((m) => m['collect.out.noDirectory'](path, directory))
  try {
    await access(directory, constants.W_OK)
  } catch {
    throw new LocalizedUserError((m) => m['collect.out.notWritable'](path, directory))
  }
}
