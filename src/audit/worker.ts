/**
 * One job of a multi-core snapshot audit (jobs.ts): reads the snapshot and the audit file,
 * plans the checks as the main thread did, runs its part of them and posts the results.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { rcpServices } from '../catalogue/index.js'
import { createSnapshotProvider } from '../sources/snapshot/provider.js'
import { readSnapshot } from '../sources/snapshot/file.js'
import { singleReach } from './reach.js'
import { parseAuditText } from './read-audit-file.js'
import type { CheckResult } from './result.js'
import { planChecks, runChecks } from './run.js'
import type { Shard } from './shard.js'
import { UserError } from '../user-error.js'

export interface JobRequest {
  readonly snapshot: string
  readonly fileText: string
  readonly fileName: string
  readonly allowUnknownAction: boolean
  readonly allowUndetermined: boolean
  readonly assumeAbsent: boolean
  readonly shard: Shard | null
  readonly concurrency?: number
  /** The part of the shard's checks (in plan order) this job runs, and their keys (to confirm the plans agree). */
  readonly start: number
  readonly end: number
  readonly keys: readonly string[]
}

export type JobReply =
  | { readonly kind: 'progress'; readonly checks: readonly (readonly [boolean, CheckResult['outcome']])[] }
  | { readonly kind: 'done'; readonly results: readonly CheckResult[]; readonly origins: string[]; readonly warningLists: readonly (readonly string[])[] }
  | { readonly kind: 'error'; readonly name: string; readonly message: string }

/** Progress is posted in batches: a message per check would cost more than the check. */
const PROGRESS_BATCH = 250

async function work(request: JobRequest, post: (reply: JobReply) => void): Promise<void> {
  const file = parseAuditText(request.fileText, request.fileName, { allowUnknownAction: request.allowUnknownAction })
  // As the main thread reads it (cli/provider.ts).
  const reach = singleReach(createSnapshotProvider(await readSnapshot(request.snapshot), { fileName: request.snapshot, rcpServices: rcpServices() }))
  const { mine } = await planChecks(file, reach, request.shard)
  const part = mine.slice(request.start, request.end)
  if (part.length !== request.keys.length || part.some((c, i) => c.key !== request.keys[i])) {
    throw new UserError('An audit worker planned other checks than the main thread (did the snapshot or the audit file change during the run?).')
  }
  let pending: (readonly [boolean, CheckResult['outcome']])[] = []
  const run = await runChecks(part, reach, { ...request, now: () => new Date(), sourceLabel: '' }, (failing, outcome) => {
    pending.push([failing, outcome])
    if (pending.length >= PROGRESS_BATCH) {
      post({ kind: 'progress', checks: pending })
      pending = []
    }
  })
  if (pending.length > 0) post({ kind: 'progress', checks: pending })
  // Checks of one policy set share one warnings list: sent once, not once per check (a copy
  // each would make the main thread's report several times larger in memory).
  const lists: (readonly string[])[] = []
  const index = new Map<readonly string[], number>()
  const results = run.results.map((r) => {
    let i = index.get(r.warnings)
    if (i === undefined) {
      i = lists.push(r.warnings) - 1
      index.set(r.warnings, i)
    }
    return { ...r, warnings: i as unknown as readonly string[] }
  })
  post({ kind: 'done', results, origins: run.origins, warningLists: lists })
}

if (parentPort) {
  const port = parentPort
  work(workerData as JobRequest, (reply) => port.postMessage(reply)).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error))
    port.postMessage({ kind: 'error', name: e.name, message: e.message } satisfies JobReply)
  })
}
