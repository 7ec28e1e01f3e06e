/**
 * Fixes to paste: for each thing that stops the request, the least-privilege change and where
 * it goes, as the contract's `remedies` (cli-contract.md, "JSON output"). They are proposals
 * for a reviewer, built from the Verdict alone:
 *
 * - a layer without an Allow gets the statement to add — exactly the action on exactly the
 *   resources asked for — and where: the user's or role's own policies, the bucket/key/trust
 *   policy (with the exact `Principal`), the permissions boundary, the session policy, the
 *   SCPs of the level that lacked it;
 * - an explicit deny with an exception condition (`ArnNotLike aws:PrincipalArn [...]`) gets
 *   the minimal edit of that statement: the caller's value added to the exception's list, as
 *   an RFC 6902 JSON Patch whose paths start at the statement.
 *
 * A deny without an exception has no minimal edit, and an uncertain statement no remedy yet:
 * neither is given one rather than a guess. A request AWS refuses because the resource is
 * AWS's own (an AWS managed policy, a service-linked or Identity Center role) has none at all:
 * no policy anyone can paste allows it.
 */
import { principalFromArn, type PolicyType, type PrincipalInfo, type StatementFinding, type Verdict } from '../model/index.js'
import { AWS_OWNED_LEVEL } from '../evaluate/aws-owned.js'
import { findKey } from './statement-marks.js'

export const REMEDY_KINDS = ['add-statement', 'edit-statement'] as const
export type RemedyKind = (typeof REMEDY_KINDS)[number]

/** One JSON Patch operation (RFC 6902), its path relative to the statement. */
export interface PatchOperation {
  readonly op: 'add' | 'replace'
  readonly path: string
  readonly value: unknown
}

export interface Remedy {
  /** Where it goes: a role or user ARN, a bucket or key ARN, a VPC endpoint, an organisation level. */
  readonly target: string
  readonly kind: RemedyKind
  /** The layer it changes. */
  readonly policyType: PolicyType
  /** For SCPs and RCPs: the organisation level it belongs at. */
  readonly level?: string
  /** add-statement: the policy (or the statement to add to the existing policy there). */
  readonly policy?: { readonly Version: '2012-10-17'; readonly Statement: readonly Record<string, unknown>[] }
  /** edit-statement: which statement of which policy. */
  readonly policyName?: string | null
  readonly statementIndex?: number
  readonly sid?: string | null
  readonly patch?: readonly PatchOperation[]
}

// Operators whose statement stops applying once the caller's value is on their list: the
// exception lists of a Deny ("denies unless aws:PrincipalArn matches …").
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
const EXCEPTION_OPERATOR = /^(StringNotEquals|StringNotEqualsIgnoreCase|StringNotLike|ArnNotEquals|ArnNotLike)(IfExists)?$/

/**
 * Keys that name the caller: adding the caller's value to such an exception exempts this
 * principal and no one else. An exception on any other key (a region, an IP range, a whole
 * account) would open the statement to every caller, so it is never proposed.
 */
const CALLER_KEYS = ['aws:principalarn', 'aws:userid', 'aws:username']

export function remediesFor(verdict: Verdict): Remedy[] {
  const remedies: Remedy[] = []
  for (const deny of verdict.denies) {
    if (!deny.certain) continue
    const edit = exceptionEdit(deny)
    if (edit) remedies.push(edit)
  }
  for (const missing of verdict.missingAllows) {
    const remedy = missingAllowRemedy(verdict, missing.policyType, missing.level)
    if (remedy) remedies.push(remedy)
  }
  return remedies
}

/** The caller last read from its ARN: a batch's verdicts come many to a principal, one after another. */
let lastCaller: { readonly arn: string; readonly info: PrincipalInfo | null } | null = null

function callerInfo(arn: string): PrincipalInfo | null {
  if (lastCaller === null || lastCaller.arn !== arn) lastCaller = { arn, info: principalFromArn(arn) }
  return lastCaller.info
}

/** The ARN a policy names the caller by: the role for a role session, else the caller itself. */
function principalForPolicies(principalArn: string, info: PrincipalInfo | null): string {
  if (!info) return principalArn
  return info.kind === 'assumed-role' && info.roleArn ? info.roleArn : info.principalArn
}

function resourcesOf(verdict: Verdict): string | string[] {
  const resources = verdict.request.resources
  if (resources.length === 0) return '*'
  return resources.length === 1 ? resources[0]! : [...resources]
}

/** The ARN that holds the resource policy: the bucket for an object, else the resource itself. */
function resourcePolicyHolder(resource: string): string {
  const s3 = /^(arn:[a-z-]+:s3:::[^/]+)/.exec(resource)
  return s3 ? s3[1]! : resource
}

function policyOf(statement: Record<string, unknown>): NonNullable<Remedy['policy']> {
  return { Version: '2012-10-17', Statement: [statement] }
}

