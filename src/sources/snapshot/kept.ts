/**
 * What one provider has read, kept for its later gathers. An audit asks thousands of
 * questions of one snapshot, and most of them read the same things again: the SCP chain of
 * an account, the identity side of a role asked about for several resources.
 *
 * Why the very same objects are handed out, not equal copies: the engine keys its own caches
 * by the identity of what a gather returns (src/evaluate keeps set plans per identity list,
 * per organization chain and per policy, and principal matches per PrincipalInfo, in
 * WeakMaps), so a reused object lets a check reuse the engine's work too. These objects are
 * shared between gathers, and so between diagnoses: they are read-only by contract (the types
 * are readonly) and frozen, so that a stray mutation throws instead of leaking into another
 * diagnosis.
 *
 * The gaps met while reading are kept with the value and reported again by every gather that
 * reuses it: a gap reported only the first time would let a later check say "Allowed" while a
 * policy it needed was never read.
 *
 * Everything is kept per provider, never per module: two snapshots never share a result.
 */
import type { CollectionGap } from '../../model/index.js'
import { Gaps } from './documents.js'

interface Entry<T> {
  readonly value: T
  readonly gaps: readonly CollectionGap[]
}

/** Values by key, each with the gaps its read met. */
export class Kept<T> {
  private readonly entries = new Map<string, Entry<T>>()

  /**
   * @param limit entries kept at most, for keys that come from the user's queries (ARNs,
   * resources) rather than from the snapshot; past it everything is dropped and read again.
   */
  constructor(private readonly limit: number = Number.POSITIVE_INFINITY) {}

  /** The value kept for `key`, or `build`'s; either way its gaps are added to `gaps`. */
  read(key: string, gaps: Gaps, build: (gaps: Gaps) => T): T {
    let entry = this.entries.get(key)
    if (!entry) {
      const own = new Gaps(gaps.source)
      const value = build(own)
      entry = { value, gaps: Object.freeze(own.list.map((gap) => Object.freeze(gap))) }
      if (this.entries.size >= this.limit) this.entries.clear()
      this.entries.set(key, entry)
    }
    gaps.replay(entry.gaps)
    return entry.value
  }
}

/** Bound for caches keyed by query input: far above any audit's distinct principals or resources. */
export const QUERY_KEYED_LIMIT = 50_000
