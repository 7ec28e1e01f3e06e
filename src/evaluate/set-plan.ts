import type { OrgLevel, PolicySet, PolicyVersion, SourcedPolicy } from '../model/index.js'
import { levelLabel } from './level-label.js'
import { candidatesFor, type ActionCandidate } from './policy-index.js'

/**
 * A policy set as one action sees it, worked out once per set and action: per layer, each
 * policy with its statements that admit the action (compiled), the level labels the gates
 * carry, and what the action itself decides (service, resource policy required).
 */

/** Bounded so that a long-lived process asking about endless actions does not grow forever. */
const ACTIONS_PER_SET = 512

/** A policy with its statements that admit the action. */
export interface PlannedPolicy {
  readonly policy: SourcedPolicy
  readonly version: PolicyVersion | null
  readonly candidates: readonly ActionCandidate[]
}

/** One level of an organization chain, with the label its gate carries. */
export interface PlannedLevel {
  readonly label: string
  readonly policies: readonly PlannedPolicy[]
}

/** A policy set as one action sees it: per layer, each policy with its candidates. */
export interface SetPlan {
  /** The action as spelt in the request. */
  readonly action: string
  /** The action's service prefix, lower-cased. */
  readonly service: string
  /** Whether the resource policy must allow even within one account (KMS, role trust). */
  readonly resourcePolicyRequired: boolean
  /**
   * Whether some policy of the set may have lint warnings (the verdict then works its list out
   * when read). True until the set's warnings were first read: policies are linted only when
   * someone reads them (policy/lazy-warnings.ts), never on the way to a decision.
   */
  readonly hasWarnings: boolean
  readonly rcps: readonly PlannedLevel[]
  readonly scps: readonly PlannedLevel[]
  readonly vpce: PlannedPolicy | null
  readonly resource: PlannedPolicy | null
  readonly identity: readonly PlannedPolicy[]
  readonly boundary: PlannedPolicy | null
  readonly session: PlannedPolicy | null
}

/**
 * The plans of one set: the last one asked for, and all by action once a second action was
 * asked (most sets, one per case of a batch, are asked about one action: a map each was much
 * of what a fresh process's first pass kept).
 */
interface Plans {
  last: SetPlan
  byAction: Map<string, SetPlan> | null
}

const plans = new WeakMap<PolicySet, Plans>()

/** Per set: whether its policies have lint warnings, once someone has read them (policyWarnings). */
interface LintKnown {
  has: boolean | undefined
}
const lintOfSet = new WeakMap<PolicySet, LintKnown>()

