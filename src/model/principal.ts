/**
 * Who made the request. Derived from an ARN (see src/evaluate/principal-info.ts) and enriched
 * by sources that know more (the role's path, its unique ID, its tags).
 * Identifiers: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 */

export const PRINCIPAL_KINDS = ['user', 'role', 'assumed-role', 'federated-user', 'root', 'service', 'anonymous'] as const
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number]

export interface PrincipalInfo {
  /** The ARN that made the call: the session ARN for role sessions. */
  readonly arn: string
  readonly kind: PrincipalKind
  readonly partition: string
  /** 12-digit account ID ('' for service principals and anonymous). */
  readonly account: string
  /** Value of aws:PrincipalArn: the role ARN (with path when known) for a role session. */
  readonly principalArn: string
  /** For sessions: the role ARN, path included when known. */
  readonly roleArn: string | null
  readonly sessionName: string | null
  /** Friendly name: user name, role name, federated user name. */
  readonly name: string | null
  /** Unique ID (AIDA… for users, AROA… for roles) when a source knows it. */
  readonly uniqueId: string | null
  readonly isServiceLinkedRole: boolean
  /** Principal tags, when a source knows them (IAM tags of the user or role). */
  readonly tags: Readonly<Record<string, string>> | null
  /** Service principal name (`ec2.amazonaws.com`) for kind 'service'. */
  readonly service: string | null
}

const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/

/**
 * What an ARN says about the caller, before any source adds the role path, unique ID or tags.
 * Returns null for text that names no principal.
 */
export function principalFromArn(arn: string): PrincipalInfo | null {
  if (arn === '*' || arn.toLowerCase() === 'anonymous') return outsideAccounts(arn, 'anonymous', null)
  if (SERVICE_PRINCIPAL.test(arn)) return outsideAccounts(arn, 'service', arn)
  const m = /^arn:([a-z-]+):(iam|sts)::(\d{12}):(.+)$/.exec(arn)
  if (!m) return null
  const [, partition, service, account, resource] = m as unknown as [string, string, string, string, string]
  if (service === 'iam') {
    if (resource === 'root') return inAccount(arn, partition, account, 'root', arn, null, null, null, false)
    const slash = resource.indexOf('/')
    if (slash < 0) return null
    const type = resource.slice(0, slash)
    const name = resource.slice(resource.lastIndexOf('/') + 1)
    if (!name) return null
    if (type === 'user') return inAccount(arn, partition, account, 'user', arn, null, null, name, false)
    if (type === 'role') return inAccount(arn, partition, account, 'role', arn, arn, null, name, resource.startsWith('role/aws-service-role/'))
    return null
  }
  const parts = resource.split('/')
  if (parts[0] === 'assumed-role' && parts.length >= 3 && parts[1] && parts[2]) {
    const roleName = parts[1]
    const roleArn = `arn:${partition}:iam::${account}:role/${roleName}`
    // Service-linked roles are all named AWSServiceRoleFor…; their path is aws-service-role/.
    return inAccount(arn, partition, account, 'assumed-role', roleArn, roleArn, parts.slice(2).join('/'), roleName, roleName.startsWith('AWSServiceRoleFor'))
  }
  if (parts[0] === 'federated-user' && parts.length === 2 && parts[1]) {
    return inAccount(arn, partition, account, 'federated-user', arn, null, null, parts[1], false)
  }
  return null
}

// Each principal is one object literal, its keys in the order they always had. Spreading a
// shared base into each (as this did) made V8 copy property by property, and was most of what
// reading a principal cost an audit of 100,000 checks.

/** Anonymous and service principals: no account, no partition of their own. */
function outsideAccounts(arn: string, kind: 'anonymous' | 'service', service: string | null): PrincipalInfo {
  return { arn, roleArn: null, sessionName: null, name: null, uniqueId: null, isServiceLinkedRole: false, tags: null, service, kind, partition: 'aws', account: '', principalArn: arn }
}

function inAccount(
  arn: string,
  partition: string,
  account: string,
  kind: PrincipalKind,
  principalArn: string,
  roleArn: string | null,
  sessionName: string | null,
  name: string | null,
  isServiceLinkedRole: boolean,
): PrincipalInfo {
  return { arn, roleArn, sessionName, name, uniqueId: null, isServiceLinkedRole, tags: null, service: null, partition, account, kind, principalArn }
}
