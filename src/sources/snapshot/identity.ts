/**
 * The identity side from the snapshot: managed (default version) and inline policies of the
 * user or role, for a user those of every group it belongs to, and the permissions boundary.
 * Anything referenced but missing from the snapshot becomes a gap, never "no policy".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
 */
import type { SourcedPolicy } from '../../model/index.js'
import { parseDocument, type Gaps } from './documents.js'
import type { AttachedPolicy, InlinePolicy, PermissionsBoundary } from './format.js'
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

export class IdentityReader {
  constructor(
    private readonly index: SnapshotIndex,
    private readonly gaps: Gaps,
  ) {}

  read(entity: Entity | null, account: string): IdentitySide {
    if (!entity) return { identity: [], boundary: null }
    if (entity.kind === 'role') {
      const { role } = entity
      const holder = { label: `role \`${role.roleName}\``, name: role.roleName, attached: role.attachedManagedPolicies, inline: role.rolePolicyList }
      return { identity: this.policiesOf(holder, account), boundary: this.boundary(role.permissionsBoundary ?? null, holder, account) }
    }
    const { user } = entity
    const holder = { label: `user \`${user.userName}\``, name: user.userName, attached: user.attachedManagedPolicies, inline: user.userPolicyList }
    const identity = this.policiesOf(holder, account)
    for (const groupName of user.groupList) {
      const group = this.index.group(account, groupName)
      if (!group) {
        this.gaps.add(
          `group \`${groupName}\` of user \`${user.userName}\` is not in the snapshot`,
          `The policies of group \`${groupName}\` were not read, so a Deny in them cannot be checked; collect the snapshot again.`,
        )
        continue
      }
      identity.push(...this.policiesOf({ label: `group \`${group.groupName}\``, name: group.groupName, attached: group.attachedManagedPolicies, inline: group.groupPolicyList }, account))
    }
    return { identity, boundary: this.boundary(user.permissionsBoundary ?? null, holder, account) }
  }

  private policiesOf(holder: Holder, account: string): SourcedPolicy[] {
    const out: SourcedPolicy[] = []
    for (const { policyName, policyArn } of holder.attached) {
      const origin = `managed policy \`${policyName}\` attached to ${holder.label}`
      const managed = this.index.managedPolicy(account, policyArn)
      if (!managed) {
        this.gaps.add(`${policyArn} is not in the snapshot`, `The ${origin} was not read, so a Deny in it cannot be checked; collect the snapshot again.`)
        continue
      }
      const source = { type: 'identity' as const, name: policyName, arn: policyArn, attachedTo: holder.name, origin }
      const parsed = this.gaps.take(parseDocument(managed.document, source, 'identity', this.gaps.source))
      if (parsed) out.push(parsed)
    }
    for (const { policyName, policyDocument } of holder.inline) {
      const source = { type: 'identity' as const, name: policyName, arn: null, attachedTo: holder.name, origin: `inline policy \`${policyName}\` of ${holder.label}` }
      const parsed = this.gaps.take(parseDocument(policyDocument, source, 'identity', this.gaps.source))
      if (parsed) out.push(parsed)
    }
    return out
  }

  private boundary(boundary: PermissionsBoundary | null, holder: Holder, account: string): SourcedPolicy | null {
    if (!boundary) return null
    const arn = boundary.permissionsBoundaryArn
    const managed = this.index.managedPolicy(account, arn)
    const name = managed?.policyName ?? arn.slice(arn.lastIndexOf('/') + 1)
    const origin = `permissions boundary \`${name}\` of ${holder.label}`
    if (!managed) {
      this.gaps.add(`${arn} is not in the snapshot`, `The ${origin} was not read, so what it allows and denies cannot be checked; collect the snapshot again.`)
      return null
    }
    const source = { type: 'boundary' as const, name, arn, attachedTo: holder.name, origin }
    return this.gaps.take(parseDocument(managed.document, source, 'boundary', this.gaps.source))
  }
}
