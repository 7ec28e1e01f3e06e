/**
 * Runs an audit: plan the checks, keep this shard's, then diagnose each (gather through the
 * cache, evaluate in memory) and judge it against its expectation.
 */
import { diagnose } from '../diagnose.js'
import { SourceError } from '../sources/errors.js'
import type { PrincipalQuery } from '../sources/types.js'
import { evaluationPath } from '../report/path.js'
import { judge } from './judge.js'
import { planAudit, type PlannedCheck } from './plan.js'
import type { AuditReach } from './reach.js'
import { finish, RESULT_FORMAT, RESULT_VERSION, type AuditResult, type CheckResult } from './result.js'
import { shardOf, type Shard } from './shard.js'
import { expectedLabel, type AuditFile } from './types.js'

export interface AuditProgress {
  readonly done: number
  readonly total: number
  /** Checks so far that keep their expectation from holding. */
  readonly failing: number
}

export interface AuditRunOptions {
  /** Undetermined checks do not fail their expectation. */
  readonly allowUndetermined: boolean
  /** Every context key not given is absent (`--assume-absent`), whatever each expectation says. */
  readonly assumeAbsent: boolean
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

function queryOf(check: PlannedCheck): PrincipalQuery {
  const e = check.expectation
  return {
    principalArn: check.principal,
    action: check.action,
    resources: check.resource === null ? [] : [check.resource],
    context: e.context,
    sessionPolicy: e.sessionPolicy,
    resourceAccount: e.resourceAccount,
    sourceVpce: e.sourceVpce,
    region: e.region,
  }
}

async function runCheck(check: PlannedCheck, reach: AuditReach, options: AuditRunOptions, origins: Set<string>): Promise<CheckResult> {
  const base = { index: check.index, principal: check.principal, action: check.action, resource: check.resource, expected: expectedLabel(check.expectation.expect) }
  try {
    const assumeAbsent = options.assumeAbsent || check.expectation.assumeAbsent
    // The action was checked against the catalogue when the file was read.
    const { verdict, gathered } = await diagnose(queryOf(check), await reach.sourceFor(check.account), { assumeAbsent, allowUnknownAction: true })
    origins.add(gathered.origin)
    const judged = judge(verdict, check.expectation.expect)
    return {
      ...base,
      decision: verdict.decision,
      outcome: judged.outcome,
      deciding: judged.deciding,
      missingAllows: judged.missingAllows,
      summary: judged.summary,
      incomplete: verdict.incomplete.length ? verdict.incomplete.map((g) => `${g.source}: ${g.error}`) : NONE,
      // The verdict's own list, read-only like the result: no copy per check.
      warnings: verdict.warnings,
      // The picture of a check that did not hold is drawn from its path; held checks carry none.
      ...(judged.outcome === 'held' ? {} : { path: evaluationPath(verdict) }),
    }
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    if (!CHECK_ERRORS.has(name) || (error instanceof SourceError && error.code === 'credentials')) throw error
    return { ...base, decision: null, outcome: 'error', deciding: null, missingAllows: NONE, summary: (error as Error).message, incomplete: NONE, warnings: NONE }
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

export async function runAudit(file: AuditFile, reach: AuditReach, options: AuditRunOptions): Promise<AuditResult> {
  const ranAt = options.now().toISOString()
  const plan = await planAudit(file, reach)
  const shard = options.shard
  const mine = plan.flatMap((p) => p.checks).filter((c) => !shard || shardOf(c.key, shard.count) === shard.index)
  const origins = new Set<string>()
  let done = 0
  let failing = 0
  options.onProgress?.({ done, total: mine.length, failing })
  const results = await pooled(mine, options.concurrency ?? 8, async (check) => {
    const result = await runCheck(check, reach, options, origins)
    done++
    if (result.outcome === 'failed' || result.outcome === 'error' || (result.outcome === 'undetermined' && !options.allowUndetermined)) failing++
    options.onProgress?.({ done, total: mine.length, failing })
    return { check, result }
  })
  const byExpectation = new Map<string, CheckResult[]>()
  for (const { check, result } of results) {
    const list = byExpectation.get(check.expectation.name) ?? []
    list.push(result)
    byExpectation.set(check.expectation.name, list)
  }
  return finish({
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    audit: { file: file.fileName, name: file.name, digest: file.digest },
    source: origins.size ? [...origins].sort().join('; ') : options.sourceLabel,
    ranAt,
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
