/**
 * The parts of a case's request that recur from case to case, read once per distinct value:
 * a context's list of keys (read-context.ts), and a resource ARN's account. A batch or a
 * library caller sends the same twenty context keys and a few hundred resources again and
 * again; lower-casing every key and parsing every ARN on each request cost more than
 * evaluating it.
 *
 * Every table is keyed by the strings themselves (their values, never an object's identity),
 * so a caller who changes a request object between calls is always read afresh. Bounded: a
 * table is emptied when it reaches its limit.
 */
import { parseArn } from '../../model/arn.js'
import type { RequestContext } from '../../model/index.js'
import { CaseContextKnown, layoutOf, readValues } from './read-context.js'

const LIMIT = 10_000

/** Resource ARN → the account it names ('' when it names none or is no ARN). */
const resourceAccounts = new Map<string, string>()

/**
 * model/arn.ts ACCOUNT_ID (`^\d{12}$`) as a loop over the characters: asked for every case's
 * aws:ResourceAccount, where a fresh process paid more for the regular expression's first
 * runs than for the rest of reading the context.
 */
export function isAccountId(text: string): boolean {
  if (text.length !== 12) return false
  for (let i = 0; i < 12; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

/** The 12-digit account a resource ARN names, or '' (an S3 ARN names none). */
export function accountOfResource(resource: string): string {
  let account = resourceAccounts.get(resource)
  if (account === undefined) {
    if (resourceAccounts.size >= LIMIT) resourceAccounts.clear()
    const named = parseArn(resource)?.account ?? ''
    account = isAccountId(named) ? named : ''
    resourceAccounts.set(resource, account)
  }
  return account
}

/** Shared by every context read from a case: such a context lists no key as absent (nobody adds to it: contexts are read-only). */
const NO_KEYS: ReadonlySet<string> = new Set()

/**
 * `request.context` → the engine's context, as model/context.ts makeContext builds it from the
 * object's entries (keys matched case-insensitively, values of keys spelt twice added up, the
 * first spelling kept), without building the entries first (read-context.ts). Also gives
 * aws:ResourceAccount when the context names one account there (the first key so spelt that
 * holds one account ID).
 */
export function readContext(raw: Record<string, unknown>, complete: boolean): { readonly context: RequestContext; readonly resourceAccount: string | null } {
  const layout = layoutOf(Object.keys(raw))
  const read = readValues(raw, layout)
  let resourceAccount: string | null = null
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount
  for (const at of layout.resourceAccountAt) {
    const value = read[at]!
    const one = typeof value === 'string' ? value : value.length === 1 ? value[0]! : null
    if (one !== null && isAccountId(one)) {
      resourceAccount = one
      break
    }
  }
  return { context: { known: new CaseContextKnown(layout, read), absent: NO_KEYS, complete }, resourceAccount }
}
