import {
  contextToObject,
  isAlwaysPresent,
  type Assumption,
  type CollectionGap,
  type Decision,
  type MissingAllow,
  type PolicySet,
  type PolicyType,
  type Request,
  type RequestContext,
  type StatementFinding,
  type Verdict,
} from '../model/index.js'
import { explainHit, toFinding } from './explain.js'
import { lazyField, Stateful } from './lazy.js'
import { impliedContext } from './implied-context.js'
import { decideLayers, layerInput, type Gate, type LayerOptions, type LayerOutcome } from './layers.js'
import { policyWarnings, type SetPlan } from './set-plan.js'
import type { Hit, MatchInput } from './statement.js'
import { denySuggestion, missingAllowSuggestion, s3BeyondPoliciesSuggestion, settleFlag } from './suggestions.js'

/**
 * The verdict of a settled decision. Its words (findings, suggestions, the request as read,
 * and the policies' lint warnings when there are any) are written only when someone reads
 * them: an audit of thousands of checks mostly reads decisions. The verdict keeps only the
 * evaluation's inputs, and reads the layers again for the words (a verdict that keeps every
 * statement found costs more to keep, across thousands, than reading them again costs once).
 * Inputs are read-only by contract, so the second reading finds what the first did.
 */

/** The statements found to apply for one resource of the request, in the order the layers were read. */
export interface Found {
  readonly resource: string | null
  readonly hits: readonly Hit[]
}

/** What the words are written from: the evaluation's own inputs. */
export interface VerdictState {
  readonly request: Request
  readonly policies: PolicySet
  readonly plan: SetPlan
  readonly options: LayerOptions & { readonly warnings?: readonly string[]; readonly laterWarnings?: () => readonly string[]; readonly assumptions?: readonly Assumption[] }
}

/** What the layers found, gathered again for the words, once per verdict (or kept from the deciding pass: EvaluateOptions.findingsNow). */
export interface Gathered {
  /** The request context with the implied keys filled in. */
  readonly context: RequestContext
  readonly found: readonly Found[]
  /** Gates that may or may not pass, for suggestions. */
  readonly undecidedGates: readonly Gate[]
}

/**
 * Kept on the state itself, not in a WeakMap keyed by it: a batch reads the words of every
 * verdict, and entries of a long-lived weak map outlived their verdicts until a full
 * collection, which let a 100,000-case `evaluate --json` grow to 300 MB of heap.
 */
const GATHERED = Symbol('gathered')
type WithGathered = VerdictState & { [GATHERED]?: Gathered }

/**
 * The same reading of the layers as the evaluation's (same inputs, same matchers, so the same
 * statements), now keeping every statement that applies.
 */
function gathered(state: VerdictState): Gathered {
  let result = (state as WithGathered)[GATHERED]
  if (!result) {
    const { request, policies, plan, options } = state
    const context = impliedContext(request.principal, request.resourceAccount, request.context)
    const found: Found[] = []
    const undecidedGates: Gate[] = []
    const resources = request.resources.length > 0 ? request.resources : [null]
    for (const resource of resources) keepFound(decideLayers(request, policies, plan, layerInput(request, resource, context), options, true), resource, found, undecidedGates)
    result = { context, found, undecidedGates }
    ;(state as WithGathered)[GATHERED] = result
  }
  return result
}

/** What a reading of the layers that kept every statement found (`collect`) gives the words, for one resource. */
export function keepFound(outcome: LayerOutcome, resource: string | null, found: Found[], undecidedGates: Gate[]): void {
  found.push({ resource, hits: outcome.hits })
  // A gate undecided for want of its policy is the gap's to explain (incomplete), not the context's.
  for (const gate of outcome.open) if (gate.passes === 'unknown' && !gate.unread) undecidedGates.push(gate)
}

/** Shared by verdicts that assumed nothing (frozen, so that no reader can change it for all). */
const NO_ASSUMPTIONS: readonly Assumption[] = Object.freeze([])

type MutableVerdict = { -readonly [K in keyof Verdict]: Verdict[K] }

/** Order in which denies of equal certainty are reported: the organization's first. */
const TYPE_ORDER: readonly PolicyType[] = ['scp', 'rcp', 'vpce', 'resource', 'identity', 'boundary', 'session']

