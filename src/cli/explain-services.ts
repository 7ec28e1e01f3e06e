import type { ExplainServices } from '../explain/explain.js'
import { accountAmong, type MaskedAccountResolver } from '../explain/masked-account.js'
import type { PolicySourceProvider } from '../sources/types.js'
import { providerFor, type ProviderFlags } from './provider.js'

export interface ExplainServiceFlags extends ProviderFlags {
  readonly 'authorization-details'?: boolean | undefined
}

/**
 * The policy source plus, when live, the two AWS helpers explain can use. Offline (with a
 * snapshot) neither is created: no AWS client, no credentials.
 */
export async function explainServicesFor(flags: ExplainServiceFlags, onCall?: (line: string) => void): Promise<ExplainServices> {
  const provider = await providerFor(flags, onCall)
  if (flags.snapshot) return { provider, decode: null, authorizationDetails: null, maskedAccount: snapshotAccounts(provider, `snapshot ${flags.snapshot}`) }
  const aws = await import('../sources/aws/provider.js')
  const settings = { profile: flags.profile ?? null, region: flags.region ?? null }
  const decode = aws.createAuthorizationMessageDecoder(settings)
  const maskedAccount = liveAccount(provider)
  if (!flags['authorization-details']) return { provider, decode, authorizationDetails: null, maskedAccount }
  const { createAuthorizationDetailsFetcher, regionOfConsoleUrl } = await import('../sources/aws/authorization-details.js')
  // The details live in the region where the request was denied, which the console link names.
  const authorizationDetails = (id: string, url: string | null) =>
    createAuthorizationDetailsFetcher({ ...settings, region: (url && regionOfConsoleUrl(url)) ?? settings.region })(id)
  return { provider, decode, authorizationDetails, maskedAccount }
}

/** A snapshot's users and roles say which account a masked caller is in, when only one can be. */
function snapshotAccounts(provider: PolicySourceProvider, where: string): MaskedAccountResolver | null {
  const list = provider.listPrincipals?.bind(provider)
  if (!list) return null
  return async (masked) => {
    const filter = { account: null, pathPrefix: null }
    const listed = [...(await list({ ...filter, kind: 'user' })), ...(await list({ ...filter, kind: 'role' }))]
    return accountAmong(masked, listed, where)
  }
}

/** Live, the credentials' account (GetCallerIdentity): the message is taken to come from a call made with them. */
function liveAccount(provider: PolicySourceProvider): MaskedAccountResolver | null {
  if (!('callerAccount' in provider) || typeof provider.callerAccount !== 'function') return null
  const callerAccount = provider.callerAccount as () => Promise<string>
  return async () => {
    const account = await callerAccount.call(provider)
    return { account, why: `the account of the credentials in use (GetCallerIdentity), taken to be the ones the denied call was made with` }
  }
}
