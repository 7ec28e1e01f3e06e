/**
 * An audit's result: the `--json` document, which is also what `audit merge` joins and what
 * `--baseline` compares against. Statuses and totals are always derived from the checks, by
 * one function, so a merged result counts exactly as an unsharded run would.
 */
import type { Decision } from '../model/index.js'
import type { EvaluationPath } from '../report/path.js'
import type { DecidingStatement, Judgement, Outcome } from './judge.js'

export const RESULT_FORMAT = 'denydoctor-audit-result'
export const RESULT_VERSION = 1

export interface CheckResult {
  /** Position among the expectation's checks, across all shards. */
  readonly index: number
  readonly principal: string
  readonly action: string
  /** null: the resource was not given (unknown, not `*`). */
  readonly resource: string | null
  readonly expected: string
  /** null when the check could not be evaluated (outcome `error`). */
  readonly decision: Decision | null
  readonly outcome: Outcome
  readonly deciding: DecidingStatement | null
  readonly missingAllows: Judgement['missingAllows']
  /** What decided, in one line; for an error, what went wrong. */
  readonly summary: string
  /** Sources that could not be read (`source: error`). */
  readonly incomplete: readonly string[]
  readonly warnings: readonly string[]
  /** For a check that did not hold (failed or undetermined): the evaluation path, for the markdown picture. */
  readonly path?: EvaluationPath
}

export const EXPECTATION_STATUSES = ['held', 'failed', 'not-in-shard'] as const
export type ExpectationStatus = (typeof EXPECTATION_STATUSES)[number]

export interface ExpectationResult {
  readonly name: string
  readonly description: string | null
  readonly expected: string
  readonly status: ExpectationStatus
  /** How many checks the expectation has in the whole audit (all shards together). */
  readonly checkCount: number
  /** Selectors that matched nothing. */
  readonly warnings: readonly string[]
  /** Why the expectation could not be checked (no principal matched, a listing failed): it fails. */
  readonly errors: readonly string[]
  /** The checks of this run (of this shard), by index. */
  readonly checks: readonly CheckResult[]
}

export interface AuditTotals {
  readonly expectations: { readonly total: number; readonly held: number; readonly failed: number; readonly notInShard: number }
  readonly checks: { readonly total: number; readonly held: number; readonly failed: number; readonly undetermined: number; readonly error: number }
}

/** A check whose verdict changed since the baseline (or that appeared or went away). */
export interface DriftEntry {
  readonly expectation: string
  readonly principal: string
  readonly action: string
  readonly resource: string | null
  readonly change: 'changed' | 'new' | 'gone'
  readonly before: { readonly decision: Decision | null; readonly outcome: Outcome; readonly deciding: string | null } | null
  readonly after: { readonly decision: Decision | null; readonly outcome: Outcome; readonly deciding: string | null } | null
}

export interface AuditResult {
  readonly format: typeof RESULT_FORMAT
  readonly version: typeof RESULT_VERSION
  readonly audit: { readonly file: string; readonly name: string | null; readonly digest: string }
  /** Where the policies came from: "snapshot demo.json taken …", "live account 111111111111". */
  readonly source: string
  readonly ranAt: string
  /** null for a whole run; the shard(s) this result holds otherwise. */
  readonly shard: { readonly count: number; readonly indices: readonly number[] } | null
  readonly options: { readonly allowUndetermined: boolean }
  readonly passed: boolean
  readonly totals: AuditTotals
  readonly expectations: readonly ExpectationResult[]
  /** With --baseline: every check whose verdict changed. */
  readonly drift?: readonly DriftEntry[]
}

/** Whether a check keeps its expectation from holding. */
export function checkFails(check: CheckResult, allowUndetermined: boolean): boolean {
  return check.outcome === 'failed' || check.outcome === 'error' || (check.outcome === 'undetermined' && !allowUndetermined)
}

export function expectationStatus(e: Omit<ExpectationResult, 'status'>, allowUndetermined: boolean): ExpectationStatus {
  if (e.errors.length > 0 || e.checks.some((c) => checkFails(c, allowUndetermined))) return 'failed'
  return e.checks.length === 0 ? 'not-in-shard' : 'held'
}

export function totalsOf(expectations: readonly ExpectationResult[]): AuditTotals {
  const byStatus: Record<ExpectationStatus, number> = { held: 0, failed: 0, 'not-in-shard': 0 }
  const byOutcome: Record<Outcome, number> = { held: 0, failed: 0, undetermined: 0, error: 0 }
  let checks = 0
  // One pass: a large audit has tens of thousands of checks.
  for (const e of expectations) {
    byStatus[e.status]++
    checks += e.checks.length
    for (const c of e.checks) byOutcome[c.outcome]++
  }
  return {
    expectations: { total: expectations.length, held: byStatus.held, failed: byStatus.failed, notInShard: byStatus['not-in-shard'] },
    checks: { total: checks, held: byOutcome.held, failed: byOutcome.failed, undetermined: byOutcome.undetermined, error: byOutcome.error },
  }
}

/** Statuses, totals and `passed`, recomputed from the checks (after a run, a merge). */
export function finish(result: Omit<AuditResult, 'totals' | 'passed'>): AuditResult {
  const allow = result.options.allowUndetermined
  const expectations = result.expectations.map((e) => ({ ...e, status: expectationStatus(e, allow) }))
  const totals = totalsOf(expectations)
  // Built field by field so the JSON keeps one key order, whatever produced the result.
  return {
    format: result.format,
    version: result.version,
    audit: result.audit,
    source: result.source,
    ranAt: result.ranAt,
    shard: result.shard,
    options: result.options,
    passed: totals.expectations.failed === 0,
    totals,
    expectations,
    ...(result.drift ? { drift: result.drift } : {}),
  }
}
