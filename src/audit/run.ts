/**
 * Runs an audit: plan the checks, keep this shard's, then diagnose each (gather through the
 * cache, evaluate in memory) and judge it against its expectation.
 */
import { diagnose } from '../diagnose.js'
import { resourceAccountInContext } from '../sources/context-account.js'
import { SourceError } from '../sources/errors.js'
import type { PrincipalQuery } from '../sources/types.js'
import { evaluationPath, type EvaluationPath } from '../report/path.js'
import { judge } from './judge.js'
import { planAudit, type PlannedCheck, type PlannedExpectation } from './plan.js'
import type { AuditReach } from './reach.js'
import { finish, RESULT_FORMAT, RESULT_VERSION, type AuditResult, type CheckResult } from './result.js'
import { shardOf, type Shard } from './shard.js'
import { expectedLabel, type AuditFile } from './types.js'

export interface AuditProgress {
  readonly done: number
  readonly total: number
  /** Checks so far that keep their expectation from holding. */
  readonly failing: number
  /**
   * The same checks by outcome, in the words of the summary ("1 failed, 3 undetermined"), so
   * that the progress line and the report agree; undetermined ones count even when allowed.
   */
  readonly outcomes?: { readonly failed: number; readonly undetermined: number; readonly error: number }
}

export interface AuditRunOptions {
  /** Undetermined checks do not fail their expectation. */
  readonly allowUndetermined: boolean
  /** Every context key not given is absent (`--assume-absent`), whatever each expectation says. */
  readonly assumeAbsent: boolean
  /** `--unknown KEY`: left unknown in every check. */
  readonly unknownKeys?: readonly string[]
  /** The SDK's configured region (live runs), for aws:RequestedRegion when a check does not say it. */
  readonly configuredRegion?: string | null
  readonly shard: Shard | null
  /** Checks diagnosed at once (each source has its own limit on AWS calls). Default 8. */
  readonly concurrency?: number
  readonly onProgress?: (progress: AuditProgress) => void
  readonly now: () => Date
  /** Names the source when no check reached it ("live account", "snapshot demo.json"). */
  readonly sourceLabel: string
}

/** Shared by the checks with nothing to list (frozen: no reader can change it for all). */
const NONE: readonly never[] = Object.freeze([])

/** Errors of one check, reported on that check; anything else stops the audit. */
const CHECK_ERRORS = new Set(['SourceError', 'SnapshotError'])

/**
 * A check is a direct call by its principal (the same profile as `principal`): what the
 * expectation's context gives replaces the profile's value for that key.
 */
function queryOf(check: PlannedCheck, unknownKeys: readonly string[]): PrincipalQuery {
  const e = check.expectation
  return {
    principalArn: check.principal,
    action: check.action,
    resources: check.resource === null ? [] : [check.resource],
    context: e.context,
    sessionPolicy: e.sessionPolicy,
    resourceAccount: e.resourceAccount ?? resourceAccountInContext(e.context),
    sourceVpce: e.sourceVpce,
    region: e.region,
    unknownKeys,
  }
}

/**
 * A check's result, every field written out in one object literal, in the report's key order.
 * Built with spreads (`{ ...base, …, ...(held ? {} : { path }) }`) it took V8's generic
 * property copy for every check: runCheck's own time was the largest single item of an audit
 * profile (2–3 s of 100,000 checks), and the objects stringified slower.
 */
function resultOf(check: PlannedCheck, fields: Omit<CheckResult, 'index' | 'principal' | 'action' | 'resource' | 'expected' | 'path'>, path: EvaluationPath | null): CheckResult {
  const result: { -readonly [K in keyof CheckResult]: CheckResult[K] } = {
    index: check.index,
    principal: check.principal,
    action: check.action,
    resource: check.resource,
    expected: expectedLabel(check.expectation.expect),
    decision: fields.decision,
    outcome: fields.outcome,
    deciding: fields.deciding,
    missingAllows: fields.missingAllows,
    summary: fields.summary,
    incomplete: fields.incomplete,
    warnings: fields.warnings,
  }
  // Last, as the report writes it; held checks carry none.
  if (path !== null) result.path = path
  return result
}

