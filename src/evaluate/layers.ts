import type { CollectionGap, PolicySet, PolicyType, Request, RequestContext, Tri } from '../model/index.js'
import { AWS_OWNED_LEVEL, awsOwnedRefusal } from './aws-owned.js'
import { decideStatement, type DecideInput } from './compiled.js'
import type { ConditionEnv } from './condition/index.js'
import { resourceView } from './match/resource-view.js'
import type { PlannedLevel, PlannedPolicy, SetPlan } from './set-plan.js'
import type { Hit } from './statement.js'
import { NEED_TEXTS } from '../model/need-texts.js'
import { triOr } from './tri.js'

/**
 * The decision across policy types for one resource, after
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * and iam-deny-reference §3.9: an explicit Deny anywhere wins; then every gate that needs an
 * Allow (each RCP level, each SCP level, the endpoint, resource/identity, boundary, session).
 */

/** A layer that needs an Allow and has none (passes false) or may have none ('unknown'). */
export interface Gate {
  readonly type: PolicyType
  readonly level: string | null
  readonly passes: Exclude<Tri, true>
  /** Why it needs an Allow and what it lacks, for missingAllows. */
  readonly need: string
  /** Undecided because the layer's policy could not be read (a gap says so), not because of the context. */
  readonly unread?: boolean
}

export interface LayerOutcome {
  /** Every statement that applies or may apply, in the order the layers were read (when collected). */
  readonly hits: readonly Hit[]
  /** Whether some Deny certainly applies; whether some Deny applies or may. */
  readonly certainDeny: boolean
  readonly anyDeny: boolean
  /** The gates that do not certainly pass; the ones that pass are not kept. */
  readonly open: readonly Gate[]
}

/** One resource of the request, as the layers match it. */
export interface LayerInput extends DecideInput {
  readonly context: RequestContext
}

export interface LayerOptions {
  readonly rcpServices: ReadonlySet<string>
  /** Sources that could not be read: a gap with `layer: 'resource'` makes the resource policy's Allow unknown. */
  readonly incomplete?: readonly CollectionGap[]
}

const SCP_NEED = NEED_TEXTS.scpLevels.en()

/** KMS aliases have no resource policy: an alias is governed by IAM policies alone. https://docs.aws.amazon.com/kms/latest/developerguide/alias-access.html */
function isKmsAlias(resource: string | null): boolean {
  return resource !== null && /^arn:[a-z-]+:kms:[^:]*:[^:]*:alias\//.test(resource)
}

/**
 * Reads the layers' policies for one resource: says whether each policy allows (the best of
 * its Allows), whether a Deny applies, keeps the gates that do not pass and, when asked to,
 * every statement that applies (the verdict's findings).
 *
 * Deciding alone skips the statements that cannot change the outcome: an Allow once its gate
 * certainly passes, a Deny once a Deny certainly applies. Neither changes a gate, the
 * decision or the missing Allows; the findings read every statement again (collect).
 */
class Scan implements LayerOutcome {
  readonly hits: Hit[]
  /** Most evaluations leave every gate passing: the list is made when a gate does not. */
  open: readonly Gate[] = NO_GATES
  certainDeny = false
  anyDeny = false
  /** How the resource policy's Allows name the caller: directly, or through the role. */
  direct: Tri = false
  viaRole: Tri = false
  // Variables expand only under Version 2012-10-17, so the version travels with the context.
  private env: ConditionEnv
  private readonly collect: boolean

  constructor(
    private readonly input: LayerInput,
    collect: boolean,
  ) {
    this.env = { context: input.context, version: '2012-10-17' }
    this.collect = collect
    this.hits = collect ? [] : NO_HITS
  }

  /**
   * `gatePasses`: the gate this policy answers for already passes (an earlier policy allows).
   * The resource policy's Allows are all read: how each names the caller matters too.
   */
  policy(planned: PlannedPolicy | null, gatePasses = false, isResourcePolicy = false): Tri {
    if (!planned) return false
    const { policy, candidates, version } = planned
    const input = this.input
    if (this.env.version !== version) this.env = { context: input.context, version }
    const env = this.env
    let allowed: Tri = false
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i]!
      if (!this.collect && (candidate.deny ? this.certainDeny : !isResourcePolicy && (gatePasses || allowed === true))) continue
      const applies = decideStatement(candidate.compiled, input, env)
      if (applies === false) continue
      if (this.collect) this.hits.push({ policy, candidate, applies })
      if (candidate.deny) {
        this.anyDeny = true
        if (applies === true) this.certainDeny = true
        continue
      }
      allowed = triOr(allowed, applies)
      if (isResourcePolicy) {
        const strength = candidate.compiled.principal(input.principal).strength
        if (strength === 'direct') this.direct = triOr(this.direct, applies)
        else if (strength === 'role') this.viaRole = triOr(this.viaRole, applies)
      }
    }
    return allowed
  }

  gate(type: PolicyType, level: string | null, passes: Tri, need: string, unread = false): void {
    if (passes === true) return
    const gate: Gate = unread ? { type, level, passes, need, unread } : { type, level, passes, need }
    this.open = this.open === NO_GATES ? [gate] : [...this.open, gate]
  }

  /**
   * One gate per SCP level: some policy attached there must allow. RCP levels are read for
   * their Denies only: RCPFullAWSAccess is attached to every root, OU and account once RCPs are
   * enabled and cannot be detached, so an RCP level never lacks an Allow.
   * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
   */
  levels(type: 'scp' | 'rcp', levels: readonly PlannedLevel[]): void {
    for (const level of levels) {
      let passes: Tri = type === 'rcp'
      for (const policy of level.policies) passes = triOr(passes, this.policy(policy, passes === true))
      this.gate(type, level.label, passes, SCP_NEED)
    }
  }
}

