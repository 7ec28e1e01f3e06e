/**
 * Measurement 3, audit scale: writes the generated snapshot and audit file to bench/out/,
 * then runs them in a child process (so that the peak memory is the audit's alone) through
 * src/audit's runner, falling back to diagnose one check at a time if the runner fails.
 * "End to end" is the snapshot load plus every check, as an audit run does them.
 */
import { execFile } from 'node:child_process'
import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { writeSnapshot } from '../../src/sources/snapshot/index.js'
import type { AuditChildResult } from './child.js'
import { generateAuditFile, generateSnapshot, type ScaleOptions } from './snapshot-gen.js'

const run = promisify(execFile)

export interface AuditResult extends AuditChildResult {
  readonly roles: number
  readonly managedPolicies: number
  readonly snapshotFile: string
  readonly snapshotMb: number
  /** Load + checks. */
  readonly endToEndMs: number
  /** The child process from spawn to exit (Node start-up and module loading included). */
  readonly processMs: number
  /** Why the audit runner could not be used, when the bench fell back to diagnose. */
  readonly runnerError: string | null
  /** The same checks through diagnose alone (no runner, no gather cache), for comparison. */
  readonly plain: AuditChildResult | null
}

async function child(root: string, args: readonly string[]): Promise<{ result: AuditChildResult; ms: number }> {
  const started = performance.now()
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'bench/audit/child.ts'), ...args], {
    cwd: root,
    maxBuffer: 16 * 2 ** 20,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  })
  return { result: JSON.parse(stdout.trim().split('\n').pop()!) as AuditChildResult, ms: performance.now() - started }
}

export async function measureAudit(options: ScaleOptions, outDir: string, root: string): Promise<AuditResult> {
  const snapshot = generateSnapshot(options)
  const snapshotFile = join(outDir, 'scale-snapshot.json')
  const auditFile = join(outDir, 'scale-audit.json')
  await writeSnapshot(snapshotFile, snapshot)
  await writeFile(auditFile, JSON.stringify(generateAuditFile(snapshot, options), null, 1))
  const roles = snapshot.accounts.reduce((n, a) => n + (a.iam?.roles.length ?? 0), 0)
  const managedPolicies = snapshot.accounts.reduce((n, a) => n + (a.iam?.policies.length ?? 0), 0)
  let runnerError: string | null = null
  let ran: Awaited<ReturnType<typeof child>>
  try {
    ran = await child(root, [snapshotFile, auditFile, 'audit'])
  } catch (error) {
    // The audit runner is another engineer's work in progress: fall back rather than measure nothing.
    runnerError = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 3).join(' ')
    ran = await child(root, [snapshotFile, auditFile, 'diagnose'])
  }
  const plain = runnerError === null ? (await child(root, [snapshotFile, auditFile, 'diagnose'])).result : null
  const { size } = await stat(snapshotFile)
  const r = ran.result
  return { ...r, roles, managedPolicies, snapshotFile, snapshotMb: size / 2 ** 20, endToEndMs: r.loadMs + r.checksMs, processMs: ran.ms, runnerError, plain }
}
