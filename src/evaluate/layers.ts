import type { OrgLevel, PolicySet, PolicyType, Request, SourcedPolicy, Tri } from '../model/index.js'
import { scanPolicy, type MatchInput, type StatementHit } from './statement.js'
import { triAny, triOr } from './tri.js'

/**
 * The decision across policy types for one resource, after
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * and iam-deny-reference §3.9: an explicit Deny anywhere wins; then every gate that needs an
 * Allow (each RCP level, each SCP level, the endpoint, resource/identity, boundary, session).
 */

/** A layer that needs an Allow, and whether it has one. */
export interface Gate {
  readonly type: PolicyType
  readonly level: string | null
  readonly passes: Tri
  /** Why it needs an Allow and what it lacks, for missingAllows. */
  readonly need: string
}

export interface LayerOutcome {
  readonly denies: readonly StatementHit[]
  readonly allows: readonly StatementHit[]
  readonly gates: readonly Gate[]
}

export interface LayerOptions {
  readonly rcpServices: ReadonlySet<string>
}

/** Label of an organization level: its ID, else its place in the chain. */
export function levelLabel(levels: readonly OrgLevel[], index: number): string {
  const level = levels[index]!
  if (level.id) return level.id
  if (index === 0) return 'root'
  return index === levels.length - 1 ? 'account' : `level-${index}`
}

function serviceOf(action: string): string {
  return action.slice(0, action.indexOf(':')).toLowerCase()
}

/** Services whose resource policy must allow even within one account. */
function resourcePolicyRequired(action: string): boolean {
  const lower = action.toLowerCase()
  // KMS key policies and role trust policies: https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
  return serviceOf(action) === 'kms' || lower.startsWith('sts:assumerole')
}

function strongestAllow(hits: readonly StatementHit[], strengths: readonly string[]): Tri {
  return triAny(hits.filter((h) => h.strength !== null && strengths.includes(h.strength)).map((h) => h.applies))
}

export function decideLayers(request: Request, set: PolicySet, input: MatchInput, options: LayerOptions): LayerOutcome {
  const denies: StatementHit[] = []
  const allows: StatementHit[] = []
  const gates: Gate[] = []
  const scan = (policy: SourcedPolicy | null) => {
    if (!policy) return [] as StatementHit[]
    const found = scanPolicy(policy, input)
    denies.push(...found.denies)
    allows.push(...found.allows)
    return found.allows
  }
  const principal = request.principal
  const service = serviceOf(request.action)

  // Organization policies. SLRs are outside SCPs and RCPs; the management account is outside
  // SCPs, and its resources outside RCPs. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
  const rcpApplies = !principal.isServiceLinkedRole && !request.resourceInManagementAccount && options.rcpServices.has(service)
  if (rcpApplies) orgGates('rcp', set.rcps)
  const scpApplies = !principal.isServiceLinkedRole && !request.isManagementAccount
  if (scpApplies) orgGates('scp', set.scps)

  const vpceAllows = scan(set.vpce)
  if (set.vpce) gates.push({ type: 'vpce', level: set.vpce.source.attachedTo, passes: triAny(vpceAllows.map((h) => h.applies)), need: 'the request went through a VPC endpoint, whose policy must allow it' })

  const resourceAllows = scan(set.resource)
  const identityAllows = set.identity.flatMap((p) => scan(p))
  const boundaryAllows = scan(set.boundary)
  const sessionAllows = scan(set.session)

  const resourceAccount = request.resourceAccount ?? principal.account
  const sameAccount = resourceAccount === principal.account
  const direct = strongestAllow(resourceAllows, ['direct'])
  const viaRole = strongestAllow(resourceAllows, ['role'])
  const anyResource = triAny(resourceAllows.map((h) => h.applies))
  // The root user has full access in its own account; elsewhere it needs the resource grant.
  const identity: Tri = principal.kind === 'root' ? true : triAny(identityAllows.map((h) => h.applies))
  const required = resourcePolicyRequired(request.action)

  if (!sameAccount || required) {
    const why = sameAccount
      ? `${request.action} needs its resource policy (key policy or trust policy) to allow the caller`
      : `the resource is in account ${resourceAccount}, not ${principal.account}: across accounts the resource policy must allow too`
    gates.push({ type: 'resource', level: null, passes: anyResource, need: why })
  }
  // Within one account a resource-policy grant naming the user, the session or `*` stands
  // alone; naming the role still leaves the boundary and session policy to pass
  // (iam-deny-reference §3.6). Across accounts nothing bypasses the caller's own side (§3.5).
  const bypassIdentity = sameAccount ? triOr(direct, viaRole) : false
  const bypassLimits = sameAccount ? direct : false
  gates.push({ type: 'identity', level: null, passes: triOr(identity, bypassIdentity), need: 'an identity-based policy of the principal must allow it' })
  if (set.boundary) {
    gates.push({ type: 'boundary', level: set.boundary.source.name, passes: triOr(triAny(boundaryAllows.map((h) => h.applies)), bypassLimits), need: 'the permissions boundary must allow it as well' })
  }
  if (set.session) {
    gates.push({ type: 'session', level: set.session.source.name, passes: triOr(triAny(sessionAllows.map((h) => h.applies)), bypassLimits), need: 'the session policy passed when the session was created must allow it' })
  } else if (principal.kind === 'federated-user') {
    // A GetFederationToken session without a session policy has no permissions.
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
    gates.push({ type: 'session', level: null, passes: bypassLimits, need: 'a federated-user session (GetFederationToken) gets no permissions without a session policy' })
  }
  return { denies, allows, gates }

  function orgGates(type: 'scp' | 'rcp', levels: readonly OrgLevel[]) {
    levels.forEach((level, index) => {
      const levelAllows = level.policies.flatMap((p) => scan(p))
      gates.push({
        type,
        level: levelLabel(levels, index),
        passes: triAny(levelAllows.map((h) => h.applies)),
        need:
          type === 'scp'
            ? 'every level of the organization, root to account, must have an SCP that allows it'
            : 'every level of the organization must have an RCP that allows it',
      })
    })
  }
}
