/** Timing helpers: medians of rounds, after a warm-up. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Milliseconds taken by `work`, measured with the monotonic clock. */
export function timeSync(work: () => void): number {
  const started = performance.now()
  work()
  return performance.now() - started
}

export async function timeAsync(work: () => Promise<void>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** How a steady-state rate is measured (PassTimer). */
export interface PassPlan {
  /** Untimed passes after the first, until this much time has gone by (JIT tiers, caches). */
  readonly warmupMs: number
  /** Each timed round repeats the work until at least this long, so that one pause (a GC, another job) is a small part of it. */
  readonly minRoundMs: number
}

export interface Passes {
  /** The very first pass, alone: what a fresh process pays (compiling, first sight of each policy). */
  readonly firstMs: number
  /** Each timed round's milliseconds per pass, by the clock. */
  readonly perPassMs: readonly number[]
  /** Each timed round's processor milliseconds per pass (user + system, every thread of the process). */
  readonly cpuPerPassMs: readonly number[]
  /** Passes run in all, the first and the warm-up included. */
  readonly passes: number
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Times one piece of work: its first pass alone (cold), then, after a warm-up, rounds of
 * repeated passes; the garbage a round makes is collected (and paid for) within it.
 *
 * No full collection is forced between rounds: with no evaluation alive at that moment, V8
 * finds the hidden classes of the engine's short-lived objects dead and throws away the
 * optimized code that checks for them (`node --trace-deopt`: "weak objects"), which made the
 * next round two to three times slower. A process that keeps evaluating does not meet it
 * (forty rounds without forced collections: no such deoptimization).
 *
 * A timer's rounds are best taken together after a warm-up (`warm`): work that has not run
 * for seconds while other code ran is found cold again (the collections that ran meanwhile
 * found its objects' hidden classes dead, as above), which is not what a long audit sees.
 */
export class PassTimer {
  private passes = 0
  private firstMs = Number.NaN
  private readonly perPassMs: number[] = []
  private readonly cpuPerPassMs: number[] = []

  constructor(
    private readonly plan: PassPlan,
    private readonly work: () => Promise<void> | void,
  ) {}

  private async once(): Promise<void> {
    await this.work()
    this.passes++
  }

  /** The cold pass, then the warm-up. */
  async start(): Promise<void> {
    this.firstMs = await timeAsync(() => this.once())
    await this.warm()
  }

  /** Untimed passes for the plan's warm-up time. */
  async warm(): Promise<void> {
    const warmUntil = performance.now() + this.plan.warmupMs
    while (performance.now() < warmUntil) await this.once()
  }

  async round(): Promise<void> {
    const before = this.passes
    const cpuStarted = cpuMs()
    const started = performance.now()
    do await this.once()
    while (performance.now() - started < this.plan.minRoundMs)
    const done = this.passes - before
    this.perPassMs.push((performance.now() - started) / done)
    this.cpuPerPassMs.push((cpuMs() - cpuStarted) / done)
  }

  result(): Passes {
    return { firstMs: this.firstMs, perPassMs: [...this.perPassMs], cpuPerPassMs: [...this.cpuPerPassMs], passes: this.passes }
  }
}

/** `rounds` timed rounds in a row. */
export async function timeRounds(timer: PassTimer, rounds: number): Promise<void> {
  for (let r = 0; r < rounds; r++) await timer.round()
}
