/**
 * The request context, with the three kinds of key the contract demands: known, absent and
 * unknown. "Unknown is not absent": a condition on an unknown key is neither true nor false.
 */

/** What the request says about one key. */
export type ContextValue =
  | { readonly kind: 'known'; readonly values: readonly string[] }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }

export interface ContextEntry {
  /** The key as the user (or the source) spelled it. */
  readonly key: string
  readonly values: readonly string[]
}

export interface RequestContext {
  /** Known keys, indexed by the lower-cased key name (key names match case-insensitively). */
  readonly known: ReadonlyMap<string, ContextEntry>
  /** Keys known not to be in the request, lower-cased. */
  readonly absent: ReadonlySet<string>
  /** When true, every key not known is absent (what AWS itself does at request time). */
  readonly complete: boolean
  /**
   * Lower-cased key prefixes whose unlisted keys are certainly absent, e.g. `aws:principaltag/`
   * once a source has read every tag of the principal.
   */
  readonly absentPrefixes?: readonly string[]
}

export const ABSENT: ContextValue = { kind: 'absent' }
export const UNKNOWN: ContextValue = { kind: 'unknown' }

/** Looks a key up case-insensitively. */
export function lookupContext(context: RequestContext, key: string): ContextValue {
  const lower = key.toLowerCase()
  const entry = context.known.get(lower)
  if (entry) return { kind: 'known', values: entry.values }
  if (context.complete || context.absent.has(lower)) return ABSENT
  if (context.absentPrefixes?.some((prefix) => lower.startsWith(prefix))) return ABSENT
  return UNKNOWN
}

/** Builds a context from plain key → value(s) pairs. Later entries of the same key add values. */
export function makeContext(
  pairs: Iterable<readonly [string, string | readonly string[]]>,
  options: { complete: boolean; absent?: Iterable<string> },
): RequestContext {
  const known = new Map<string, ContextEntry>()
  for (const [key, value] of pairs) {
    const values = typeof value === 'string' ? [value] : [...value]
    const lower = key.toLowerCase()
    const previous = known.get(lower)
    known.set(lower, { key: previous?.key ?? key, values: previous ? [...previous.values, ...values] : values })
  }
  const absent = new Set([...(options.absent ?? [])].map((k) => k.toLowerCase()))
  return { known, absent, complete: options.complete }
}

/** A copy of `context` with `extra` keys added where the context does not already know them. */
export function withDefaults(context: RequestContext, extra: Iterable<readonly [string, readonly string[]]>): RequestContext {
  const known = new Map(context.known)
  for (const [key, values] of extra) {
    const lower = key.toLowerCase()
    if (!known.has(lower) && !context.absent.has(lower)) known.set(lower, { key, values })
  }
  return { ...context, known }
}

/** Plain object view for JSON output. */
export function contextToObject(context: RequestContext): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const { key, values } of context.known.values()) out[key] = values.length === 1 ? values[0]! : [...values]
  return out
}
