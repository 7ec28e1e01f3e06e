/**
 * Audit scale on the processor's cores: the built CLI (`bin/run.js audit`, which starts its
 * worker threads from dist/) on the generated 5,000-role snapshot with an audit file of
 * `checks` checks (100,000 by default), with `--jobs 1` and `--jobs 2`, end to end (spawn to
 * exit: start-up, snapshot reads, planning, checks, the JSON report). The two reports must be
 * identical apart from the time they were made.
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Snapshot } from '../../src/sources/snapshot/format.js'
import { generateAuditFile, type ScaleOptions } from './snapshot-gen.js'

export interface JobsRun {
  readonly jobs: number
  readonly wallMs: number
  readonly exitCode: number | null
  readonly peakRssMb: number | null
  readonly checks: number
}

export interface JobsResult {
  readonly checks: number
  readonly runs: readonly JobsRun[]
  /** The JSON reports of every run are the same (ranAt aside). */
  readonly identical: boolean
}

/** The report goes to a file (it is large: every check with its warnings), written by the child as it would be by `--out`-less use with a redirect. */
function runAudit(root: string, auditFile: string, snapshotFile: string, jobs: number, reportFile: string): Promise<JobsRun & { report: string }> {
  const timed = existsSync('/usr/bin/time')
  const args = [process.execPath, join(root, 'bin', 'run.js'), 'audit', auditFile, '--snapshot', snapshotFile, '--assume-absent', '--json', '--jobs', String(jobs)]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const out = openSync(reportFile, 'w')
    const stdio: ['ignore', number, 'pipe'] = ['ignore', out, 'pipe']
    const child = timed ? spawn('/usr/bin/time', ['-f', 'maxrss-kb %M', ...args], { cwd: root, stdio }) : spawn(args[0]!, args.slice(1), { cwd: root, stdio })
    let stderr = ''
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      closeSync(out)
      const kb = /maxrss-kb (\d+)/.exec(stderr)
      const report = readFileSync(reportFile, 'utf8')
      let checks = 0
      try {
        checks = (JSON.parse(report) as { totals: { checks: { total: number } } }).totals.checks.total
      } catch {
        reject(new Error(`audit --jobs ${jobs} gave no JSON report (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`))
        return
      }
      resolve({ jobs, wallMs, exitCode: code, peakRssMb: kb ? Number(kb[1]) / 1024 : null, checks, report })
    })
  })
}

const withoutTime = (report: string) => report.replace(/"ranAt":\s*"[^"]*"/, '"ranAt": ""')

export async function measureJobs(snapshot: Snapshot, options: ScaleOptions, snapshotFile: string, outDir: string, root: string, log: (line: string) => void): Promise<JobsResult> {
  const auditFile = join(outDir, `scale-audit-${options.checks}.json`)
  await writeFile(auditFile, JSON.stringify(generateAuditFile(snapshot, options), null, 1))
  const runs: (JobsRun & { report: string })[] = []
  for (const jobs of [1, 2]) {
    log(`audit scale: ${options.checks.toLocaleString('en-US')} checks with --jobs ${jobs}…`)
    runs.push(await runAudit(root, auditFile, snapshotFile, jobs, join(outDir, `scale-audit-result-jobs-${jobs}.json`)))
  }
  const reports = runs.map((r) => withoutTime(r.report))
  return { checks: options.checks, runs: runs.map(({ report: _report, ...r }) => r), identical: reports.every((r) => r === reports[0]) }
}
