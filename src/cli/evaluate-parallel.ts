/**
 * `evaluate --json` on a long JSON Lines input, on several processor cores: once the input has
 * given enough cases to be worth it (the main thread evaluates the first ones itself while
 * nothing is known of the input's length), the rest is cut into blocks of whole lines and each
 * block is read, evaluated and written as JSON Lines text by a worker thread
 * (evaluate-worker.ts). The main thread reads the input, hands out the blocks, and writes
 * their text and error lines in input order, so the output is the one a single thread
 * writes, byte for byte. At most a few blocks are out at a time, and the input is pulled only
 * as blocks are handed out: memory stays bounded whatever the input's size, and a slow reader
 * of standard output slows the reading (backpressure).
 *
 * The main thread is one of the jobs (one worker for two jobs: each thread has its own heap and
 * caches, and memory must stay bounded): it evaluates a block itself whenever no worker has
 * room for it, and so also while the workers start (they load the program, a few hundred
 * milliseconds): a short input never waits for them.
 */
import { availableParallelism, cpus } from 'node:os'
import { Worker } from 'node:worker_threads'
import { PoliciesByText } from './case-line.js'
import { blockEntries, type CaseStream, type LineBlock } from './case-stream.js'
import { appendJsonLine, evaluateEntry, statusOf, type BlockWriter } from './evaluate-batch.js'
import { LineBytes } from './line-bytes.js'
import { ownSpares, sharedSpares, type SpareBuffers } from './spare-memory.js'
import { EXIT, worstStatus } from './exit-status.js'

/** The main thread evaluates this many cases before it starts workers: fewer cost less than a worker's start. */
export const PARALLEL_AFTER = 400

/** The processors' idle and total time so far, summed over the cores (os.cpus), and this process's own (all its threads), in ms. */
export interface CpuSample {
  readonly idle: number
  readonly total: number
  readonly cores: number
  readonly own: number
}

export function sampleCpus(): CpuSample {
  let idle = 0
  let total = 0
  const all = cpus()
  for (const { times } of all) {
    idle += times.idle
    total += times.user + times.nice + times.sys + times.idle + times.irq
  }
  const { user, system } = process.cpuUsage()
  return { idle, total, cores: all.length, own: (user + system) / 1000 }
}

/**
 * Threads for `evaluate --json` when --jobs is not given: as many as the cores that other
 * processes left free while this one evaluated the first cases (from `since`, sampled at the
 * start, to now), at least one, at most the cores available. A second thread costs processor
 * time of its own (its start, its own compiled policies and warm-up): with no core free for
 * it, it only slowed a run down (a 100,000-case run on two cores with other work on several
 * took 53 s with two threads, 41 s with one). The output is the same either way.
 *
 * This process's own time is not another's: while the first cases run, V8 compiles them on
 * threads of its own, which kept the second core busy, and a quiet two-core machine was
 * taken for a busy one (one thread, 23 s, where two took 14 s).
 */
export function defaultJobs(since: CpuSample, now: CpuSample = sampleCpus(), available = availableParallelism()): number {
  const span = now.total - since.total
  if (!(span > 0)) return 1
  const busy = span - (now.idle - since.idle)
  const others = Math.max(0, busy - (now.own - since.own))
  const freeCores = now.cores - (others / span) * now.cores
  return Math.max(1, Math.min(available, Math.round(freeCores)))
}

/** Blocks handed out and not yet written, per worker: enough to keep each busy while the main thread writes. */
const IN_FLIGHT_PER_WORKER = 3

/**
 * Blocks the main thread may evaluate ahead of the oldest block a worker still has: with no
 * room for them, it waited for the worker whenever its own blocks went faster (a tenth of its
 * time, idle, in a 100,000-case run on two threads). Each is at most a block's output held.
 */
const MAIN_AHEAD = 4

/** What a worker is told once: how to label and read the cases. */
export interface WorkerSetup {
  readonly name: string
  readonly assumeAbsent: boolean
}

/** A block to evaluate, numbered in input order. */
export interface BlockRequest extends LineBlock {
  readonly seq: number
}

/** Memory a worker's verdict lines were written in, given back once written (spare-memory.ts). */
export interface SpareMemory {
  readonly spare: ArrayBuffer
}

export type WorkerRequest = BlockRequest | SpareMemory

/** What a block gave: its verdict lines (UTF-8), the error lines for standard error, and the worst status. */
export interface BlockOutcome {
  readonly bytes: Uint8Array
  readonly errors: readonly string[]
  readonly status: number
}

