/**
 * Which source answers for which account: one source for everything (a snapshot, or the live
 * account of the credentials), or, with `assumeRoleName`, one live source per account, each
 * reached through that role. Every source is wrapped in the gather cache.
 */
import type { PolicySourceProvider, PrincipalFilter } from '../sources/types.js'
import { UserError } from '../user-error.js'
import { cachingProvider } from './gather-cache.js'

export interface AuditReach {
  /** The source for principals of `account`. */
  sourceFor(account: string): Promise<PolicySourceProvider>
  /** Lists users or roles: in `filter.account`, or (null) in the source's own account(s). */
  list(filter: PrincipalFilter): Promise<string[]>
}

function listWith(provider: PolicySourceProvider, filter: PrincipalFilter): Promise<string[]> {
  if (!provider.listPrincipals) {
    throw new UserError(`This policy source cannot list ${filter.kind}s, so selectors such as {${filter.kind}s: "*"} cannot be used with it; name the principals by ARN.`)
  }
  return provider.listPrincipals(filter)
}

/** One source for every account. */
export function singleReach(provider: PolicySourceProvider): AuditReach {
  const cached = cachingProvider(provider)
  return { sourceFor: async () => cached, list: (filter) => listWith(cached, filter) }
}

/**
 * The caller's own account through `own`, every other account through a source made for it
 * on first use (a role assumed there), as `collect --assume-role-name` reaches accounts.
 */
export function perAccountReach(own: PolicySourceProvider, make: (account: string) => PolicySourceProvider, ownAccount: () => Promise<string>): AuditReach {
  const ownCached = cachingProvider(own)
  const made = new Map<string, PolicySourceProvider>()
  const sourceFor = async (account: string): Promise<PolicySourceProvider> => {
    if (account === (await ownAccount())) return ownCached
    let provider = made.get(account)
    if (!provider) {
      provider = cachingProvider(make(account))
      made.set(account, provider)
    }
    return provider
  }
  return {
    sourceFor,
    list: async (filter) => listWith(filter.account === null ? ownCached : await sourceFor(filter.account), filter),
  }
}
