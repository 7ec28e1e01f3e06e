/**
 * The roles or users of the credentials' account, for `audit` selectors such as
 * `{roles: "Deploy*"}`: ListRoles / ListUsers through the SDK's paginators (a large account
 * answers in many pages), each listing asked once per provider.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html
 */
import { paginateListRoles, paginateListUsers } from '@aws-sdk/client-iam'
import { SourceError } from '../errors.js'
import type { PrincipalFilter } from '../types.js'
import type { AwsClientPool } from './clients.js'
import { classifyAwsError, describeAwsError, gapFor } from './errors.js'
import { OnceCache } from './limit.js'

export class PrincipalLister {
  private readonly cache = new OnceCache<string[]>()

  constructor(
    private readonly pool: AwsClientPool,
    /** The account of the caller's credentials: IAM lists that account only. */
    private readonly callerAccount: () => Promise<string>,
  ) {}

  /** Sorted ARNs (path included) of the users or roles the filter selects. */
  async list(filter: PrincipalFilter): Promise<string[]> {
    const own = await this.callerAccount()
    if (filter.account !== null && filter.account !== own) {
      throw new SourceError(
        'credentials',
        `The ${filter.kind}s of account ${filter.account} cannot be listed with ${this.pool.describeCredentials('caller')}, which belong to account ${own}; IAM lists its own account only, so give the audit a role to assume in each account (assumeRoleName) or run it with --profile for account ${filter.account}.`,
      )
    }
    const prefix = filter.pathPrefix ?? '/'
    return this.cache.get(`${filter.kind}|${prefix}`, async () => {
      try {
        return (filter.kind === 'role' ? await this.roles(prefix) : await this.users(prefix)).sort()
      } catch (error) {
        throw this.failure(error, filter.kind, own)
      }
    })
  }

  private async roles(prefix: string): Promise<string[]> {
    const out: string[] = []
    for await (const page of paginateListRoles({ client: this.pool.iam() }, { PathPrefix: prefix })) {
      for (const role of page.Roles ?? []) if (role.Arn) out.push(role.Arn)
    }
    return out
  }

  private async users(prefix: string): Promise<string[]> {
    const out: string[] = []
    for await (const page of paginateListUsers({ client: this.pool.iam() }, { PathPrefix: prefix })) {
      for (const user of page.Users ?? []) if (user.Arn) out.push(user.Arn)
    }
    return out
  }

  private failure(error: unknown, kind: PrincipalFilter['kind'], account: string): Error {
    if (error instanceof SourceError) return error
    const operation = kind === 'role' ? 'iam:ListRoles' : 'iam:ListUsers'
    if (classifyAwsError(error) === 'access-denied') {
      return new SourceError(
        'access-denied',
        `The ${kind}s of account ${account} could not be listed (${describeAwsError(error)}); the credentials need ${operation} (see the account reader policy in the README).`,
        { cause: error },
      )
    }
    gapFor(error, 'iam', '') // throws for credentials, network, region and program errors
    return new SourceError('failed', `The ${kind}s of account ${account} could not be listed (${describeAwsError(error)}).`, { cause: error })
  }
}
