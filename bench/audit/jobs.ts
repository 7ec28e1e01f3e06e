/**
 * Audit scale on the processor's cores: the built CLI (`bin/run.js audit`, which starts its
 * worker threads from dist/) on the generated 5,000-role snapshot with an audit file of
 * `checks` checks (100,000 by default), with `--jobs 1` and `--jobs 2`, end to end (spawn to
 * exit: start-up, snapshot reads, planning, checks, the JSON report). The two reports must be
 * identical apart from the time they were made.
 *
 * The machine may be shared: the runs go in back-to-back pairs (1, 2, 1, 2, …) so that both
 * see the same load, each with its processor time per thread, the load average and the
 * processors' time other work took (machine-share.ts); the best clock time of each is kept.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { sampleCpu, sharedBetween } from '../lib/machine-share.js'
import type { Snapshot } from '../../src/sources/snapshot/format.js'
import { generateAuditFile, type ScaleOptions } from './snapshot-gen.js'
import { watchThreads, type ThreadCpu } from './thread-cpu.js'

export interface JobsRun {
  readonly jobs: number
  readonly wallMs: number
  readonly exitCode: number | null
  readonly peakRssMb: number | null
  readonly checks: number
  /** Processor time per thread (null without /proc). */
  readonly cpu: ThreadCpu | null
  /** The 1-minute load average when the run started. */
  readonly load: number
  /** Processors' worth of time other work took during the run (null without /proc). */
  readonly otherCores: number | null
}

export interface JobsResult {
  readonly checks: number
  /** Every run, in the order they ran (pairs of --jobs 1 then --jobs 2). */
  readonly runs: readonly JobsRun[]
  /** The run with the best clock time, for each number of jobs. */
  readonly best: readonly JobsRun[]
  /** The JSON reports of every run are the same (ranAt aside). */
  readonly identical: boolean
}

/** The report goes to a file (it is large: every check with its warnings), written by the child as it would be by `--out`-less use with a redirect. */
function runAudit(root: string, auditFile: string, snapshotFile: string, jobs: number, reportFile: string, cpus: number): Promise<JobsRun & { report: string }> {
  const timed = existsSync('/usr/bin/time')
  const args = [process.execPath, join(root, 'bin', 'run.js'), 'audit', auditFile, '--snapshot', snapshotFile, '--assume-absent', '--json', '--jobs', String(jobs)]
  return new Promise((resolve, reject) => {
    const load = loadavg()[0] ?? 0
    const before = sampleCpu()
    const started = performance.now()
    const out = openSync(reportFile, 'w')
    const stdio: ['ignore', number, 'pipe'] = ['ignore', out, 'pipe']
    const child = timed ? spawn('/usr/bin/time', ['-f', 'maxrss-kb %M', ...args], { cwd: root, stdio }) : spawn(args[0]!, args.slice(1), { cwd: root, stdio })
    const threads = child.pid === undefined ? null : watchThreads(child.pid, timed)
    let stderr = ''
    child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      const cpu = threads?.stop() ?? null
      const after = sampleCpu()
      // The child has been reaped by now, so its time counts as this process's own, not as other work.
      const otherCores = before && after ? sharedBetween(before, after, cpus).otherCores : null
      closeSync(out)
      const kb = /maxrss-kb (\d+)/.exec(stderr)
      // Reports are hundreds of megabytes: compared by digest (ranAt aside), counted from their head.
      const bytes = readFileSync(reportFile)
      const head = bytes.subarray(0, 4096).toString('utf8')
      const total = /"checks": \{\s*"total": (\d+)/.exec(head)
      const ranAt = /"ranAt": "[^"]*"/.exec(head)
      if (!total || !ranAt || !bytes.subarray(bytes.length - 2).toString().startsWith('}')) {
        reject(new Error(`audit --jobs ${jobs} gave no JSON report (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`))
        return
      }
      const at = Buffer.byteLength(head.slice(0, ranAt.index))
      const report = createHash('sha256').update(bytes.subarray(0, at)).update(bytes.subarray(at + Buffer.byteLength(ranAt[0]))).digest('hex')
      resolve({ jobs, wallMs, exitCode: code, peakRssMb: kb ? Number(kb[1]) / 1024 : null, checks: Number(total[1]), cpu, load, otherCores, report })
    })
  })
}

export async function measureJobs(snapshot: Snapshot, options: ScaleOptions, snapshotFile: string, outDir: string, root: string, log: (line: string) => void, pairs = 2): Promise<JobsResult> {
  const auditFile = join(outDir, `scale-audit-${options.checks}.json`)
  await writeFile(auditFile, JSON.stringify(generateAuditFile(snapshot, options), null, 1))
  const runs: (JobsRun & { report: string })[] = []
  const cpus = availableParallelism()
  for (let pair = 0; pair < pairs; pair++) {
    for (const jobs of [1, 2]) {
      log(`audit scale: ${options.checks.toLocaleString('en-US')} checks with --jobs ${jobs} (pair ${pair + 1} of ${pairs}), load ${loadavg()[0]?.toFixed(2)}…`)
      const run = await runAudit(root, auditFile, snapshotFile, jobs, join(outDir, `scale-audit-result-jobs-${jobs}.json`), cpus)
      log(`  ${(run.wallMs / 1000).toFixed(1)} s${run.cpu ? `, processor time: main thread ${run.cpu.mainS.toFixed(1)} s, others ${run.cpu.otherS.filter((t) => t >= 0.1).map((t) => t.toFixed(1)).join(' + ')} s` : ''}`)
      runs.push(run)
    }
  }
  const reports = runs.map((r) => r.report)
  const plain = runs.map(({ report: _report, ...r }) => r)
  const best = [1, 2].map((jobs) => plain.filter((r) => r.jobs === jobs).reduce((a, b) => (b.wallMs < a.wallMs ? b : a)))
  return { checks: options.checks, runs: plain, best, identical: reports.every((r) => r === reports[0]) }
}
