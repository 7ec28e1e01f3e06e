import { GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { describe, expect, it } from 'vitest'
import { SourceError } from '../../../src/sources/errors.js'
import { ACCOUNT, awsError, givenRole, mockAws, OTHER_ACCOUNT, query } from './helpers.js'

describe('principal: IAM role', () => {
  it('takes the path, unique ID and tags from GetRole (aws:PrincipalArn carries the path)', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'AWSReservedSSO_Admin_0123', path: '/aws-reserved/sso.amazonaws.com/', roleId: 'AROASSOADMIN', tags: { team: 'ops' } })
    const { principal } = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/AWSReservedSSO_Admin_0123`))
    const withPath = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123`
    expect(principal).toMatchObject({
      kind: 'role',
      arn: withPath,
      principalArn: withPath,
      roleArn: withPath,
      uniqueId: 'AROASSOADMIN',
      tags: { team: 'ops' },
      isServiceLinkedRole: false,
    })
  })

  it('marks a role under /aws-service-role/ as service-linked', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/' })
    const { principal } = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/AWSServiceRoleForSupport`))
    expect(principal.isServiceLinkedRole).toBe(true)
  })

  it('resolves an assumed-role session to its role: aws:userid is RoleId:session', async () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-userid
    const aws = mockAws()
    givenRole(aws, { name: 'Deployer', path: '/ci/', roleId: 'AROADEPLOYER', tags: { env: 'prod' } })
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/build-42`
    const gathered = await aws.provider().gather(query(session))
    expect(gathered.principal).toMatchObject({
      kind: 'assumed-role',
      arn: session,
      principalArn: `arn:aws:iam::${ACCOUNT}:role/ci/Deployer`,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/ci/Deployer`,
      sessionName: 'build-42',
      uniqueId: 'AROADEPLOYER',
      tags: { env: 'prod' },
    })
    expect(gathered.knownContext).toContainEqual(['aws:userid', ['AROADEPLOYER:build-42']])
    expect(aws.iam.commandCalls(GetRoleCommand)[0]?.args[0].input).toEqual({ RoleName: 'Deployer' })
  })

  it('asks GetRole once for several sessions of the same role', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Deployer' })
    const provider = aws.provider()
    await provider.gather(query(`arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/a`))
    await provider.gather(query(`arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/b`))
    expect(aws.iam.commandCalls(GetRoleCommand)).toHaveLength(1)
    expect(aws.sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1)
  })

  it('turns NoSuchEntity into a not-found SourceError naming the role', async () => {
    const aws = mockAws()
    aws.iam.on(GetRoleCommand).rejects(awsError('NoSuchEntityException', 'The role with name Nope cannot be found.', 404))
    const error = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/Nope`)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ code: 'not-found' })
    expect((error as Error).message).toContain('IAM role `Nope` does not exist in account 111111111111')
  })

  it('turns AccessDenied on GetUser into an access-denied SourceError naming the permission', async () => {
    const aws = mockAws()
    aws.iam.on(GetUserCommand).rejects(awsError('AccessDenied', 'User: x is not authorized to perform: iam:GetUser', 403))
    const error = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:user/alice`)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'access-denied' })
    expect((error as Error).message).toMatch(/IAM user `alice` in account 111111111111 could not be read .*iam:GetUser/)
  })

  it('turns an expired token into a credentials SourceError that says how to log in', async () => {
    const aws = mockAws()
    aws.sts.on(GetCallerIdentityCommand).rejects(awsError('ExpiredTokenException', 'The security token included in the request is expired', 403))
    const error = await aws.provider({ profile: 'dev-admin' }).gather(query(`arn:aws:iam::${ACCOUNT}:role/X`)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ code: 'credentials' })
    expect((error as Error).message).toContain('profile `dev-admin`')
    expect((error as Error).message).toContain('aws sso login --profile dev-admin')
    expect((error as Error).message.split('\n')).toHaveLength(1)
  })

  it('turns a GetCallerIdentity the service refuses (STS not activated in the region) into one sentence naming the credentials', async () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html
    const aws = mockAws()
    aws.sts.on(GetCallerIdentityCommand).rejects(awsError('RegionDisabledException', 'STS is not activated in this region for account:111111111111.', 403))
    const error = await aws.provider({ profile: 'dev-admin' }).gather(query(`arn:aws:iam::${ACCOUNT}:role/X`)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect((error as SourceError).code).toBe('failed')
    expect((error as Error).message).toBe(
      'The identity of profile `dev-admin` could not be read (RegionDisabledException: STS is not activated in this region for account:111111111111.), so nothing could be diagnosed.',
    )
    expect(aws.iam.calls()).toHaveLength(0)
  })

  it('an unreachable STS (offline, a wrong proxy) says so in one sentence', async () => {
    const aws = mockAws()
    aws.sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com'), { code: 'ENOTFOUND', $metadata: { attempts: 3 } }))
    const error = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/X`)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect((error as Error).message).toBe(
      'Could not reach AWS (Error: getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com); check the network, proxy and AWS_ENDPOINT_URL settings.',
    )
  })

  it('refuses a principal of another account instead of reading a namesake in the credentials\' account', async () => {
    const aws = mockAws(OTHER_ACCOUNT)
    const error = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/X`)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'credentials' })
    expect((error as Error).message).toContain(`belong to account ${OTHER_ACCOUNT}`)
    expect(aws.iam.calls()).toHaveLength(0)
  })

  it('rejects text that is not a principal ARN with one sentence', async () => {
    const aws = mockAws()
    const error = await aws.provider().gather(query('arn:aws:s3:::bucket')).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'failed', message: expect.stringContaining('`arn:aws:s3:::bucket` is not the ARN') })
  })
})

describe('principal: IAM user', () => {
  it('takes the unique ID, tags and boundary from GetUser; aws:userid is the user ID', async () => {
    const aws = mockAws()
    aws.iam.on(GetUserCommand, { UserName: 'alice' }).resolves({
      User: {
        Path: '/staff/',
        UserName: 'alice',
        UserId: 'AIDAALICE',
        Arn: `arn:aws:iam::${ACCOUNT}:user/staff/alice`,
        CreateDate: new Date(),
        Tags: [{ Key: 'dept', Value: 'eng' }],
      },
    })
    const gathered = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:user/alice`))
    expect(gathered.principal).toMatchObject({
      kind: 'user',
      name: 'alice',
      principalArn: `arn:aws:iam::${ACCOUNT}:user/staff/alice`,
      uniqueId: 'AIDAALICE',
      tags: { dept: 'eng' },
    })
    expect(gathered.knownContext).toContainEqual(['aws:userid', ['AIDAALICE']])
  })
})

describe('principal: root and federated users', () => {
  it('reads no IAM policies for the root user, and asks nothing of IAM', async () => {
    const aws = mockAws()
    const gathered = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:root`))
    expect(gathered.principal.kind).toBe('root')
    expect(gathered.policies.identity).toEqual([])
    expect(gathered.incomplete).toEqual([])
    expect(aws.iam.calls()).toHaveLength(0)
  })

  it('says what cannot be known about a federated user: the IAM user behind it and the session policy', async () => {
    const aws = mockAws()
    const gathered = await aws.provider().gather(query(`arn:aws:sts::${ACCOUNT}:federated-user/bob`))
    expect(gathered.principal.kind).toBe('federated-user')
    expect(gathered.policies.identity).toEqual([])
    expect(gathered.incomplete.map((g) => g.source)).toEqual(['iam', 'sts'])
    expect(gathered.incomplete[0]?.error).toContain('GetFederationToken')
    expect(gathered.incomplete[1]?.effect).toContain('--session-policy')
    expect(aws.iam.calls()).toHaveLength(0)
  })
})
