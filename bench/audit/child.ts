/**
 * Measurement 3's worker, run in a process of its own so that its memory is its own:
 *   node --import tsx bench/audit/child.ts SNAPSHOT AUDIT.json audit|diagnose
 * `audit` drives src/audit's runner (parseAuditText, singleReach over the snapshot provider,
 * runAudit), as `denydoctor audit AUDIT.json --snapshot SNAPSHOT --assume-absent` does;
 * `diagnose` runs the same checks one by one through createSnapshotProvider + diagnose.
 * Prints one JSON line: load and check times, peak RSS.
 */
import { readFile } from 'node:fs/promises'
import { diagnose } from '../../src/diagnose.js'
import { createSnapshotProvider, readSnapshot } from '../../src/sources/snapshot/index.js'
import { expandChecks, type AuditFileJson } from './snapshot-gen.js'

export interface AuditChildResult {
  readonly driver: string
  readonly checks: number
  readonly importMs: number
  readonly loadMs: number
  readonly checksMs: number
  readonly errors: number
  readonly firstError: string | null
  readonly decisions: Record<string, number>
  readonly baselineRssMb: number
  readonly peakRssMb: number
}

const started = performance.now()
const [snapshotPath, auditPath, driver = 'audit'] = process.argv.slice(2)
if (!snapshotPath || !auditPath) throw new Error('usage: child.ts SNAPSHOT AUDIT.json [audit|diagnose]')
const auditText = await readFile(auditPath, 'utf8')
const runner = driver === 'audit' ? { ...(await import('../../src/audit/read-audit-file.js')), ...(await import('../../src/audit/reach.js')), ...(await import('../../src/audit/run.js')) } : null
const baselineRssMb = process.memoryUsage().rss / 2 ** 20
const importMs = performance.now() - started

const decisions: Record<string, number> = {}
let errors = 0
let firstError: string | null = null
let checks = 0

const t0 = performance.now()
const snapshot = await readSnapshot(snapshotPath)
const provider = createSnapshotProvider(snapshot, { fileName: snapshotPath })
const loadMs = performance.now() - t0

const t1 = performance.now()
if (runner) {
  const file = runner.parseAuditText(auditText, auditPath)
  const result = await runner.runAudit(file, runner.singleReach(provider), {
    allowUndetermined: false,
    assumeAbsent: true,
    shard: null,
    now: () => new Date(),
    sourceLabel: `snapshot ${snapshotPath}`,
  })
  for (const check of result.expectations.flatMap((e) => e.checks)) {
    checks++
    if (check.decision) decisions[check.decision] = (decisions[check.decision] ?? 0) + 1
    if (check.outcome === 'error') {
      errors++
      firstError ??= check.summary
    }
  }
} else {
  for (const query of expandChecks(JSON.parse(auditText) as AuditFileJson)) {
    checks++
    try {
      const { verdict } = await diagnose(query, provider, { assumeAbsent: true, allowUnknownAction: false })
      decisions[verdict.decision] = (decisions[verdict.decision] ?? 0) + 1
    } catch (error) {
      errors++
      firstError ??= error instanceof Error ? error.message : String(error)
    }
  }
}
const checksMs = performance.now() - t1
// maxRSS (KiB) is the kernel's high-water mark for the whole process.
const peakRssMb = process.resourceUsage().maxRSS / 1024
const result: AuditChildResult = {
  driver: runner ? 'src/audit runner (parseAuditText + singleReach + runAudit)' : 'createSnapshotProvider + diagnose, one check at a time',
  checks,
  importMs,
  loadMs,
  checksMs,
  errors,
  firstError,
  decisions,
  baselineRssMb,
  peakRssMb,
}
process.stdout.write(`${JSON.stringify(result)}\n`)
