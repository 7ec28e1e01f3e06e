/**
 * The parts of a case's request that recur from case to case, read once per distinct value:
 * a context key's canonical lower-cased name, and a resource ARN's account. A batch or a
 * library caller sends the same twenty context keys and a few hundred resources again and
 * again; lower-casing every key and parsing every ARN on each request cost more than
 * evaluating it.
 *
 * Every table is keyed by the string itself (its value, never an object's identity), so a
 * caller who changes a request object between calls is always read afresh. Bounded: a table
 * is emptied when it reaches its limit.
 */
import { parseArn } from '../../model/arn.js'
import { canonicalKey, type ContextEntry, type RequestContext } from '../../model/index.js'
import { CaseError } from './case-error.js'

const LIMIT = 10_000

/** Context key as spelt → the canonical lower-cased name (model/context.ts). */
const keyNames = new Map<string, string>()
/** Resource ARN → the account it names ('' when it names none or is no ARN). */
const resourceAccounts = new Map<string, string>()

const RESOURCE_ACCOUNT = 'aws:resourceaccount'

function lowerKey(key: string): string {
  let lower = keyNames.get(key)
  if (lower === undefined) {
    if (keyNames.size >= LIMIT) keyNames.clear()
    lower = canonicalKey(key.toLowerCase())
    keyNames.set(key, lower)
  }
  return lower
}

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

function isStringList(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false
  for (const v of value) if (typeof v !== 'string') return false
  return true
}

/**
 * `request.context` → the engine's context, as model/context.ts makeContext builds it from the
 * object's entries (keys matched case-insensitively, values of keys spelt twice added up, the
 * first spelling kept), without building the entries first. Also gives aws:ResourceAccount
 * when the context names one account there (the first key so spelt that holds one account ID).
 */
export function readContext(raw: Record<string, unknown>, complete: boolean): { readonly context: RequestContext; readonly resourceAccount: string | null } {
  const known = new Map<string, ContextEntry>()
  let resourceAccount: string | null = null
  const keys = Object.keys(raw)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const value = raw[key]
    let values: string[]
    if (typeof value === 'string') values = [value]
    else if (isStringList(value)) values = value.slice()
    else throw new CaseError(`request.context.${key} must be a string or a list of strings.`, `request.context.${key}`)
    const lower = lowerKey(key)
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount
    if (resourceAccount === null && lower === RESOURCE_ACCOUNT && values.length === 1 && isAccountId(values[0]!)) resourceAccount = values[0]!
    const previous = known.get(lower)
    known.set(lower, previous ? { key: previous.key, values: [...previous.values, ...values] } : { key, values })
  }
  return { context: { known, absent: new Set(), complete }, resourceAccount }
}
