import { readFile } from 'node:fs/promises'
import type { PrincipalQuery } from '../sources/types.js'
import { UserError } from '../user-error.js'

/** The subset of request flags the query needs. */
export interface RequestFlagValues {
  readonly resource?: string[] | undefined
  readonly context?: string[] | undefined
  readonly mfa?: boolean | undefined
  readonly 'source-ip'?: string | undefined
  readonly 'source-vpce'?: string | undefined
  readonly region?: string | undefined
  readonly 'session-policy'?: string | undefined
  readonly 'resource-account'?: string | undefined
}

export function parseContextFlag(text: string): [string, string] {
  const eq = text.indexOf('=')
  if (eq <= 0) throw new UserError(`--context ${JSON.stringify(text)} is not KEY=VALUE (for example --context aws:SourceVpce=vpce-11111).`, 2)
  return [text.slice(0, eq), text.slice(eq + 1)]
}

/** Flags → the query a source answers. Shorthands become the context keys people mean. */
export async function buildQuery(principalArn: string, action: string, flags: RequestFlagValues): Promise<PrincipalQuery> {
  const context = (flags.context ?? []).map(parseContextFlag)
  if (flags.mfa !== undefined) context.push(['aws:MultiFactorAuthPresent', String(flags.mfa)])
  if (flags['source-ip']) context.push(['aws:SourceIp', flags['source-ip']])
  if (flags['source-vpce']) context.push(['aws:SourceVpce', flags['source-vpce']])
  const resourceAccount = flags['resource-account'] ?? null
  if (resourceAccount !== null && !/^\d{12}$/.test(resourceAccount)) throw new UserError(`--resource-account ${resourceAccount} is not a 12-digit account ID.`, 2)
  let sessionPolicy: PrincipalQuery['sessionPolicy'] = null
  if (flags['session-policy']) {
    const file = flags['session-policy']
    try {
      sessionPolicy = { name: file, text: await readFile(file, 'utf8') }
    } catch {
      throw new UserError(`Cannot read the session policy file ${file}.`)
    }
  }
  const vpce = flags['source-vpce'] ?? context.find(([k]) => k.toLowerCase() === 'aws:sourcevpce')?.[1] ?? null
  return {
    principalArn,
    action,
    resources: flags.resource ?? [],
    context,
    sessionPolicy,
    resourceAccount,
    sourceVpce: vpce,
    region: flags.region ?? null,
  }
}
