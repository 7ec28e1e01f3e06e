import type { Intake } from '../intake/index.js'
import { withAccountFilledIn } from '../intake/masked-account.js'

/**
 * Filling in the account a published message masks (`arn:aws:iam::XXXXXXXX:user/tester`, as in
 * https://repost.aws/ja/knowledge-center/iam-explicit-deny-errors). Only from an account
 * denydoctor can vouch for: `--account`, a snapshot with a single account or with the named
 * user or role in exactly one account, or (live) the credentials' own account. Otherwise the
 * diagnosis stops and says how to give it: a guess would diagnose someone else.
 */
export type AccountFound = { readonly account: string; readonly why: string } | { readonly account: null; readonly why: string }

/** Finds the account for a masked principal ARN; each source says how it found it, or why it could not. */
export type MaskedAccountResolver = (maskedPrincipal: string) => Promise<AccountFound>

/** `user/tester` → {kind: 'user', name: 'tester'}; an assumed-role session names its role. */
function principalNameOf(arn: string): { kind: 'user' | 'role'; name: string } | null {
  const resource = arn.split(':').slice(5).join(':')
  const session = /^assumed-role\/([^/]+)\//.exec(resource)
  if (session) return { kind: 'role', name: session[1]! }
  const entity = /^(user|role)\/(?:.*\/)?([^/]+)$/.exec(resource)
  return entity ? { kind: entity[1] as 'user' | 'role', name: entity[2]! } : null
}

/**
 * The account of a masked principal among the ARNs a snapshot lists: its only account, or the
 * only account that has a user or role of that name.
 */
export function accountAmong(maskedPrincipal: string, listed: readonly string[], where: string): AccountFound {
  const accountOf = (arn: string) => arn.split(':')[4] ?? ''
  const accounts = [...new Set(listed.map(accountOf))].filter((a) => a !== '').sort()
  if (accounts.length === 1) return { account: accounts[0]!, why: `${where} holds one account, ${accounts[0]}` }
  const wanted = principalNameOf(maskedPrincipal)
  if (!wanted) return { account: null, why: `${where} holds ${accounts.length} accounts and the caller is not a user or role to look for` }
  const holders = [...new Set(listed.filter((arn) => {
    const named = principalNameOf(arn)
    return named?.kind === wanted.kind && named.name === wanted.name
  }).map(accountOf))].sort()
  if (holders.length === 1) return { account: holders[0]!, why: `${wanted.kind} ${wanted.name} is in exactly one account of ${where}, ${holders[0]}` }
  if (holders.length === 0) return { account: null, why: `no account of ${where} has a ${wanted.kind} named ${wanted.name}` }
  return { account: null, why: `${wanted.kind} ${wanted.name} is in ${holders.length} accounts of ${where} (${holders.join(', ')})` }
}

/** The message for a masked account nobody could fill in: what is masked, why it stays so, and how to give it. */
function maskedAccountError(mask: string, principal: string, why: string | null): string {
  const because = why ? ` (${why})` : ''
  return (
    `The message masks the caller's account ID as ${mask} (${principal}), and denydoctor cannot tell which account it is${because}. ` +
    'Give the account with --account 123456789012, or paste the message with the real account ID.'
  )
}

/**
 * The intake with its masked account filled in, or the sentence that says why it could not be.
 * `given` is `--account`; `resolve` is the source's own way (snapshot or credentials).
 */
export async function fillMaskedAccount(
  intake: Intake,
  given: string | null,
  resolve: MaskedAccountResolver | null,
): Promise<{ intake: Intake; error: null } | { intake: Intake; error: string }> {
  const mask = intake.maskedAccount
  if (!mask || !intake.principal) return { intake, error: null }
  if (given) {
    return { intake: withAccountFilledIn(intake, mask, given, `The message masks the account ID as ${mask}; it was filled in with ${given}, given with --account.`), error: null }
  }
  const found = resolve ? await resolve(intake.principal) : null
  if (found?.account) {
    return { intake: withAccountFilledIn(intake, mask, found.account, `The message masks the account ID as ${mask}; it was filled in with ${found.account}: ${found.why}.`), error: null }
  }
  return { intake, error: maskedAccountError(mask, intake.principal, found?.why ?? null) }
}