function byDecisiveness(a: FoundStatement, b: FoundStatement): number {
  if (a.certain !== b.certain) return a.certain ? -1 : 1
  return TYPE_ORDER.indexOf(a.policyType) - TYPE_ORDER.indexOf(b.policyType)
}

/** What judging a verdict and drawing its evaluation path read of each statement found: its place, not its words. */
export type FoundStatement = Pick<StatementFinding, 'policyType' | 'policyName' | 'policyArn' | 'attachedTo' | 'statementIndex' | 'sid' | 'effect' | 'certain' | 'unknownKeys' | 'origin'>

/** The statements a verdict found, denies and allows (foundStatements). */
export interface FoundStatements {
  readonly denies: readonly FoundStatement[]
  readonly allows: readonly FoundStatement[]
}

const NO_KEYS: readonly string[] = Object.freeze([])

/**
 * The statements a verdict found, as `verdict.denies` (most decisive first) and
 * `verdict.allows` list them, without their words while none were read and every one applies
 * for certain. An audit judges every check and draws the path of those that did not hold, and
 * the words it never shows (each statement matched again by the reference matchers, its
 * explanation, its condition traces) were a fifth of its time. A statement that hangs on an
 * unknown key needs the full match for its keys: then, and once the words exist, the findings
 * themselves. The two lists hold the same statements in the same order (both read the same
 * hits; test/audit/found-statements.test.ts).
 */
export function foundStatements(verdict: Verdict): FoundStatements {
  const words = () => ({ denies: verdict.denies, allows: verdict.allows })
  if (!(verdict instanceof Stateful)) return words()
  const kept = Stateful.keptOf(verdict)
  if ('denies' in kept || 'allows' in kept) return words()
  const denies: FoundStatement[] = []
  const allows: FoundStatement[] = []
  for (const f of gathered(Stateful.stateOf(verdict) as VerdictState).found) {
    for (const hit of f.hits) {
      if (hit.applies !== true) return words()
      const { source } = hit.policy
      const statement = hit.policy.policy.statements[hit.candidate.index]!
      ;(hit.candidate.deny ? denies : allows).push({
        policyType: source.type,
        policyName: source.name,
        policyArn: source.arn,
        attachedTo: source.attachedTo,
        statementIndex: statement.index,
        sid: statement.sid,
        effect: statement.effect,
        certain: true,
        unknownKeys: NO_KEYS,
        origin: source.origin,
      })
    }
  }
  return { denies: denies.sort(byDecisiveness), allows }
}

/** Findings of the statements found, written by the reference matchers (explainHit). */
function findings(state: VerdictState, denies: boolean): StatementFinding[] {
  const { request } = state
  const { context, found } = gathered(state)
  const out: StatementFinding[] = []
  for (const f of found) {
    const input: MatchInput = { principal: request.principal, action: request.action, resource: f.resource, resourceTypes: request.resourceTypes, context }
    for (const hit of f.hits) if (hit.candidate.deny === denies) out.push(toFinding(explainHit(hit, input), f.resource))
  }
  return out
}

function suggestions(state: VerdictState, verdict: Verdict): string[] {
  const { decision, missingAllows, incomplete } = verdict
  const action = state.request.action
  const { context, undecidedGates } = gathered(state)
  const present = (key: string) => isAlwaysPresent(key) || (context.partial?.has(key.toLowerCase()) ?? false)
  // The first of each, in order. A handful of long sentences: compared, not hashed into a Set.
  // Added one by one: chains of filter, slice, map and spread made a list at every step for
  // each verdict of a batch, and code optimized for one kind of list was thrown away at the next.
  const unique: string[] = []
  const add = (suggestion: string) => {
    if (!unique.includes(suggestion)) unique.push(suggestion)
  }
  let denies = 0
  for (const d of verdict.denies) {
    if (denies === 5) break
    if (decision === 'ExplicitDeny' && !d.certain) continue
    add(denySuggestion(d, present))
    denies++
  }
  if (decision !== 'ExplicitDeny') for (const m of missingAllows) add(missingAllowSuggestion(m, action))
  for (let i = 0; i < undecidedGates.length && i < 3; i++) add(undecidedGateSuggestion(undecidedGates[i]!, verdict.allows, action))
  for (const gap of incomplete) add(`Not everything could be read (${gap.source}): ${gap.effect}`)
  if (decision === 'Allowed') {
    const s3 = s3BeyondPoliciesSuggestion(action)
    if (s3 !== null) add(s3)
  }
  return unique
}

