/**
 * What the text and markdown reports show of an audit result, as plain strings: one row per
 * check, the headline, the counts. Both renderers lay these out; neither re-derives them.
 */
import type { Outcome } from './judge.js'
import type { AuditResult, CheckResult, DriftEntry, ExpectationResult } from './result.js'

export interface CheckRow {
  readonly outcome: Outcome
  /** Whether this check keeps its expectation from holding. */
  readonly failing: boolean
  readonly expectation: string
  readonly principal: string
  readonly action: string
  readonly resource: string
  readonly expected: string
  readonly actual: string
  readonly deciding: string
}

/** `111111111111:role/CloudOps`: an IAM or STS ARN without its constant prefix. */
export function shortPrincipal(arn: string): string {
  return arn.replace(/^arn:[a-z-]+:(iam|sts)::/, '')
}

export function actualOf(check: CheckResult): string {
  return check.decision ?? 'error'
}

export function checkRows(result: AuditResult): CheckRow[] {
  const allow = result.options.allowUndetermined
  return result.expectations.flatMap((e) =>
    e.checks.map((c) => ({
      outcome: c.outcome,
      failing: c.outcome === 'failed' || c.outcome === 'error' || (c.outcome === 'undetermined' && !allow),
      expectation: e.name,
      principal: shortPrincipal(c.principal),
      action: c.action,
      resource: c.resource ?? '—',
      expected: c.expected,
      actual: actualOf(c),
      deciding: c.summary,
    })),
  )
}

/** Whether any check names a resource (the reports leave the column out otherwise). */
export function hasResources(result: AuditResult): boolean {
  return result.expectations.some((e) => e.checks.some((c) => c.resource !== null))
}

export function headline(result: AuditResult): string {
  const t = result.totals.expectations
  const counted = t.total - t.notInShard
  if (result.passed) {
    if (counted < t.total) return `AUDIT PASSED — the ${counted} expectation${counted === 1 ? '' : 's'} with checks in this shard held`
    return t.total === 1 ? 'AUDIT PASSED — the expectation held' : `AUDIT PASSED — all ${t.total} expectations held`
  }
  return `AUDIT FAILED — ${t.failed} of ${counted} expectation${counted === 1 ? '' : 's'} did not hold`
}

export function countsLine(result: AuditResult): string {
  const e = result.totals.expectations
  const c = result.totals.checks
  const parts = [`${e.total} expectations: ${e.held} held, ${e.failed} failed${e.notInShard ? `, ${e.notInShard} with no check in this shard` : ''}`]
  parts.push(`${c.total} checks: ${c.held} held, ${c.failed} failed, ${c.undetermined} undetermined${result.options.allowUndetermined && c.undetermined ? ' (allowed)' : ''}, ${c.error} could not be run`)
  return `${parts.join('. ')}.`
}

export function provenance(result: AuditResult): string {
  const shard = result.shard ? ` · shard ${result.shard.indices.join(', ')} of ${result.shard.count}` : ''
  const name = result.audit.name ? ` (${result.audit.name})` : ''
  return `audit ${result.audit.file}${name} · ${result.source} · ${result.ranAt}${shard}`
}

/** Expectations that did not hold, with the checks that failed them. */
export function failures(result: AuditResult): { expectation: ExpectationResult; checks: CheckResult[] }[] {
  const allow = result.options.allowUndetermined
  return result.expectations
    .filter((e) => e.status === 'failed')
    .map((e) => ({ expectation: e, checks: e.checks.filter((c) => c.outcome === 'failed' || c.outcome === 'error' || (c.outcome === 'undetermined' && !allow)) }))
}

function side(s: DriftEntry['before']): string {
  if (!s) return '—'
  return `${s.decision ?? 'error'} (${s.outcome})${s.deciding ? ` by ${s.deciding}` : ''}`
}

/** One line per drift entry: `expectation — principal action [resource]: before → after`. */
export function driftLines(drift: readonly DriftEntry[]): string[] {
  return drift.map((d) => {
    const what = `${d.expectation} — ${shortPrincipal(d.principal)} ${d.action}${d.resource ? ` ${d.resource}` : ''}`
    if (d.change === 'new') return `${what}: new check, ${side(d.after)}`
    if (d.change === 'gone') return `${what}: no longer checked (was ${side(d.before)})`
    return `${what}: ${side(d.before)} → ${side(d.after)}`
  })
}
