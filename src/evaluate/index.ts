import { DECISION_SEVERITY, type Assumption, type CollectionGap, type Decision, type MissingAllow, type PolicySet, type Request, type Verdict } from '../model/index.js'
import { AWS_OWNED_LEVEL } from './aws-owned.js'
import { addBranches } from './branches.js'
import { impliedContext } from './implied-context.js'
import { decideLayers, layerInput, type LayerOutcome } from './layers.js'
import { planFor } from './set-plan.js'
import { MISSING_TEXTS } from '../model/need-texts.js'
import { keepFound, makeVerdict, type Found } from './verdict.js'
import type { Gate } from './layers.js'

export interface EvaluateOptions {
  /** Service prefixes RCPs apply to (from the IAM action catalogue). */
  readonly rcpServices: ReadonlySet<string>
  /** Sources that could not be read: listed in the verdict, which can then never be Allowed. */
  readonly incomplete?: readonly CollectionGap[]
  /** Extra warnings to carry into the verdict (unknown action, unknown context keys). */
  readonly warnings?: readonly string[]
  /**
   * More warnings, after `warnings`, worked out only when someone reads the verdict's
   * warnings: the catalogue lookups behind a request's warnings are no part of its decision,
   * and a fresh process deciding a batch spent about 2 % of its first pass on them.
   */
  readonly laterWarnings?: () => readonly string[]
  /** Context values assumed for a direct call, listed in the verdict as they are (none for `evaluate`). */
  readonly assumptions?: readonly Assumption[]
  /**
   * The caller reads every verdict's findings (a JSON Lines batch writes them all): the
   * deciding pass keeps the statements that apply, which the findings would otherwise read
   * the layers again for.
   */
  readonly findingsNow?: boolean
}

/** Shared by verdicts that have nothing to list (frozen, so that no reader can change them for all). */
const NONE: readonly never[] = Object.freeze([])

/** The decision for one resource, from what the layers found. */
function decisionFor(outcome: LayerOutcome): Decision {
  if (outcome.certainDeny) return 'ExplicitDeny'
  let undecided = outcome.anyDeny
  for (const gate of outcome.open) {
    if (gate.passes === false) return 'ImplicitDeny'
    undecided = true
  }
  return undecided ? 'Undetermined' : 'Allowed'
}

/**
 * The engine: pure and synchronous. One request (possibly several resources, each decided on
 * its own, the worst one deciding), one set of policies, one verdict.
 *
 * Only the decision and the missing Allows are worked out here. The findings are gathered
 * again, with the same matchers, when someone reads them (verdict.ts): an audit of thousands
 * of checks mostly reads decisions, and a verdict that keeps little is cheap to keep.
 */
export function evaluate(request: Request, policies: PolicySet, options: EvaluateOptions): Verdict {
  const context = impliedContext(request.principal, request.resourceAccount, request.context)
  const plan = planFor(policies, request.action)
  let decision: Decision = 'Allowed'
  let missing: MissingAllow[] | null = null

  const resources = request.resources
  const collect = options.findingsNow === true
  const found: Found[] = []
  const undecidedGates: Gate[] = []
  for (let i = 0; i < Math.max(1, resources.length); i++) {
    const resource = resources[i] ?? null
    const outcome = decideLayers(request, policies, plan, layerInput(request, resource, context), options, collect)
    if (collect) keepFound(outcome, resource, found, undecidedGates)
    const here = decisionFor(outcome)
    if (DECISION_SEVERITY[here] > DECISION_SEVERITY[decision]) decision = here
    for (const gate of outcome.open) {
      // Each layer once (the first resource that lacks its Allow says so).
      if (gate.passes !== false || missing?.some((m) => m.policyType === gate.type && (m.level ?? '') === (gate.level ?? ''))) continue
      // AWS's own refusal (a resource only AWS may change) is no missing Allow: it says so alone.
      const explanation = gate.level === AWS_OWNED_LEVEL ? MISSING_TEXTS.awsOwned.en(gate.need) : MISSING_TEXTS.noAllow.en(request.action, resource ?? '', gate.need)
      ;(missing ??= []).push({ policyType: gate.type, level: gate.level, explanation })
    }
  }
  const incomplete = options.incomplete ?? NONE
  if (decision === 'Allowed' && incomplete.length > 0) decision = 'Undetermined'
  const missingAllows = missing ?? NONE
  const given = options.warnings ?? NONE
  // Without any warning the list is settled now; otherwise it is written when read.
  const warnings = given.length === 0 && options.laterWarnings === undefined && !plan.hasWarnings ? NONE : null
  const verdict = makeVerdict(decision, missingAllows, incomplete, warnings, { request, policies, plan, options }, collect ? { context, found, undecidedGates } : undefined)
  // What each value of an unknown key would decide: evaluated again only when someone reads it.
  return decision === 'Undetermined' ? addBranches(verdict, request.context, (context) => evaluate({ ...request, context }, policies, options)) : verdict
}
