/**
 * The identity side from the snapshot: managed (default version) and inline policies of the
 * user or role, for a user those of every group it belongs to, and the permissions boundary.
 * Anything referenced but missing from the snapshot becomes a gap, never "no policy".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
 */
import type { SourcedPolicy } from '../../model/index.js'
import { parseDocument, type Gaps } from './documents.js'
import type { AttachedPolicy, InlinePolicy, PermissionsBoundary, SnapshotRole, SnapshotUser } from './format.js'
import { Kept } from './kept.js'
import type { Entity } from './principal.js'
import type { SnapshotIndex } from './snapshot-index.js'

export interface IdentitySide {
  readonly identity: readonly SourcedPolicy[]
  readonly boundary: SourcedPolicy | null
}

/** A user, role or group whose policies are read. */
interface Holder {
  readonly label: string
  readonly name: string
  readonly attached: readonly AttachedPolicy[]
  readonly inline: readonly InlinePolicy[]
}

const NO_IDENTITY: IdentitySide = Object.freeze({ identity: Object.freeze([]), boundary: null })

/**
 * One per provider. The identity side of an entity never changes within a snapshot, so it is
 * read once per user or role object (and account) and the same frozen `identity` array and
 * `boundary` object are returned on every later read, with the gaps the first read met
 * replayed (why the same objects matter: kept.ts).
 */
export class IdentityReader {
  private readonly kept = new WeakMap<SnapshotRole | SnapshotUser, Kept<IdentitySide>>()

  constructor(private readonly index: SnapshotIndex) {}

  read(entity: Entity | null, account: string, gaps: Gaps): IdentitySide {
    if (!entity) return NO_IDENTITY
    const key = entity.kind === 'role' ? entity.role : entity.user
    let forEntity = this.kept.get(key)
    if (!forEntity) {
      forEntity = new Kept()
      this.kept.set(key, forEntity)
    }
    return forEntity.read(account, gaps, (own) => Object.freeze(this.build(entity, account, own)))
  }

  /** The side built in full before it is kept: the array is frozen once complete, never pushed to later. */
  private build(entity: Entity, account: string, gaps: Gaps): IdentitySide {
    if (entity.kind === 'role') {
      const { role } = entity
      const holder = { label: `role \`${role.roleName}\``, name: role.roleName, attached: role.attachedManagedPolicies, inline: role.rolePolicyList }
      return { identity: Object.freeze(this.policiesOf(holder, account, gaps)), boundary: this.boundary(role.permissionsBoundary ?? null, holder, account, gaps) }
    }
    const { user } = entity
    const holder = { label: `user \`${user.userName}\``, name: user.userName, attached: user.attachedManagedPolicies, inline: user.userPolicyList }
    const identity = this.policiesOf(holder, account, gaps)
    for (const groupName of user.groupList) {
      const group = this.index.group(account, groupName)
      if (!group) {
        gaps.add(
          `group \`${groupName}\` of user \`${user.userName}\` is not in the snapshot`,
          `The policies of group \`${groupName}\` were not read, so a Deny in them cannot be checked; collect the snapshot again.`,
        )
        continue
      }
      identity.push(...this.policiesOf({ label: `group \`${group.groupName}\``, name: group.groupName, attached: group.attachedManagedPolicies, inline: group.groupPolicyList }, account, gaps))
    }
    return { identity: Object.freeze(identity), boundary: this.boundary(user.permissionsBoundary ?? null, holder, account, gaps) }
  }

  private policiesOf(holder: Holder, account: string, gaps: Gaps): SourcedPolicy[] {
    const out: SourcedPolicy[] = []
    for (const { policyName, policyArn } of holder.attached) {
      const origin = `managed policy \`${policyName}\` attached to ${holder.label}`
      const managed = this.index.managedPolicy(account, policyArn)
      if (!managed) {
        gaps.add(`${policyArn} is not in the snapshot`, `The ${origin} was not read, so a Deny in it cannot be checked; collect the snapshot again.`)
        continue
      }
      const source = { type: 'identity' as const, name: policyName, arn: policyArn, attachedTo: holder.name, origin }
      const parsed = gaps.take(parseDocument(managed.document, source, 'identity', gaps.source))
      if (parsed) out.push(parsed)
    }
    for (const { policyName, policyDocument } of holder.inline) {
      const source = { type: 'identity' as const, name: policyName, arn: null, attachedTo: holder.name, origin: `inline policy \`${policyName}\` of ${holder.label}` }
      const parsed = gaps.take(parseDocument(policyDocument, source, 'identity', gaps.source))
      if (parsed) out.push(parsed)
    }
    return out
  }

  private boundary(boundary: PermissionsBoundary | null, holder: Holder, account: string, gaps: Gaps): SourcedPolicy | null {
    if (!boundary) return null
    const arn = boundary.permissionsBoundaryArn
    const managed = this.index.managedPolicy(account, arn)
    const name = managed?.policyName ?? arn.slice(arn.lastIndexOf('/') + 1)
    const origin = `permissions boundary \`${name}\` of ${holder.label}`
    if (!managed) {
      gaps.add(`${arn} is not in the snapshot`, `The ${origin} was not read, so what it allows and denies cannot be checked; collect the snapshot again.`)
      return null
    }
    const source = { type: 'boundary' as const, name, arn, attachedTo: holder.name, origin }
    return gaps.take(parseDocument(managed.document, source, 'boundary', gaps.source))
  }
}
