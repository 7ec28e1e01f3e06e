/**
 * Fakes for the Access Troubleshooter tests: a recording fetch, fixed credentials and clock,
 * an independent SigV4 check (node:crypto, not the SDK signer), and answers shaped as the
 * IAM Toolbox model defines them.
 * https://docs.aws.amazon.com/iam-toolbox/latest/APIReference/API_GetRequestAuthorizationDetails.html
 */
import { createHash, createHmac } from 'node:crypto'

export const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token-value' }
export const NOW = new Date('2026-03-04T05:06:07Z')
export const ID = '3k9x0f7q2m1z8w4v6b5n'

export interface RecordedCall {
  readonly url: string
  readonly method: string
  readonly headers: Record<string, string>
}

export type Answer = Response | Error | (() => Response)

/** A fetch that answers in order and records what it was asked. */
export function fakeFetch(answers: readonly Answer[]): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = []
  let next = 0
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) } })
    const answer = answers[Math.min(next++, answers.length - 1)]
    if (answer === undefined) throw new Error('fakeFetch has no answer')
    if (answer instanceof Error) throw answer
    return typeof answer === 'function' ? answer() : answer.clone()
  }
  return { fetch: fake as typeof fetch, calls }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
}

/** A restJson1 error: the type in X-Amzn-Errortype (with the coral URI AWS appends), the text in `message`. */
export function awsError(status: number, type: string, message: string): Response {
  return json({ message }, status, { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.coral.service/` })
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest()
const rfc3986 = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * The signature SigV4 prescribes for a recorded GET, computed from scratch:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export function expectedSignature(call: RecordedCall, secret: string, region: string, service: string): string {
  const url = new URL(call.url)
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(call.headers['authorization'] ?? '')![1]!.split(';')
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(call.headers[name] ?? '').trim()}\n`).join('')
  const query = [...url.searchParams].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).sort().join('&')
  // Non-S3 services encode each path segment once more.
  const path = url.pathname.split('/').map((segment) => rfc3986(segment)).join('/')
  const canonical = ['GET', path, query, canonicalHeaders, signedHeaders.join(';'), sha256('')].join('\n')
  const amzDate = call.headers['x-amz-date']!
  const day = amzDate.slice(0, 8)
  const scope = `${day}/${region}/${service}/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request')
  return hmac(key, toSign).toString('hex')
}

/**
 * A denied ec2:RunInstances in a member account: an SCP statement denies it, FullAWSAccess and an
 * inline identity policy allow it; the request context mixes strings, booleans, numbers, a list
 * and a null (which no condition can compare).
 */
export const SCP_URI = 'arn:aws:organizations::999999999999:policy/o-abcd1234ef/service_control_policy/p-deny1234'
export const FULL_ACCESS_URI = 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess'
export const INLINE_URI = 'iam-inline:9f86d081884c7d659a2feaa0c55ad015'
export const ROLE_ARN = 'arn:aws:iam::111111111111:role/Deployer'
export const INSTANCE = 'arn:aws:ec2:eu-west-1:111111111111:instance/*'

export const DENIED_RUN_INSTANCES = {
  requestContext: {
    'aws:PrincipalArn': ROLE_ARN,
    'aws:SourceIp': '203.0.113.10',
    'aws:MultiFactorAuthPresent': false,
    'aws:MultiFactorAuthAge': 3600,
    'aws:PrincipalOrgPaths': ['o-abcd1234ef/r-ab12/ou-ab12-11111111/'],
    'aws:RequestedRegion': 'eu-west-1',
    'aws:SourceVpce': null,
  },
  evaluations: [
    {
      action: 'ec2:RunInstances',
      resource: INSTANCE,
      context: { 'ec2:InstanceType': 'p5.48xlarge' },
      evaluatedEffect: 'EXPLICIT_DENY',
      matchedPolicies: [
        { uri: FULL_ACCESS_URI, matchedStatements: [{ sid: 'FullAWSAccess', evaluatedEffect: 'ALLOW' }] },
        { uri: SCP_URI, matchedStatements: [{ sid: 'DenyGpuInstances', evaluatedEffect: 'DENY' }] },
        { uri: INLINE_URI, matchedStatements: [{ sid: 'AllowEc2', evaluatedEffect: 'ALLOW' }] },
      ],
    },
  ],
  policies: [
    { type: 'SERVICE_CONTROL_POLICY', inline: false, uri: SCP_URI, attachedTo: [{ arn: 'arn:aws:organizations::999999999999:ou/o-abcd1234ef/ou-ab12-11111111' }] },
    {
      type: 'SERVICE_CONTROL_POLICY',
      inline: false,
      uri: FULL_ACCESS_URI,
      attachedTo: [{ arn: 'arn:aws:organizations::999999999999:root/o-abcd1234ef/r-ab12' }, { arn: 'arn:aws:organizations::999999999999:account/o-abcd1234ef/111111111111' }],
    },
    { type: 'IDENTITY_BASED_POLICY', inline: true, uri: INLINE_URI, attachedTo: [{ arn: ROLE_ARN }] },
  ],
}
