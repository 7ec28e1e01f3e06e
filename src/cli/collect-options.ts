/**
 * `collect`'s flags → CollectOptions, checked before any AWS call: a wrong account ID or a
 * missing --assume-role-name should fail in a second, not after an hour of collecting. The
 * output path is checked too, for the same reason.
 */
import { stat, access, constants } from 'node:fs/promises'
import { dirname } from 'node:path'
import { ACCOUNT_ID } from '../model/index.js'
import type { AccountChoice, CollectOptions } from '../sources/aws/collect.js'
import { UserError } from '../user-error.js'

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

function usage(message: string): UserError {
  return new UserError(message, 2)
}

/** `--accounts 111111111111,222222222222` (also repeatable, or space-separated). */
export function parseAccounts(values: readonly string[]): string[] {
  const ids = values.flatMap((value) => value.split(/[\s,]+/)).filter(Boolean)
  if (ids.length === 0) throw usage('--accounts names no account; give 12-digit account IDs separated by commas.')
  for (const id of ids) if (!ACCOUNT_ID.test(id)) throw usage(`--accounts: \`${id}\` is not a 12-digit AWS account ID.`)
  return [...new Set(ids)]
}

function accountChoice(flags: CollectFlags): AccountChoice {
  if (flags.accounts?.length && flags['all-accounts']) throw usage('--accounts and --all-accounts cannot be used together: name the accounts, or take all of them.')
  if (flags['all-accounts']) {
    if (!flags['assume-role-name']) throw usage('--all-accounts needs --assume-role-name: the role, present in every account, that denydoctor assumes to read it.')
    return { kind: 'all' }
  }
  if (flags.accounts?.length) return { kind: 'list', ids: parseAccounts(flags.accounts) }
  if (flags['assume-role-name']) throw usage('--assume-role-name is used with --accounts or --all-accounts; alone it has nothing to reach.')
  return { kind: 'caller' }
}

function regions(flags: CollectFlags): string[] {
  const list = flags.region ?? []
  if (list.length && flags['all-regions']) throw usage('--region and --all-regions cannot be used together.')
  for (const region of list) if (!REGION.test(region)) throw usage(`--region: \`${region}\` is not an AWS region name (such as us-east-1).`)
  return [...list]
}

const MAX_CONCURRENCY = 32

function concurrency(value: string | undefined): number {
  if (value === undefined) return 4
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > MAX_CONCURRENCY) {
    throw usage(`--concurrency: \`${value}\` is not a whole number from 1 to ${MAX_CONCURRENCY} (accounts collected at once).`)
  }
  return n
}

/** Options for collectSnapshot (without the callbacks the command adds). */
export function collectOptionsFromFlags(flags: CollectFlags, clock: () => Date): CollectOptions {
  const roleName = flags['assume-role-name'] ?? null
  if (roleName !== null && !ROLE_NAME.test(roleName)) {
    throw usage(`--assume-role-name: \`${roleName}\` is not an IAM role name (give the name, e.g. OrganizationAccountAccessRole, not its ARN).`)
  }
  if (flags['org-role-arn'] && !ROLE_ARN.test(flags['org-role-arn'])) {
    throw usage(`--org-role-arn: \`${flags['org-role-arn']}\` is not the ARN of an IAM role (arn:aws:iam::ACCOUNT:role/NAME).`)
  }
  if (flags['org-profile'] && flags['org-role-arn']) throw usage('--org-profile and --org-role-arn cannot be used together: give one way to read the organization.')
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
  if (existing?.isDirectory()) throw new UserError(`--out ${path} is a directory; name the snapshot file to write, such as ${path.replace(/\/+$/, '')}/snapshot.json.gz.`)
  const directory = dirname(path)
  const parent = await stat(directory).catch(() => null)
  if (!parent?.isDirectory()) throw new UserError(`--out ${path}: the directory ${directory} does not exist; create it first.`)
  try {
    await access(directory, constants.W_OK)
  } catch {
    throw new UserError(`--out ${path}: the directory ${directory} is not writable.`)
  }
}
