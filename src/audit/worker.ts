/**
 * One job of a multi-core snapshot audit (jobs.ts): reads the snapshot and the audit file,
 * plans the checks as the main thread did, says it is ready, then runs the parts of the plan
 * the main thread hands it, one after the other, posting each part's results, until the main
 * thread, which knows when every part is back, ends it.
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
  readonly unknownKeys: readonly string[]
  readonly configuredRegion: string | null
  readonly shard: Shard | null
  readonly concurrency?: number
}

/** From the main thread: run the checks [start, end) of the shard's plan (their keys, to confirm the plans agree). */
export interface JobOrder {
  readonly kind: 'part'
  readonly start: number
  readonly end: number
  readonly keys: readonly string[]
}

/**
 * A part's results cross as they are, but each warnings list once, referred to by number:
 * checks of one policy set share one list, and a copy each would make the main thread's
 * report several times larger in memory.
 */
export type PartResults = { readonly start: number; readonly results: readonly CheckResult[]; readonly warningLists: readonly (readonly string[])[]; readonly origins: readonly string[] }

export type JobReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'progress'; readonly checks: readonly (readonly [boolean, CheckResult['outcome']])[] }
  | ({ readonly kind: 'part' } & PartResults)
  | { readonly kind: 'error'; readonly name: string; readonly message: string }

/** Progress is posted in batches: a message per check would cost more than the check. */
const PROGRESS_BATCH = 250

/**
 * Sets each result's warnings to its list's number, in place: the results are this part's
 * own and go nowhere else (a copy of each with a spread cost more than the check's judging).
 */
function withListNumbers(results: readonly CheckResult[]): { results: readonly CheckResult[]; warningLists: (readonly string[])[] } {
  const warningLists: (readonly string[])[] = []
  const index = new Map<readonly string[], number>()
  for (const r of results as unknown as { warnings: readonly string[] | number }[]) {
    const list = r.warnings as readonly string[]
    let i = index.get(list)
    if (i === undefined) {
      i = warningLists.push(list) - 1
      index.set(list, i)
    }
    r.warnings = i
  }
  return { results, warningLists }
}

/** The other side of withListNumbers (the main thread), in place too: the results are the message's own copies. */
export function withWarningLists(part: PartResults): CheckResult[] {
  const results = part.results as unknown as { warnings: readonly string[] }[]
  for (const r of results) r.warnings = part.warningLists[r.warnings as unknown as number]!
  return results as unknown as CheckResult[]
}

/** Orders in the order they came, awaited one at a time. */
function orderQueue(port: NonNullable<typeof parentPort>): () => Promise<JobOrder> {
  const waiting: JobOrder[] = []
  let wake: (() => void) | null = null
  port.on('message', (order: JobOrder) => {
    waiting.push(order)
    wake?.()
  })
  return async () => {
    while (waiting.length === 0) await new Promise<void>((resolve) => (wake = resolve))
    wake = null
    return waiting.shift()!
  }
}

async function work(request: JobRequest, nextOrder: () => Promise<JobOrder>, post: (reply: JobReply) => void): Promise<void> {
  const file = parseAuditText(request.fileText, request.fileName, { allowUnknownAction: request.allowUnknownAction })
  // As the main thread reads it (cli/provider.ts).
  const reach = singleReach(createSnapshotProvider(await readSnapshot(request.snapshot), { fileName: request.snapshot, rcpServices: rcpServices() }))
  const { mine } = await planChecks(file, reach, request.shard)
  post({ kind: 'ready' })
  const options = { ...request, now: () => new Date(), sourceLabel: '' }
  for (;;) {
    const order = await nextOrder()
    const part = mine.slice(order.start, order.end)
    if (part.length !== order.keys.length || part.some((c, i) => c.key !== order.keys[i])) {
      throw new UserError('An audit worker planned other checks than the main thread (did the snapshot or the audit file change during the run?).')
    }
    let pending: (readonly [boolean, CheckResult['outcome']])[] = []
    const run = await runChecks(part, reach, options, (failing, outcome) => {
      pending.push([failing, outcome])
      if (pending.length >= PROGRESS_BATCH) {
        post({ kind: 'progress', checks: pending })
        pending = []
      }
    })
    if (pending.length > 0) post({ kind: 'progress', checks: pending })
    post({ kind: 'part', start: order.start, ...withListNumbers(run.results), origins: run.origins })
  }
}

if (parentPort) {
  const port = parentPort
  const post = (reply: JobReply) => port.postMessage(reply)
  work(workerData as JobRequest, orderQueue(port), post).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error))
    post({ kind: 'error', name: e.name, message: e.message })
  })
}
