import { STSClient } from '@aws-sdk/client-sts'

/**
 * The region the AWS SDK resolves from its standard configuration (AWS_REGION, the profile's
 * `region`), or null when none is configured. Nothing is sent: the client only reads its
 * configuration. A direct call made with the same configuration goes to this region, which
 * makes it the call's aws:RequestedRegion when the resource does not say otherwise.
 */
export async function configuredRegion(profile: string | null): Promise<string | null> {
  const client = new STSClient(profile ? { profile } : {})
  try {
    const region = await client.config.region()
    return region || null
  } catch {
    return null
  } finally {
    client.destroy()
  }
}
