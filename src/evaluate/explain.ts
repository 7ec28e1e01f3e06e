import { POLICY_TYPE_NAMES, type ConditionTrace, type PolicySource, type SourcedPolicy, type Statement, type StatementFinding } from '../model/index.js'
import { matchedActionText } from './policy-index.js'
import { matchStatement, type Hit, type MatchInput, type StatementHit } from './statement.js'

/**
 * Findings and sentences built from what the matchers returned (habit 2: explanations come
 * from the code that decides; nothing here matches anything again).
 */

/** "SCP `DenyRunInstances` attached to ou-abcd-1111", or the source's own origin text. */
export function describePolicy(source: PolicySource): string {
  if (source.origin) return source.origin
  const name = source.name ? ` \`${source.name}\`` : ''
  const where = source.attachedTo ? ` attached to ${source.attachedTo}` : ''
  return `${POLICY_TYPE_NAMES[source.type]}${name}${where}`
}

export function statementLabel(index: number, sid: string | null): string {
  return sid ? `statement ${index + 1} (Sid ${sid})` : `statement ${index + 1}`
}

function conditionSummary(traces: readonly ConditionTrace[]): string {
  if (traces.length === 0) return 'no conditions'
  return traces.map((t) => t.why).join('; ')
}

/**
 * "Deny statement 1 (Sid X) of SCP `Y` attached to Z", kept per policy as it was attached: a
 * batch writes the same few statements' findings for thousands of requests.
 */
const heads = new WeakMap<SourcedPolicy, string[]>()

function findingHead(policy: SourcedPolicy, statement: Statement): string {
  let kept = heads.get(policy)
  if (kept === undefined) heads.set(policy, (kept = []))
  return (kept[statement.index] ??= `${statement.effect} ${statementLabel(statement.index, statement.sid)} of ${describePolicy(policy.source)}`)
}

/**
 * JSON.stringify of a string, written directly when nothing in it needs an escape (a quote, a
 * backslash, a control character or half of a surrogate pair): the engine's call cost more
 * than the short texts of a finding's explanation take to check.
 */
function quoted(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text)
  }
  return `"${text}"`
}

export function toFinding(hit: StatementHit, resource: string | null): StatementFinding {
  const { source } = hit.policy
  const { statement } = hit
  const certain = hit.applies === true
  return {
    policyType: source.type,
    policyName: source.name,
    policyArn: source.arn,
    attachedTo: source.attachedTo,
    statementIndex: statement.index,
    sid: statement.sid,
    certain,
    unknownKeys: hit.unknownKeys,
    explanation: explanationOf(hit, resource),
    effect: statement.effect,
    origin: source.origin,
    matchedAction: hit.matchedAction,
    matchedResource: hit.matchedResource,
    matchedPrincipal: hit.matchedPrincipal,
    conditions: hit.conditions.traces,
    resourceTypes: resource === null ? hit.resourceTypes : [],
    resource,
    statement: statement.raw,
  }
}

/** A finding's explanation; a kept hit's (keepHit) is written once, for the findings that name their resource. */
function explanationOf(hit: StatementHit, resource: string | null): string {
  const kept = resource === null ? undefined : keptWords.get(hit)
  if (typeof kept === 'string') return kept
  const words = writeExplanation(hit, resource)
  if (kept === null) keptWords.set(hit, words)
  return words
}

function writeExplanation(hit: StatementHit, resource: string | null): string {
  const { statement } = hit
  const certain = hit.applies === true
  // Its parts joined by "; ", added one by one (a list joined cost more than the finding's other words).
  let explanation = `${findingHead(hit.policy, statement)}; action matches ${quoted(hit.matchedAction)}; resource matches ${quoted(hit.matchedResource)}`
  if (hit.matchedPrincipal) explanation += `; principal matches ${quoted(hit.matchedPrincipal)}`
  explanation += `; ${conditionSummary(hit.conditions.traces)}`
  if (hit.resourceTypes.length > 0 && resource === null && hit.matchedResource !== '*') explanation += `; the resource was not given; it hits resource types ${hit.resourceTypes.join(', ')}`
  if (!certain) explanation += `; it applies or not depending on ${hit.unknownKeys.length ? hit.unknownKeys.join(', ') : 'the resource'}, which the request does not settle`
  return `${explanation}.`
}

/**
 * The full match of a statement the compiled matchers found to apply, for its finding. The
 * reference matchers (statement.ts) run again here, so every word comes from them; the two
 * must agree on whether the statement applies (tests check it on every fixture and on
 * generated cases), and a disagreement is a bug to report, not to paper over.
 */
export function explainHit(hit: Hit, input: MatchInput): StatementHit {
  const { policy, candidate } = hit
  const matchedAction = matchedActionText(candidate, input.action)
  const keepable = candidate.compiled.always && input.resource !== null
  if (keepable) {
    const kept = keptHits.get(policy)?.[candidate.index]
    // Kept only as the reference matcher judged it: a hit judged otherwise is matched again (and refused).
    if (kept !== undefined && kept.matchedAction === matchedAction && kept.applies === hit.applies) return kept
  }
  const statement = policy.policy.statements[candidate.index]!
  const env = { context: input.context, version: policy.policy.version }
  const full = matchStatement(policy, statement, input, env, matchedAction)
  if (full === null || full.applies !== hit.applies) {
    const where = `${statementLabel(statement.index, statement.sid)} of ${describePolicy(policy.source)}`
    throw new Error(`Internal error: the engine's two matchers disagree on whether ${where} applies to ${input.action} (${hit.applies} against ${full?.applies ?? false}). Please report this with the case.`)
  }
  if (keepable) keepHit(policy, candidate.index, full)
  return full
}

/**
 * Full matches kept for the statements that apply to every request naming their action
 * (compiled `always`: no Principal or Principal "*", Resource "*", no Condition), per policy
 * as attached and statement, for requests that name their resource: the reference matchers
 * give such a statement the same words for all of them, but for the action as spelt (which
 * NotAction's words name; a kept match of another spelling is matched again). A batch reports
 * FullAWSAccess and RCPFullAWSAccess at every level of nearly every verdict, and matched and
 * worded them again each time. Their lists are frozen: every finding of the statement shares them.
 */
const keptHits = new WeakMap<SourcedPolicy, StatementHit[]>()
/** A kept hit's explanation, once written (null until then); hits that are not kept are not here. */
const keptWords = new WeakMap<StatementHit, string | null>()

function keepHit(policy: SourcedPolicy, index: number, full: StatementHit): void {
  let kept = keptHits.get(policy)
  if (kept === undefined) keptHits.set(policy, (kept = []))
  Object.freeze(full.unknownKeys)
  Object.freeze(full.resourceTypes)
  Object.freeze(full.conditions.traces)
  kept[index] = full
  keptWords.set(full, null)
}