async function runCheck(check: PlannedCheck, reach: AuditReach, options: AuditRunOptions, origins: Set<string>): Promise<CheckResult> {
  try {
    const assumeAbsent = options.assumeAbsent || check.expectation.assumeAbsent
    // The action was checked against the catalogue when the file was read.
    const { verdict, gathered } = await diagnose(queryOf(check, options.unknownKeys ?? []), await reach.sourceFor(check.account), {
      assumeAbsent,
      allowUnknownAction: true,
      configuredRegion: options.configuredRegion ?? null,
      now: options.now(),
    })
    origins.add(gathered.origin)
    const judged = judge(verdict, check.expectation.expect)
    return resultOf(
      check,
      {
        decision: verdict.decision,
        outcome: judged.outcome,
        deciding: judged.deciding,
        missingAllows: judged.missingAllows,
        summary: judged.summary,
        incomplete: verdict.incomplete.length ? verdict.incomplete.map((g) => `${g.source}: ${g.error}`) : NONE,
        // The verdict's own list, read-only like the result: no copy per check.
        warnings: verdict.warnings,
      },
      // The picture of a check that did not hold is drawn from its path.
      judged.outcome === 'held' ? null : evaluationPath(verdict),
    )
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    if (!CHECK_ERRORS.has(name) || (error instanceof SourceError && error.code === 'credentials')) throw error
    return resultOf(check, { decision: null, outcome: 'error', deciding: null, missingAllows: NONE, summary: (error as Error).message, incomplete: NONE, warnings: NONE }, null)
  }
}

/** Runs `work` over the items, `limit` at a time, keeping the results in the items' order. */
async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** The checks of this shard, in plan order (what one job or several run). */
export async function planChecks(file: AuditFile, reach: AuditReach, shard: Shard | null): Promise<{ plan: PlannedExpectation[]; mine: PlannedCheck[] }> {
  const plan = await planAudit(file, reach)
  const mine = plan.flatMap((p) => p.checks).filter((c) => !shard || shardOf(c.key, shard.count) === shard.index)
  return { plan, mine }
}

/** What running some checks gave: each check's result in their order, and the sources they read. */
export interface ChecksRun {
  readonly results: CheckResult[]
  readonly origins: string[]
}

/**
 * Diagnoses and judges checks, `concurrency` at a time, results in the checks' order.
 * `onCheck` hears of each finished one (whether it keeps its expectation from holding).
 */
export async function runChecks(
  checks: readonly PlannedCheck[],
  reach: AuditReach,
  options: AuditRunOptions,
  onCheck?: (failing: boolean, outcome: CheckResult['outcome']) => void,
): Promise<ChecksRun> {
  const origins = new Set<string>()
  const results = await pooled(checks, options.concurrency ?? 8, async (check) => {
    const result = await runCheck(check, reach, options, origins)
    onCheck?.(result.outcome === 'failed' || result.outcome === 'error' || (result.outcome === 'undetermined' && !options.allowUndetermined), result.outcome)
    return result
  })
  return { results, origins: [...origins] }
}

/**
 * Counts finished checks for the progress line, one job or several (jobs.ts): reports the
 * start at once, then each check, by outcome in the words of the summary so the two agree.
 */
export function progressCounter(total: number, onProgress: AuditRunOptions['onProgress']): (failing: boolean, outcome: CheckResult['outcome']) => void {
  let done = 0
  let failing = 0
  const outcomes = { failed: 0, undetermined: 0, error: 0 }
  const report = () => onProgress?.({ done, total, failing, outcomes: { ...outcomes } })
  report()
  return (fails, outcome) => {
    done++
    if (fails) failing++
    if (outcome !== 'held') outcomes[outcome]++
    report()
  }
}

export async function runAudit(file: AuditFile, reach: AuditReach, options: AuditRunOptions): Promise<AuditResult> {
  const ranAt = options.now().toISOString()
  const { plan, mine } = await planChecks(file, reach, options.shard)
  const run = await runChecks(mine, reach, options, progressCounter(mine.length, options.onProgress))
  return assembleAudit(file, plan, mine, run, { ...options, ranAt })
}

/** The audit result from the plan and the results of its checks (`run.results[i]` is `mine[i]`'s). */
export function assembleAudit(file: AuditFile, plan: readonly PlannedExpectation[], mine: readonly PlannedCheck[], run: ChecksRun, options: Pick<AuditRunOptions, 'shard' | 'allowUndetermined' | 'sourceLabel'> & { readonly ranAt: string }): AuditResult {
  const shard = options.shard
  const byExpectation = new Map<string, CheckResult[]>()
  mine.forEach((check, i) => {
    const list = byExpectation.get(check.expectation.name) ?? []
    list.push(run.results[i]!)
    byExpectation.set(check.expectation.name, list)
  })
  const origins = new Set(run.origins)
  return finish({
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    audit: { file: file.fileName, name: file.name, digest: file.digest },
    source: origins.size ? [...origins].sort().join('; ') : options.sourceLabel,
    ranAt: options.ranAt,
    shard: shard ? { count: shard.count, indices: [shard.index] } : null,
    options: { allowUndetermined: options.allowUndetermined },
    expectations: plan.map((p) => ({
      name: p.expectation.name,
      description: p.expectation.description,
      expected: expectedLabel(p.expectation.expect),
      status: 'held' as const,
      checkCount: p.checks.length,
      warnings: p.warnings,
      errors: p.errors,
      checks: (byExpectation.get(p.expectation.name) ?? []).sort((a, b) => a.index - b.index),
    })),
  })
}
