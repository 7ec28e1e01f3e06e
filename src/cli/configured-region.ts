/**
 * The SDK's configured region for a live run, handed to the diagnosis for aws:RequestedRegion.
 * With a snapshot no AWS client is loaded, so no region is guessed from the environment.
 */
export async function configuredRegionFor(flags: { readonly snapshot?: string | undefined; readonly profile?: string | undefined }): Promise<string | null> {
  if (flags.snapshot) return null
  const { configuredRegion } = await import('../sources/aws/configured-region.js')
  return configuredRegion(flags.profile ?? null)
}