function lintKnown(set: PolicySet): LintKnown {
  let known = lintOfSet.get(set)
  if (known === undefined) {
    known = { has: undefined }
    lintOfSet.set(set, known)
  }
  return known
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

/**
 * Plans of the parts of a set, kept by the part's identity: a source answers many queries
 * with the same parts (the same SCP chain for every principal of an account, the same identity
 * policies for a principal asked about several resources), each in a set of its own, so a new
 * set mostly reuses planned parts. `T` is the part, `P` its plan for one action.
 */
class PartPlans<T extends object, P> {
  private readonly byPart = new WeakMap<T, Map<string, P>>()

  constructor(private readonly build: (part: T, action: string, key: string) => P) {}

  get(part: T, action: string, key: string): P {
    let byAction = this.byPart.get(part)
    if (!byAction) {
      byAction = new Map()
      this.byPart.set(part, byAction)
    }
    let plan = byAction.get(action)
    if (plan === undefined) {
      if (byAction.size >= ACTIONS_PER_SET) byAction.clear()
      plan = this.build(part, action, key)
      byAction.set(action, plan)
    }
    return plan
  }
}

const planPolicy = (policy: SourcedPolicy, action: string, key: string): PlannedPolicy => ({
  policy,
  version: policy.policy.version,
  candidates: candidatesFor(policy.policy, action, key),
})
const policyPlans = new PartPlans<SourcedPolicy, PlannedPolicy>(planPolicy)
const listPlans = new PartPlans<readonly SourcedPolicy[], readonly PlannedPolicy[]>((list, action, key) => list.map((p) => policyPlans.get(p, action, key)))
const chainPlans = new PartPlans<readonly OrgLevel[], readonly PlannedLevel[]>((chain, action, key) =>
  chain.map((level, index) => ({ label: levelLabel(chain, index), policies: listPlans.get(level.policies, action, key) })),
)

/**
 * A SetPlan as made: its warnings read from the set's LintKnown. A class, where an object
 * literal with a getter was made a slow object of its own by the runtime, a kilobyte for each
 * set (a fresh process's first pass makes one for nearly every case).
 */
class PlanOfSet implements SetPlan {
  readonly service: string
  readonly resourcePolicyRequired: boolean

  constructor(
    readonly action: string,
    private readonly lint: LintKnown,
    readonly rcps: readonly PlannedLevel[],
    readonly scps: readonly PlannedLevel[],
    readonly vpce: PlannedPolicy | null,
    readonly resource: PlannedPolicy | null,
    readonly identity: readonly PlannedPolicy[],
    readonly boundary: PlannedPolicy | null,
    readonly session: PlannedPolicy | null,
  ) {
    this.service = serviceOf(action)
    this.resourcePolicyRequired = resourcePolicyRequired(action)
  }

  get hasWarnings(): boolean {
    return this.lint.has !== false
  }
}

/**
 * The plan of a set for an action (as spelt), kept per set: one lookup per evaluation instead
 * of one per policy (lookups in weak maps showed in profiles), since an audit asks the same
 * set again.
 */
export function planFor(set: PolicySet, action: string): SetPlan {
  const kept = plans.get(set)
  if (kept?.last.action === action) return kept.last
  let plan = kept?.byAction?.get(action)
  if (!plan) {
    const key = action.toLowerCase()
    const maybe = (policy: SourcedPolicy | null) => (policy ? policyPlans.get(policy, action, key) : null)
    const lint = lintKnown(set)
    plan = new PlanOfSet(
      action,
      lint,
      chainPlans.get(set.rcps, action, key),
      chainPlans.get(set.scps, action, key),
      maybe(set.vpce),
      maybe(set.resource),
      listPlans.get(set.identity, action, key),
      maybe(set.boundary),
      maybe(set.session),
    )
    if (!kept) {
      plans.set(set, { last: plan, byAction: null })
      return plan
    }
    const byAction = (kept.byAction ??= new Map([[kept.last.action, kept.last]]))
    if (byAction.size >= ACTIONS_PER_SET) byAction.clear()
    byAction.set(action, plan)
  }
  if (kept) kept.last = plan
  return plan
}

const NO_WARNINGS: readonly string[] = Object.freeze([])

/** Lint warnings named by policy, kept per part like the plans (most parts have none). */
const warningsOfPart = new WeakMap<object, readonly string[]>()

function partWarnings<T extends object>(part: T, policiesOf: (part: T) => readonly SourcedPolicy[]): readonly string[] {
  let warnings = warningsOfPart.get(part)
  if (!warnings) {
    const named = policiesOf(part).flatMap((p) => p.policy.warnings.map((w) => `${p.source.name ?? p.source.type}: ${w}`))
    warnings = named.length === 0 ? NO_WARNINGS : named
    warningsOfPart.set(part, warnings)
  }
  return warnings
}

const ofList = (list: readonly SourcedPolicy[]) => partWarnings(list, (l) => l)
const ofPolicy = (policy: SourcedPolicy | null) => (policy ? partWarnings(policy, (p) => [p]) : NO_WARNINGS)
const ofChain = (chain: readonly OrgLevel[]) => partWarnings(chain, (c) => c.flatMap((l) => l.policies))

/**
 * Lint warnings of every policy in the set, named by policy, in layer order (identity,
 * boundary, resource, endpoint, session, SCPs, RCPs); each part's worked out once, and the
 * list read when a plan is made (whether the verdict has any to list) and when a verdict lists them.
 */
export function policyWarnings(set: PolicySet): readonly string[] {
  const parts = [ofList(set.identity), ofPolicy(set.boundary), ofPolicy(set.resource), ofPolicy(set.vpce), ofPolicy(set.session), ofChain(set.scps), ofChain(set.rcps)]
  const some = parts.filter((w) => w.length > 0)
  lintKnown(set).has = some.length > 0
  return some.length === 0 ? NO_WARNINGS : some.length === 1 ? some[0]! : some.flat()
}
