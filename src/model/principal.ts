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
  const base = {
    arn,
    roleArn: null,
    sessionName: null,
    name: null,
    uniqueId: null,
    isServiceLinkedRole: false,
    tags: null,
    service: null,
  }
  if (arn === '*' || arn.toLowerCase() === 'anonymous') {
    return { ...base, kind: 'anonymous', partition: 'aws', account: '', principalArn: arn }
  }
  if (SERVICE_PRINCIPAL.test(arn)) {
    return { ...base, kind: 'service', partition: 'aws', account: '', principalArn: arn, service: arn }
  }
  const m = /^arn:([a-z-]+):(iam|sts)::(\d{12}):(.+)$/.exec(arn)
  if (!m) return null
  const [, partition, service, account, resource] = m as unknown as [string, string, string, string, string]
  const common = { ...base, partition, account }
  if (service === 'iam') {
    if (resource === 'root') return { ...common, kind: 'root', principalArn: arn }
    const slash = resource.indexOf('/')
    if (slash < 0) return null
    const type = resource.slice(0, slash)
    const name = resource.slice(resource.lastIndexOf('/') + 1)
    if (!name) return null
    if (type === 'user') return { ...common, kind: 'user', principalArn: arn, name }
    if (type === 'role') {
      const isServiceLinkedRole = resource.startsWith('role/aws-service-role/')
      return { ...common, kind: 'role', principalArn: arn, roleArn: arn, name, isServiceLinkedRole }
    }
    return null
  }
  const parts = resource.split('/')
  if (parts[0] === 'assumed-role' && parts.length >= 3 && parts[1] && parts[2]) {
    const roleName = parts[1]
    const roleArn = `arn:${partition}:iam::${account}:role/${roleName}`
    // Service-linked roles are all named AWSServiceRoleFor…; their path is aws-service-role/.
    const isServiceLinkedRole = roleName.startsWith('AWSServiceRoleFor')
    return {
      ...common,
      kind: 'assumed-role',
      principalArn: roleArn,
      roleArn,
      sessionName: parts.slice(2).join('/'),
      name: roleName,
      isServiceLinkedRole,
    }
  }
  if (parts[0] === 'federated-user' && parts.length === 2 && parts[1]) {
    return { ...common, kind: 'federated-user', principalArn: arn, name: parts[1] }
  }
  return null
}
