import { afterEach, describe, expect, it, vi } from 'vitest'
import { SourceError } from '../../../src/sources/errors.js'
import type { CallRecord } from '../../../src/sources/aws/clients.js'
import {
  type AuthorizationDetailsOptions,
  createAuthorizationDetailsFetcher,
  regionOfConsoleUrl,
} from '../../../src/sources/aws/authorization-details.js'
import {
  type Answer,
  awsError,
  DENIED_RUN_INSTANCES,
  expectedSignature,
  fakeFetch,
  FULL_ACCESS_URI,
  ID,
  INLINE_URI,
  INSTANCE,
  json,
  KEYS,
  NOW,
  ROLE_ARN,
  SCP_URI,
} from './authorization-details-fixtures.js'

const EMPTY = { requestContext: {}, evaluations: [], policies: [] }

function setup(answers: readonly Answer[], extra: Partial<AuthorizationDetailsOptions> = {}) {
  const fake = fakeFetch(answers)
  const credentials = vi.fn(async () => KEYS)
  const get = createAuthorizationDetailsFetcher({
    region: 'us-east-1',
    profile: 'dev',
    fetch: fake.fetch,
    credentials,
    clock: () => NOW,
    env: {},
    retryDelaysMs: [0, 0],
    ...extra,
  })
  return { get, calls: fake.calls, credentials }
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SourceError)
  return error as SourceError
}

describe('GetRequestAuthorizationDetails: the signed request (https://docs.aws.amazon.com/iam-toolbox/latest/APIReference/API_GetRequestAuthorizationDetails.html)', () => {
  it('is a SigV4-signed GET /authorization-details/{id} to iam-toolbox.<region>, signed for the service name `iam`', async () => {
    const { get, calls } = setup([json(EMPTY)])
    await get(ID)
    expect(calls).toHaveLength(1)
    const call = calls[0]!
    expect(call.method).toBe('GET')
    expect(call.url).toBe(`https://iam-toolbox.us-east-1.amazonaws.com/authorization-details/${ID}`)
    expect(call.headers['host']).toBe('iam-toolbox.us-east-1.amazonaws.com')
    expect(call.headers['x-amz-date']).toBe('20260304T050607Z')
    expect(call.headers['x-amz-security-token']).toBe(KEYS.sessionToken)
    const auth = call.headers['authorization']!
    expect(auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260304\/us-east-1\/iam\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/)
    expect(auth).toMatch(/SignedHeaders=[^,]*\bhost\b[^,]*x-amz-date[^,]*x-amz-security-token/)
    expect(auth.endsWith(`Signature=${expectedSignature(call, KEYS.secretAccessKey, 'us-east-1', 'iam')}`)).toBe(true)
  })

  it('sends no session token header for long-term keys', async () => {
    const { get, calls } = setup([json(EMPTY)], { credentials: async () => ({ accessKeyId: 'AKIDLONG', secretAccessKey: 's' }) })
    await get(ID)
    expect(calls[0]!.headers['x-amz-security-token']).toBeUndefined()
    expect(calls[0]!.headers['authorization']).not.toContain('x-amz-security-token')
    expect(calls[0]!.headers['authorization']).toContain('Credential=AKIDLONG/20260304/us-east-1/iam/aws4_request')
  })

  it('asks the region it is given (the denial\'s), in that region\'s partition', async () => {
    const eu = setup([json(EMPTY)], { region: 'eu-west-1' })
    await eu.get(ID)
    expect(eu.calls[0]!.url).toBe(`https://iam-toolbox.eu-west-1.amazonaws.com/authorization-details/${ID}`)
    expect(eu.calls[0]!.headers['authorization']).toContain('/20260304/eu-west-1/iam/aws4_request')
    const cn = setup([json(EMPTY)], { region: 'cn-north-1' })
    await cn.get(ID)
    expect(cn.calls[0]!.url).toBe(`https://iam-toolbox.cn-north-1.amazonaws.com.cn/authorization-details/${ID}`)
  })

  it('honours AWS_ENDPOINT_URL_IAM_TOOLBOX before AWS_ENDPOINT_URL, keeping a path prefix and signing what it sends', async () => {
    const both = setup([json(EMPTY)], { env: { AWS_ENDPOINT_URL_IAM_TOOLBOX: 'http://localhost:4566/toolbox', AWS_ENDPOINT_URL: 'http://other:1' } })
    await both.get(ID)
    const call = both.calls[0]!
    expect(call.url).toBe(`http://localhost:4566/toolbox/authorization-details/${ID}`)
    expect(call.headers['host']).toBe('localhost:4566')
    expect(call.headers['authorization']!.endsWith(expectedSignature(call, KEYS.secretAccessKey, 'us-east-1', 'iam'))).toBe(true)
    const general = setup([json(EMPTY)], { env: { AWS_ENDPOINT_URL: 'https://proxy.example.com' } })
    await general.get(ID)
    expect(general.calls[0]!.url).toBe(`https://proxy.example.com/authorization-details/${ID}`)
    const ignored = setup([json(EMPTY)], { env: { AWS_ENDPOINT_URL: 'https://proxy.example.com', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } })
    await ignored.get(ID)
    expect(ignored.calls[0]!.url).toBe(`https://iam-toolbox.us-east-1.amazonaws.com/authorization-details/${ID}`)
  })

  it('refuses an endpoint variable that is not a URL, naming it', async () => {
    const { get, calls } = setup([json(EMPTY)], { env: { AWS_ENDPOINT_URL_IAM_TOOLBOX: 'localhost 4566' } })
    const error = await failure(get(ID))
    expect(error.code).toBe('failed')
    expect(error.message).toBe('AWS_ENDPOINT_URL_IAM_TOOLBOX is set to "localhost 4566", which is not a URL; fix or unset it and run again.')
    expect(calls).toHaveLength(0)
  })
})

