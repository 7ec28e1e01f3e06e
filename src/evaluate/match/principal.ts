import { ACCOUNT_ID, parseArn } from '../../model/arn.js'
import type { PrincipalBlock, PrincipalInfo, Statement, Tri } from '../../model/index.js'

/**
 * Principal / NotPrincipal matching in resource-based, endpoint and RCP statements.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 *
 * How a resource policy names the caller decides which implicit denies can still block its
 * grant (iam-deny-reference §3.6), so a match carries its strength:
 * - direct: the user ARN, the session ARN, the federated-user ARN, a service, or `*`
 * - role: the role ARN of a role session
 * - account: the account ID or its :root ARN (delegation to the account's IAM policies)
 */
export type PrincipalStrength = 'direct' | 'role' | 'account'

export interface PrincipalMatch {
  readonly result: Tri
  readonly strength: PrincipalStrength | null
  /** The entry that named the caller, for the report. */
  readonly entry: string | null
  readonly unknownKeys: readonly string[]
}

const NONE: PrincipalMatch = { result: false, strength: null, entry: null, unknownKeys: [] }
const RANK: Record<PrincipalStrength, number> = { direct: 3, role: 2, account: 1 }

function isIamPrincipal(p: PrincipalInfo): boolean {
  return p.kind !== 'service' && p.kind !== 'anonymous'
}

function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1)
}

/** How one `AWS` entry names the caller, if it does. */
function matchAwsEntry(entry: string, p: PrincipalInfo): PrincipalMatch {
  if (entry === '*') return { result: true, strength: 'direct', entry, unknownKeys: [] }
  if (!isIamPrincipal(p)) return NONE
  if (ACCOUNT_ID.test(entry)) {
    return entry === p.account ? { result: true, strength: 'account', entry, unknownKeys: [] } : NONE
  }
  // Unique IDs (AIDA… users, AROA… roles) appear when the named entity was deleted or in
  // trust policies; they match only that very entity.
  if (/^A[A-Z0-9]{15,}$/.test(entry)) {
    if (p.uniqueId === null) return { result: 'unknown', strength: entry.startsWith('AROA') ? 'role' : 'direct', entry, unknownKeys: ['aws:userid'] }
    return entry === p.uniqueId ? { result: true, strength: entry.startsWith('AROA') ? 'role' : 'direct', entry, unknownKeys: [] } : NONE
  }
  const arn = parseArn(entry)
  if (!arn || arn.account !== p.account || arn.partition !== p.partition) return NONE
  if (arn.service === 'iam' && arn.resource === 'root') return { result: true, strength: 'account', entry, unknownKeys: [] }
  if (entry === p.arn) {
    // The caller's own ARN: a user, a session or a federated user, named directly. A role
    // ARN given as the caller stands for a session of it, so it names the role.
    return { result: true, strength: p.kind === 'role' ? 'role' : 'direct', entry, unknownKeys: [] }
  }
  if (p.kind === 'role' && isSessionOf(arn.resource, p)) {
    // The caller was given as a role: which session made the call is not known.
    return { result: 'unknown', strength: 'direct', entry, unknownKeys: ['aws:userid'] }
  }
  if (arn.service === 'iam' && arn.resource.startsWith('role/') && p.roleArn) {
    // A role ARN matches every session of the role. Role names are unique within an account
    // whatever their path, so compare names when the caller's path is not known.
    if (entry === p.roleArn || roleName(entry) === roleName(p.roleArn)) {
      return { result: true, strength: 'role', entry, unknownKeys: [] }
    }
  }
  return NONE
}

/** Whether an ARN's resource part (`assumed-role/ROLE/SESSION`) is a session of the caller's role. */
function isSessionOf(resource: string, p: PrincipalInfo): boolean {
  const parts = resource.split('/')
  return parts[0] === 'assumed-role' && parts.length >= 3 && parts[1] === p.name
}

function best(a: PrincipalMatch, b: PrincipalMatch): PrincipalMatch {
  if (a.result === true && b.result === true) return RANK[a.strength!] >= RANK[b.strength!] ? a : b
  if (a.result === true) return a
  if (b.result === true) return b
  if (a.result === 'unknown') return a
  return b
}

/** Whether a Principal block names the caller, and how strongly. */
export function blockNamesCaller(block: PrincipalBlock, p: PrincipalInfo): PrincipalMatch {
  if (block.wildcard) return { result: true, strength: 'direct', entry: '*', unknownKeys: [] }
  let result = NONE
  for (const entry of block.aws) result = best(result, matchAwsEntry(entry, p))
  if (p.kind === 'service' && p.service) {
    for (const entry of block.service) if (entry === p.service) result = best(result, { result: true, strength: 'direct', entry, unknownKeys: [] })
  }
  return result
}

/** Principal / NotPrincipal of a statement. Statements without either apply to the caller. */
export function matchPrincipal(statement: Statement, p: PrincipalInfo): PrincipalMatch {
  if (statement.principal) return blockNamesCaller(statement.principal, p)
  if (statement.notPrincipal) {
    // Only an exact listing of the caller's own ARN exempts it (iam-deny-reference §4.6);
    // AWS may evaluate the account and the role separately, so anything less may not.
    const listed = statement.notPrincipal.aws
    const exempt = p.kind === 'role' ? false : listed.includes(p.arn) || (p.service !== null && statement.notPrincipal.service.includes(p.service))
    if (exempt) return NONE
    // A caller given as a role may be one of the sessions the statement exempts.
    const maybe = p.kind === 'role' && listed.some((entry) => isSessionOf(parseArn(entry)?.resource ?? '', p))
    if (maybe) return { result: 'unknown', strength: 'direct', entry: `NotPrincipal (exempts some sessions of ${p.arn})`, unknownKeys: ['aws:userid'] }
    return { result: true, strength: 'direct', entry: `NotPrincipal (${p.arn} is not listed)`, unknownKeys: [] }
  }
  return { result: true, strength: null, entry: null, unknownKeys: [] }
}
