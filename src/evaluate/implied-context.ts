import { canonicalKey, LayeredKnown, type ContextEntry, type PartialValue, type PrincipalInfo, type RequestContext } from '../model/index.js'

/**
 * Context keys the request implies, filled in so nobody has to type them. Values the user
 * gave win. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * and the principal key table of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-infotouse
 */
const PRINCIPAL_TYPE: Record<PrincipalInfo['kind'], string | null> = {
  user: 'User',
  role: 'AssumedRole',
  'assumed-role': 'AssumedRole',
  'federated-user': 'FederatedUser',
  root: 'Account',
  service: null,
  anonymous: 'Anonymous',
}

function userId(p: PrincipalInfo): string | null {
  switch (p.kind) {
    case 'root':
      return p.account
    case 'user':
      return p.uniqueId
    case 'assumed-role':
      return p.uniqueId && p.sessionName ? `${p.uniqueId}:${p.sessionName}` : null
    case 'federated-user':
      return p.name ? `${p.account}:${p.name}` : null
    default:
      return null
  }
}

/**
 * The implied entries for one principal and resource account, keyed by lower-cased name in the
 * order they are added (the verdict lists the context in that order). An audit or a batch asks
 * about the same principal again and again, often about resources of several accounts (a
 * caller reading across accounts), so the entries are kept per principal and resource account.
 */
const impliedOf = new WeakMap<PrincipalInfo, Map<string | null, ReadonlyMap<string, ContextEntry>>>()
/** Resource accounts kept per principal before its table is emptied. */
const ACCOUNTS_PER_PRINCIPAL = 64

function impliedEntries(principal: PrincipalInfo, resourceAccount: string | null): ReadonlyMap<string, ContextEntry> {
  let byAccount = impliedOf.get(principal)
  const kept = byAccount?.get(resourceAccount)
  if (kept !== undefined) return kept
  const entries = new Map<string, ContextEntry>()
  if (principal.kind === 'service') {
    addImplied(entries, 'aws:PrincipalIsAWSService', 'true')
    addImplied(entries, 'aws:PrincipalServiceName', principal.service)
  } else if (principal.kind !== 'anonymous') {
    addImplied(entries, 'aws:PrincipalArn', principal.principalArn)
    addImplied(entries, 'aws:PrincipalAccount', principal.account)
    addImplied(entries, 'aws:PrincipalIsAWSService', 'false')
    addImplied(entries, 'aws:userid', userId(principal))
    if (principal.kind === 'user') addImplied(entries, 'aws:username', principal.name)
  }
  addImplied(entries, 'aws:PrincipalType', PRINCIPAL_TYPE[principal.kind])
  addImplied(entries, 'aws:ResourceAccount', resourceAccount)
  for (const [key, value] of Object.entries(principal.tags ?? {})) addImplied(entries, `aws:PrincipalTag/${key}`, value)
  if (byAccount === undefined) impliedOf.set(principal, (byAccount = new Map()))
  else if (byAccount.size >= ACCOUNTS_PER_PRINCIPAL) byAccount.clear()
  byAccount.set(resourceAccount, entries)
  return entries
}

function addImplied(entries: Map<string, ContextEntry>, key: string, value: string | null): void {
  const lower = canonicalKey(key.toLowerCase())
  if (value !== null && value !== '' && !entries.has(lower)) entries.set(lower, { key, values: [value] })
}

const USERNAME = 'aws:username'
const USERID = 'aws:userid'
const ONLY_USERID: ReadonlySet<string> = new Set([USERID])
const ONLY_USERNAME: ReadonlySet<string> = new Set([USERNAME])
const TAG_PREFIXES: readonly string[] = ['aws:principaltag/']

/** The request's known keys with the implied ones under them, worked out only if a lookup gets past the given ones (often none does). */
class ImpliedKnown extends LayeredKnown {
  constructor(
    context: RequestContext,
    private readonly principal: PrincipalInfo,
    private readonly resourceAccount: string | null,
  ) {
    super(context)
  }

  protected extraEntries(): ReadonlyMap<string, ContextEntry> {
    return impliedEntries(this.principal, this.resourceAccount)
  }
}

export function impliedContext(principal: PrincipalInfo, resourceAccount: string | null, context: RequestContext): RequestContext {
  const known = new ImpliedKnown(context, principal, resourceAccount)
  let absent = context.absent
  // aws:username exists only for IAM users: for anyone else it is certainly absent. (Only a
  // user's implied keys hold it, so for anyone else the given keys alone say whether it is known.)
  if (principal.kind !== 'user' && !context.known.has(USERNAME)) {
    absent = absent.size === 0 ? ONLY_USERNAME : new Set(absent).add(USERNAME)
  }
  // Once a source has read all of the principal's tags, any other tag key is certainly absent.
  // The root user cannot be tagged, so it has no principal tags at all.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html
  let absentPrefixes = context.absentPrefixes
  if (principal.tags !== null || principal.kind === 'root') absentPrefixes = absentPrefixes ? [...absentPrefixes, ...TAG_PREFIXES] : TAG_PREFIXES
  // A role given without its session: aws:userid (RoleId:session) is in every request it makes,
  // but which session made this one is not known. With the role's ID it is partly known (every
  // session's user ID starts with it); without it, unknown. Never absent, even with
  // --assume-absent. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable
  let unknown = context.unknown
  let partial = context.partial
  if (principal.kind === 'role' && !known.has(USERID) && !context.unknown?.has(USERID) && !context.partial?.has(USERID)) {
    if (principal.uniqueId) partial = partial ? new Map(partial).set(USERID, roleUserId(principal)) : onlyRoleUserId(principal)
    else unknown = ONLY_USERID
  }
  // Every field written, in one order: the engine reads contexts on its hot path, and objects of
  // one shape keep those reads fast.
  return { known, absent, complete: context.complete, absentPrefixes, unknown, partial, absentIf: context.absentIf }
}

function roleUserId(principal: PrincipalInfo): PartialValue {
  return { prefix: `${principal.uniqueId}:`, completions: `session of role ${principal.name ?? principal.arn}`, rest: 'the session name' }
}

/** The role's partly known aws:userid alone, kept per principal: an audit asks about one role again and again. */
const roleUserIds = new WeakMap<PrincipalInfo, ReadonlyMap<string, PartialValue>>()

function onlyRoleUserId(principal: PrincipalInfo): ReadonlyMap<string, PartialValue> {
  let map = roleUserIds.get(principal)
  if (!map) roleUserIds.set(principal, (map = new Map([[USERID, roleUserId(principal)]])))
  return map
}