function undecidedGateSuggestion(gate: Gate, allows: readonly StatementFinding[], action: string): string {
  const undecided = allows.filter((a) => !a.certain && a.policyType === gate.type)
  const keys = [...new Set(undecided.flatMap((a) => a.unknownKeys))]
  const flags = keys.map((k) => settleFlag(k, undecided.flatMap((a) => a.conditions)))
  if (keys.length === 0) return `The ${gate.type} layer allows ${action} only for some resources: give the resource with --resource ARN to decide.`
  return `The ${gate.type} layer allows ${action} only under conditions the request context does not settle (${keys.join(', ')}): re-run with ${flags.join(' and ')} to decide.`
}

/**
 * The request's principal, action and resources, as `verdict.request` gives them, without
 * writing out its context (the plain object of every key, implied ones too) when the
 * request was not read yet: an audit's evaluation paths name the call, not its context.
 */
export function requestNamed(verdict: Verdict): Pick<Verdict['request'], 'principal' | 'action' | 'resources'> {
  if (!(verdict instanceof Stateful) || 'request' in Stateful.keptOf(verdict)) return verdict.request
  const { request } = Stateful.stateOf(verdict) as VerdictState
  return { principal: request.principal.arn, action: request.action, resources: request.resources }
}

const REQUEST = lazyField<VerdictState, Verdict>('request', (state) => ({
  principal: state.request.principal.arn,
  action: state.request.action,
  resources: state.request.resources,
  context: contextToObject(gathered(state).context),
}))
const DENIES = lazyField<VerdictState, Verdict>('denies', (state) => findings(state, true).sort(byDecisiveness))
const ALLOWS = lazyField<VerdictState, Verdict>('allows', (state) => findings(state, false))
const SUGGESTIONS = lazyField<VerdictState, Verdict>('suggestions', suggestions)
/**
 * The warnings of the last verdict of each policy set, with the request's warnings they were
 * made with: the verdicts of a batch share one list (frozen), which the JSON writer then
 * writes once (report/json.ts).
 */
const warningsOfSet = new WeakMap<PolicySet, { readonly about: readonly string[] | undefined; readonly list: readonly string[] }>()

/** Whether two lists of warnings say the same (a diagnosis makes a new list for each call). */
function sameWarnings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true
  const x = a ?? []
  const y = b ?? []
  if (x.length !== y.length) return false
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false
  return true
}

function verdictWarnings(state: VerdictState): readonly string[] {
  const given = state.options.warnings
  const later = state.options.laterWarnings?.()
  const about = later === undefined || later.length === 0 ? given : given === undefined || given.length === 0 ? later : [...given, ...later]
  const kept = warningsOfSet.get(state.policies)
  if (kept !== undefined && sameWarnings(kept.about, about)) return kept.list
  const list = Object.freeze([...new Set([...(about ?? []), ...policyWarnings(state.policies)])])
  warningsOfSet.set(state.policies, { about, list })
  return list
}

const WARNINGS = lazyField<VerdictState, Verdict>('warnings', verdictWarnings)

export function makeVerdict(
  decision: Decision,
  missingAllows: readonly MissingAllow[],
  incomplete: readonly CollectionGap[],
  warnings: readonly string[] | null,
  state: VerdictState,
  /** What the deciding pass found, when it kept every statement (EvaluateOptions.findingsNow). */
  found?: Gathered,
): Verdict {
  if (found) (state as WithGathered)[GATHERED] = found
  // Properties in the contract's order, as JSON output shows them.
  const verdict = new Stateful(state) as unknown as MutableVerdict
  verdict.decision = decision
  Object.defineProperty(verdict, 'request', REQUEST)
  Object.defineProperty(verdict, 'denies', DENIES)
  verdict.missingAllows = missingAllows
  Object.defineProperty(verdict, 'allows', ALLOWS)
  verdict.incomplete = incomplete
  verdict.assumptions = state.options.assumptions ?? NO_ASSUMPTIONS
  Object.defineProperty(verdict, 'suggestions', SUGGESTIONS)
  if (warnings) verdict.warnings = warnings
  else Object.defineProperty(verdict, 'warnings', WARNINGS)
  return verdict
}
