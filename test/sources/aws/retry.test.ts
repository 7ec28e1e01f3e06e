/**
 * Throttling is retried by the SDK's own retry middleware (adaptive mode). aws-sdk-client-mock
 * replaces `send` and so skips every middleware, retries included; these tests therefore drive
 * a real client built by `buildClient`, with only the HTTP handler faked (no network).
 */
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { describe, expect, it } from 'vitest'
import { buildClient, RETRY_CONFIG, type ClientSettings } from '../../../src/sources/aws/clients.js'
import { createAwsProvider } from '../../../src/sources/aws/provider.js'
import { actionOf, fastRetries, scriptedHttp, THROTTLED } from './fake-http.js'
import { ACCOUNT, awsError, query } from './helpers.js'

const SETTINGS: ClientSettings = { profile: null, region: 'us-east-1', orgProfile: null, orgRoleArn: null, resourceProfile: null, resourceRoleArn: null }
const NS = 'https://iam.amazonaws.com/doc/2010-05-08/'

const ROLE = `<GetRoleResponse xmlns="${NS}"><GetRoleResult><Role><Path>/</Path><RoleName>Reader</RoleName><RoleId>AROAREADER</RoleId><Arn>arn:aws:iam::${ACCOUNT}:role/Reader</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></Role></GetRoleResult><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></GetRoleResponse>`

const EMPTY_ATTACHED = `<ListAttachedRolePoliciesResponse xmlns="${NS}"><ListAttachedRolePoliciesResult><IsTruncated>false</IsTruncated><AttachedPolicies/></ListAttachedRolePoliciesResult><ResponseMetadata><RequestId>req-3</RequestId></ResponseMetadata></ListAttachedRolePoliciesResponse>`

const EMPTY_INLINE = `<ListRolePoliciesResponse xmlns="${NS}"><ListRolePoliciesResult><IsTruncated>false</IsTruncated><PolicyNames/></ListRolePoliciesResult><ResponseMetadata><RequestId>req-4</RequestId></ResponseMetadata></ListRolePoliciesResponse>`

const credentials = { accessKeyId: 'AKIATEST', secretAccessKey: 'test' }

describe('retries', () => {
  it('builds clients in adaptive retry mode', async () => {
    expect(RETRY_CONFIG.retryMode).toBe('adaptive')
    const client = buildClient('iam', SETTINGS, 'caller', 'us-east-1', { credentials }) as IAMClient
    const strategy = await client.config.retryStrategy()
    expect((strategy as { mode?: string }).mode).toBe('adaptive')
    expect(await client.config.maxAttempts()).toBe(RETRY_CONFIG.maxAttempts)
  })

  it('retries a ThrottlingException and then succeeds (the real retry middleware, a fake HTTP handler)', async () => {
    const { handler, bodies } = scriptedHttp([
      { status: 400, body: THROTTLED },
      { status: 200, body: ROLE },
    ])
    // A zero-delay strategy keeps the test fast; the production strategy is checked above.
    const client = buildClient('iam', SETTINGS, 'caller', 'us-east-1', {
      credentials,
      requestHandler: handler,
      retryStrategy: fastRetries(3),
    }) as IAMClient
    const { Role } = await client.send(new GetRoleCommand({ RoleName: 'Reader' }))
    expect(Role?.RoleId).toBe('AROAREADER')
    expect(bodies.map(actionOf)).toEqual(['GetRole', 'GetRole'])
  })

  it('a provider over such a client sees only the success', async () => {
    const { handler, bodies } = scriptedHttp([
      { status: 400, body: THROTTLED },
      { status: 200, body: ROLE },
      { status: 200, body: EMPTY_ATTACHED },
      { status: 200, body: EMPTY_INLINE },
    ])
    const iam = buildClient('iam', SETTINGS, 'caller', 'us-east-1', { credentials, requestHandler: handler, retryStrategy: fastRetries(3) }) as IAMClient
    const sts = new STSClient({ region: 'us-east-1', credentials })
    const organizations = new OrganizationsClient({ region: 'us-east-1', credentials })
    mockClient(sts).on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT })
    mockClient(organizations).on(DescribeOrganizationCommand).rejects(awsError('AWSOrganizationsNotInUseException'))
    const calls: string[] = []
    const provider = createAwsProvider({ clients: { iam, sts, organizations }, concurrency: 1, onCall: (c) => calls.push(`${c.operation}:${c.ok}`) })
    const gathered = await provider.gather(query(`arn:aws:iam::${ACCOUNT}:role/Reader`))
    expect(gathered.principal.uniqueId).toBe('AROAREADER')
    expect(gathered.incomplete).toEqual([])
    expect(bodies.slice(0, 2).map(actionOf)).toEqual(['GetRole', 'GetRole'])
    // onCall sees one call per send, retries included in its duration.
    expect(calls).toContain('GetRole:true')
    expect(calls.filter((c) => c.startsWith('GetRole'))).toHaveLength(1)
  })

  it('retries throttling with the production settings too (adaptive, no injected strategy)', async () => {
    const { handler, bodies } = scriptedHttp([
      { status: 400, body: THROTTLED },
      { status: 200, body: ROLE },
    ])
    const client = buildClient('iam', SETTINGS, 'caller', 'us-east-1', { credentials, requestHandler: handler }) as IAMClient
    const { Role } = await client.send(new GetRoleCommand({ RoleName: 'Reader' }))
    expect(Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/Reader`)
    expect(bodies.map(actionOf)).toEqual(['GetRole', 'GetRole'])
  })
})
