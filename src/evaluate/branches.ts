import {
  canonicalKey,
  DECISION_SEVERITY,
  isAlwaysPresent,
  operatorFamily,
  parseOperator,
  type Branch,
  type BranchOutcome,
  type ConditionTrace,
  type ContextEntry,
  type Decision,
  type RequestContext,
  type StatementFinding,
  type UncountableReason,
  type Verdict,
  withHidden,
} from '../model/index.js'
import { globMatch } from './match/glob.js'
import { branchSummary, uncountableSummary } from './branch-words.js'

/** A branch with its case (model/branch-case.ts), kept off the JSON. */
const withCase = (branch: Branch, kase: NonNullable<Branch['case']>): Branch => withHidden(branch, 'case', kase)

/** A key whose values that matter cannot be listed exactly: the line that says so. */
const uncountable = (key: string, reason: UncountableReason): Branch =>
  withCase({ key, outcomes: [], summary: uncountableSummary(key, reason) }, { kind: 'uncountable', reason })

/**
 * "Honest branches" for an Undetermined verdict (cli-contract.md, "Unknown is not absent"): for
 * each unknown key, the decision for every value that matters — each value the policies name
 * for the key, absent, and any other value — found by evaluating the request again with the
 * key set to that value and every other unknown key left unknown. Nothing is guessed: a key
 * whose values cannot be counted exactly (numbers, dates, addresses, several wildcard
 * patterns, multi-valued keys, policy variables) gets a line that says so instead.
 */

/** At most this many keys get branches; the rest are named in one line each without them. */
const MAX_BRANCH_KEYS = 4
/** At most this many named values per key (each costs one evaluation). */
const MAX_BRANCH_VALUES = 8

/** Evaluates the same request with another context: the evaluator itself, passed in. */
export type Rerun = (context: RequestContext) => Verdict

/** A value of the key to try, and how the report names it. */
type Candidate =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'matching'; readonly pattern: string; readonly value: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'other'; readonly value: string }

/** Values matching none of the named ones: one plain string, one ARN (ARN operators read it as an ARN). */
const OTHER_STRING = 'denydoctor-any-other-value'
const OTHER_ARN = 'arn:aws:iam::000000000000:role/denydoctor-any-other-value'
/** Families whose conditions answer the same for every value that matches none of the named ones. */
const COUNTABLE_FAMILIES: ReadonlySet<string> = new Set(['string', 'arn', 'bool', 'null'])

/** The unknown keys the findings hang on, first spelling kept, in order of appearance. */
function unknownKeysOf(findings: readonly StatementFinding[]): string[] {
  const seen = new Map<string, string>()
  for (const finding of findings) {
    if (finding.certain) continue
    for (const key of finding.unknownKeys) if (!seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), key)
  }
  return [...seen.values()]
}

const isPattern = (value: string): boolean => value.includes('*') || value.includes('?')

/** A value that matches `pattern`: each wildcard filled with one letter. */
const sampleOf = (pattern: string): string => pattern.replace(/[*?]/g, 'x')

/**
 * The values of `key` worth trying, or why they cannot be counted exactly. Only the findings'
 * conditions can read the key: a statement that is not a finding does not apply whatever the
 * key holds.
 */
export function candidatesFor(key: string, findings: readonly StatementFinding[]): { candidates: Candidate[] } | { reason: UncountableReason } {
  const lower = key.toLowerCase()
  const traces: ConditionTrace[] = []
  for (const finding of findings) {
    for (const trace of finding.conditions) {
      if (trace.policyValues.some((v) => v.toLowerCase().includes(`\${${lower}}`))) return { reason: { code: 'policyVariable' } }
      if (trace.key.toLowerCase() === lower) traces.push(trace)
    }
  }
  if (traces.length === 0) return { reason: { code: 'notNamedDirectly' } }
  const families = new Set<string>()
  const literals: string[] = []
  const patterns: string[] = []
  for (const trace of traces) {
    const op = parseOperator(trace.operator)
    const family = op ? operatorFamily(op.base) : null
    if (!op || !family) return { reason: { code: 'operator', operator: trace.operator } }
    if (op.setOperator) return { reason: { code: 'multiValued' } }
    if (!COUNTABLE_FAMILIES.has(family)) return { reason: { code: 'ranges', family } }
    families.add(family)
    if (family === 'bool' || family === 'null') continue
    for (const value of trace.policyValues) {
      if (value.includes('${')) return { reason: { code: 'variablesInConditions' } }
      const wild = isPattern(value) && (family === 'arn' || op.base.endsWith('Like'))
      const list = wild ? patterns : literals
      if (!list.includes(value)) list.push(value)
    }
  }
  if (patterns.length > 1) return { reason: { code: 'patterns', count: patterns.length } }
  if (literals.length + patterns.length > MAX_BRANCH_VALUES) return { reason: { code: 'values', count: literals.length + patterns.length } }

  const candidates: Candidate[] = []
  if (families.has('bool')) for (const value of ['true', 'false']) candidates.push({ kind: 'value', value })
  for (const value of literals) if (!candidates.some((c) => c.kind === 'value' && c.value === value)) candidates.push({ kind: 'value', value })
  const pattern = patterns[0]
  if (pattern !== undefined) {
    const value = sampleOf(pattern)
    // The sample must stand for "matches the pattern, and is none of the named values".
    if (literals.some((l) => l.toLowerCase() === value.toLowerCase())) return { reason: { code: 'sampleClash', pattern } }
    candidates.push({ kind: 'matching', pattern, value })
  }
  // AWS sends some keys with every request (aws:SecureTransport, aws:RequestedRegion, …):
  // "absent" is not a case that can happen for them, so it is never offered.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
  if (!isAlwaysPresent(key)) candidates.push({ kind: 'absent' })
  // Bool keys hold true or false; any other value is not worth a line. Null conditions only ask
  // whether the key is there, so any value stands for "present".
  if (!families.has('bool') || families.size > 1) {
    const other = families.has('arn') ? OTHER_ARN : OTHER_STRING
    const clash = literals.some((l) => l.toLowerCase() === other.toLowerCase()) || patterns.some((p) => globMatch(p, other, true))
    if (clash) return { reason: { code: 'matchesEverything', pattern: pattern ?? '' } }
    candidates.push({ kind: 'other', value: other })
  }
  return { candidates }
}

