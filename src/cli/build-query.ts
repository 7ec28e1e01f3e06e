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

/** What the request flags say beyond principal and action (shared by principal and explain). */
export interface FlagRequestParts {
  readonly context: (readonly [string, string])[]
  readonly sessionPolicy: PrincipalQuery['sessionPolicy']
  readonly resourceAccount: string | null
  readonly region: string | null
}

/** Flags → context (shorthands become the keys people mean), session policy, accounts. */
export async function requestParts(flags: RequestFlagValues): Promise<FlagRequestParts> {
  const context: (readonly [string, string])[] = (flags.context ?? []).map(parseContextFlag)
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
  return { context, sessionPolicy, resourceAccount, region: flags.region ?? null }
}

/** Flags → the query a source answers. */
export async function buildQuery(principalArn: string, action: string, flags: RequestFlagValues): Promise<PrincipalQuery> {
  const parts = await requestParts(flags)
  const vpce = parts.context.find(([k]) => k.toLowerCase() === 'aws:sourcevpce')?.[1] ?? null
  return { principalArn, action, resources: flags.resource ?? [], ...parts, sourceVpce: vpce }
}
