/**
 * The request context, with the kinds of key the contract demands: known, absent, unknown, and
 * partly known. "Unknown is not absent": a condition on an unknown key is neither true nor false.
 */

/**
 * A single value of which only the start is known: the `aws:userid` of a role given without
 * its session is `ROLE-ID:` and a session name nobody knows; a key every request carries but
 * whose value is not known (`aws:MultiFactorAuthPresent` of a role session) has an empty
 * prefix. Either way the key is certainly present, so it is never absent, whatever
 * `--assume-absent` says. Conditions that come out the same for every completion are decided
 * (condition/partial.ts).
 */
export interface PartialValue {
  /** What every value of the key starts with ('' when only its presence is known). */
  readonly prefix: string
  /** Who could have sent the rest, for explanations: "session of role TestReadOnly". */
  readonly completions: string
  /** What the unknown rest is, for explanations: "the session name" (default "the rest"). */
  readonly rest?: string
}

/** What the request says about one key. */
export type ContextValue =
  | { readonly kind: 'known'; readonly values: readonly string[] }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' }
  | ({ readonly kind: 'partial' } & PartialValue)

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
  /**
   * Lower-cased keys that stay unknown even when `complete`: keys every request carries but
   * nobody can know here, such as aws:userid of a role given without its session name.
   */
  readonly unknown?: ReadonlySet<string>
  /** Lower-cased keys that are present with a partly known value; never absent, even when `complete`. */
  readonly partial?: ReadonlyMap<string, PartialValue>
  /**
   * Keys (lower-cased) this request can never carry, decided by rule rather than listed: a key
   * the action does not support (context/absent-keys.ts). Asked only for keys nobody knows.
   */
  readonly absentIf?: (lowerKey: string) => boolean
}

export const ABSENT: ContextValue = { kind: 'absent' }
export const UNKNOWN: ContextValue = { kind: 'unknown' }

/** Looks a key up case-insensitively. */
export function lookupContext(context: RequestContext, key: string): ContextValue {
  const lower = key.toLowerCase()
  const values = lookupValues(context, lower)
  if (values === undefined) {
    const partial = context.partial?.get(lower)
    return partial ? { kind: 'partial', ...partial } : UNKNOWN
  }
  return values === null ? ABSENT : { kind: 'known', values }
}

/**
 * lookupContext without allocating, for the engine's hot path: the values of a known key,
 * null for an absent one, undefined for an unknown or partly known one (lookupContext tells which). `lower` must be lower-cased already
 * (compiled conditions lower-case their keys once).
 */
export function lookupValues(context: RequestContext, lower: string): readonly string[] | null | undefined {
  const entry = context.known.get(lower)
  if (entry) return entry.values
  if (context.unknown?.has(lower) || context.partial?.has(lower)) return undefined
  if (context.complete || context.absent.has(lower)) return null
  const prefixes = context.absentPrefixes
  if (prefixes) for (const prefix of prefixes) if (lower.startsWith(prefix)) return null
  if (context.absentIf?.(lower)) return null
  return undefined
}

const keyNames = new Map<string, string>()

/**
 * One string object per lower-cased key name. Compiled conditions and contexts both use it, so
 * that looking a key up finds it by identity instead of comparing its characters, which for a
 * context read once (an audit has thousands) meant a cache miss per key.
 */
export function canonicalKey(lower: string): string {
  let name = keyNames.get(lower)
  if (name === undefined) {
    if (keyNames.size >= 50_000) keyNames.clear()
    keyNames.set(lower, lower)
    name = lower
  }
  return name
}

/** Builds a context from plain key → value(s) pairs. Later entries of the same key add values. */
export function makeContext(
  pairs: Iterable<readonly [string, string | readonly string[]]>,
  options: { complete: boolean; absent?: Iterable<string> },
): RequestContext {
  const known = new Map<string, ContextEntry>()
  for (const [key, value] of pairs) {
    const values = typeof value === 'string' ? [value] : [...value]
    const lower = canonicalKey(key.toLowerCase())
    const previous = known.get(lower)
    known.set(lower, { key: previous?.key ?? key, values: previous ? [...previous.values, ...values] : values })
  }
  const absent = new Set([...(options.absent ?? [])].map((k) => canonicalKey(k.toLowerCase())))
  return { known, absent, complete: options.complete }
}

/** `context` with `extra` keys added where the context does not already know them. */
export function withDefaults(context: RequestContext, extra: Iterable<readonly [string, readonly string[]]>): RequestContext {
  const entries = new Map<string, ContextEntry>()
  for (const [key, values] of extra) {
    const lower = key.toLowerCase()
    if (!entries.has(lower)) entries.set(lower, { key, values })
  }
  return { ...context, known: new FixedDefaults(context, entries) }
}

