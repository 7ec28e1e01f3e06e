/**
 * Drift: every check whose verdict changed since a previous run (`--baseline PREVIOUS.json`),
 * even where the expectation still holds — a different deciding statement today is tomorrow's
 * surprise. Checks are matched by expectation name, principal, action and resource.
 */
import { checkKey, shardOf } from './shard.js'
import type { AuditResult, CheckResult, DriftEntry } from './result.js'

interface Located {
  readonly expectation: string
  readonly check: CheckResult
}

function byKey(result: AuditResult): Map<string, Located> {
  const out = new Map<string, Located>()
  for (const e of result.expectations) {
    for (const check of e.checks) out.set(checkKey(e.name, check.principal, check.action, check.resource), { expectation: e.name, check })
  }
  return out
}

/** The deciding statement as a comparable identity: policy type, name or ARN, statement, Sid. */
function decidingId(check: CheckResult): string | null {
  const d = check.deciding
  if (!d) return check.decision === 'ImplicitDeny' ? `no Allow: ${check.missingAllows.map((m) => m.label).join(', ')}` : null
  return `${d.policyType} ${d.policyArn ?? d.policyName ?? ''} #${d.statementIndex}${d.sid ? ` ${d.sid}` : ''}`
}

function side(check: CheckResult): NonNullable<DriftEntry['before']> {
  return { decision: check.decision, outcome: check.outcome, deciding: check.deciding?.label ?? (check.decision === 'ImplicitDeny' ? check.summary : null) }
}

function entry(at: Located, change: DriftEntry['change'], before: CheckResult | null, after: CheckResult | null): DriftEntry {
  const { principal, action, resource } = at.check
  return { expectation: at.expectation, principal, action, resource, change, before: before ? side(before) : null, after: after ? side(after) : null }
}

/**
 * Changes from `baseline` to `current`. When `current` is a shard (or some shards), the
 * baseline's checks of other shards are not reported as gone.
 */
export function driftSince(current: AuditResult, baseline: AuditResult): DriftEntry[] {
  const now = byKey(current)
  const before = byKey(baseline)
  const shard = current.shard
  const inScope = (key: string) => !shard || shard.indices.includes(shardOf(key, shard.count))
  const out: DriftEntry[] = []
  for (const [key, at] of now) {
    const was = before.get(key)
    if (!was) out.push(entry(at, 'new', null, at.check))
    else if (was.check.decision !== at.check.decision || was.check.outcome !== at.check.outcome || decidingId(was.check) !== decidingId(at.check)) {
      out.push(entry(at, 'changed', was.check, at.check))
    }
  }
  for (const [key, was] of before) if (!now.has(key) && inScope(key)) out.push(entry(was, 'gone', was.check, null))
  return out
}
