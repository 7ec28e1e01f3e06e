/**
 * IAM Access Troubleshooter (preview): AWS's own evaluation of a denied request, fetched with
 * the authorization id an AccessDenied message ends with (iam-deny-reference §1.2). It is the
 * most authoritative input denydoctor can have: the request context AWS saw and the statements
 * that matched. Read-only: one signed GET per page.
 *
 * Sources:
 * - API: https://docs.aws.amazon.com/iam-toolbox/latest/APIReference/API_GetRequestAuthorizationDetails.html
 *   (`GET /authorization-details/{authorizationId}?nextToken=…`, id pattern `[0-9a-z]+`,
 *   needs `iam:GetRequestAuthorizationDetails`, details kept at least 24 hours)
 * - CLI: https://docs.aws.amazon.com/cli/latest/reference/iam-toolbox/get-request-authorization-details.html
 *   (paginated over `evaluations`)
 * - User guide: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied-authorization-id.html
 *   (no id is promised for every denial)
 * - SDK for PHP: https://docs.aws.amazon.com/aws-sdk-php/v3/api/api-iam-toolbox-2018-05-10.html
 * - Errors, from the model (aws-sdk-iamtoolbox client_api.rb): AccessDeniedException (403),
 *   ResourceNotFoundException (404), ValidationException (400), InternalServerException (500);
 *   throttling (429, ThrottlingException) is common to every AWS service.
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
import { SourceError } from '../errors.js'
import {
  type AwsCredentials,
  type Env,
  resolveToolboxEndpoint,
  resolveToolboxRegion,
  signAuthorizationDetailsGet,
  type ToolboxEndpoint,
  TOOLBOX_SERVICE,
} from './authorization-details-http.js'
import { type AuthorizationFindings, type AuthorizationPage, readPage, toFindings } from './authorization-details-shape.js'
import type { CallRecord } from './clients.js'
import { classifyAwsError, describeAwsError } from './errors.js'
import type { Limit } from './limit.js'

export type { AuthorizationEvaluation, AuthorizationFindings, EvaluatedEffect } from './authorization-details-shape.js'
export { regionOfConsoleUrl, TOOLBOX_SERVICE } from './authorization-details-http.js'

export interface AuthorizationDetailsOptions {
  readonly profile?: string | null
  /** The region where the denial happened (see regionOfConsoleUrl); else AWS_REGION, the profile's, us-east-1. */
  readonly region?: string | null
  /** Injected in tests; Node's fetch otherwise. */
  readonly fetch?: typeof fetch
  /** Injected in tests; the SDK's default chain (honouring `profile`) otherwise. */
  readonly credentials?: () => Promise<AwsCredentials>
  /** Environment for the endpoint overrides; process.env otherwise. */
  readonly env?: Env
  /** Signing time; the system clock otherwise. */
  readonly clock?: () => Date
  /** Pages read at most (default 20). */
  readonly maxPages?: number
  /** Waits before retrying a throttled or failed (5xx) page (default 300 ms, then 1200 ms). */
  readonly retryDelaysMs?: readonly number[]
  /** Time allowed for one HTTP request (default 30 s). */
  readonly timeoutMs?: number
  /** The run's concurrency limit and call log, as the SDK clients use them. */
  readonly limit?: Limit
  readonly onCall?: (call: CallRecord) => void
}

/** The documented pattern, with an upper bound as GetRequestAuthorizationPolicy's (256). */
const AUTHORIZATION_ID = /^[0-9a-z]{1,256}$/
const DEFAULT_MAX_PAGES = 20
const DEFAULT_RETRY_DELAYS_MS = [300, 1200] as const
const DEFAULT_TIMEOUT_MS = 30_000

/** A non-2xx answer, named as the restJson1 protocol names errors. */
interface ServiceFailure {
  readonly status: number
  readonly name: string
  readonly message: string
}

function errorName(header: string | null, body: Record<string, unknown> | null): string {
  // restJson1: X-Amzn-Errortype, else `__type`/`code` in the body; strip `ns#` and `:uri` parts.
  const raw = header ?? (typeof body?.['__type'] === 'string' ? body['__type'] : typeof body?.['code'] === 'string' ? body['code'] : '')
  return (raw as string).split(':')[0]!.split('#').pop()!.trim()
}

