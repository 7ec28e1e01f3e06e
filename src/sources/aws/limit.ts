/**
 * Concurrency limit and once-only caching for AWS calls.
 *
 * The limit is applied to single requests (each page of a paginator), never to whole tasks:
 * a task that holds a slot while waiting for its own sub-requests could deadlock the pool.
 */

/** `service`: the AWS service the task calls, for limits kept per service. */
export type Limit = <T>(task: () => Promise<T>, service?: string) => Promise<T>

/** Runs at most `size` tasks at once, the rest in arrival order. */
export function createLimit(size: number): Limit {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`concurrency must be a positive integer, not ${size}`)
  let running = 0
  const waiting: (() => void)[] = []
  const release = (): void => {
    running--
    const next = waiting.shift()
    if (next) next()
  }
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await task()
    } finally {
      release()
    }
  }
}

/**
 * At most `size` tasks at once per service. AWS throttles each service on its own, so a burst
 * of IAM reads (a GetPolicy per attached policy) must not hold back the Organizations reads
 * queued behind it, nor the other way round.
 */
export function createServiceLimits(size: number): Limit {
  const limits = new Map<string, Limit>()
  createLimit(size) // validates the size now rather than on the first call
  return <T>(task: () => Promise<T>, service = ''): Promise<T> => {
    let limit = limits.get(service)
    if (!limit) {
      limit = createLimit(size)
      limits.set(service, limit)
    }
    return limit(task)
  }
}

/**
 * A cache of promises: the first caller starts the work, later callers share the same promise,
 * even while it is still pending. Failures are kept too, so nothing is asked twice in a run.
 */
export class OnceCache<T> {
  private readonly entries = new Map<string, Promise<T>>()

  get(key: string, start: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key)
    if (!entry) {
      entry = start()
      // A failure is handled by whoever awaits it; keep the cached copy from being "unhandled".
      entry.catch(() => undefined)
      this.entries.set(key, entry)
    }
    return entry
  }

  get size(): number {
    return this.entries.size
  }
}
