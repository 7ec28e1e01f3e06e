import { ListRolesCommand, ListUsersCommand } from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { SourceError } from '../../../src/sources/errors.js'
import { ACCOUNT, awsError, mockAws } from './helpers.js'

const created = new Date('2024-01-01T00:00:00Z')
const role = (name: string, path = '/') => ({ RoleName: name, Path: path, Arn: `arn:aws:iam::${ACCOUNT}:role${path}${name}`, RoleId: 'AROAEXAMPLE000000001', CreateDate: created })

async function failure(run: () => Promise<unknown>): Promise<SourceError> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError)
    return error as SourceError
  }
  throw new Error('expected a SourceError')
}

describe('listing the roles and users of the live account (audit selectors)', () => {
  it('follows every page of ListRoles, sorts the ARNs, and asks once per provider', async () => {
    const aws = mockAws()
    const prefixes: (string | undefined)[] = []
    aws.iam.on(ListRolesCommand).callsFake((input: { Marker?: string; PathPrefix?: string }) => {
      prefixes.push(input.PathPrefix)
      return input.Marker ? { Roles: [role('Alpha')], IsTruncated: false } : { Roles: [role('Zed'), role('Deploy', '/ops/')], IsTruncated: true, Marker: 'next' }
    })
    const provider = aws.provider()
    const arns = await provider.listPrincipals!({ kind: 'role', account: null, pathPrefix: null })
    expect(arns).toEqual([`arn:aws:iam::${ACCOUNT}:role/Alpha`, `arn:aws:iam::${ACCOUNT}:role/Zed`, `arn:aws:iam::${ACCOUNT}:role/ops/Deploy`])
    expect(prefixes).toEqual(['/', '/'])
    await provider.listPrincipals!({ kind: 'role', account: ACCOUNT, pathPrefix: null })
    expect(aws.iam.commandCalls(ListRolesCommand)).toHaveLength(2)
  })

  it('passes the path prefix to ListUsers', async () => {
    const aws = mockAws()
    aws.iam.on(ListUsersCommand).callsFake((input: { PathPrefix?: string }) => ({
      Users: [{ UserName: 'dana', Path: input.PathPrefix, Arn: `arn:aws:iam::${ACCOUNT}:user${input.PathPrefix}dana`, UserId: 'AIDADANA', CreateDate: created }],
      IsTruncated: false,
    }))
    expect(await aws.provider().listPrincipals!({ kind: 'user', account: null, pathPrefix: '/eng/' })).toEqual([`arn:aws:iam::${ACCOUNT}:user/eng/dana`])
  })

  it('refuses another account: IAM lists its own only', async () => {
    const aws = mockAws()
    const error = await failure(() => aws.provider().listPrincipals!({ kind: 'role', account: '222222222222', pathPrefix: null }))
    expect(error.code).toBe('credentials')
    expect(error.message).toBe(
      `The roles of account 222222222222 cannot be listed with the default credentials (environment variables or the default profile), which belong to account ${ACCOUNT}; IAM lists its own account only, so give the audit a role to assume in each account (assumeRoleName) or run it with --profile for account 222222222222.`,
    )
    expect(aws.iam.commandCalls(ListRolesCommand)).toHaveLength(0)
  })

  it('names the permission when ListRoles is denied', async () => {
    const aws = mockAws()
    aws.iam.on(ListRolesCommand).rejects(awsError('AccessDenied', 'User: arn:aws:iam::111111111111:user/operator is not authorized to perform: iam:ListRoles', 403))
    const error = await failure(() => aws.provider().listPrincipals!({ kind: 'role', account: null, pathPrefix: null }))
    expect(error.code).toBe('access-denied')
    expect(error.message).toMatch(/^The roles of account 111111111111 could not be listed \(AccessDenied: .*\); the credentials need iam:ListRoles \(see the account reader policy in the README\)\.$/)
  })
})
