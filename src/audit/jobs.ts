/**
 * A snapshot audit on several processor cores. The checks of this shard, in plan order, are
 * cut into small contiguous parts (a part's checks share principals and plans); the main
 * thread and each worker thread (over its own reading of the snapshot) take the next part
 * whenever they are free, and each result goes back to its check's place. On a machine whose
 * other cores are busy the main thread simply takes more parts: a worker that starts late or
 * runs slowly costs little. The report is the one a single job writes: the same checks,
 * verdicts and order (test/audit/jobs.test.ts compares them).
 *
 * A live audit stays in one thread: it waits on AWS, not on the processor, and each worker
 * would read every account again.
 */
import { Worker } from 'node:worker_threads'
import type { PlannedCheck } from './plan.js'
import type { AuditReach } from './reach.js'
import type { AuditResult, CheckResult } from './result.js'
import { assembleAudit, planChecks, progressCounter, runChecks, type AuditRunOptions, type ChecksRun } from './run.js'
import type { AuditFile } from './types.js'
import { withWarningLists, type JobOrder, type JobReply, type JobRequest } from './worker.js'

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
  /** false: the main thread runs no part itself, so that every result crosses from a worker (tests). */
  readonly mainThreadTakesParts?: boolean
  /** Workers started before the snapshot was read (startWorkersEarly): those needed are used, the rest stopped. */
  readonly early?: readonly HeldWorker[]
}

/** Below this many checks a job, a worker's start (its own snapshot read) costs more than it saves. */
const MIN_CHECKS_PER_JOB = 2000

/**
 * Checks in a part: small enough that the threads finish close together (the last part is
 * the only wait), large enough that handing parts out costs nothing next to running them.
 */
export function partSize(checks: number, jobs: number): number {
  return Math.max(1, Math.min(1000, Math.ceil(checks / (jobs * 16))))
}

/** `total` items cut into contiguous parts of `size` (the last may be shorter): [start, end) each. */
export function partsOf(total: number, size: number): [number, number][] {
  const parts: [number, number][] = []
  for (let start = 0; start < total; start += size) parts.push([start, Math.min(total, start + size)])
  return parts
}

/** The worker: dist/audit/worker.js, or from the TypeScript sources (tests, the bench) worker.ts loaded through tsx. */
function startWorker(request: JobRequest): HeldWorker {
  if (!import.meta.url.endsWith('.ts')) return held(new Worker(new URL('./worker.js', import.meta.url), { workerData: request }))
  const entry = new URL('./worker.ts', import.meta.url).href
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
  return held(new Worker(boot, { eval: true, workerData: request }))
}

interface WorkerListeners {
  readonly message: (reply: JobReply) => void
  readonly error: (error: unknown) => void
  readonly exit: (code: number) => void
}

/**
 * A worker whose messages, errors and exit are held until someone listens (listen), in the
 * order they came. A worker started before the main thread has read the snapshot may say it
 * is ready, or fail, before the run that uses it exists; a Worker's events with no listener
 * would be lost (a ready worker never given a part) or thrown (an error).
 */
export interface HeldWorker {
  readonly worker: Worker
  listen(listeners: WorkerListeners): void
}

function held(worker: Worker): HeldWorker {
  let events: [keyof WorkerListeners, unknown][] = []
  let listeners: WorkerListeners | null = null
  const on = (kind: keyof WorkerListeners) => (value: unknown) => {
    if (listeners) (listeners[kind] as (v: unknown) => void)(value)
    else events.push([kind, value])
  }
  worker.on('message', on('message'))
  worker.on('error', on('error'))
  worker.on('exit', on('exit'))
  return {
    worker,
    listen(given) {
      listeners = given
      for (const [kind, value] of events) (given[kind] as (v: unknown) => void)(value)
      events = []
    },
  }
}

/** What every worker of an audit is told: the same reading of the same files as the main thread's. */
export type WorkerRequestOptions = Pick<JobsOptions, 'snapshot' | 'fileText' | 'fileName' | 'allowUnknownAction' | 'allowUndetermined' | 'assumeAbsent' | 'unknownKeys' | 'configuredRegion' | 'shard' | 'concurrency'>

function jobRequest(options: WorkerRequestOptions): JobRequest {
  return {
    snapshot: options.snapshot,
    fileText: options.fileText,
    fileName: options.fileName,
    allowUnknownAction: options.allowUnknownAction,
    allowUndetermined: options.allowUndetermined,
    assumeAbsent: options.assumeAbsent,
    unknownKeys: options.unknownKeys ?? [],
    configuredRegion: options.configuredRegion ?? null,
    shard: options.shard,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  }
}

/**
 * Workers started before the main thread reads the snapshot, so that their own reading (each
 * worker reads the snapshot and plans the checks again) overlaps the main thread's instead of
 * following it. runAuditJobs uses those it needs and stops the rest.
 */