/**
 * The known keys of a context with extra entries (keyed by lower-cased name) added where the
 * context neither knows nor lists the key as absent. It reads like the Map that copying the
 * known keys and then adding each such extra entry would give, in the same iteration order,
 * but it is a view: the engine fills in implied keys on every evaluation, and copying a
 * twenty-key context each time showed in profiles. Lookups go to the two maps, and the extra
 * entries are asked for (extraEntries) only when a lookup gets past the context; the merged
 * Map is built only if someone iterates (the verdict's view of the context).
 */
/**
 * A context's known keys read through a view rather than a Map of their own: lookups answer
 * from what the view holds, and a whole Map (all) is made only for iteration. The views (the
 * layered defaults below, a case file's context read in place) share the iteration half here.
 */
export abstract class KnownView implements ReadonlyMap<string, ContextEntry> {
  abstract get(key: string): ContextEntry | undefined

  /** Every entry, in iteration order: made when first iterated, kept by the view. */
  protected abstract all(): ReadonlyMap<string, ContextEntry>

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  get size(): number {
    return this.all().size
  }

  forEach(callback: (value: ContextEntry, key: string, map: ReadonlyMap<string, ContextEntry>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.all()) callback.call(thisArg, value, key, this)
  }

  entries(): MapIterator<[string, ContextEntry]> {
    return this.all().entries()
  }

  keys(): MapIterator<string> {
    return this.all().keys()
  }

  values(): MapIterator<ContextEntry> {
    return this.all().values()
  }

  /**
   * Each entry, in iteration order, without the Map that iterating makes (the verdict's view
   * of the context reads each once). Views that can walk their parts override it.
   */
  eachEntry(callback: (entry: ContextEntry) => void): void {
    for (const entry of this.all().values()) callback(entry)
  }

  [Symbol.iterator](): MapIterator<[string, ContextEntry]> {
    return this.all().entries()
  }
}

export abstract class LayeredKnown extends KnownView {
  private readonly base: ReadonlyMap<string, ContextEntry>
  private readonly hidden: ReadonlySet<string>
  /** Keys made unknown on purpose (`--unknown`): no extra entry may fill them in. */
  private readonly withheld: ReadonlySet<string> | undefined
  private merged: Map<string, ContextEntry> | null = null
  private extra: ReadonlyMap<string, ContextEntry> | null = null

  constructor(context: RequestContext) {
    super()
    this.base = context.known
    this.hidden = context.absent
    this.withheld = context.unknown
  }

  /** The entries to add, keyed by lower-cased name; asked for at most once. */
  protected abstract extraEntries(): ReadonlyMap<string, ContextEntry>

  get(key: string): ContextEntry | undefined {
    const entry = this.base.get(key)
    if (entry !== undefined || this.hidden.has(key) || this.withheld?.has(key)) return entry
    return (this.extra ??= this.extraEntries()).get(key)
  }

  /** Whether an extra entry shows: the context neither gives, hides nor withholds its key. */
  private addsExtra(key: string): boolean {
    return !this.base.has(key) && !this.hidden.has(key) && !this.withheld?.has(key)
  }

  override eachEntry(callback: (entry: ContextEntry) => void): void {
    if (this.merged !== null) return super.eachEntry(callback)
    // What `all` would hold, in its order: the context's own entries, then the extra ones that show.
    eachEntryOf(this.base, callback)
    for (const [key, entry] of (this.extra ??= this.extraEntries())) if (this.addsExtra(key)) callback(entry)
  }

  protected all(): Map<string, ContextEntry> {
    if (this.merged === null) {
      const merged = new Map(this.base)
      for (const [key, entry] of (this.extra ??= this.extraEntries())) if (this.addsExtra(key)) merged.set(key, entry)
      this.merged = merged
    }
    return this.merged
  }
}

/** Each entry of a context's known keys, in order. */
function eachEntryOf(known: ReadonlyMap<string, ContextEntry>, callback: (entry: ContextEntry) => void): void {
  if (known instanceof KnownView) known.eachEntry(callback)
  else for (const entry of known.values()) callback(entry)
}

/** Plain object view for JSON output. */
export function contextToObject(context: RequestContext): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  eachEntryOf(context.known, ({ key, values }) => (out[key] = values.length === 1 ? values[0]! : [...values]))
  return out
}

class FixedDefaults extends LayeredKnown {
  constructor(
    context: RequestContext,
    private readonly added: ReadonlyMap<string, ContextEntry>,
  ) {
    super(context)
  }

  protected extraEntries(): ReadonlyMap<string, ContextEntry> {
    return this.added
  }
}