async function readFailure(response: Response): Promise<ServiceFailure> {
  const text = await response.text().catch(() => '')
  let body: Record<string, unknown> | null = null
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>
  } catch {
    body = null
  }
  const message = typeof body?.['message'] === 'string' ? body['message'] : typeof body?.['Message'] === 'string' ? body['Message'] : text.slice(0, 300)
  const name = errorName(response.headers.get('x-amzn-errortype'), body) || `HTTP ${response.status}`
  return { status: response.status, name, message: message.replace(/\s+/g, ' ').trim() }
}

function isRetryable(failure: ServiceFailure): boolean {
  return failure.status === 429 || failure.status >= 500 || /Throttl|TooManyRequests/.test(failure.name)
}

const CREDENTIAL_ERRORS = new Set(['IncompleteSignatureException', 'InvalidSignatureException', 'MissingAuthenticationTokenException'])

interface Context {
  readonly id: string
  readonly endpoint: ToolboxEndpoint
  readonly who: string
  readonly profile: string | null
}

function where(ctx: Context): string {
  return ctx.endpoint.origin === 'default' ? `${ctx.endpoint.base.host} (${ctx.endpoint.region})` : `${ctx.endpoint.base.host} (from ${ctx.endpoint.origin})`
}

function failureError(failure: ServiceFailure, ctx: Context): SourceError {
  const said = `${failure.name}${failure.message ? `: ${failure.message}` : ''}`
  if (failure.name === 'AccessDeniedException' || failure.name === 'AccessDenied') {
    return new SourceError(
      'access-denied',
      `AWS refused to show the authorization details ${ctx.id} to ${ctx.who}: the caller needs ${TOOLBOX_SERVICE.action} (IAM Access Troubleshooter is in preview; your account may not have it) and must be in the same account or organization as the denied request (${said}).`,
    )
  }
  if (failure.name === 'ResourceNotFoundException' || failure.status === 404) {
    return new SourceError(
      'not-found',
      `AWS has no authorization details for ${ctx.id} at ${where(ctx)} (${said}): check the id, ask the region where the denial happened (the region of the console link in the message), from the same account or organization; details are kept at least 24 hours and can take a few seconds to appear after the denial.`,
    )
  }
  if (CREDENTIAL_ERRORS.has(failure.name) || classifyAwsError({ name: failure.name }) === 'credentials') {
    return credentialsError(ctx, said)
  }
  if (failure.name === 'ValidationException') {
    return new SourceError('failed', `AWS rejected the request for authorization details ${ctx.id} as invalid (${said}).`)
  }
  if (isRetryable(failure)) {
    return new SourceError('failed', `IAM Access Troubleshooter at ${where(ctx)} kept failing for authorization details ${ctx.id} after retries (${said}); run again in a minute.`)
  }
  return new SourceError('failed', `IAM Access Troubleshooter at ${where(ctx)} answered HTTP ${failure.status} for authorization details ${ctx.id} (${said}).`)
}

function credentialsError(ctx: Context, said: string, cause?: unknown): SourceError {
  const login = ctx.profile
    ? `log in again with \`aws sso login --profile ${ctx.profile}\` (or refresh that profile's keys)`
    : 'refresh them (`aws sso login` for SSO) or pass --profile'
  return new SourceError('credentials', `The AWS credentials of ${ctx.who} are missing, expired or invalid (${said}); ${login} and run again.`, { cause })
}