export function startWorkersEarly(count: number, options: WorkerRequestOptions): HeldWorker[] {
  const request = jobRequest(options)
  return Array.from({ length: count }, () => startWorker(request))
}

/** A worker keeps this many parts in hand, so that it never waits for the main thread (busy with its own part) to hand it the next. */
const PARTS_IN_HAND = 2

/**
 * Runs the checks in parts across the main thread and `workers` worker threads; resolves with
 * every result in plan order. The first failure (in a worker or the main thread) stops the
 * main thread's share too and rejects; the workers are then stopped by the caller.
 */
function runInParts(mine: readonly PlannedCheck[], reach: AuditReach, options: JobsOptions, workers: readonly HeldWorker[], onCheck: (failing: boolean, outcome: CheckResult['outcome']) => void): Promise<ChecksRun> {
  const parts = partsOf(mine.length, partSize(mine.length, workers.length + 1))
  const results: CheckResult[] = new Array(mine.length)
  const origins = new Set<string>()
  let next = 0
  /** Parts handed to workers and not back yet. */
  let outstanding = 0
  /** Workers not ready yet: waited for even when the main thread ran every part, so that a worker's failure is still heard. */
  let starting = workers.length
  let failure: { error: unknown } | null = null
  let mainDone = false
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      if (failure) return
      failure = { error }
      reject(error)
    }
    const finishIfDone = () => {
      if (!failure && mainDone && outstanding === 0 && starting === 0) resolve({ results, origins: [...origins] })
    }
    const place = (start: number, run: { results: readonly CheckResult[]; origins: readonly string[] }) => {
      for (let i = 0; i < run.results.length; i++) results[start + i] = run.results[i]!
      for (const origin of run.origins) origins.add(origin)
    }
    const hand = (worker: Worker, inHand: { count: number }) => {
      while (!failure && inHand.count < PARTS_IN_HAND && next < parts.length) {
        const [start, end] = parts[next++]!
        inHand.count++
        outstanding++
        worker.postMessage({ kind: 'part', start, end, keys: mine.slice(start, end).map((c) => c.key) } satisfies JobOrder)
      }
    }
    for (const { worker, listen } of workers) {
      const inHand = { count: 0 }
      let ready = false
      listen({
        message: (reply: JobReply) => {
        if (failure) return
        if (reply.kind === 'ready') {
          ready = true
          starting--
          hand(worker, inHand)
          finishIfDone()
        } else if (reply.kind === 'progress') {
          for (const [failing, outcome] of reply.checks) onCheck(failing, outcome)
        } else if (reply.kind === 'part') {
          place(reply.start, { results: withWarningLists(reply), origins: reply.origins })
          inHand.count--
          outstanding--
          hand(worker, inHand)
          finishIfDone()
        } else fail(Object.assign(new Error(reply.message), { name: reply.name }))
        },
        error: fail,
        exit: (code) => {
          if (!ready || inHand.count > 0) fail(new Error(`An audit worker stopped (exit code ${code}) before it finished its checks.`))
        },
      })
    }
    // The main thread's own share, a part at a time; between parts the workers' messages are heard.
    void (async () => {
      try {
        while (!failure && options.mainThreadTakesParts !== false && next < parts.length) {
          const [start, end] = parts[next++]!
          place(start, await runChecks(mine.slice(start, end), reach, options, onCheck))
          await new Promise((resolve) => setImmediate(resolve))
        }
        mainDone = true
        finishIfDone()
      } catch (error) {
        fail(error)
      }
    })()
  })
}

export async function runAuditJobs(file: AuditFile, reach: AuditReach, options: JobsOptions): Promise<AuditResult> {
  const ranAt = options.now().toISOString()
  const { plan, mine } = await planChecks(file, reach, options.shard)
  const jobs = Math.max(1, Math.min(options.jobs, Math.floor(mine.length / (options.minChecksPerJob ?? MIN_CHECKS_PER_JOB))))
  // The same counter as one job's, so that progress agrees with the summary.
  const onCheck = progressCounter(mine.length, options.onProgress)
  const early = options.early ?? []
  let run: ChecksRun
  if (jobs <= 1) {
    await Promise.all(early.map((w) => w.worker.terminate()))
    run = await runChecks(mine, reach, options, onCheck)
  } else {
    const workers = early.slice(0, jobs - 1)
    await Promise.all(early.slice(jobs - 1).map((w) => w.worker.terminate()))
    if (workers.length < jobs - 1) {
      const request = jobRequest(options)
      while (workers.length < jobs - 1) workers.push(startWorker(request))
    }
    try {
      run = await runInParts(mine, reach, options, workers, onCheck)
    } finally {
      // Done or failed, no worker has anything left to do; one still starting is not waited for.
      await Promise.all(workers.map((w) => w.worker.terminate()))
    }
  }
  return assembleAudit(file, plan, mine, run, { ...options, ranAt })
}
