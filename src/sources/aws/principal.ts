/**
 * Who made the request, as IAM knows it: the ARN enriched with the role or user path, unique
 * ID, tags and permissions boundary. IAM is read in the credentials' own account only, so a
 * principal of another account is refused rather than confused with a namesake.
 * Identifiers: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
import { GetRoleCommand, GetUserCommand, type Role, type Tag, type User } from '@aws-sdk/client-iam'
import { principalFromArn, type CollectionGap, type PrincipalInfo } from '../../model/index.js'
import { SourceError } from '../errors.js'
import { federatedUserGap } from '../gaps.js'
import type { AwsClientPool } from './clients.js'
import { classifyAwsError, describeAwsError, gapFor } from './errors.js'
import { OnceCache } from './limit.js'

/** The IAM user or role whose policies apply to the request, as its ARN names it. */
export interface IamHolder {
  readonly kind: 'user' | 'role'
  readonly name: string
}

/** The IAM user or role, with the permissions boundary GetUser / GetRole named. */
export interface IamEntity extends IamHolder {
  readonly boundaryArn: string | null
}

/**
 * The IAM user or role whose policies apply, from the ARN alone (an assumed-role session names
 * its role): enough to list its policies without waiting for GetRole / GetUser. null for the
 * root user, federated users, service principals and anonymous callers.
 */
export function holderOf(principal: PrincipalInfo): IamHolder | null {
  if (principal.kind === 'user') return { kind: 'user', name: principal.name ?? '' }
  if (principal.kind === 'role' || principal.kind === 'assumed-role') return { kind: 'role', name: principal.name ?? '' }
  return null
}

export interface ResolvedPrincipal {
  readonly info: PrincipalInfo
  /** null for the root user, federated users, service principals and anonymous callers. */
  readonly entity: IamEntity | null
  readonly knownContext: readonly (readonly [string, readonly string[]])[]
  readonly gaps: readonly CollectionGap[]
}

function tagRecord(tags: readonly Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? ''
  return out
}

/** Service-linked roles all live under the `/aws-service-role/` path. */
function isServiceLinkedPath(path: string | undefined): boolean {
  return (path ?? '').startsWith('/aws-service-role/')
}

function lookupFailure(error: unknown, what: string, account: string, permission: string): never {
  if (error instanceof SourceError) throw error
  const kind = classifyAwsError(error)
  const detail = describeAwsError(error)
  if (kind === 'not-found') {
    throw new SourceError('not-found', `${what} does not exist in account ${account} (${detail}); check the name in the ARN.`, { cause: error })
  }
  if (kind === 'access-denied') {
    throw new SourceError(
      'access-denied',
      `${what} in account ${account} could not be read (${detail}); the credentials need ${permission} (see the account reader policy in the README).`,
      { cause: error },
    )
  }
  gapFor(error, 'iam', '') // throws for credentials, network, region and program errors
  throw new SourceError('failed', `${what} in account ${account} could not be read (${detail}).`, { cause: error })
}

export class PrincipalReader {
  private readonly users = new OnceCache<User | undefined>()
  private readonly roles = new OnceCache<Role | undefined>()

  constructor(
    private readonly pool: AwsClientPool,
    /** The account of the caller's credentials (GetCallerIdentity, asked once). */
    private readonly callerAccount: () => Promise<string>,
  ) {}

  /** What the ARN says; a SourceError for text that names no principal (before AWS is asked anything). */
  parse(arn: string): PrincipalInfo {
    const base = principalFromArn(arn)
    if (!base) {
      throw new SourceError('failed', `\`${arn}\` is not the ARN of an IAM user, role, role session, federated user or root user.`)
    }
    return base
  }

  /** `base` (from `parse`) enriched from IAM; rejects when it does not exist or is in another account. */
  async resolve(base: PrincipalInfo): Promise<ResolvedPrincipal> {
    switch (base.kind) {
      case 'user':
        return this.user(base)
      case 'role':
      case 'assumed-role':
        return this.role(base)
      case 'federated-user':
        return { info: base, entity: null, knownContext: [], gaps: [federatedUserGap(base.name, 'iam')] }
      default:
        // Root, service principals and anonymous callers have no IAM policies to read.
        return { info: base, entity: null, knownContext: [], gaps: [] }
    }
  }

  /**
   * Settles once the credentials are known to belong to the principal's account; rejects with
   * the refusal otherwise. Nothing of IAM is read before, so a namesake in the credentials'
   * account is never read.
   */
  async sameAccount(base: PrincipalInfo): Promise<void> {
    const account = await this.callerAccount()
    if (account !== base.account) {
      throw new SourceError(
        'credentials',
        `\`${base.arn}\` is in account ${base.account}, but ${this.pool.describeCredentials('caller')} belong to account ${account}; IAM can only be read in its own account, so run with --profile for account ${base.account}.`,
      )
    }
  }

  private async user(base: PrincipalInfo): Promise<ResolvedPrincipal> {
    await this.sameAccount(base)
    const name = base.name ?? ''
    let user
    try {
      user = await this.users.get(name, async () => (await this.pool.iam().send(new GetUserCommand({ UserName: name }))).User)
    } catch (error) {
      lookupFailure(error, `IAM user \`${name}\``, base.account, 'iam:GetUser')
    }
    const arn = user?.Arn ?? base.arn
    const uniqueId = user?.UserId ?? null
    return {
      info: { ...base, arn, principalArn: arn, uniqueId, tags: tagRecord(user?.Tags) },
      entity: { kind: 'user', name, boundaryArn: user?.PermissionsBoundary?.PermissionsBoundaryArn ?? null },
      knownContext: uniqueId ? [['aws:userid', [uniqueId]]] : [],
      gaps: [],
    }
  }

  private async role(base: PrincipalInfo): Promise<ResolvedPrincipal> {
    await this.sameAccount(base)
    const name = base.name ?? ''
    let role
    try {
      role = await this.roles.get(name, async () => (await this.pool.iam().send(new GetRoleCommand({ RoleName: name }))).Role)
    } catch (error) {
      lookupFailure(error, `IAM role \`${name}\``, base.account, 'iam:GetRole')
    }
    const roleArn = role?.Arn ?? base.roleArn ?? base.arn
    const uniqueId = role?.RoleId ?? null
    const session = base.kind === 'assumed-role' ? base.sessionName : null
    const info: PrincipalInfo = {
      ...base,
      arn: base.kind === 'role' ? roleArn : base.arn,
      principalArn: roleArn,
      roleArn,
      uniqueId,
      isServiceLinkedRole: role ? isServiceLinkedPath(role.Path) : base.isServiceLinkedRole,
      // The role's IAM tags; session tags passed to AssumeRole (which override them) are not stored anywhere.
      tags: tagRecord(role?.Tags),
    }
    return {
      info,
      entity: { kind: 'role', name, boundaryArn: role?.PermissionsBoundary?.PermissionsBoundaryArn ?? null },
      // For a role session, aws:userid is the role's unique ID and the session name.
      knownContext: uniqueId && session ? [['aws:userid', [`${uniqueId}:${session}`]]] : [],
      gaps: [],
    }
  }
}
