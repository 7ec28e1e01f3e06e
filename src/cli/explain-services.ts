import type { ExplainServices } from '../explain/explain.js'
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
  if (flags.snapshot) return { provider, decode: null, authorizationDetails: null }
  const aws = await import('../sources/aws/provider.js')
  const settings = { profile: flags.profile ?? null, region: flags.region ?? null }
  const decode = aws.createAuthorizationMessageDecoder(settings)
  if (!flags['authorization-details']) return { provider, decode, authorizationDetails: null }
  const { createAuthorizationDetailsFetcher, regionOfConsoleUrl } = await import('../sources/aws/authorization-details.js')
  // The details live in the region where the request was denied, which the console link names.
  const authorizationDetails = (id: string, url: string | null) =>
    createAuthorizationDetailsFetcher({ ...settings, region: (url && regionOfConsoleUrl(url)) ?? settings.region })(id)
  return { provider, decode, authorizationDetails }
}
