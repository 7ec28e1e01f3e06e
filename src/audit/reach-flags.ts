/**
 * The sources an audit reads, from its flags and file: the snapshot (`--snapshot`), the live
 * account of the credentials, or — with `assumeRoleName` / `--assume-role-name` — each other
 * account through that role, as `collect` reaches accounts. The AWS SDK is loaded only for a
 * live audit.
 */
import { awsProviderOptions, providerFor, type ProviderFlags } from '../cli/provider.js'
import { perAccountReach, singleReach, type AuditReach } from './reach.js'
import type { AuditFile } from './types.js'

export interface AuditSourceFlags extends ProviderFlags {
  readonly 'assume-role-name'?: string | undefined
}

export async function reachFor(flags: AuditSourceFlags, file: AuditFile, onCall?: (line: string) => void): Promise<{ reach: AuditReach; label: string }> {
  const roleName = flags['assume-role-name'] ?? file.assumeRoleName
  // A snapshot holds every account already: no role is assumed.
  if (flags.snapshot || !roleName) {
    const label = flags.snapshot ? `snapshot ${flags.snapshot}` : 'live account'
    return { reach: singleReach(await providerFor(flags, onCall)), label }
  }
  const { createAccountReach } = await import('../sources/aws/account-provider.js')
  const accounts = createAccountReach({ assumeRoleName: roleName, ...awsProviderOptions(flags, onCall) })
  return {
    reach: perAccountReach(accounts.own, (account) => accounts.forAccount(account), () => accounts.ownAccount()),
    label: `live accounts, through role ${roleName} outside the caller's own`,
  }
}
