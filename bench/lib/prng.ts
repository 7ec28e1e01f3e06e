/**
 * A small seeded PRNG (mulberry32) and the helpers the generators need. Deterministic for a
 * seed on every platform: nothing here reads Math.random or the clock.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T
  /** `count` distinct elements (fewer when the list is shorter), in list order. */
  sample<T>(list: readonly T[], count: number): T[]
  /** True with probability `p`. */
  chance(p: number): boolean
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick<T>(list: readonly T[]): T {
      if (list.length === 0) throw new RangeError('pick from an empty list')
      return list[int(0, list.length - 1)]!
    },
    sample<T>(list: readonly T[], count: number): T[] {
      const chosen = new Set<number>()
      const want = Math.min(count, list.length)
      while (chosen.size < want) chosen.add(int(0, list.length - 1))
      return [...chosen].sort((a, b) => a - b).map((i) => list[i]!)
    },
    chance: (p) => next() < p,
  }
}