export type WorkerReply =
  | { readonly kind: 'ready' }
  | ({ readonly kind: 'done'; readonly seq: number } & BlockOutcome)
  | { readonly kind: 'failed'; readonly seq: number; readonly name: string; readonly message: string; readonly stack?: string }

/**
 * One block's cases evaluated as the one-thread loop does (evaluateJsonLines): a verdict line
 * or an error line each, in order. Used by the workers, and by the main thread while they start.
 */
export function evaluateBlock(block: LineBlock, setup: WorkerSetup, shared: PoliciesByText, memory?: SpareBuffers<ArrayBuffer>): { bytes: Buffer; errors: string[]; status: number } {
  // A block's verdict lines take about as many bytes as its cases (a fifth more, and room for
  // one more line's worst case), so that the buffer is not grown and copied at its end.
  const capacity = block.bytes.length + (block.bytes.length >> 2) + 64 * 1024
  const bytes = new LineBytes(capacity, memory?.take(capacity))
  const errors: string[] = []
  let status: number = EXIT.allowed
  for (const entry of blockEntries(block, setup.name, shared)) {
    const result = evaluateEntry(entry, setup.assumeAbsent)
    if ('error' in result) errors.push(result.error)
    status = worstStatus([status, statusOf(result)])
    appendJsonLine(result, bytes)
  }
  return { bytes: bytes.peek(), errors, status }
}

/**
 * A worker's heap, kept small: each thread's heap grows with the garbage of its evaluations
 * until a collection, and two full-size heaps took a 100,000-case run past 300 MB where one
 * thread stays near 200 MB. What a worker keeps (its caches) is a few tens of MB; a worker
 * that needs more stops with ERR_WORKER_OUT_OF_MEMORY and the main thread takes its blocks
 * over (evaluateBlocks), so a large input is slower, never wrong. The young generation is
 * 16 MB: at 8 MB a 100,000-case run made 644 scavenges in the worker (449 ms of pauses,
 * `--trace-gc`), at 16 MB 324 (281 ms); at 32 MB the old generation filled with what the
 * larger scavenges promoted and full collections went from 4 to 21.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 }

/** The worker: dist/cli/evaluate-worker.js, or from the TypeScript sources (tests) through tsx. */
function startWorker(setup: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./evaluate-worker.js', import.meta.url), { workerData: setup, resourceLimits: WORKER_HEAP })
  const entry = new URL('./evaluate-worker.ts', import.meta.url).href
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(boot, { eval: true, workerData: setup, resourceLimits: WORKER_HEAP })
}

/** A worker and the blocks it has been given, answered in the order given. */
class BlockWorker {
  ready = false
  /** Settles when the worker can take blocks (or has stopped). */
  readonly started: Promise<void>
  private readonly waiting = new Map<number, { resolve: (o: BlockOutcome) => void; reject: (e: Error) => void }>()
  private failure: Error | null = null
  readonly worker: Worker

  constructor(setup: WorkerSetup) {
    this.worker = startWorker(setup)
    let started = () => {}
    this.started = new Promise((resolve) => (started = resolve))
    this.worker.on('exit', () => started())
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') {
        this.ready = true
        started()
      }
      else if (reply.kind === 'done') this.settle(reply.seq, null, reply)
      else this.settle(reply.seq, Object.assign(new Error(reply.message), { name: reply.name, ...(reply.stack ? { stack: reply.stack } : {}) }))
    })
    this.worker.on('error', (error) => this.failAll(error))
    this.worker.on('exit', (code) => this.failAll(new Error(`An evaluate worker stopped (exit code ${code}) before it finished its cases.`)))
  }

  get inFlight(): number {
    return this.waiting.size
  }

  /** Whether it can take blocks: started, and not stopped. */
  get usable(): boolean {
    return this.ready && this.failure === null
  }

  /** Memory of verdict lines it made, written now: for the worker to write in again. */
  giveBack(memory: ArrayBuffer): void {
    if (this.failure === null) this.worker.postMessage({ spare: memory } satisfies SpareMemory, [memory])
  }

  run(block: BlockRequest): Promise<BlockOutcome> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiting.set(block.seq, { resolve, reject })
      this.worker.postMessage(block)
    })
  }

  private settle(seq: number, error: Error | null, outcome?: BlockOutcome): void {
    const waiter = this.waiting.get(seq)
    if (!waiter) return
    this.waiting.delete(seq)
    if (error) waiter.reject(error)
    else waiter.resolve(outcome!)
  }

  private failAll(error: Error): void {
    this.failure ??= error
    for (const [, waiter] of this.waiting) waiter.reject(error)
    this.waiting.clear()
  }
}