describe('region of the denial', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('is read from the console link of the message', () => {
    expect(regionOfConsoleUrl(`https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/${ID}`)).toBe('us-east-1')
    expect(regionOfConsoleUrl(`https://eu-central-1.console.aws.amazon.com/iam/home#/authorization-details/${ID}`)).toBe('eu-central-1')
    expect(regionOfConsoleUrl('https://example.com/nothing')).toBeNull()
  })

  it('falls back to AWS_REGION, then us-east-1 (where IAM lives)', async () => {
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/denydoctor-test-config')
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/denydoctor-test-credentials')
    vi.stubEnv('AWS_REGION', 'ap-south-1')
    const fromEnv = setup([json(EMPTY)], { region: null, profile: null })
    await fromEnv.get(ID)
    expect(fromEnv.calls[0]!.url).toContain('iam-toolbox.ap-south-1.amazonaws.com')
    vi.stubEnv('AWS_REGION', undefined)
    vi.stubEnv('AWS_DEFAULT_REGION', undefined)
    vi.stubEnv('AWS_PROFILE', undefined)
    const fallback = setup([json(EMPTY)], { region: null, profile: null })
    await fallback.get(ID)
    expect(fallback.calls[0]!.url).toContain('iam-toolbox.us-east-1.amazonaws.com')
  })

  it('refuses a region that is not one', async () => {
    const { get, calls } = setup([json(EMPTY)], { region: 'Frankfurt' })
    const error = await failure(get(ID))
    expect(error.message).toBe('"Frankfurt" is not an AWS region name; pass the region of the denial, for example us-east-1.')
    expect(calls).toHaveLength(0)
  })
})

