import type { RequestContext } from './context.js'
import type { PrincipalInfo } from './principal.js'

/** A resource type the action touches, from the IAM action catalogue, for an unknown resource. */
export interface ResourceTypeHint {
  readonly name: string
  /** ARN format with `${…}` placeholders, e.g. `arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}`. */
  readonly arnFormat: string
}

/** The request being diagnosed. */
export interface Request {
  readonly principal: PrincipalInfo
  /** `service:Action` as given. */
  readonly action: string
  /** Resource ARNs. Empty means the resource is unknown, not `*`. */
  readonly resources: readonly string[]
  /** For an unknown resource: the resource types the action can touch. */
  readonly resourceTypes: readonly ResourceTypeHint[]
  readonly context: RequestContext
  /** Account that owns the resource, when known. */
  readonly resourceAccount: string | null
  /** Whether the principal's account is the organization's management account. */
  readonly isManagementAccount: boolean
  /** Whether the resource's account is the organization's management account. */
  readonly resourceInManagementAccount: boolean
}
