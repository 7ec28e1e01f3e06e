/**
 * A case's `policies` object → the key of the set it loads to, and the sets kept by such keys
 * (CaseCache.policySet). A caller building a case per request hands in a new object and new
 * lists each time, holding the same documents: the set is found by what the object holds.
 *
 * The key is every value loading reads, in a fixed order (each list's length and items; a
 * wrapped policy as WRAPPED and its document, name and ARN; a policy that is not wrapped, as
 * itself). Documents are compared by identity (as PolicyCache reads them), names, ARNs and
 * JSON texts by value. Two objects with the same key load to equal sets.
 *
 * Measured on the bench's evaluateCase on new case objects (about sixty parts a key): a trie
 * of weak maps, one lookup per part plus three per wrapped policy for a token, took a sixth of
 * each call; a new array per key, grown part by part, still a tenth. Now the key is written
 * into one array kept for the purpose, looked up by its first and last documents and a hash
 * of its lengths and names, and compared part by part; it is copied only when a set is kept.
 */
import type { PolicySet } from '../../model/index.js'

/** Markers of this module's own in a key: no value a caller gives can be one. */
const LIST = {}
/** A policy wrapped as {name, arn, document}: followed by its document, name and ARN. */
const WRAPPED = {}
/** A hole in a sparse list (loading skips it, where it refuses an item that is undefined). */
const HOLE = {}
const TRUST = {}
const NOT_TRUST = {}
/** Stands for "no document" as a bucket's anchor. */
const NO_DOCUMENT = {}
/** "A list of N": one marker of this module's own for a short list, LIST and N for a long one. */
const LENGTHS: object[] = Array.from({ length: 64 }, () => ({}))

/** A container's key as it is being written: `parts[0..length)`. */
export class ContainerKey {
  parts: unknown[] = []
  length = 0
  /** The first and last documents in it (NO_DOCUMENT when none), and a hash of its lengths and names: which bucket to look in. */
  first: unknown = NO_DOCUMENT
  last: unknown = NO_DOCUMENT
  hash = 0
  inUse = false

  /** Whether `parts` holds exactly this key. */
  equals(parts: readonly unknown[]): boolean {
    const n = this.length
    if (parts.length !== n) return false
    const mine = this.parts
    for (let i = 0; i < n; i++) if (parts[i] !== mine[i]) return false
    return true
  }

  /** The key as an array of its own, to keep. */
  copy(): unknown[] {
    return this.parts.slice(0, this.length)
  }

  /** Done with: the next case may write its key here. */
  release(): void {
    this.inUse = false
    // The last key's parts stay until the next case overwrites them (emptying them took a
    // hundredth of each call); a key far longer than usual is let go of.
    if (this.length > 1024) this.parts = []
  }

  /**
   * A policy: a wrapped one as WRAPPED and its document, name and ARN, anything else as
   * itself. Written in place, with no call per part: on a fresh process's first pass this code
   * runs in the interpreter, where a call for each of a key's sixty-odd parts was a fifth of
   * reading a case.
   */
  policy(p: unknown): void {
    const parts = this.parts
    const n = this.length
    if (typeof p === 'object' && p !== null && !Array.isArray(p)) {
      const wrapped = p as Record<string, unknown>
      const document = wrapped.document
      if (document !== undefined || 'document' in wrapped) {
        const name = wrapped.name
        const arn = wrapped.arn
        parts[n] = WRAPPED
        parts[n + 1] = document
        parts[n + 2] = name
        parts[n + 3] = arn
        this.length = n + 4
        // Each text's length and last character (names and ARNs tell most policies apart).
        let hash = this.hash
        if (typeof name === 'string') hash = (Math.imul(hash, 31) + (name.length > 0 ? name.length + (name.charCodeAt(name.length - 1) << 8) : 0)) | 0
        if (typeof arn === 'string') hash = (Math.imul(hash, 31) + (arn.length > 0 ? arn.length + (arn.charCodeAt(arn.length - 1) << 8) : 0)) | 0
        this.hash = hash
        if (document !== undefined && document !== null) {
          if (this.first === NO_DOCUMENT) this.first = document
          this.last = document
        }
        return
      }
    }
    parts[n] = p
    this.length = n + 1
    if (p !== undefined && p !== null) {
      if (this.first === NO_DOCUMENT) this.first = p
      this.last = p
    }
  }

  /** A list's length: one marker of this module's own for a short list, LIST and N for a long one. */
  private listLength(length: number): void {
    this.hash = (Math.imul(this.hash, 31) + length + 1) | 0
    if (length < LENGTHS.length) this.parts[this.length++] = LENGTHS[length]
    else {
      this.parts[this.length++] = LIST
      this.parts[this.length++] = length
    }
  }