/** `context` with `key` set to one value, or absent (`null`); every other key as it was. */
function withKey(context: RequestContext, key: string, value: string | null): RequestContext {
  const lower = canonicalKey(key.toLowerCase())
  const known = new Map<string, ContextEntry>(context.known)
  known.delete(lower)
  const absent = new Set(context.absent)
  absent.delete(lower)
  if (value === null) absent.add(lower)
  else known.set(lower, { key, values: [value] })
  const unknown = context.unknown ? new Set([...context.unknown].filter((k) => k !== lower)) : undefined
  return { ...context, known, absent, ...(unknown ? { unknown } : {}) }
}

/** The keys an Undetermined verdict still hangs on, other than `key`. */
function stillDependsOn(verdict: Verdict, key: string): string[] {
  return unknownKeysOf([...verdict.denies, ...verdict.allows]).filter((k) => k.toLowerCase() !== key.toLowerCase())
}

function branchFor(key: string, findings: readonly StatementFinding[], context: RequestContext, rerun: Rerun): Branch {
  const found = candidatesFor(key, findings)
  if ('reason' in found) return uncountable(key, found.reason)
  const outcomes: BranchOutcome[] = []
  for (const candidate of found.candidates) {
    const verdict = rerun(withKey(context, key, candidate.kind === 'absent' ? null : candidate.value))
    const decision: Decision = verdict.decision
    const dependsOn = decision === 'Undetermined' ? stillDependsOn(verdict, key) : []
    // A key that cannot take this value (a key AWS always sends cannot be absent, say) leaves
    // the answer hanging on the key itself: that value is not a branch.
    if (decision === 'Undetermined' && unknownKeysOf([...verdict.denies, ...verdict.allows]).some((k) => k.toLowerCase() === key.toLowerCase())) continue
    let outcome = outcomes.find((o) => o.decision === decision && o.dependsOn.join('\n') === dependsOn.join('\n'))
    if (!outcome) {
      outcome = { decision, values: [], matching: [], absent: false, other: false, dependsOn }
      outcomes.push(outcome)
    }
    const into = outcome as { -readonly [K in keyof BranchOutcome]: BranchOutcome[K] }
    if (candidate.kind === 'value') into.values = [...into.values, candidate.value]
    else if (candidate.kind === 'matching') into.matching = [...into.matching, candidate.pattern]
    else if (candidate.kind === 'absent') into.absent = true
    else into.other = true
  }
  // Most severe first, as the summary reads them.
  outcomes.sort((a, b) => DECISION_SEVERITY[b.decision] - DECISION_SEVERITY[a.decision])
  return withCase({ key, outcomes, summary: branchSummary(key, outcomes) }, { kind: outcomes.length === 0 ? 'noValueSettles' : 'outcomes' })
}

/**
 * The branches of an Undetermined verdict: one per unknown key (at most MAX_BRANCH_KEYS),
 * `context` being the request's own (before implied keys), `rerun` the evaluator.
 */
function branchesOf(verdict: Verdict, context: RequestContext, rerun: Rerun): Branch[] {
  if (verdict.decision !== 'Undetermined') return []
  const findings = [...verdict.denies, ...verdict.allows]
  const keys = unknownKeysOf(findings)
  return keys.map((key, i) =>
    i < MAX_BRANCH_KEYS ? branchFor(key, findings, context, rerun) : uncountable(key, { code: 'firstKeysOnly', max: MAX_BRANCH_KEYS }),
  )
}

/** What `branches` is worked out from, per verdict (a shared getter reads it: see lazy.ts on why not a closure per object). */
const branchInputs = new WeakMap<Verdict, { readonly context: RequestContext; readonly rerun: Rerun }>()

const BRANCHES: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Verdict) {
    const input = branchInputs.get(this)
    const value = input ? branchesOf(this, input.context, input.rerun) : []
    Object.defineProperty(this, 'branches', { value, enumerable: true, configurable: true, writable: false })
    return value
  },
}

/**
 * Gives an Undetermined verdict its `branches`, worked out when first read (an audit reads
 * decisions only, and each branch costs an evaluation).
 */
export function addBranches(verdict: Verdict, context: RequestContext, rerun: Rerun): Verdict {
  branchInputs.set(verdict, { context, rerun })
  Object.defineProperty(verdict, 'branches', BRANCHES)
  return verdict
}