describe('pagination (nextToken)', () => {
  const page = (action: string, nextToken?: string) => ({
    requestContext: { 'aws:SourceIp': '203.0.113.10' },
    evaluations: [{ action, resource: '', evaluatedEffect: 'IMPLICIT_DENY' }],
    policies: [],
    ...(nextToken ? { nextToken } : {}),
  })

  it('reads every page, passing the token (encoded and signed) and joining the evaluations', async () => {
    const { get, calls } = setup([json(page('s3:GetObject', 'tok/1+=')), json(page('kms:Decrypt'))])
    const findings = await get(ID)
    expect(calls).toHaveLength(2)
    expect(calls[0]!.url).not.toContain('nextToken')
    expect(calls[1]!.url).toBe(`https://iam-toolbox.us-east-1.amazonaws.com/authorization-details/${ID}?nextToken=tok%2F1%2B%3D`)
    expect(calls[1]!.headers['authorization']!.endsWith(expectedSignature(calls[1]!, KEYS.secretAccessKey, 'us-east-1', 'iam'))).toBe(true)
    expect(findings.evaluations).toEqual([
      { action: 's3:GetObject', resource: '', effect: 'IMPLICIT_DENY' },
      { action: 'kms:Decrypt', resource: '', effect: 'IMPLICIT_DENY' },
    ])
    expect(findings.notes).toEqual([])
  })

  it('stops at the page cap and says so', async () => {
    let n = 0
    const { get, calls } = setup([() => json(page('s3:GetObject', `t${n++}`))], { maxPages: 3 })
    const findings = await get(ID)
    expect(calls).toHaveLength(3)
    expect(findings.notes).toEqual([`AWS had more than 3 pages of evaluations for ${ID}; denydoctor read the first 3, so the matched statements may be incomplete.`])
  })

  it('stops when AWS repeats a token instead of looping', async () => {
    const { get, calls } = setup([() => json(page('s3:GetObject', 'same'))])
    const findings = await get(ID)
    expect(calls).toHaveLength(2)
    expect(findings.notes).toEqual([`AWS repeated a page token for ${ID}; denydoctor stopped after 2 pages.`])
  })
})

