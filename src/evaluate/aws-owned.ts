import type { PrincipalInfo } from '../model/index.js'
import { NEED_TEXTS } from '../model/need-texts.js'

/**
 * Resources only AWS may change, whatever the caller's policies say. IAM refuses the change
 * itself, so a verdict for such a request is never a bare Allowed: it names the rule.
 *
 * - AWS managed policies (`arn:aws:iam::aws:policy/…`) are created and administered by AWS;
 *   "You cannot change the permissions defined in AWS managed policies", and they cannot be
 *   edited or deleted: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/about-managed-policy-reference
 *   and https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-edit.html
 * - Service-linked roles (`role/aws-service-role/…`) are protected: "Only the service that
 *   depends on the service-linked role can modify or delete the role" (UnmodifiableEntity):
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html (Errors) and
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-service-linked-role.html
 *   The same guide says the description of any role can be edited, while UpdateRoleDescription
 *   lists UnmodifiableEntity among its errors: the pages disagree, so UpdateRole and
 *   UpdateRoleDescription on a service-linked role are evaluated as before.
 * - IAM Identity Center roles (`role/aws-reserved/sso.amazonaws.com/…`): "Cannot perform the
 *   operation on the protected role … this role is only modifiable by AWS":
 *   https://repost.aws/knowledge-center/identity-center-aws-reserved-sso
 *
 * Reads (Get*, List*) and uses (iam:PassRole, sts:AssumeRole, attaching an AWS managed policy
 * to one's own role) are not changes of these resources and are evaluated as usual.
 */

/** The `level` of the missing Allow that stands for AWS's own refusal. */
export const AWS_OWNED_LEVEL = 'AWS-owned resource'

/** IAM actions that change a managed policy. */
const POLICY_CHANGES: ReadonlySet<string> = new Set([
  'iam:createpolicyversion',
  'iam:deletepolicy',
  'iam:deletepolicyversion',
  'iam:setdefaultpolicyversion',
  'iam:tagpolicy',
  'iam:untagpolicy',
])

/** IAM actions that change a role and whose API reference lists UnmodifiableEntity. */
const ROLE_CHANGES: ReadonlySet<string> = new Set([
  'iam:deleterole',
  'iam:updateassumerolepolicy',
  'iam:putrolepolicy',
  'iam:deleterolepolicy',
  'iam:attachrolepolicy',
  'iam:detachrolepolicy',
  'iam:putrolepermissionsboundary',
  'iam:deleterolepermissionsboundary',
])

/** Also changes of an Identity Center role (any change, the description included). */
const DESCRIPTION_CHANGES: ReadonlySet<string> = new Set(['iam:updaterole', 'iam:updateroledescription'])

const MANAGED_POLICY = /^arn:[a-z-]+:iam::aws:policy\//
const IAM_ROLE = /^arn:[a-z-]+:iam::\d{12}:role(\/.*)$/

/**
 * Why AWS refuses `action` on `resource` whoever asks (one sentence), or null when it does not.
 * A service-linked role of AWS's own service making the change is AWS changing its resource.
 */
export function awsOwnedRefusal(action: string, resource: string | null, principal: PrincipalInfo): string | null {
  // Both patterns below name IAM: most resources are ruled out without a regular expression
  // or lower-casing the action (this runs on every evaluation).
  if (resource === null || !resource.includes(':iam::')) return null
  const lower = action.toLowerCase()
  if (MANAGED_POLICY.test(resource)) {
    if (!POLICY_CHANGES.has(lower)) return null
    return NEED_TEXTS.managedPolicy.en(resource, action)
  }
  const role = IAM_ROLE.exec(resource)
  if (!role || principal.isServiceLinkedRole) return null
  const path = role[1]!
  if (path.startsWith('/aws-reserved/sso.amazonaws.com/') && (ROLE_CHANGES.has(lower) || DESCRIPTION_CHANGES.has(lower))) {
    return NEED_TEXTS.identityCenterRole.en(resource, action)
  }
  if (path.startsWith('/aws-service-role/') && ROLE_CHANGES.has(lower)) {
    return NEED_TEXTS.serviceLinkedRole.en(resource, action)
  }
  return null
}
