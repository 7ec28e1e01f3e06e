/**
 * AWS failures sorted by `error.name` into what the diagnosis can do about them: a gap in the
 * collected policies (access denied, throttled, missing), or a stop (credentials, network,
 * an unknown principal). SDK exception classes are not imported: the names are the contract,
 * and some of them (IAM's `ExpiredToken`, S3's `NoSuchBucketPolicy`) have no class at all.
 */
import type { CollectionGap } from '../../model/index.js'
import { SourceError } from '../errors.js'
import { failedCallOf } from './failed-call.js'

export const AWS_ERROR_KINDS = [
  'access-denied',
  'not-found',
  'no-bucket-policy',
  'not-bucket-owner',
  'org-not-in-use',
  'credentials',
  'throttled',
  'network',
  'no-region',
  'bad-region',
  'service',
  'program',
] as const
export type AwsErrorKind = (typeof AWS_ERROR_KINDS)[number]

const BY_NAME: Readonly<Record<string, AwsErrorKind>> = {
  AccessDenied: 'access-denied',
  AccessDeniedException: 'access-denied',
  UnauthorizedOperation: 'access-denied', // EC2's spelling
  AllAccessDisabled: 'access-denied',
  NoSuchEntity: 'not-found',
  NoSuchEntityException: 'not-found',
  NoSuchBucket: 'not-found',
  'InvalidVpcEndpointId.NotFound': 'not-found',
  'InvalidVpcEndpointId.Malformed': 'not-found',
  ChildNotFoundException: 'not-found',
  AccountNotFoundException: 'not-found',
  PolicyNotFoundException: 'not-found',
  NoSuchBucketPolicy: 'no-bucket-policy',
  // S3 answers 405 when an identity with permission is not of the bucket owner's account.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
  MethodNotAllowed: 'not-bucket-owner',
  AWSOrganizationsNotInUseException: 'org-not-in-use',
  ExpiredToken: 'credentials',
  ExpiredTokenException: 'credentials',
  InvalidClientTokenId: 'credentials',
  UnrecognizedClientException: 'credentials',
  InvalidAccessKeyId: 'credentials',
  SignatureDoesNotMatch: 'credentials',
  AuthFailure: 'credentials', // EC2
  RequestExpired: 'credentials',
  TokenRefreshRequired: 'credentials',
  CredentialsProviderError: 'credentials',
  TokenProviderError: 'credentials',
  ThrottlingException: 'throttled',
  Throttling: 'throttled',
  TooManyRequestsException: 'throttled',
  RequestLimitExceeded: 'throttled',
  RequestThrottled: 'throttled',
  SlowDown: 'throttled',
  TimeoutError: 'network',
}

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'])

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined
}

/** What to say of a region the SDK refused for its form (kind 'bad-region'). */
export function badRegionMessage(error: unknown): string {
  const message = field(error, 'message')
  const region = typeof message === 'string' ? (/region="(.*)"/s.exec(message)?.[1] ?? '') : ''
  return `The AWS region "${region}" is not a region name; pass --region with one such as eu-west-1, or correct AWS_REGION or the profile's region.`
}

/** The stop for a missing or mistyped region (kinds 'no-region', 'bad-region'); null for any other kind. */
export function regionStop(kind: AwsErrorKind, error: unknown): SourceError | null {
  if (kind === 'no-region') return new SourceError('failed', 'No AWS region is configured; pass --region, set AWS_REGION, or give the profile a region.', { cause: error })
  if (kind === 'bad-region') return new SourceError('failed', badRegionMessage(error), { cause: error })
  return null
}

/** Which kind of trouble an error thrown by an SDK call is. */
export function classifyAwsError(error: unknown): AwsErrorKind {
  const name = field(error, 'name')
  if (typeof name === 'string' && BY_NAME[name]) return BY_NAME[name]
  const code = field(error, 'code')
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'network'
  const message = field(error, 'message')
  if (typeof message === 'string' && /region is missing/i.test(message)) return 'no-region'
  // The SDK's check of the region's form (@smithy/core checkRegion). An empty one, as from
  // AWS_REGION='' in a script, is a region nobody configured; any other is a mistyped one.
  const rejected = typeof message === 'string' ? /^Region not accepted: region="(.*)" is not a valid hostname component/s.exec(message) : null
  if (rejected) return rejected[1]!.trim() === '' ? 'no-region' : 'bad-region'
  // Anything the service answered carries $metadata / $fault; the rest is our own bug.
  if (field(error, '$metadata') !== undefined || field(error, '$fault') !== undefined) return 'service'
  return 'program'
}

/** `Name: message`, on one line, for the `error` field of a gap. */
export function describeAwsError(error: unknown): string {
  const name = field(error, 'name')
  const message = field(error, 'message')
  const head = typeof name === 'string' ? name : 'Error'
  const text = typeof message === 'string' ? message.replace(/\s+/g, ' ').trim() : String(error)
  return text && text !== head ? `${head}: ${text}` : head
}

/**
 * Turns a failure into a gap, or throws when nothing sensible can follow: credentials,
 * network and region problems stop the run (every other call would fail the same way), and
 * a non-AWS error is a program bug that must not be dressed up as a gap.
 */
export function gapFor(error: unknown, source: string, effect: string | GapEffect): CollectionGap {
  if (error instanceof SourceError) throw error
  const kind = classifyAwsError(error)
  if (kind === 'program') throw error
  if (kind === 'network') {
    throw new SourceError('failed', `Could not reach AWS (${describeAwsError(error)}); check the network, proxy and AWS_ENDPOINT_URL settings.`, { cause: error })
  }
  const stop = regionStop(kind, error)
  if (stop) throw stop
  if (kind === 'credentials') {
    throw new SourceError('credentials', `The AWS credentials were rejected (${describeAwsError(error)}); refresh them and run again.`, { cause: error })
  }
  const extra = kind === 'throttled' ? ' (still throttled after the SDK retries; run again later or lower the concurrency)' : ''
  const gap = { source, error: describeAwsError(error) + extra }
  if (typeof effect === 'string') return { ...gap, effect }
  // collect's reads: the snapshot's gaps name the call that failed, for the person who runs it.
  const call = failedCallOf(error)
  return { ...gap, effect: effectText(effect, kind), ...(call ? { call } : {}) }
}

/**
 * What a failed read leaves out, and what the credentials need to read it. The second is advice
 * for a refusal only: an error that is not about permission (an operation the endpoint does not
 * support, a service failure) would send people to fix a policy that is not the problem.
 */
export interface GapEffect {
  readonly leftOut: string
  readonly permission: string
}

const PERMISSION_KINDS: ReadonlySet<AwsErrorKind> = new Set(['access-denied', 'not-bucket-owner', 'org-not-in-use'])

function effectText(effect: GapEffect, kind: AwsErrorKind): string {
  if (PERMISSION_KINDS.has(kind)) return `${effect.leftOut}; ${effect.permission}.`
  if (kind === 'throttled') return `${effect.leftOut}.`
  return `${effect.leftOut}; AWS answered with an error that is not about permission, so changing the credentials' policy will not help: run again, and check the endpoint (AWS_ENDPOINT_URL) and the service's health if it persists.`
}

export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly gap: CollectionGap }

/** Runs one read; a failure becomes a gap (or throws, for credentials and program errors). */
export async function attempt<T>(read: () => Promise<T>, source: string, effect: string | GapEffect): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await read() }
  } catch (error) {
    return { ok: false, gap: gapFor(error, source, effect) }
  }
}

/** An AWS answer without the field the API promises; becomes a gap like any service failure. */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponse'
  readonly $fault = 'server'
}
