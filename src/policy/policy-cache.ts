/**
 * Parsed policies kept across calls, so that a caller who evaluates many requests against the
 * same documents (a Lambda function, an audit job, `evaluate` on JSON Lines) parses, validates
 * and lints each document once, and the engine (which shares compiled statements by the
 * parsed Policy's identity and content) compiles it once.
 *
 * Two keys, tried in this order:
 * - the document's identity: the same object (or string) handed in again is the same policy.
 *   Objects are therefore read once: a document changed in place after it was evaluated is not
 *   read again (hand in a new object, or call `clear()`); README, "As a library".
 * - its content: `kind`, `name` and the document as JSON text. Documents read from JSON text
 *   (`fromJson`) are turned into text by the runtime's JSON.stringify, which is cheap next to
 *   parsing and validating; other objects by `jsonKey`, which also refuses what is not plain
 *   JSON (undefined, NaN, class instances…) so that two documents that validate differently
 *   never share a key. Such documents are simply parsed every time.
 *
 * Bounded: at most `limit` policies by content, the least recently used going first. Failures
 * (PolicyInputError) are not kept: bad input is rare and its error names the place.
 */
import type { Policy } from '../model/policy.js'
import { parsePolicy } from './index.js'
import type { PolicyKind } from './site.js'

export interface ParseOptions {
  readonly name: string
  readonly kind: PolicyKind
  /** The document is a value straight from JSON.parse (plain JSON values only). */
  readonly fromJson?: boolean
}

/** Policies kept for the most recent documents by content (each a few kilobytes). */
export const DEFAULT_POLICY_CACHE_LIMIT = 4096

export class PolicyCache {
  private readonly byContent = new Map<string, Policy>()
  /** Per document object: the policy for the last name and kind it was parsed with. */
  private byObject = new WeakMap<object, { readonly key: string; readonly policy: Policy }>()
  private hitCount = 0
  private missCount = 0

  constructor(readonly limit: number = DEFAULT_POLICY_CACHE_LIMIT) {
    if (!(limit >= 1)) throw new RangeError(`A policy cache needs room for at least one policy, not ${limit}.`)
  }

  /** As parsePolicy (same Policy, same PolicyInputError), from the cache when it can. */
  parse(input: unknown, options: ParseOptions): Policy {
    const head = `${options.kind}\u0000${options.name}\u0000`
    const isObject = typeof input === 'object' && input !== null
    if (isObject) {
      const known = this.byObject.get(input)
      if (known !== undefined && known.key === head) {
        this.hitCount++
        return known.policy
      }
    }
    const text = typeof input === 'string' ? input : isObject ? (options.fromJson ? JSON.stringify(input) : jsonKey(input)) : null
    const key = text === null ? null : head + text
    let policy = key === null ? undefined : this.byContent.get(key)
    if (policy !== undefined) {
      this.hitCount++
      // Most recently used last: Map keeps insertion order.
      this.byContent.delete(key!)
      this.byContent.set(key!, policy)
    } else {
      this.missCount++
      policy = parsePolicy(input, options)
      if (key !== null) {
        if (this.byContent.size >= this.limit) this.byContent.delete(this.byContent.keys().next().value!)
        this.byContent.set(key, policy)
      }
    }
    if (isObject) this.byObject.set(input, { key: head, policy })
    return policy
  }

  /** Forget every policy (after documents were changed in place). */
  clear(): void {
    this.byContent.clear()
    this.byObject = new WeakMap()
  }

  /** Policies kept by content, and how many parses were answered from the cache or not. */
  stats(): { readonly size: number; readonly hits: number; readonly misses: number } {
    return { size: this.byContent.size, hits: this.hitCount, misses: this.missCount }
  }
}

/**
 * The value as JSON text, or null when it is not plain JSON (undefined, a function, a
 * non-finite number, an object that is not a plain object or array, a cycle): JSON.stringify
 * would quietly drop or change those, and two documents that validate differently could then
 * share a key.
 */
export function jsonKey(value: unknown): string | null {
  // Checked first, then written by the runtime: JSON.stringify gives exactly the text a
  // walk would build for plain JSON values, several times faster (a first sight of each document pays it).
  return isPlainJson(value, 0) ? JSON.stringify(value) : null
}

/**
 * How deep a document may nest and still be keyed by content. A policy nests six levels at
 * most (Statement, a statement, Condition, an operator, a key, its list); anything deeper is
 * refused by validation, and a cycle is nested without end. Such values are parsed every time,
 * as before. A depth count instead of a set of the objects being walked: on a fresh process's
 * first pass the set's additions and removals were most of the walk.
 */
const DEEPEST = 64

/** Whether JSON.stringify would write the value as it is: no undefined, function, symbol, non-finite number, hole, cycle, or object that is not a plain object or array. */
function isPlainJson(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(v)
    case 'object': {
      if (v === null) return true
      if (depth >= DEEPEST) return false
      const proto = Object.getPrototypeOf(v) as unknown
      if (Array.isArray(v)) {
        if (proto !== Array.prototype) return false
        for (let i = 0; i < v.length; i++) if (!(i in v) || !isPlainJson(v[i], depth + 1)) return false
      } else {
        if (proto !== Object.prototype && proto !== null) return false
        if (Object.getOwnPropertySymbols(v).length > 0) return false
        for (const key in v) {
          if (Object.hasOwn(v, key) && !isPlainJson((v as Record<string, unknown>)[key], depth + 1)) return false
        }
      }
      return true
    }
    default:
      return false
  }
}

/** The cache evaluateCase and `evaluate` share within one process. */
export const sharedPolicyCache = new PolicyCache()
