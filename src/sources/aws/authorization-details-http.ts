/**
 * Where and how to send GetRequestAuthorizationDetails: no JavaScript SDK client exists for
 * "IAM Toolbox (Preview)", so the request is built and signed here with the SDK's own SigV4
 * signer. Facts from the service model as the AWS SDK for Ruby ships it (aws-sdk-iamtoolbox
 * client_api.rb: endpointPrefix `iam-toolbox`, signingName `iam`, protocol rest-json,
 * apiVersion 2018-05-10, uid iam-toolbox-2018-05-10) and its endpoint rule set
 * (`https://iam-toolbox.{Region}.{PartitionResult#dnsSuffix}`; a configured endpoint wins):
 * https://docs.aws.amazon.com/sdk-for-ruby/v3/api/Aws/IAMToolbox.html
 * https://docs.aws.amazon.com/iam-toolbox/latest/APIReference/API_GetRequestAuthorizationDetails.html
 *
 * The region matters: ResourceNotFoundException reads "The requested authorization details do
 * not exist in this region or have expired … the call is made in the region where the denial
 * occurred" (https://docs.aws.amazon.com/botocore/latest/reference/services/iam-toolbox/client/exceptions/ResourceNotFoundException.html).
 * The AccessDenied message's console link names that region (`…?region=<region>#/authorization-details/<id>`).
 */
import { partition } from '@aws-sdk/util-endpoints'
import { loadConfig, NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/core/config'
import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { SourceError } from '../errors.js'

export const TOOLBOX_SERVICE = {
  /** The SDKs' service id; `AWS_ENDPOINT_URL_IAM_TOOLBOX` derives from it. */
  serviceId: 'IAM Toolbox',
  endpointPrefix: 'iam-toolbox',
  /** The model's `aws.auth#sigv4` name: requests are signed for `iam`, not `iam-toolbox`. */
  signingName: 'iam',
  apiVersion: '2018-05-10',
  operation: 'GetRequestAuthorizationDetails',
  /** The IAM action the operation needs. */
  action: 'iam:GetRequestAuthorizationDetails',
} as const

/** IAM is global and served from us-east-1; the docs' example links there too. */
export const DEFAULT_TOOLBOX_REGION = 'us-east-1'

export type Env = Readonly<Record<string, string | undefined>>

export interface ToolboxEndpoint {
  /** Base URL; a configured endpoint may carry a path prefix. */
  readonly base: URL
  readonly region: string
  /** Where the URL came from, for messages. */
  readonly origin: 'default' | 'AWS_ENDPOINT_URL_IAM_TOOLBOX' | 'AWS_ENDPOINT_URL'
}

const REGION = /^[a-z]{2,}(-[a-z0-9]+)+$/

/** The region in an Access Troubleshooter console link (`https://<r>.console.aws.amazon.com/iam/home?region=<r>#/…`). */
export function regionOfConsoleUrl(url: string): string | null {
  const query = /[?&]region=([a-z0-9-]+)/.exec(url)?.[1]
  const host = /^https:\/\/([a-z0-9-]+)\.console\.aws\.amazon(?:aws)?\.com/.exec(url)?.[1]
  const region = query ?? host ?? null
  return region !== null && REGION.test(region) ? region : null
}

/** The explicit region, else the SDK's own order (AWS_REGION, then the profile's `region`), else us-east-1. */
export async function resolveToolboxRegion(explicit: string | null | undefined, profile: string | null | undefined): Promise<string> {
  let region = explicit ?? null
  if (!region) {
    try {
      region = await loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...(profile ? { profile } : {}) })()
    } catch {
      region = DEFAULT_TOOLBOX_REGION
    }
  }
  if (!REGION.test(region)) {
    throw new SourceError('failed', `"${region}" is not an AWS region name; pass the region of the denial, for example us-east-1.`)
  }
  return region
}

/** `AWS_ENDPOINT_URL_IAM_TOOLBOX`, then `AWS_ENDPOINT_URL`, as the SDKs do for every service; else the regional endpoint. */
export function resolveToolboxEndpoint(region: string, env: Env): ToolboxEndpoint {
  const ignore = env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true'
  for (const name of ['AWS_ENDPOINT_URL_IAM_TOOLBOX', 'AWS_ENDPOINT_URL'] as const) {
    const value = ignore ? undefined : env[name]?.trim()
    if (!value) continue
    let base: URL
    try {
      base = new URL(value)
    } catch {
      throw new SourceError('failed', `${name} is set to "${value}", which is not a URL; fix or unset it and run again.`)
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw new SourceError('failed', `${name} is set to "${value}", which is not an http(s) URL; fix or unset it and run again.`)
    }
    return { base, region, origin: name }
  }
  return { base: new URL(`https://${TOOLBOX_SERVICE.endpointPrefix}.${region}.${partition(region).dnsSuffix}`), region, origin: 'default' }
}

/** RFC 3986 encoding, the one SigV4 puts in the canonical query. */
function escape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

export interface AwsCredentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
}

export interface SignedGet {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
}

/** The signed `GET /authorization-details/{id}[?nextToken=…]`. The only method this file builds is GET. */
export async function signAuthorizationDetailsGet(
  endpoint: ToolboxEndpoint,
  authorizationId: string,
  nextToken: string | null,
  credentials: AwsCredentials,
  signingDate: Date,
): Promise<SignedGet> {
  const prefix = endpoint.base.pathname.replace(/\/+$/, '')
  const path = `${prefix}/authorization-details/${escape(authorizationId)}`
  const query: Record<string, string> = nextToken === null ? {} : { nextToken }
  const request = new HttpRequest({
    method: 'GET',
    protocol: endpoint.base.protocol,
    hostname: endpoint.base.hostname,
    ...(endpoint.base.port ? { port: Number(endpoint.base.port) } : {}),
    path,
    query,
    headers: { host: endpoint.base.host, accept: 'application/json' },
  })
  const signer = new SignatureV4({
    service: TOOLBOX_SERVICE.signingName,
    region: endpoint.region,
    credentials,
    sha256: Hash.bind(null, 'sha256'),
  })
  const signed = await signer.sign(request, { signingDate })
  const search = nextToken === null ? '' : `?nextToken=${escape(nextToken)}`
  return { url: `${endpoint.base.protocol}//${endpoint.base.host}${path}${search}`, headers: { ...signed.headers } }
}