/**
 * The rest of a JSON Lines input (its blocks of lines, CaseStream.lineBlocks) evaluated by
 * `jobs` threads (the main thread and jobs - 1 workers) and written to `out` in order, error
 * lines to `err` as the one-thread loop writes them. Returns the worst status. A failure of
 * the program (not of a case) in a worker fails the whole run, as it would in one thread.
 */
export async function evaluateBlocks(
  stream: CaseStream,
  jobs: number,
  setup: WorkerSetup,
  out: BlockWriter,
  err: (line: string) => void,
  /** Tests: every block to a worker (the main thread waits for room instead of evaluating), and smaller blocks. */
  { workersOnly = false, blockBytes }: { workersOnly?: boolean; blockBytes?: number } = {},
): Promise<number> {
  // The main thread is one of the jobs: it evaluates a block whenever no worker has room.
  const workers: BlockWorker[] = []
  for (let i = 1; i < jobs; i++) workers.push(new BlockWorker(setup))
  const mainShared = new PoliciesByText()
  // Memory of blocks written, used again (spare-memory.ts): the input's, and the main thread's own verdict lines'.
  const inputMemory = sharedSpares()
  const mainMemory = ownSpares()
  /** Outcomes in input order, not yet written; each settles when its block is evaluated. */
  const queue: { readonly block: LineBlock; readonly done: Promise<Evaluated> }[] = []
  let status: number = EXIT.allowed
  const writeHead = async () => {
    const { block, done } = queue.shift()!
    const { outcome, giveBack } = await done
    for (const error of outcome.errors) err(`denydoctor: ${error}\n`)
    status = worstStatus([status, outcome.status])
    if (await out.writeBytes(outcome.bytes)) giveBack(outcome.bytes.buffer as ArrayBuffer)
    // Nothing reads a block once its outcome is in: not the worker (it has answered), nor the main thread.
    inputMemory.give(block.bytes.buffer as SharedArrayBuffer)
  }
  const inMain = (block: LineBlock): Evaluated => ({ outcome: evaluateBlock(block, setup, mainShared, mainMemory), giveBack: (m) => mainMemory.give(m) })
  // Settled outcomes must not count as unhandled while they wait their turn in the queue.
  const queued = (block: LineBlock, done: Promise<Evaluated>) => {
    done.catch(() => {})
    queue.push({ block, done })
  }
  try {
    let seq = 0
    if (workersOnly) await Promise.all(workers.map((w) => w.started))
    for await (const block of stream.lineBlocks(blockBytes, inputMemory)) {
      while (queue.length >= (jobs - 1) * IN_FLIGHT_PER_WORKER + MAIN_AHEAD) await writeHead()
      if (workersOnly) while (queue.length > 0 && !workers.some((w) => w.usable && w.inFlight < IN_FLIGHT_PER_WORKER)) await writeHead()
      // A ready worker with room (the first such: the same choice every run), else the main thread itself.
      const withRoom = () => workers.find((w) => w.usable && w.inFlight < IN_FLIGHT_PER_WORKER)
      let worker = withRoom()
      if (!worker && workers.some((w) => w.usable)) {
        // A worker's answers arrive as events, which the awaits of this loop (promises settled
        // at once, while the input is read ahead) never let in: without this pause the main
        // thread went on evaluating blocks itself while a worker that had finished sat idle.
        await new Promise((resolve) => setImmediate(resolve))
        worker = withRoom()
      }
      if (!worker) queued(block, Promise.resolve(inMain(block)))
      else {
        const by = worker
        // A worker out of memory (WORKER_HEAP) gives its blocks back; any other failure fails the run.
        const done = by.run({ ...block, seq }).then(
          (outcome): Evaluated => ({ outcome, giveBack: (m) => by.giveBack(m) }),
          (error: unknown) => {
            if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return inMain(block)
            throw error
          },
        )
        queued(block, done)
      }
      seq++
    }
    while (queue.length > 0) await writeHead()
    return status
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()))
  }
}

/** A block's outcome, and where the memory of its verdict lines goes once they are written. */
interface Evaluated {
  readonly outcome: BlockOutcome
  readonly giveBack: (memory: ArrayBuffer) => void
}
