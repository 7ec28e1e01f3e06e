/**
 * Who made the request, as the snapshot knows it: the ARN enriched with the role or user
 * path, unique ID and tags. A principal the snapshot does not hold is an error naming the
 * file, the principal, the accounts the snapshot holds and any close names, never a guess.
 * Identifiers: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */
import { principalFromArn, type CollectionGap, type PrincipalInfo } from '../../model/index.js'
import { federatedUserGap } from '../gaps.js'
import { closeNames } from './close-names.js'
import { SnapshotError } from './errors.js'
import type { SnapshotRole, SnapshotUser, Tag } from './format.js'
import { QUERY_KEYED_LIMIT } from './kept.js'
import type { SnapshotIndex } from './snapshot-index.js'

export type Entity = { readonly kind: 'user'; readonly user: SnapshotUser } | { readonly kind: 'role'; readonly role: SnapshotRole }

export interface ResolvedPrincipal {
  readonly info: PrincipalInfo
  /** The IAM user or role whose policies apply; null for root, federated users, services, anonymous. */
  readonly entity: Entity | null
  readonly knownContext: readonly (readonly [string, readonly string[]])[]
  readonly gaps: readonly CollectionGap[]
}

/** Absent tags mean "not collected": principal tags then stay unknown rather than absent. */
function tagRecord(tags: readonly Tag[] | undefined): Record<string, string> | null {
  if (tags === undefined) return null
  return Object.fromEntries(tags.map((t) => [t.key, t.value]))
}

/** Shared between gathers, so frozen, down to the tags and the context values. */
function frozen(resolved: ResolvedPrincipal): ResolvedPrincipal {
  const { info } = resolved
  if (info.tags) Object.freeze(info.tags)
  for (const entry of resolved.knownContext) Object.freeze(Object.freeze(entry)[1])
  Object.freeze(resolved.knownContext)
  for (const gap of resolved.gaps) Object.freeze(gap)
  Object.freeze(resolved.gaps)
  Object.freeze(info)
  return Object.freeze(resolved)
}

/**
 * One per provider. Each ARN is resolved once: later resolutions return the same frozen
 * ResolvedPrincipal, whose `info` the engine keys its per-caller caches by (see kept.ts). A
 * principal the snapshot does not hold fails the same way every time: the failure is kept and
 * a fresh SnapshotError with the same message is thrown on each later resolution.
 */
export class PrincipalResolver {
  private readonly kept = new Map<string, ResolvedPrincipal | SnapshotError>()

  constructor(
    private readonly index: SnapshotIndex,
    private readonly file: string,
  ) {}

  resolve(arn: string): ResolvedPrincipal {
    const kept = this.kept.get(arn)
    if (kept instanceof SnapshotError) throw new SnapshotError(kept.file, kept.message, kept.jsonPath)
    if (kept) return kept
    if (this.kept.size >= QUERY_KEYED_LIMIT) this.kept.clear()
    try {
      const resolved = frozen(this.resolveAfresh(arn))
      this.kept.set(arn, resolved)
      return resolved
    } catch (error) {
      if (error instanceof SnapshotError) this.kept.set(arn, error)
      throw error
    }
  }

  private resolveAfresh(arn: string): ResolvedPrincipal {
    const base = principalFromArn(arn)
    if (!base) {
      throw new SnapshotError(this.file, `\`${arn}\` is not the ARN of an IAM user, role, role session, federated user or root user, so snapshot ${this.file} cannot be asked about it.`)
    }
    switch (base.kind) {
      case 'user':
        return this.user(base)
      case 'role':
      case 'assumed-role':
        return this.role(base)
      case 'federated-user':
        this.requireIam(base)
        return { info: { ...base, tags: null }, entity: null, knownContext: [], gaps: [federatedUserGap(base.name, `snapshot ${this.file}`)] }
      case 'root':
        if (!this.index.knowsAccount(base.account)) throw this.unknownAccount(base)
        // The root user cannot be tagged, so no principal tag is in its requests.
        return { info: { ...base, tags: {} }, entity: null, knownContext: [], gaps: [] }
      default:
        // Service principals and anonymous callers have no IAM policies to read.
        return { info: base, entity: null, knownContext: [], gaps: [] }
    }
  }

  private user(base: PrincipalInfo): ResolvedPrincipal {
    this.requireIam(base)
    const user = this.index.user(base.account, base.name ?? '')
    if (!user) throw this.notFound(base, 'user')
    return {
      info: { ...base, arn: user.arn, principalArn: user.arn, name: user.userName, uniqueId: user.userId, tags: tagRecord(user.tags) },
      entity: { kind: 'user', user },
      knownContext: [['aws:userid', [user.userId]]],
      gaps: [],
    }
  }

  private role(base: PrincipalInfo): ResolvedPrincipal {
    this.requireIam(base)
    const role = this.index.role(base.account, base.name ?? '')
    if (!role) throw this.notFound(base, 'role')
    const session = base.kind === 'assumed-role' ? base.sessionName : null
    const info: PrincipalInfo = {
      ...base,
      // aws:PrincipalArn of a session is the role ARN with its path: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
      arn: base.kind === 'role' ? role.arn : base.arn,
      principalArn: role.arn,
      roleArn: role.arn,
      name: role.roleName,
      uniqueId: role.roleId,
      // Service-linked roles all live under /aws-service-role/: https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
      isServiceLinkedRole: role.path.startsWith('/aws-service-role/'),
      // The role's IAM tags; session tags passed to AssumeRole (which override them) are not stored anywhere.
      tags: tagRecord(role.tags),
    }
    return {
      info,
      entity: { kind: 'role', role },
      // For a role session, aws:userid is the role's unique ID and the session name.
      knownContext: session ? [['aws:userid', [`${role.roleId}:${session}`]]] : [],
      gaps: [],
    }
  }

  private requireIam(base: PrincipalInfo): void {
    const account = this.index.account(base.account)
    if (account?.iam) return
    if (!this.index.knowsAccount(base.account)) throw this.unknownAccount(base)
    throw new SnapshotError(
      this.file,
      `Snapshot file ${this.file} holds no IAM data for account ${base.account}, the account of \`${base.arn}\` (see its "incomplete" list for why); it holds IAM data for accounts ${this.index.describeAccounts()}. Collect that account again, or diagnose it live.`,
    )
  }

  private unknownAccount(base: PrincipalInfo): SnapshotError {
    return new SnapshotError(
      this.file,
      `Snapshot file ${this.file} holds nothing about account ${base.account}, the account of \`${base.arn}\`: it holds IAM data for accounts ${this.index.describeAccounts()}. Collect a snapshot with credentials for account ${base.account}, or diagnose it live.`,
    )
  }

  private notFound(base: PrincipalInfo, kind: 'user' | 'role'): SnapshotError {
    const name = base.name ?? ''
    const close = closeNames(name, this.index.allPrincipals(), (p) => p.name)
    const guess = close.length ? ` Did you mean ${close.map((p) => `${p.kind} \`${p.name}\` (${p.arn})`).join(', or ')}?` : ''
    const takenAt = this.index.snapshot.takenAt
    return new SnapshotError(
      this.file,
      `Snapshot file ${this.file} has no IAM ${kind} \`${name}\` in account ${base.account}, so \`${base.arn}\` cannot be diagnosed from it.${guess} The snapshot was taken ${takenAt} and holds IAM data for accounts ${this.index.describeAccounts()}; a ${kind} created since then needs a new snapshot.`,
    )
  }
}
