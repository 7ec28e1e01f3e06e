import { lookupAction, rcpServices, suggestActions } from './catalogue/index.js'
import { requestWarnings } from './evaluate-case.js'
import { evaluate } from './evaluate/index.js'
import { REQUEST_WARNING_TEXTS } from './model/request-warning-texts.js'
import { parseArn } from './model/arn.js'
import { callContext } from './context/request-context.js'
import { ACCOUNT_ID, type Assumption, type Request, type Verdict } from './model/index.js'
import type { Gathered, PolicySourceProvider, PrincipalQuery } from './sources/types.js'
import { UserError } from './user-error.js'

export interface DiagnoseOptions {
  /** Treat every context key nobody gave as absent (what AWS does at request time). */
  readonly assumeAbsent: boolean
  /** Diagnose an action the catalogue does not know instead of refusing it. */
  readonly allowUnknownAction: boolean
  /** The region the AWS SDK is configured with, for aws:RequestedRegion when nothing else says it. */
  readonly configuredRegion?: string | null
  /** The time of the call (default: now). */
  readonly now?: Date
}

export interface Diagnosis {
  readonly verdict: Verdict
  readonly gathered: Gathered
}

/** Refuses a misspelt action up front: it would otherwise read as an implicit deny. */
export function checkAction(action: string, allowUnknown: boolean): void {
  if (allowUnknown || lookupAction(action)) return
  const guesses = suggestActions(action)
  const hint = guesses.length ? ` Did you mean ${guesses.join(' or ')}?` : ''
  throw new UserError(
    `The IAM action catalogue does not know the action ${action}.${hint} A misspelt action would read as an implicit deny; if this is a brand-new API the catalogue has not caught up with, pass --allow-unknown-action.`,
    2,
  )
}

/**
 * Builds the engine's request from what the user asked and what the source learned, with the
 * context a direct call carries (context/request-context.ts).
 */
function requestFrom(
  query: PrincipalQuery,
  gathered: Gathered,
  options: DiagnoseOptions,
): { request: Request; assumptions: readonly Assumption[]; warnings: readonly string[] } {
  const given: (readonly [string, string])[] = [...query.context]
  const { region, warnings } = regionOfCall(query, gathered)
  if (region && !given.some(([k]) => k.toLowerCase() === 'aws:requestedregion')) given.push(['aws:RequestedRegion', region])
  const { context, assumptions } = callContext({
    principal: gathered.principal,
    action: query.action,
    resources: query.resources,
    catalogue: lookupAction(query.action),
    given,
    fromSource: gathered.knownContext,
    absent: [...(query.absentKeys ?? []), ...(gathered.absentContext ?? []).filter((k) => !given.some(([g]) => g.toLowerCase() === k.toLowerCase()))],
    unknown: query.unknownKeys ?? [],
    region,
    resourceRegion: gathered.resourceRegion ?? null,
    configuredRegion: options.configuredRegion ?? null,
    now: query.time ? new Date(query.time) : (options.now ?? new Date()),
    assumeAbsent: options.assumeAbsent,
  })
  const arnAccount = query.resources.map((r) => parseArn(r)?.account ?? '').find((a) => ACCOUNT_ID.test(a)) ?? null
  const request: Request = {
    principal: gathered.principal,
    action: query.action,
    resources: query.resources,
    resourceTypes: query.resources.length === 0 ? (lookupAction(query.action)?.resourceTypes ?? []) : [],
    context,
    resourceAccount: query.resourceAccount ?? gathered.resourceAccount ?? arnAccount,
    isManagementAccount: gathered.isManagementAccount,
    resourceInManagementAccount: gathered.resourceInManagementAccount,
  }
  return { request, assumptions, warnings }
}

/**
 * --region, unless the source knows the bucket's own region (an S3 ARN names none): the AWS
 * CLI and SDKs follow the bucket to its region, so that is the aws:RequestedRegion AWS
 * evaluates, whatever region the call was first sent to.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-bucket-intro.html
 */
function regionOfCall(query: PrincipalQuery, gathered: Gathered): { region: string | null; warnings: string[] } {
  const bucketRegion = gathered.resourceRegion ?? null
  const bucket = query.resources.some((r) => parseArn(r)?.service === 's3')
  const warnings: string[] = []
  const givenRegion = query.context.some(([k]) => k.toLowerCase() === 'aws:requestedregion')
  if (bucket && gathered.resourceRegionUnknown && !query.region && !givenRegion) {
    warnings.push(`${gathered.resourceRegionUnknown}, so aws:RequestedRegion is unknown; pass --region with the bucket's region.`)
  }
  if (!query.region || !bucketRegion || !bucket || query.region === bucketRegion) return { region: query.region, warnings }
  warnings.push(REQUEST_WARNING_TEXTS.regionSetAside.en(query.region, bucketRegion))
  return { region: null, warnings }
}

/** Gather, then evaluate: the one place where I/O meets the pure engine. */
export async function diagnose(query: PrincipalQuery, provider: PolicySourceProvider, options: DiagnoseOptions): Promise<Diagnosis> {
  checkAction(query.action, options.allowUnknownAction)
  const gathered = await provider.gather(query)
  const { request, assumptions, warnings } = requestFrom(query, gathered, options)
  const verdict = evaluate(request, gathered.policies, {
    assumptions,
    rcpServices: rcpServices(),
    incomplete: gathered.incomplete,
    // Every caller reads the statements found (a report's findings, an audit's judgement and path).
    findingsNow: true,
    warnings: [...requestWarnings(query.action, query.context.map(([k]) => k)), ...warnings],
  })
  return { verdict, gathered }
}
