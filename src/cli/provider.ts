import { rcpServices } from '../catalogue/index.js'
import type { PolicySourceProvider } from '../sources/types.js'
import { checkProfiles } from './check-profiles.js'
import { DEMO_NAME, DEMO_SNAPSHOT } from './demo.js'

export interface ProviderFlags {
  readonly snapshot?: string | undefined
  readonly profile?: string | undefined
  readonly region?: string | undefined
  readonly 'org-profile'?: string | undefined
  readonly 'org-role-arn'?: string | undefined
  readonly 'resource-profile'?: string | undefined
  readonly 'resource-role-arn'?: string | undefined
}

/**
 * The snapshot when one is named (no AWS client is even loaded), else the live account.
 * Loaded lazily so that commands that need neither do not pay for the SDK at start-up.
 */
export async function providerFor(flags: ProviderFlags, onCall?: (line: string) => void): Promise<PolicySourceProvider> {
  if (flags.snapshot) {
    const { readSnapshot } = await import('../sources/snapshot/file.js')
    const { createSnapshotProvider } = await import('../sources/snapshot/provider.js')
    // The shipped demo is named as such, not by the path of wherever the package was installed.
    const fileName = flags.snapshot === DEMO_SNAPSHOT ? DEMO_NAME : flags.snapshot
    return createSnapshotProvider(await readSnapshot(flags.snapshot), { fileName, rcpServices: rcpServices() })
  }
  const { createAwsProvider } = await import('../sources/aws/provider.js')
  return createAwsProvider(awsProviderOptions(flags, onCall))
}

/** The live provider's options from the flags: whose credentials read what, and --debug's call log. */
export function awsProviderOptions(flags: ProviderFlags, onCall?: (line: string) => void) {
  checkProfiles(flags)
  return {
    profile: flags.profile ?? null,
    region: flags.region ?? null,
    orgProfile: flags['org-profile'] ?? null,
    orgRoleArn: flags['org-role-arn'] ?? null,
    resourceProfile: flags['resource-profile'] ?? null,
    resourceRoleArn: flags['resource-role-arn'] ?? null,
    rcpServices: rcpServices(),
    ...(onCall ? { onCall: (c: CallLine) => onCall(`${c.ok ? 'ok  ' : 'FAIL'} ${c.service}:${c.operation} ${c.ms} ms`) } : {}),
  }
}

interface CallLine {
  readonly service: string
  readonly operation: string
  readonly ms: number
  readonly ok: boolean
}
