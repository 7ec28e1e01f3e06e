/**
 * A snapshot audit on several processor cores: the checks of this shard, in plan order, are
 * cut into one contiguous part per job (so each job reads few principals and warms few
 * plans); the main thread runs the first part, and each other part runs in a worker thread
 * over its own reading of the snapshot; the results are put back in plan order. The report is the one a single job writes: the same
 * checks, verdicts and order (test/audit/jobs.test.ts compares them).
 *
 * A live audit stays in one thread: it waits on AWS, not on the processor, and each worker
 * would read every account again.
 */
import { Worker } from 'node:worker_threads'
import type { AuditReach } from './reach.js'
import type { AuditResult, CheckResult } from './result.js'
import { assembleAudit, planChecks, progressCounter, runChecks, type AuditRunOptions, type ChecksRun } from './run.js'
import type { AuditFile } from './types.js'
import type { JobReply, JobRequest } from './worker.js'

export interface JobsOptions extends AuditRunOptions {
  readonly jobs: number
  /** The snapshot file each worker reads. */
  readonly snapshot: string
  /** The audit file's text and name, which each worker reads again (plans are deterministic). */
  readonly fileText: string
  readonly fileName: string
  readonly allowUnknownAction: boolean
  /** Fewer checks per job than this and the audit runs in one thread (starting a worker costs a snapshot read). */
  readonly minChecksPerJob?: number
}

/** Below this many checks a job, a worker's start (its own snapshot read) costs more than it saves. */
const MIN_CHECKS_PER_JOB = 2000

/** `count` contiguous parts of `total` items, as even as can be: [start, end) each. */
export function partsOf(total: number, count: number): [number, number][] {
  const parts: [number, number][] = []
  for (let k = 0; k < count; k++) parts.push([Math.floor((total * k) / count), Math.floor((total * (k + 1)) / count)])
  return parts
}

/** The worker: dist/audit/worker.js, or from the TypeScript sources (tests, the bench) worker.ts loaded through tsx. */
function startWorker(request: JobRequest): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: request })
  const entry = new URL('./worker.ts', import.meta.url).href
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(boot, { eval: true, workerData: request })
}

function runPart(request: JobRequest, onCheck: (failing: boolean, outcome: CheckResult['outcome']) => void, workers: Worker[]): Promise<ChecksRun> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request)
    workers.push(worker)
    let settled = false
    worker.on('message', (reply: JobReply) => {
      if (reply.kind === 'progress') for (const [failing, outcome] of reply.checks) onCheck(failing, outcome)
      else if (reply.kind === 'done') {
        settled = true
        // Warnings lists come once each, referred to by number (worker.ts).
        const results = reply.results.map((r) => ({ ...r, warnings: reply.warningLists[r.warnings as unknown as number]! }))
        resolve({ results: results as CheckResult[], origins: reply.origins })
      } else {
        settled = true
        reject(Object.assign(new Error(reply.message), { name: reply.name }))
      }
    })
    worker.on('error', (error) => {
      settled = true
      reject(error)
    })
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`An audit worker stopped (exit code ${code}) before it finished its checks.`))
    })
  })
}

export async function runAuditJobs(file: AuditFile, reach: AuditReach, options: JobsOptions): Promise<AuditResult> {
  const ranAt = options.now().toISOString()
  const { plan, mine } = await planChecks(file, reach, options.shard)
  const jobs = Math.max(1, Math.min(options.jobs, Math.floor(mine.length / (options.minChecksPerJob ?? MIN_CHECKS_PER_JOB))))
  // The same counter as one job's, so that progress agrees with the summary.
  const onCheck = progressCounter(mine.length, options.onProgress)
  let run: ChecksRun
  if (jobs <= 1) run = await runChecks(mine, reach, options, onCheck)
  else {
    // The main thread runs the first part itself, over the sources it has read already: one
    // snapshot read and one plan fewer, and only the other parts' results are copied over.
    const [[firstStart, firstEnd], ...others] = partsOf(mine.length, jobs) as [[number, number], ...[number, number][]]
    // One part failing fails the audit: the other workers are stopped rather than left to
    // finish checks nobody will read (the process would wait for them before it exits).
    const workers: Worker[] = []
    const parts = await Promise.all([
      runChecks(mine.slice(firstStart, firstEnd), reach, options, onCheck),
      ...others.map(([start, end]) =>
        runPart(
          {
            snapshot: options.snapshot,
            fileText: options.fileText,
            fileName: options.fileName,
            allowUnknownAction: options.allowUnknownAction,
            allowUndetermined: options.allowUndetermined,
            assumeAbsent: options.assumeAbsent,
            shard: options.shard,
            start,
            end,
            keys: mine.slice(start, end).map((c) => c.key),
            ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
          },
          onCheck,
          workers,
        ),
      ),
    ]).catch(async (error: unknown) => {
      await Promise.all(workers.map((w) => w.terminate()))
      throw error
    })
    run = { results: parts.flatMap((p) => p.results), origins: parts.flatMap((p) => p.origins) }
  }
  return assembleAudit(file, plan, mine, run, { ...options, ranAt })
}
