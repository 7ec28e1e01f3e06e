/**
 * What the text and markdown reports show of an audit result, as plain strings: one row per
 * check, the headline, the counts. Both renderers lay these out; neither re-derives them.
 */
import { say, type Catalogue } from '../i18n/index.js'
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

/** Appends `lines` to `out` one by one (`out.push(...lines)` overflows the call stack past ~100,000 lines). */
export function appendAll(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line)
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
      deciding: say()['audit.summary'](c.summary),
    })),
  )
}

/** Whether any check names a resource (the reports leave the column out otherwise). */
export function hasResources(result: AuditResult): boolean {
  return result.expectations.some((e) => e.checks.some((c) => c.resource !== null))
}

export function headline(result: AuditResult, m: Catalogue = say()): string {
  const t = result.totals.expectations
  const counted = t.total - t.notInShard
  if (result.passed) {
    if (counted < t.total) return m['audit.passedInShard'](counted)
    return t.total === 1 ? m['audit.passedOne'] : m['audit.passedAll'](t.total)
  }
  return m['audit.failed'](t.failed, counted)
}

export function countsLine(result: AuditResult, m: Catalogue = say()): string {
  const e = result.totals.expectations
  const c = result.totals.checks
  return m['audit.countsJoin']([
    m['audit.countsExpectations'](e.total, e.held, e.failed, e.notInShard),
    m['audit.countsChecks'](c.total, c.held, c.failed, c.undetermined, result.options.allowUndetermined && c.undetermined > 0, c.error),
  ])
}

export function provenance(result: AuditResult, m: Catalogue = say()): string {
  const shard = result.shard ? m['audit.shard'](result.shard.indices.join(', '), result.shard.count) : ''
  const name = result.audit.name ? ` (${result.audit.name})` : ''
  return `${m['audit.provenance'](result.audit.file)}${name} · ${m['report.origin'](result.source)} · ${result.ranAt}${shard}`
}

/** Expectations that did not hold, with the checks that failed them. */
export function failures(result: AuditResult): { expectation: ExpectationResult; checks: CheckResult[] }[] {
  const allow = result.options.allowUndetermined
  return result.expectations
    .filter((e) => e.status === 'failed')
    .map((e) => ({ expectation: e, checks: e.checks.filter((c) => c.outcome === 'failed' || c.outcome === 'error' || (c.outcome === 'undetermined' && !allow)) }))
}

function side(s: DriftEntry['before'], m: Catalogue): string {
  if (!s) return '—'
  return `${s.decision ?? 'error'} (${s.outcome})${s.deciding ? m['audit.driftBy'](s.deciding) : ''}`
}

/** One line per drift entry: `expectation — principal action [resource]: before → after`. */
export function driftLines(drift: readonly DriftEntry[], m: Catalogue = say()): string[] {
  return drift.map((d) => {
    const what = `${d.expectation} — ${shortPrincipal(d.principal)} ${d.action}${d.resource ? ` ${d.resource}` : ''}`
    if (d.change === 'new') return m['audit.driftNew'](what, side(d.after, m))
    if (d.change === 'gone') return m['audit.driftGone'](what, side(d.before, m))
    return `${what}: ${side(d.before, m)} → ${side(d.after, m)}`
  })
}