function networkError(error: unknown, ctx: Context): SourceError {
  const cause = (error as { cause?: unknown })?.cause
  const detail = describeAwsError(cause ?? error)
  const code = typeof (cause as { code?: unknown })?.code === 'string' ? `${(cause as { code: string }).code}, ` : ''
  const hint =
    ctx.endpoint.origin === 'default'
      ? `the preview may not be offered in ${ctx.endpoint.region} (use the region of the console link in the message), or check the network and proxy`
      : `check ${ctx.endpoint.origin}`
  return new SourceError('failed', `Could not reach IAM Access Troubleshooter at ${ctx.endpoint.base.host} (${code}${detail}); ${hint}.`, { cause: error })
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A function that reads every page of GetRequestAuthorizationDetails for an id and returns
 * what AWS found. Credentials, region and endpoint are resolved once, on first use.
 */
export function createAuthorizationDetailsFetcher(options: AuthorizationDetailsOptions): (authorizationId: string) => Promise<AuthorizationFindings> {
  const env = options.env ?? process.env
  const profile = options.profile ?? env['AWS_PROFILE'] ?? null
  const who = profile ? `profile \`${profile}\`` : 'the default credentials (environment variables or the default profile)'
  const send = options.fetch ?? fetch
  const clock = options.clock ?? (() => new Date())
  const limit: Limit = options.limit ?? ((task) => task())
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const provider = options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {})
  let endpoint: Promise<ToolboxEndpoint> | null = null

  async function credentialsFor(ctx: Context): Promise<AwsCredentials> {
    try {
      return await provider()
    } catch (error) {
      throw credentialsError(ctx, describeAwsError(error), error)
    }
  }

  async function readOnePage(ctx: Context, nextToken: string | null): Promise<AuthorizationPage> {
    for (let attempt = 0; ; attempt++) {
      const credentials = await credentialsFor(ctx)
      const request = await signAuthorizationDetailsGet(ctx.endpoint, ctx.id, nextToken, credentials, clock())
      const started = performance.now()
      const record = (ok: boolean): void =>
        options.onCall?.({ service: TOOLBOX_SERVICE.endpointPrefix, operation: TOOLBOX_SERVICE.operation, ms: Math.round(performance.now() - started), ok })
      let response: Response
      try {
        response = await limit(() => send(request.url, { method: 'GET', headers: request.headers, signal: AbortSignal.timeout(timeoutMs) }))
      } catch (error) {
        record(false)
        throw networkError(error, ctx)
      }
      record(response.ok)
      if (response.ok) {
        const page = readPage(await response.json().catch(() => undefined))
        if (typeof page === 'string') {
          throw new SourceError('failed', `IAM Access Troubleshooter at ${where(ctx)} answered authorization details ${ctx.id} with something denydoctor cannot read (${page}).`)
        }
        return page
      }
      const failure = await readFailure(response)
      const delay = delays[attempt]
      if (!isRetryable(failure) || delay === undefined) throw failureError(failure, ctx)
      await sleep(delay)
    }
  }

  return async (authorizationId: string): Promise<AuthorizationFindings> => {
    const id = authorizationId.trim()
    if (!AUTHORIZATION_ID.test(id)) {
      throw new SourceError(
        'failed',
        `${JSON.stringify(authorizationId.length > 60 ? `${authorizationId.slice(0, 60)}…` : authorizationId)} is not an Access Troubleshooter authorization id: AWS's ids are lower-case letters and digits only ([0-9a-z]+), as in the message's "…with the following authorization id: <id>".`,
      )
    }
    endpoint ??= resolveToolboxRegion(options.region, profile).then((region) => resolveToolboxEndpoint(region, env))
    const ctx: Context = { id, endpoint: await endpoint, who, profile }
    const pages: AuthorizationPage[] = []
    const notes: string[] = []
    const seen = new Set<string>()
    let nextToken: string | null = null
    do {
      if (pages.length >= maxPages) {
        notes.push(`AWS had more than ${maxPages} pages of evaluations for ${id}; denydoctor read the first ${maxPages}, so the matched statements may be incomplete.`)
        break
      }
      const page = await readOnePage(ctx, nextToken)
      pages.push(page)
      if (page.nextToken !== null && seen.has(page.nextToken)) {
        notes.push(`AWS repeated a page token for ${id}; denydoctor stopped after ${pages.length} pages.`)
        break
      }
      nextToken = page.nextToken
      if (nextToken !== null) seen.add(nextToken)
    } while (nextToken !== null)
    return toFindings(pages, notes)
  }
}
