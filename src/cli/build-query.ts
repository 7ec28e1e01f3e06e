import { readFile } from 'node:fs/promises'
import { parseAddress } from '../evaluate/condition/ip.js'
import { ACCOUNT_ID, parseArn, VPC_ENDPOINT_ID, principalFromArn } from '../model/index.js'
import { resourceAccountInContext } from '../sources/context-account.js'
import type { PrincipalQuery } from '../sources/types.js'
import { fileProblem } from '../file-problem.js'
import { LocalizedUserError } from './localized-error.js'

/** The subset of request flags the query needs. */
export interface RequestFlagValues {
  readonly resource?: string[] | undefined
  readonly context?: string[] | undefined
  readonly unknown?: string[] | undefined
  readonly mfa?: boolean | undefined
  readonly 'source-ip'?: string | undefined
  readonly 'source-vpce'?: string | undefined
  readonly region?: string | undefined
  readonly 'session-policy'?: string | undefined
  readonly 'resource-account'?: string | undefined
}

export function parseContextFlag(text: string): [string, string] {
  const eq = text.indexOf('=')
  if (eq <= 0) throw new LocalizedUserError((m) => m['flag.notKeyValue'](JSON.stringify(text)), 2)
  return [text.slice(0, eq), text.slice(eq + 1)]
}

/** What the request flags say beyond principal and action (shared by principal and explain). */
export interface FlagRequestParts {
  readonly context: (readonly [string, string])[]
  readonly sessionPolicy: PrincipalQuery['sessionPolicy']
  readonly resourceAccount: string | null
  readonly region: string | null
  /** `--unknown KEY`: keys left unknown on purpose. */
  readonly unknownKeys: readonly string[]
}

/** Flags → context (shorthands become the keys people mean), session policy, accounts. */
export async function requestParts(flags: RequestFlagValues): Promise<FlagRequestParts> {
  const context: (readonly [string, string])[] = (flags.context ?? []).map(parseContextFlag)
  if (flags.mfa !== undefined) context.push(['aws:MultiFactorAuthPresent', String(flags.mfa)])
  const sourceIp = flags['source-ip']
  // A mistyped value would not fail: it would only make every IpAddress condition false.
  if (sourceIp !== undefined && parseAddress(sourceIp) === null) throw new LocalizedUserError((m) => m['flag.notIp'](sourceIp), 2)
  if (sourceIp) context.push(['aws:SourceIp', sourceIp])
  const sourceVpce = flags['source-vpce']
  if (sourceVpce !== undefined && !VPC_ENDPOINT_ID.test(sourceVpce)) throw new LocalizedUserError((m) => m['flag.notVpce'](sourceVpce), 2)
  if (sourceVpce) context.push(['aws:SourceVpce', sourceVpce])
  const flagAccount = flags['resource-account'] ?? null
  if (flagAccount !== null && !ACCOUNT_ID.test(flagAccount)) throw new LocalizedUserError((m) => m['flag.notAccount']('--resource-account', flagAccount), 2)
  // `--context aws:ResourceAccount=ID` says the same as --resource-account.
  const resourceAccount = flagAccount ?? resourceAccountInContext(context)
  let sessionPolicy: PrincipalQuery['sessionPolicy'] = null
  if (flags['session-policy']) {
    const file = flags['session-policy']
    try {
      sessionPolicy = { name: file, text: await readFile(file, 'utf8') }
    } catch (error) {
      throw new LocalizedUserError((m) => m['flag.sessionPolicyUnreadable'](file, fileProblem(error, file)))
    }
  }
  const unknownKeys = flags.unknown ?? []
  for (const key of unknownKeys) {
    if (!/^[A-Za-z0-9.-]+:[^\s=]+$/.test(key)) throw new LocalizedUserError((m) => m['flag.notConditionKey'](JSON.stringify(key)), 2)
  }
  return { context, sessionPolicy, resourceAccount, region: flags.region ?? null, unknownKeys }
}

/** Flags → the query a source answers. */
export async function buildQuery(principalArn: string, action: string, flags: RequestFlagValues): Promise<PrincipalQuery> {
  checkPrincipalArn(principalArn)
  for (const resource of flags.resource ?? []) {
    // A bucket name instead of its ARN would match no Resource pattern and read as an implicit deny.
    if (resource !== '*' && parseArn(resource) === null) throw new LocalizedUserError((m) => m['flag.notArn'](resource), 2)
  }
  const parts = await requestParts(flags)
  const vpce = parts.context.find(([k]) => k.toLowerCase() === 'aws:sourcevpce')?.[1] ?? null
  return { principalArn, action, resources: flags.resource ?? [], ...parts, sourceVpce: vpce }
}

/** A principal that is not an ARN denydoctor can look up is a wrong command line, not a failed read. */
function checkPrincipalArn(arn: string): void {
  const info = principalFromArn(arn)
  if (info && info.kind !== 'service' && info.kind !== 'anonymous') return
  throw new LocalizedUserError((m) => m['flag.notPrincipalArn'](JSON.stringify(arn)), 2)
}
