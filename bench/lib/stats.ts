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

/** Runs `warmup` untimed rounds, then `rounds` timed ones; returns each timed round's ms. */
export async function rounds(count: number, warmup: number, work: () => Promise<void> | void): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work()
  const out: number[] = []
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    await work()
    out.push(performance.now() - started)
  }
  return out
}