const NO_HITS: Hit[] = []
const NO_GATES: readonly Gate[] = Object.freeze([])

/** Whether a source that could not be read was the resource policy. */
function hasResourceGap(incomplete: readonly CollectionGap[]): boolean {
  for (let i = 0; i < incomplete.length; i++) if (incomplete[i]!.layer === 'resource') return true
  return false
}

/** `collect`: keep every statement that applies, for findings. */
export function decideLayers(request: Request, set: PolicySet, plan: SetPlan, input: LayerInput, options: LayerOptions, collect = false): LayerOutcome {
  const scan = new Scan(input, collect)
  const principal = request.principal

  const resourceArn = input.resource?.text ?? null
  const service = principal.kind === 'service'

  // Organization policies. SLRs are outside SCPs and RCPs; the management account is outside
  // SCPs, and its resources outside RCPs. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
  // SCPs govern the IAM users and roles of the organization's accounts, so not AWS service
  // principals; RCPs govern the resources whoever calls (the data perimeter examples exempt
  // service principals with aws:PrincipalIsAWSService for that reason).
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html
  const rcpApplies = !principal.isServiceLinkedRole && !request.resourceInManagementAccount && options.rcpServices.has(plan.service)
  if (rcpApplies) scan.levels('rcp', plan.rcps)
  const scpApplies = !principal.isServiceLinkedRole && !request.isManagementAccount && !service
  if (scpApplies) scan.levels('scp', plan.scps)

  const vpceAllows = scan.policy(plan.vpce)
  if (set.vpce) scan.gate('vpce', set.vpce.source.attachedTo, vpceAllows, NEED_TEXTS.vpce.en())

  // An alias has no resource policy of its own (the key policy is the key's, not the alias's).
  const alias = isKmsAlias(resourceArn)
  // How the resource policy names the caller decides what its grant can bypass (below).
  let anyResource = alias ? false : scan.policy(plan.resource, false, true)
  // A resource policy that could not be read may hold the Allow: not knowing is not a deny.
  const unread = anyResource === false && !alias && options.incomplete !== undefined && hasResourceGap(options.incomplete)
  if (unread) anyResource = 'unknown'
  const { direct, viaRole } = scan

  const refusal = awsOwnedRefusal(request.action, resourceArn, principal)
  if (refusal) scan.gate('resource', AWS_OWNED_LEVEL, false, refusal)

  if (service) {
    // A service principal has no identity-based policies, boundary or session policy: the
    // resource policy decides. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
    scan.gate('resource', null, anyResource, NEED_TEXTS.servicePrincipal.en(String(principal.service)), unread)
    return scan
  }

  let identityAllows: Tri = false
  for (const policy of plan.identity) identityAllows = triOr(identityAllows, scan.policy(policy, identityAllows === true))
  const boundaryAllows = scan.policy(plan.boundary)
  const sessionAllows = scan.policy(plan.session)

  const resourceAccount = request.resourceAccount ?? principal.account
  const sameAccount = resourceAccount === principal.account
  // The root user has full access in its own account; elsewhere it needs the resource grant.
  const identity: Tri = principal.kind === 'root' ? true : identityAllows

  if ((!sameAccount || (plan.resourcePolicyRequired && !alias)) && anyResource !== true) {
    const why = sameAccount
      ? NEED_TEXTS.resourcePolicyRequired.en(request.action)
      : NEED_TEXTS.crossAccount.en(resourceAccount, principal.account)
    scan.gate('resource', null, anyResource, why, unread)
  }
  // Within one account a resource-policy grant naming the user, the session or `*` stands
  // alone; naming the role still leaves the boundary and session policy to pass
  // (iam-deny-reference §3.6). Across accounts nothing bypasses the caller's own side (§3.5).
  // A resource policy that was not read may hold such a grant too.
  const unreadGrant: Tri = unread ? 'unknown' : false
  const bypassIdentity = sameAccount ? triOr(triOr(direct, viaRole), unreadGrant) : false
  const bypassLimits = sameAccount ? triOr(direct, unreadGrant) : false
  // Undecided only for want of the unread policy: the gap explains it, not the context.
  // (A flag rather than a closure: this runs on every evaluation.)
  const unreadOnly = unread && sameAccount && direct === false && viaRole === false
  scan.gate('identity', null, triOr(identity, bypassIdentity), NEED_TEXTS.identity.en(), unreadOnly && identity === false)
  if (set.boundary) {
    scan.gate('boundary', set.boundary.source.name, triOr(boundaryAllows, bypassLimits), NEED_TEXTS.boundary.en(), unreadOnly && boundaryAllows === false)
  }
  if (set.session) {
    scan.gate('session', set.session.source.name, triOr(sessionAllows, bypassLimits), NEED_TEXTS.session.en(), unreadOnly && sessionAllows === false)
  } else if (principal.kind === 'federated-user') {
    // A GetFederationToken session without a session policy has no permissions.
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
    scan.gate('session', null, bypassLimits, NEED_TEXTS.federated.en(), unreadOnly)
  }
  return scan
}

/** What the layers read for one resource of the request. */
export function layerInput(request: Request, resource: string | null, context: RequestContext): LayerInput {
  return { principal: request.principal, resource: resource === null ? null : resourceView(resource), hints: request.resourceTypes, context }
}
