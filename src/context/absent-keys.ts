/**
 * Keys a request can never carry, so that a condition on them is decided as AWS decides it
 * (a missing key) instead of hanging on "unknown".
 *
 * - By action: a tag key (`aws:TagKeys`, `aws:RequestTag/…`, `aws:ResourceTag/…`) or a key of
 *   the action's own service that the Service Authorization Reference does not list for the
 *   action or its resource types. Other global keys, and keys of other services (cross-service
 *   keys such as `ec2:SourceInstanceARN` travel with calls to any service), are left alone.
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * - By principal kind: keys only a role session can carry are absent for IAM users, the root
 *   user and federated users (AWS's "principal key values" table and each key's Availability).
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable
 */
import type { ActionInfo } from '../catalogue/index.js'
import type { PrincipalKind } from '../model/index.js'

const TAG_KEYS = 'aws:tagkeys'
const TAG_PREFIXES = ['aws:requesttag/', 'aws:resourcetag/']

/** Whether the catalogue lists the key for the action, `${TagKey}`-style templates matching any tag. */
function listed(info: ActionInfo, lowerKey: string): boolean {
  if (info.conditionKeys.has(lowerKey)) return true
  for (const template of info.conditionKeys) {
    const open = template.search(/[$<]/)
    if (open > 0 && lowerKey.startsWith(template.slice(0, open))) return true
  }
  return false
}

const byAction = new Map<string, ((lowerKey: string) => boolean) | null>()

/**
 * Whether a key nobody gave is one the action never carries; null when the catalogue does not
 * know the action (then nothing is ruled out). Kept per action: an audit asks it again and again.
 */
export function actionAbsence(action: string, info: ActionInfo | null): ((lowerKey: string) => boolean) | null {
  if (!info) return null
  const name = info.name.toLowerCase()
  if (byAction.has(name)) return byAction.get(name)!
  const service = `${name.split(':')[0]}:`
  const answers = new Map<string, boolean>()
  const absent = (lowerKey: string): boolean => {
    let answer = answers.get(lowerKey)
    if (answer === undefined) {
      const tagKey = lowerKey === TAG_KEYS || TAG_PREFIXES.some((p) => lowerKey.startsWith(p))
      answer = (tagKey || lowerKey.startsWith(service)) && !listed(info, lowerKey)
      if (answers.size < 1000) answers.set(lowerKey, answer)
    }
    return answer
  }
  byAction.set(name, absent)
  return absent
}

/** Keys that only a role session (temporary credentials from AssumeRole*, or an EC2 instance's role) can carry. */
const ROLE_SESSION_KEYS = [
  'aws:SourceIdentity',
  'aws:FederatedProvider',
  'aws:Ec2InstanceSourceVpc',
  'aws:Ec2InstanceSourcePrivateIPv4',
  'ec2:SourceInstanceARN',
  'ec2:RoleDelivery',
  'lambda:SourceFunctionArn',
]

/** Principal keys this kind of principal never has, each with the reason. */
export function principalKindAbsence(kind: PrincipalKind): readonly { readonly key: string; readonly why: string }[] {
  if (kind === 'user' || kind === 'root' || kind === 'federated-user') {
    const who = kind === 'user' ? 'an IAM user' : kind === 'root' ? 'the root user' : 'a federated user (GetFederationToken)'
    const keys = ROLE_SESSION_KEYS.map((key) => ({ key, why: `only a role session carries it, and the caller is ${who}` }))
    // aws:AssumedRoot marks a root session started by sts:AssumeRoot: only the root user has one.
    if (kind !== 'root') keys.push({ key: 'aws:AssumedRoot', why: `only a root session from sts:AssumeRoot carries it, and the caller is ${who}` })
    return keys
  }
  return []
}
