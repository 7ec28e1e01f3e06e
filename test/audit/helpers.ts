/** Audits against the demo snapshot, in memory: the file text in, the result out. */
import { join } from 'node:path'
import { parseAuditText } from '../../src/audit/read-audit-file.js'
import { singleReach } from '../../src/audit/reach.js'
import type { AuditResult, CheckResult } from '../../src/audit/result.js'
import { runAudit, type AuditRunOptions } from '../../src/audit/run.js'
import type { Shard } from '../../src/audit/shard.js'
import { readSnapshot } from '../../src/sources/snapshot/file.js'
import { createSnapshotProvider } from '../../src/sources/snapshot/provider.js'
import type { Snapshot } from '../../src/sources/snapshot/format.js'

export const ROOT = join(import.meta.dirname, '..', '..')
export const DEMO = join(ROOT, 'examples', 'demo-snapshot.json')
export const EXAMPLE_AUDIT = join(ROOT, 'examples', 'audit.yaml')
export const FIXED_NOW = new Date('2026-11-02T08:00:00.000Z')

export const demoSnapshot: Snapshot = await readSnapshot(DEMO)

export function demoProvider(snapshot: Snapshot = demoSnapshot) {
  return createSnapshotProvider(snapshot, { fileName: 'examples/demo-snapshot.json' })
}

export interface RunOptions extends Partial<Omit<AuditRunOptions, 'shard'>> {
  readonly shard?: Shard | null
  readonly snapshot?: Snapshot
  readonly fileName?: string
}

export async function auditText(text: string, options: RunOptions = {}): Promise<AuditResult> {
  const file = parseAuditText(text, options.fileName ?? 'audit.yaml')
  return runAudit(file, singleReach(demoProvider(options.snapshot)), {
    allowUndetermined: options.allowUndetermined ?? false,
    assumeAbsent: options.assumeAbsent ?? false,
    shard: options.shard ?? null,
    now: () => FIXED_NOW,
    sourceLabel: 'snapshot',
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  })
}

/** `outcome decision principal action | deciding`: one line per check, for compact assertions. */
export function lines(result: AuditResult): string[] {
  return result.expectations.flatMap((e) => e.checks.map((c) => line(e.name, c)))
}

export function line(expectation: string, c: CheckResult): string {
  return `${expectation} | ${c.principal} ${c.action} | ${c.expected} → ${c.decision} (${c.outcome}) | ${c.deciding?.label ?? c.summary}`
}

/** The result without what changes from run to run or shard to shard: for comparing runs. */
export function comparable(result: AuditResult): Pick<AuditResult, 'totals' | 'expectations' | 'passed' | 'audit'> {
  return { audit: result.audit, passed: result.passed, totals: result.totals, expectations: result.expectations }
}