describe('what AWS found becomes findings', () => {
  it('maps a realistic explicit deny: known context and one line per matched statement, explicit denies first', async () => {
    const { get } = setup([json(DENIED_RUN_INSTANCES)])
    const findings = await get(ID)
    expect(findings.context).toEqual({
      'aws:PrincipalArn': ROLE_ARN,
      'aws:SourceIp': '203.0.113.10',
      'aws:MultiFactorAuthPresent': 'false',
      'aws:MultiFactorAuthAge': '3600',
      'aws:PrincipalOrgPaths': ['o-abcd1234ef/r-ab12/ou-ab12-11111111/'],
      'aws:RequestedRegion': 'eu-west-1',
      'ec2:InstanceType': 'p5.48xlarge',
    })
    expect(findings.matched).toEqual([
      `EXPLICIT_DENY: statement DenyGpuInstances of service control policy ${SCP_URI} (attached to arn:aws:organizations::999999999999:ou/o-abcd1234ef/ou-ab12-11111111) — for ec2:RunInstances on ${INSTANCE}`,
      `ALLOW: statement FullAWSAccess of service control policy ${FULL_ACCESS_URI} (attached to arn:aws:organizations::999999999999:root/o-abcd1234ef/r-ab12, arn:aws:organizations::999999999999:account/o-abcd1234ef/111111111111) — for ec2:RunInstances on ${INSTANCE}`,
      `ALLOW: statement AllowEc2 of inline identity-based policy ${INLINE_URI} (attached to ${ROLE_ARN}) — for ec2:RunInstances on ${INSTANCE}`,
    ])
    expect(findings.evaluations).toEqual([{ action: 'ec2:RunInstances', resource: INSTANCE, effect: 'EXPLICIT_DENY' }])
    expect(findings.notes).toEqual(['AWS reported context key(s) aws:SourceVpce with a value a condition cannot compare (an object or null); they are left unknown.'])
  })

  it('keeps an implicit deny (no matched policies) as an evaluation without statement lines', async () => {
    const { get } = setup([json({ requestContext: {}, evaluations: [{ action: 'iam:GetUser', resource: 'arn:aws:iam::111111111111:user/bob', evaluatedEffect: 'IMPLICIT_DENY' }], policies: [] })])
    const findings = await get(ID)
    expect(findings.matched).toEqual([])
    expect(findings.evaluations).toEqual([{ action: 'iam:GetUser', resource: 'arn:aws:iam::111111111111:user/bob', effect: 'IMPLICIT_DENY' }])
  })

  it('names unnamed statements and policies missing from `policies`, and tells an unknown effect', async () => {
    const body = {
      requestContext: {},
      evaluations: [{ action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:111111111111:q', evaluatedEffect: 'PARTIAL', matchedPolicies: [{ uri: 'arn:x', matchedStatements: [{ evaluatedEffect: 'DENY' }] }] }],
      policies: [],
    }
    const findings = await (setup([json(body)]).get(ID))
    expect(findings.matched).toEqual(['EXPLICIT_DENY: an unnamed statement of policy arn:x — for sqs:SendMessage on arn:aws:sqs:us-east-1:111111111111:q'])
    expect(findings.evaluations[0]!.effect).toBeNull()
    expect(findings.notes).toEqual(['AWS reported evaluation effect(s) PARTIAL, which this version of denydoctor does not know.'])
  })

  it('leaves unknown a context key the evaluations saw with different values (a guess could hide a Deny)', async () => {
    const body = {
      requestContext: { 's3:prefix': 'home/', 'aws:SourceIp': '198.51.100.7' },
      evaluations: [
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::a', context: { 's3:prefix': 'home/alice/' }, evaluatedEffect: 'IMPLICIT_DENY' },
        { action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context: { 'aws:SourceIp': '198.51.100.7' }, evaluatedEffect: 'ALLOW' },
      ],
      policies: [],
    }
    const findings = await (setup([json(body)]).get(ID))
    expect(findings.context).toEqual({ 'aws:SourceIp': '198.51.100.7' })
    expect(findings.notes).toEqual(['AWS evaluated context key(s) s3:prefix with different values for different actions or resources of this request; they are left unknown.'])
  })
})

describe('failures become one-sentence SourceErrors', () => {
  it('403 AccessDeniedException: the permission it needs, and that the preview may be missing', async () => {
    const { get } = setup([awsError(403, 'AccessDeniedException', 'User is not authorized to perform iam:GetRequestAuthorizationDetails')])
    const error = await failure(get(ID))
    expect(error.code).toBe('access-denied')
    expect(error.message).toBe(
      `AWS refused to show the authorization details ${ID} to profile \`dev\`: the caller needs iam:GetRequestAuthorizationDetails (IAM Access Troubleshooter is in preview; your account may not have it) and must be in the same account or organization as the denied request (AccessDeniedException: User is not authorized to perform iam:GetRequestAuthorizationDetails).`,
    )
  })

  it('404 ResourceNotFoundException (error type in the body): unknown, expired or another region', async () => {
    const { get } = setup([json({ __type: 'com.amazonaws.iamtoolbox#ResourceNotFoundException', message: 'Authorization details not found' }, 404)])
    const error = await failure(get(ID))
    expect(error.code).toBe('not-found')
    expect(error.message).toBe(
      `AWS has no authorization details for ${ID} at iam-toolbox.us-east-1.amazonaws.com (us-east-1) (ResourceNotFoundException: Authorization details not found): check the id, ask the region where the denial happened (the region of the console link in the message), from the same account or organization; details are kept at least 24 hours and can take a few seconds to appear after the denial.`,
    )
  })

  it('400 ValidationException', async () => {
    const error = await failure(setup([awsError(400, 'ValidationException', 'Invalid nextToken')]).get(ID))
    expect(error.code).toBe('failed')
    expect(error.message).toBe(`AWS rejected the request for authorization details ${ID} as invalid (ValidationException: Invalid nextToken).`)
  })

  it('429 ThrottlingException is retried, then reported', async () => {
    const throttled = awsError(429, 'ThrottlingException', 'Rate exceeded')
    const recovered = setup([throttled, json(EMPTY)])
    await recovered.get(ID)
    expect(recovered.calls).toHaveLength(2)
    const stuck = setup([throttled])
    const error = await failure(stuck.get(ID))
    expect(stuck.calls).toHaveLength(3)
    expect(error.code).toBe('failed')
    expect(error.message).toBe(
      `IAM Access Troubleshooter at iam-toolbox.us-east-1.amazonaws.com (us-east-1) kept failing for authorization details ${ID} after retries (ThrottlingException: Rate exceeded); run again in a minute.`,
    )
  })

  it('500 InternalServerException is retried', async () => {
    const { get, calls } = setup([awsError(500, 'InternalServerException', 'oops'), json(EMPTY)])
    await expect(get(ID)).resolves.toMatchObject({ matched: [] })
    expect(calls).toHaveLength(2)
  })

  it('rejected or missing credentials name the profile to log in with', async () => {
    const rejected = await failure(setup([awsError(403, 'ExpiredTokenException', 'The security token included in the request is expired')]).get(ID))
    expect(rejected.code).toBe('credentials')
    expect(rejected.message).toBe(
      'The AWS credentials of profile `dev` are missing, expired or invalid (ExpiredTokenException: The security token included in the request is expired); log in again with `aws sso login --profile dev` (or refresh that profile\'s keys) and run again.',
    )
    const missing = setup([json(EMPTY)], { credentials: async () => Promise.reject(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })) })
    const error = await failure(missing.get(ID))
    expect(error.code).toBe('credentials')
    expect(error.message).toContain('(CredentialsProviderError: Could not load credentials from any providers)')
    expect(missing.calls).toHaveLength(0)
  })

  it('an unreachable endpoint names the host', async () => {
    const dns = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND iam-toolbox.eu-west-3.amazonaws.com'), { code: 'ENOTFOUND' }) })
    const error = await failure(setup([dns], { region: 'eu-west-3' }).get(ID))
    expect(error.code).toBe('failed')
    expect(error.message).toBe(
      'Could not reach IAM Access Troubleshooter at iam-toolbox.eu-west-3.amazonaws.com (ENOTFOUND, Error: getaddrinfo ENOTFOUND iam-toolbox.eu-west-3.amazonaws.com); the preview may not be offered in eu-west-3 (use the region of the console link in the message), or check the network and proxy.',
    )
    const timeout = await failure(setup([new DOMException('The operation was aborted due to timeout', 'TimeoutError')], { env: { AWS_ENDPOINT_URL: 'http://localhost:9' } }).get(ID))
    expect(timeout.message).toBe('Could not reach IAM Access Troubleshooter at localhost:9 (TimeoutError: The operation was aborted due to timeout); check AWS_ENDPOINT_URL.')
  })

  it('a 200 that is not the documented shape', async () => {
    const error = await failure(setup([new Response('<html>captive portal</html>', { status: 200 })]).get(ID))
    expect(error.message).toBe(`IAM Access Troubleshooter at iam-toolbox.us-east-1.amazonaws.com (us-east-1) answered authorization details ${ID} with something denydoctor cannot read (the body is not a JSON object).`)
  })
})