  /** A list of policies: its length and each policy (a hole as HOLE); a value that is no list, as itself. */
  list(value: unknown): void {
    if (!Array.isArray(value)) {
      this.parts[this.length++] = value
      return
    }
    const n = value.length
    this.listLength(n)
    for (let i = 0; i < n; i++) {
      const at: unknown = value[i]
      if (at === undefined && !(i in value)) this.parts[this.length++] = HOLE
      else this.policy(at)
    }
  }

  /**
   * A chain of levels, each a list of policies: the walk of `list`, written again rather than
   * told apart by a flag, whose test on every item cost 1 % of a fresh process's first pass
   * (this code runs in the interpreter there).
   */
  levels(value: unknown): void {
    if (!Array.isArray(value)) {
      this.parts[this.length++] = value
      return
    }
    const n = value.length
    this.listLength(n)
    for (let i = 0; i < n; i++) {
      const at: unknown = value[i]
      if (at === undefined && !(i in value)) this.parts[this.length++] = HOLE
      else this.list(at)
    }
  }
}

/** The one key written case after case; a key asked for while it is in use (a getter of the case's own calling evaluateCase) is a new one. */
const shared = new ContainerKey()

/** The key of a `policies` object; release it when done. */
export function containerKey(container: object, trust: boolean): ContainerKey {
  const key = shared.inUse ? new ContainerKey() : shared
  key.inUse = true
  key.length = 0
  key.first = NO_DOCUMENT
  key.last = NO_DOCUMENT
  key.hash = trust ? 1 : 0
  try {
    key.parts[key.length++] = trust ? TRUST : NOT_TRUST
    const c = container as Record<string, unknown>
    key.list(c.identity)
    key.policy(c.boundary)
    key.levels(c.scps)
    key.levels(c.rcps)
    key.policy(c.resource)
    key.policy(c.vpce)
    key.policy(c.session)
  } catch (error) {
    key.release()
    throw error
  }
  return key
}

interface Kept {
  readonly parts: readonly unknown[]
  readonly set: PolicySet
}

/** A table by anchor: objects held weakly (a document the caller let go of takes its sets along), other values strongly. */
class ByAnchor<V> {
  private readonly objects = new WeakMap<object, V>()
  private readonly values = new Map<unknown, V>()

  get(anchor: unknown): V | undefined {
    return typeof anchor === 'object' && anchor !== null ? this.objects.get(anchor) : this.values.get(anchor)
  }

  set(anchor: unknown, value: V): void {
    if (typeof anchor === 'object' && anchor !== null) this.objects.set(anchor, value)
    else this.values.set(anchor, value)
  }
}

/** Sets kept per bucket (first and last document and hash alike); the least recently found goes first. */
const PER_BUCKET = 8

/** Sets by container key, a bucket per first and last document and hash. Bounded: emptied when it holds `limit` sets. */
export class ContainerIndex {
  private buckets = new ByAnchor<ByAnchor<Map<number, Kept[]>>>()
  private count = 0

  constructor(private readonly limit: number) {}

  /** The set of `key`, loaded by `load` when not kept (a set that fails to load is not kept); `found` is the key as kept. */
  get(key: ContainerKey, load: () => PolicySet): Kept {
    let byLast = this.buckets.get(key.first)
    let byHash = byLast?.get(key.last)
    let bucket = byHash?.get(key.hash)
    if (bucket !== undefined) {
      for (let i = 0; i < bucket.length; i++) {
        const kept = bucket[i]!
        if (!key.equals(kept.parts)) continue
        if (i > 0) {
          bucket.splice(i, 1)
          bucket.unshift(kept)
        }
        return kept
      }
    }
    // Copied before loading: loading reads the caller's objects, whose getters could ask for another key.
    const parts = key.copy()
    const first = key.first
    const last = key.last
    const hash = key.hash
    const kept: Kept = { parts, set: load() }
    if (this.count >= this.limit) {
      this.clear()
      byLast = undefined
      byHash = undefined
      bucket = undefined
    }
    if (byLast === undefined) this.buckets.set(first, (byLast = new ByAnchor()))
    if (byHash === undefined) byLast.set(last, (byHash = new Map()))
    if (bucket === undefined) byHash.set(hash, (bucket = []))
    bucket.unshift(kept)
    if (bucket.length > PER_BUCKET) bucket.pop()
    else this.count++
    return kept
  }

  get size(): number {
    return this.count
  }

  clear(): void {
    this.buckets = new ByAnchor()
    this.count = 0
  }
}
