import {
  contextToObject,
  type CollectionGap,
  type Decision,
  type MissingAllow,
  type PolicySet,
  type PolicyType,
  type Request,
  type StatementFinding,
  type Verdict,
} from '../model/index.js'
import { toFinding } from './explain.js'
import { defineLazy } from './lazy.js'
import { impliedContext } from './implied-context.js'
import { decideLayers, type Gate } from './layers.js'
import type { StatementHit } from './statement.js'
import { denySuggestion, missingAllowSuggestion } from './suggestions.js'

export interface EvaluateOptions {
  /** Service prefixes RCPs apply to (from the IAM action catalogue). */
  readonly rcpServices: ReadonlySet<string>
  /** Sources that could not be read: listed in the verdict, which can then never be Allowed. */
  readonly incomplete?: readonly CollectionGap[]
  /** Extra warnings to carry into the verdict (unknown action, unknown context keys). */
  readonly warnings?: readonly string[]
}

/** Order in which denies of equal certainty are reported: the organization's first. */
const TYPE_ORDER: readonly PolicyType[] = ['scp', 'rcp', 'vpce', 'resource', 'identity', 'boundary', 'session']
const SEVERITY: Record<Decision, number> = { ExplicitDeny: 3, ImplicitDeny: 2, Undetermined: 1, Allowed: 0 }

function decisionFor(denies: readonly StatementHit[], gates: readonly Gate[]): Decision {
  if (denies.some((d) => d.applies === true)) return 'ExplicitDeny'
  if (gates.some((g) => g.passes === false)) return 'ImplicitDeny'
  if (denies.length > 0 || gates.some((g) => g.passes === 'unknown')) return 'Undetermined'
  return 'Allowed'
}

function byDecisiveness(a: StatementFinding, b: StatementFinding): number {
  if (a.certain !== b.certain) return a.certain ? -1 : 1
  return TYPE_ORDER.indexOf(a.policyType) - TYPE_ORDER.indexOf(b.policyType)
}

/**
 * The engine: pure and synchronous. One request (possibly several resources, each decided on
 * its own, the worst one deciding), one set of policies, one verdict.
 */
export function evaluate(request: Request, policies: PolicySet, options: EvaluateOptions): Verdict {
  const context = impliedContext(request.principal, request.resourceAccount, request.context)
  const resources: (string | null)[] = request.resources.length > 0 ? [...request.resources] : [null]
  let decision: Decision = 'Allowed'
  const denyHits: [StatementHit, string | null][] = []
  const allowHits: [StatementHit, string | null][] = []
  const missing = new Map<string, MissingAllow>()
  const undecidedGates: Gate[] = []

  for (const resource of resources) {
    const outcome = decideLayers(
      request,
      policies,
      { principal: request.principal, action: request.action, resource, resourceTypes: request.resourceTypes, context },
      { rcpServices: options.rcpServices },
    )
    const here = decisionFor(outcome.denies, outcome.gates)
    if (SEVERITY[here] > SEVERITY[decision]) decision = here
    for (const hit of outcome.denies) denyHits.push([hit, resource])
    for (const hit of outcome.allows) allowHits.push([hit, resource])
    for (const gate of outcome.gates) {
      if (gate.passes === 'unknown') undecidedGates.push(gate)
      if (gate.passes !== false) continue
      const key = `${gate.type}\u0000${gate.level ?? ''}`
      const where = resource ? ` on ${resource}` : ''
      if (!missing.has(key)) missing.set(key, { policyType: gate.type, level: gate.level, explanation: `No Allow for ${request.action}${where}: ${gate.need}.` })
    }
  }
  const incomplete = options.incomplete ?? []
  if (decision === 'Allowed' && incomplete.length > 0) decision = 'Undetermined'
  const missingAllows = [...missing.values()]
  const final = decision

  // The decision is settled; the words about it are written only when someone reads them.
  const verdict = { decision } as { -readonly [K in keyof Verdict]: Verdict[K] }
  defineLazy(verdict, 'request', () => ({ principal: request.principal.arn, action: request.action, resources: request.resources, context: contextToObject(context) }))
  defineLazy(verdict, 'denies', () => denyHits.map(([hit, resource]) => toFinding(hit, resource)).sort(byDecisiveness))
  verdict.missingAllows = missingAllows
  defineLazy(verdict, 'allows', () => allowHits.map(([hit, resource]) => toFinding(hit, resource)))
  verdict.incomplete = incomplete
  defineLazy(verdict, 'suggestions', () => {
    const suggestions = [
      ...verdict.denies.filter((d) => final !== 'ExplicitDeny' || d.certain).slice(0, 5).map(denySuggestion),
      ...(final === 'ExplicitDeny' ? [] : missingAllows.map((m) => missingAllowSuggestion(m, request.action))),
      ...undecidedGates.slice(0, 3).map((g) => undecidedGateSuggestion(g, verdict.allows, request.action)),
      ...incomplete.map((gap) => `Not everything could be read (${gap.source}): ${gap.effect}`),
    ]
    return [...new Set(suggestions)]
  })
  defineLazy(verdict, 'warnings', () => [...new Set([...(options.warnings ?? []), ...policyWarnings(policies)])])
  return verdict
}

function undecidedGateSuggestion(gate: Gate, allows: readonly StatementFinding[], action: string): string {
  const keys = allows.filter((a) => !a.certain && a.policyType === gate.type).flatMap((a) => a.unknownKeys)
  return `The ${gate.type} layer allows ${action} only under conditions the request context does not settle (${[...new Set(keys)].join(', ') || 'the resource'}): give them with --context to decide.`
}

const warningsOf = new WeakMap<PolicySet, readonly string[]>()

/** Lint warnings of every policy in the set, worked out once per set (an audit reuses sets). */
function policyWarnings(set: PolicySet): readonly string[] {
  let warnings = warningsOf.get(set)
  if (!warnings) {
    warnings = allPolicies(set).flatMap((p) => p.policy.warnings.map((w) => `${p.source.name ?? p.source.type}: ${w}`))
    warningsOf.set(set, warnings)
  }
  return warnings
}

function allPolicies(set: PolicySet) {
  return [
    ...set.identity,
    ...[set.boundary, set.resource, set.vpce, set.session].filter((p) => p !== null),
    ...set.scps.flatMap((l) => l.policies),
    ...set.rcps.flatMap((l) => l.policies),
  ]
}