describe('authorization id', () => {
  it.each(['EXAMPLE1a2b3c4d5e6f7g8h9i0j', '', 'abc/../x', 'abc?nextToken=1', 'a'.repeat(257)])('refuses %j before any call or credential lookup', async (bad) => {
    const { get, calls, credentials } = setup([json(EMPTY)])
    const error = await failure(get(bad))
    expect(error.code).toBe('failed')
    expect(error.message).toContain('is not an Access Troubleshooter authorization id: AWS\'s ids are lower-case letters and digits only ([0-9a-z]+)')
    expect(calls).toHaveLength(0)
    expect(credentials).not.toHaveBeenCalled()
  })

  it('accepts one with surrounding whitespace (copied from a terminal)', async () => {
    const { get, calls } = setup([json(EMPTY)])
    await get(`  ${ID}\n`)
    expect(calls[0]!.url.endsWith(`/authorization-details/${ID}`)).toBe(true)
  })
})

describe('instrumentation', () => {
  it('goes through the run\'s concurrency limit and reports each call', async () => {
    const records: CallRecord[] = []
    let limited = 0
    const { get } = setup([json({ ...EMPTY, nextToken: 'n' }), awsError(403, 'AccessDeniedException', 'no')], {
      onCall: (call) => records.push(call),
      limit: async (task) => {
        limited++
        return task()
      },
    })
    await failure(get(ID))
    expect(limited).toBe(2)
    expect(records.map(({ service, operation, ok }) => ({ service, operation, ok }))).toEqual([
      { service: 'iam-toolbox', operation: 'GetRequestAuthorizationDetails', ok: true },
      { service: 'iam-toolbox', operation: 'GetRequestAuthorizationDetails', ok: false },
    ])
  })
})