function missingAllowRemedy(verdict: Verdict, type: PolicyType, level: string | null): Remedy | null {
  // IAM itself refuses changes to AWS's own resources, whatever any policy says.
  if (level === AWS_OWNED_LEVEL) return null
  const { action } = verdict.request
  const info = callerInfo(verdict.request.principal)
  // aws:PrincipalArn carries the role's path when a source knew it; a session ARN never does.
  const caller = contextValue(verdict, 'aws:PrincipalArn') ?? principalForPolicies(verdict.request.principal, info)
  const Resource = resourcesOf(verdict)
  const grant = { Effect: 'Allow', Action: action, Resource }
  // A service principal (lambda.amazonaws.com) has no identity-based policies: only a resource
  // policy naming it as `"Principal": {"Service": …}` can grant it anything.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
  const service = info?.kind === 'service' ? verdict.request.principal : null
  if (service && type !== 'resource' && type !== 'scp' && type !== 'rcp' && type !== 'vpce') return null
  const principal = service ? { Service: service } : { AWS: caller }
  switch (type) {
    case 'identity':
      return { target: caller, kind: 'add-statement', policyType: type, policy: policyOf(grant) }
    case 'boundary':
    case 'session':
      return { target: caller, kind: 'add-statement', policyType: type, policy: policyOf(grant) }
    case 'resource': {
      const resource = verdict.request.resources[0]
      const holder = resource ? resourcePolicyHolder(resource) : caller
      // A role's trust policy names no Resource (the role is the resource); a key policy's
      // Resource is "*", meaning the key itself.
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
      // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
      const statement: Record<string, unknown> = { Effect: 'Allow', Principal: principal, Action: action }
      if (resource && /^arn:[a-z-]+:iam::\d{12}:role\//.test(resource)) return { target: holder, kind: 'add-statement', policyType: type, policy: policyOf(statement) }
      statement['Resource'] = resource && /^arn:[a-z-]+:kms:/.test(resource) ? '*' : Resource
      return { target: holder, kind: 'add-statement', policyType: type, policy: policyOf(statement) }
    }
    case 'vpce': {
      const endpoint = contextValue(verdict, 'aws:SourceVpce') ?? 'the VPC endpoint'
      return { target: endpoint, kind: 'add-statement', policyType: type, policy: policyOf({ Effect: 'Allow', Principal: principal, Action: action, Resource }) }
    }
    case 'scp':
      return { target: level ?? 'the organisation', kind: 'add-statement', policyType: type, ...(level ? { level } : {}), policy: policyOf(grant) }
    case 'rcp':
      // RCPs allow only through AWS's RCPFullAWSAccess: a level without it gets it back.
      // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
      return {
        target: level ?? 'the organisation',
        kind: 'add-statement',
        policyType: type,
        ...(level ? { level } : {}),
        policy: policyOf({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
      }
  }
}

function contextValue(verdict: Verdict, key: string): string | null {
  const context = verdict.request.context
  const wanted = key.toLowerCase()
  for (const k in context) {
    // Keys of another length are passed over without a lower-case copy of each.
    if (k.length !== wanted.length || k.toLowerCase() !== wanted) continue
    const value = context[k]
    return typeof value === 'string' ? value : Array.isArray(value) && value.length === 1 ? value[0]! : null
  }
  return null
}

/** JSON Pointer for a key (RFC 6901): `~` and `/` escaped. */
function pointer(...keys: string[]): string {
  return keys.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/**
 * The smallest edit that lets the request past a Deny: the caller's value added to an
 * exception list that is true for it (a condition block is an AND, so one clause turning
 * false is enough). Caller keys first: they exempt exactly this principal.
 */
function exceptionEdit(deny: StatementFinding): Remedy | null {
  const candidates = deny.conditions.filter(
    (t) =>
      t.result === true &&
      EXCEPTION_OPERATOR.test(t.operator) &&
      CALLER_KEYS.includes(t.key.toLowerCase()) &&
      Array.isArray(t.requestValues) &&
      t.requestValues.length === 1,
  )
  candidates.sort((a, b) => CALLER_KEYS.indexOf(a.key.toLowerCase()) - CALLER_KEYS.indexOf(b.key.toLowerCase()))
  const statement = deny.statement
  for (const trace of candidates) {
    const conditionKey = findKey(statement, 'Condition')
    const block = conditionKey ? (statement as Record<string, unknown>)[conditionKey] : null
    const operatorKey = findKey(block, trace.operator)
    const operatorBlock = operatorKey ? (block as Record<string, unknown>)[operatorKey] : null
    const key = findKey(operatorBlock, trace.key)
    if (!conditionKey || !operatorKey || !key) continue
    const current = (operatorBlock as Record<string, unknown>)[key]
    const value = (trace.requestValues as readonly string[])[0]!
    const path = pointer(conditionKey, operatorKey, key)
    const patch: PatchOperation = Array.isArray(current) ? { op: 'add', path: `${path}/-`, value } : { op: 'replace', path, value: [current, value] }
    return {
      target: deny.policyArn ?? deny.origin ?? deny.policyName ?? deny.policyType,
      kind: 'edit-statement',
      policyType: deny.policyType,
      ...(deny.policyType === 'scp' || deny.policyType === 'rcp' ? (deny.attachedTo ? { level: deny.attachedTo } : {}) : {}),
      policyName: deny.policyName,
      statementIndex: deny.statementIndex,
      sid: deny.sid,
      patch: [patch],
    }
  }
  return null
}

