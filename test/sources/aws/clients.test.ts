import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { DescribePolicyCommand, ListParentsCommand, OrganizationsClient } from '@aws-sdk/client-organizations'
import { S3Client } from '@aws-sdk/client-s3'
import { DecodeAuthorizationMessageCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it } from 'vitest'
import { AwsClientPool, buildClient, type ClientSettings } from '../../../src/sources/aws/clients.js'
import { createLimit } from '../../../src/sources/aws/limit.js'
import { createAuthorizationMessageDecoder } from '../../../src/sources/aws/provider.js'
import { SourceError } from '../../../src/sources/errors.js'
import { awsError } from './helpers.js'

const BASE: ClientSettings = { profile: null, region: 'us-east-1', orgProfile: null, orgRoleArn: null, resourceProfile: null, resourceRoleArn: null }
const credentials = { accessKeyId: 'AKIATEST', secretAccessKey: 'test' }

const savedProfile = process.env['AWS_PROFILE']
afterEach(() => {
  if (savedProfile === undefined) delete process.env['AWS_PROFILE']
  else process.env['AWS_PROFILE'] = savedProfile
})

describe('credential sets', () => {
  it('use the caller\'s credentials for Organizations and S3 unless told otherwise', () => {
    const pool = new AwsClientPool(BASE, createLimit(1), undefined)
    expect(pool.effective('org')).toBe('caller')
    expect(pool.effective('resource')).toBe('caller')
    const own = new AwsClientPool({ ...BASE, orgRoleArn: 'arn:aws:iam::999999999999:role/OrgReader', resourceProfile: 'data' }, createLimit(1), undefined)
    expect(own.effective('org')).toBe('org')
    expect(own.describeCredentials('org')).toBe('the role `arn:aws:iam::999999999999:role/OrgReader` assumed for --org-role-arn')
    expect(own.describeCredentials('resource')).toBe('profile `data`')
  })

  it('builds one client per service and credential set, lazily', () => {
    const pool = new AwsClientPool({ ...BASE, profile: 'dev' }, createLimit(1), undefined)
    expect(pool.iam()).toBe(pool.iam())
    expect(pool.iam()).toBeInstanceOf(IAMClient)
    expect(pool.ec2('eu-west-1')).not.toBe(pool.ec2('us-east-1'))
  })

  it('passes the profile to the SDK, and assumes a role for --org-role-arn', async () => {
    const iam = buildClient('iam', { ...BASE, profile: 'dev' }, 'caller', null) as IAMClient
    expect(iam.config.profile).toBe('dev')
    const org = buildClient('organizations', { ...BASE, orgRoleArn: 'arn:aws:iam::999999999999:role/OrgReader' }, 'org', 'us-east-1') as OrganizationsClient
    expect(org.config.profile).toBeUndefined()
    const s3 = buildClient('s3', BASE, 'resource', 'us-east-1') as S3Client
    expect(s3.config.followRegionRedirects).toBe(true)
  })
})

describe('the concurrency limit', () => {
  it('does not hold back ListParents: each answer names the next level, so the walk up the parents must not queue behind other reads', async () => {
    const organizations = new OrganizationsClient({ region: 'us-east-1', credentials })
    let releaseSlow: () => void = () => undefined
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve))
    const stub = mockClient(organizations)
    stub.on(DescribePolicyCommand).callsFake(async () => (await slow, { Policy: { Content: '{}' } }))
    stub.on(ListParentsCommand).resolves({ Parents: [{ Id: 'r-ab12', Type: 'ROOT' }] })
    const client = new AwsClientPool(BASE, createLimit(1), undefined, { organizations }).organizations()
    // The only slot is taken by a read that does not answer yet…
    const pending = client.send(new DescribePolicyCommand({ PolicyId: 'p-1' }))
    // …and ListParents still goes out and answers.
    await expect(client.send(new ListParentsCommand({ ChildId: '111111111111' }))).resolves.toMatchObject({ Parents: [{ Id: 'r-ab12' }] })
    releaseSlow()
    await expect(pending).resolves.toMatchObject({ Policy: { Content: '{}' } })
  })

  it('holds back every other read beyond the limit', async () => {
    const organizations = new OrganizationsClient({ region: 'us-east-1', credentials })
    let releaseSlow: () => void = () => undefined
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve))
    const sent: string[] = []
    mockClient(organizations).on(DescribePolicyCommand).callsFake(async (input: { PolicyId: string }) => {
      sent.push(input.PolicyId)
      if (input.PolicyId === 'p-1') await slow
      return { Policy: { Content: '{}' } }
    })
    const client = new AwsClientPool(BASE, createLimit(1), undefined, { organizations }).organizations()
    const first = client.send(new DescribePolicyCommand({ PolicyId: 'p-1' }))
    const second = client.send(new DescribePolicyCommand({ PolicyId: 'p-2' }))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(sent).toEqual(['p-1'])
    releaseSlow()
    await Promise.all([first, second])
    expect(sent).toEqual(['p-1', 'p-2'])
  })
})

describe('credentials failures', () => {
  function failing(settings: ClientSettings, error: Error) {
    const iam = new IAMClient({ region: 'us-east-1', credentials })
    mockClient(iam).on(GetRoleCommand).rejects(error)
    return new AwsClientPool(settings, createLimit(1), undefined, { iam }).iam().send(new GetRoleCommand({ RoleName: 'r' }))
  }

  it('name the profile and the login command', async () => {
    const error = await failing({ ...BASE, profile: 'sso-dev' }, awsError('ExpiredToken', 'The security token included in the request is expired', 403)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect((error as SourceError).code).toBe('credentials')
    expect((error as Error).message).toBe(
      'The AWS credentials of profile `sso-dev` are missing, expired or invalid (ExpiredToken: The security token included in the request is expired); log in again with `aws sso login --profile sso-dev` (or refresh that profile\'s keys) and run again.',
    )
  })

  it('name AWS_PROFILE when no --profile is given', async () => {
    process.env['AWS_PROFILE'] = 'from-env'
    const error = await failing(BASE, Object.assign(new Error('Token is expired'), { name: 'CredentialsProviderError' })).catch((e: unknown) => e)
    expect((error as Error).message).toContain('`aws sso login --profile from-env`')
  })

  it('say "default credentials" when there is no profile at all', async () => {
    delete process.env['AWS_PROFILE']
    const error = await failing(BASE, awsError('InvalidClientTokenId', 'The security token included in the request is invalid', 403)).catch((e: unknown) => e)
    expect((error as Error).message).toContain('the default credentials (environment variables or the default profile)')
    expect((error as Error).message).toContain('pass --profile')
  })
})

describe('no region configured', () => {
  it('says how to give one, instead of failing unexpectedly', async () => {
    const iam = new IAMClient({ region: 'us-east-1', credentials })
    mockClient(iam).on(GetRoleCommand).rejects(new Error('Region is missing'))
    const error = await new AwsClientPool(BASE, createLimit(1), undefined, { iam })
      .iam()
      .send(new GetRoleCommand({ RoleName: 'r' }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect((error as Error).message).toBe('No AWS region is configured; pass --region, set AWS_REGION, or give the profile a region.')
  })
})

describe('createAuthorizationMessageDecoder', () => {
  it('decodes with the caller\'s credentials', async () => {
    const sts = new STSClient({ region: 'us-east-1', credentials })
    const stub = mockClient(sts)
    stub.on(DecodeAuthorizationMessageCommand).resolves({ DecodedMessage: '{"allowed":false}' })
    const decode = createAuthorizationMessageDecoder({ clients: { sts } })
    await expect(decode('  abc123  ')).resolves.toBe('{"allowed":false}')
    expect(stub.commandCalls(DecodeAuthorizationMessageCommand)[0]?.args[0].input).toEqual({ EncodedMessage: 'abc123' })
  })

  it('says which permission is missing, and when the message is not valid', async () => {
    const sts = new STSClient({ region: 'us-east-1', credentials })
    const stub = mockClient(sts)
    stub
      .on(DecodeAuthorizationMessageCommand)
      .rejectsOnce(awsError('AccessDenied', 'not authorized', 403))
      .rejects(awsError('InvalidAuthorizationMessageException', 'The message is invalid'))
    const decode = createAuthorizationMessageDecoder({ clients: { sts } })
    await expect(decode('abc')).rejects.toMatchObject({ code: 'access-denied', message: expect.stringContaining('sts:DecodeAuthorizationMessage') })
    await expect(decode('abc')).rejects.toMatchObject({ code: 'failed', message: expect.stringContaining('not valid') })
  })
})
