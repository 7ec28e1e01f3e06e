/**
 * A case's `request.context` object → the engine's known keys, read in one pass over its values.
 *
 * What follows from the keys alone (each one's canonical lower-cased name, which spellings
 * name the same key, which one is aws:ResourceAccount) is worked out once per distinct list
 * of keys, a KeyLayout: a batch or a library caller sends a few dozen such lists again and
 * again. The values are read on every call (a request changed in place is read afresh); each
 * key's entry is built only when someone looks it up, and a Map only when someone iterates.
 * Before, every request built a Map of twenty entries, which cost more than the rest of
 * reading the case (bench: evaluateCase on new case objects sharing documents).
 */
import { canonicalKey, KnownView, type ContextEntry } from '../../model/index.js'
import { CaseError } from './case-error.js'

/** The keys of a context object as spelt, in Object.keys order, with what follows from them. */
export interface KeyLayout {
  readonly keys: readonly string[]
  /** The canonical lower-cased names, in the order each first appears. */
  readonly names: readonly string[]
  /** Per name: its first spelling (the key its entry carries). */
  readonly spelt: readonly string[]
  /** Per name: the positions in `keys` of its spellings (values add up in that order). */
  readonly positions: readonly (readonly number[])[]
  /** Name → its index in `names`. */
  readonly slots: ReadonlyMap<string, number>
  /** Positions of keys spelling aws:ResourceAccount, in order. */
  readonly resourceAccountAt: readonly number[]
}

const RESOURCE_ACCOUNT = 'aws:resourceaccount'
/** Layouts kept before the table is emptied (a caller with endless key lists must not grow it forever). */
const LAYOUTS_KEPT = 10_000

/** Layouts by a hash of their keys' lengths and two characters; a hit is confirmed key by key. */
const layouts = new Map<number, KeyLayout[]>()
let layoutCount = 0

/**
 * The bucket of a list of keys: its length, and the length and two characters of four of its
 * keys (first, last and two between). A hit is confirmed key by key (sameKeys), so the hash
 * only has to keep buckets small; reading every key for it was most of reading a context on
 * a fresh process's first pass, where this code runs in the interpreter.
 */
function hashKeys(keys: readonly string[]): number {
  const count = keys.length
  let h = count
  if (count === 0) return h
  const last = count - 1
  h = mixKey(h, keys[0]!)
  h = mixKey(h, keys[(last / 3) | 0]!)
  h = mixKey(h, keys[((2 * last) / 3) | 0]!)
  return mixKey(h, keys[last]!)
}

function mixKey(h: number, key: string): number {
  const n = key.length
  h = (Math.imul(h, 31) + n) | 0
  return n > 0 ? (Math.imul(h, 31) + key.charCodeAt(n - 1) + (key.charCodeAt(n >> 1) << 8)) | 0 : h
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  // Property keys are internalized strings: equal ones are mostly the same object.
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function makeLayout(keys: readonly string[]): KeyLayout {
  const names: string[] = []
  const spelt: string[] = []
  const positions: number[][] = []
  const slots = new Map<string, number>()
  const resourceAccountAt: number[] = []
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!
    const name = canonicalKey(key.toLowerCase())
    if (name === RESOURCE_ACCOUNT) resourceAccountAt.push(i)
    const slot = slots.get(name)
    if (slot === undefined) {
      slots.set(name, names.length)
      names.push(name)
      spelt.push(key)
      positions.push([i])
    } else positions[slot]!.push(i)
  }
  return { keys: keys.slice(), names, spelt, positions, slots, resourceAccountAt }
}

/** The layout of these keys, made once per distinct list. */
export function layoutOf(keys: readonly string[]): KeyLayout {
  const hash = hashKeys(keys)
  let bucket = layouts.get(hash)
  if (bucket !== undefined) for (const layout of bucket) if (sameKeys(layout.keys, keys)) return layout
  if (layoutCount >= LAYOUTS_KEPT) {
    layouts.clear()
    layoutCount = 0
    bucket = undefined
  }
  const layout = makeLayout(keys)
  if (bucket === undefined) layouts.set(hash, [layout])
  else bucket.push(layout)
  layoutCount++
  return layout
}

/** A value as read: one string, or a copy of a list of strings. */
type Value = string | readonly string[]

/**
 * The known keys of a context read from a case, by canonical name: reads like the Map that
 * model/context.ts makeContext builds from the object's entries (same entries, same order:
 * keys matched case-insensitively, values of a key spelt twice added up, the first spelling
 * kept).
 */
export class CaseContextKnown extends KnownView {
  private entriesMade: (ContextEntry | undefined)[] | null = null
  private map: Map<string, ContextEntry> | null = null

  constructor(
    readonly layout: KeyLayout,
    private readonly read: readonly Value[],
  ) {
    super()
  }

  get(name: string): ContextEntry | undefined {
    const slot = this.layout.slots.get(name)
    return slot === undefined ? undefined : this.entry(slot)
  }

  override has(name: string): boolean {
    return this.layout.slots.has(name)
  }

  override get size(): number {
    return this.layout.names.length
  }

  private entry(slot: number): ContextEntry {
    const made = (this.entriesMade ??= [])
    let entry = made[slot]
    if (entry === undefined) {
      const at = this.layout.positions[slot]!
      let values: readonly string[]
      if (at.length === 1) {
        const value = this.read[at[0]!]!
        values = typeof value === 'string' ? [value] : value
      } else {
        const all: string[] = []
        for (const p of at) {
          const value = this.read[p]!
          if (typeof value === 'string') all.push(value)
          else for (const v of value) all.push(v)
        }
        values = all
      }
      entry = { key: this.layout.spelt[slot]!, values }
      made[slot] = entry
    }
    return entry
  }

  override eachEntry(callback: (entry: ContextEntry) => void): void {
    for (let slot = 0; slot < this.layout.names.length; slot++) callback(this.entry(slot))
  }

  protected all(): Map<string, ContextEntry> {
    if (this.map === null) {
      const map = new Map<string, ContextEntry>()
      const names = this.layout.names
      for (let slot = 0; slot < names.length; slot++) map.set(names[slot]!, this.entry(slot))
      this.map = map
    }
    return this.map
  }
}

function isStringList(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false
  for (const v of value) if (typeof v !== 'string') return false
  return true
}

/**
 * Reads each value of `raw` (in `layout.keys` order), copying lists, or throws naming the first
 * that is neither a string nor a list of strings. The values come from one Object.values call,
 * in the order Object.keys gave the keys: a keyed read per key (`raw[key]`) cost three times as
 * much on the bench's contexts, whose key lists take many shapes. Should the two disagree in
 * length (an object that changes as it is read), each key is read by name.
 */
export function readValues(raw: Record<string, unknown>, layout: KeyLayout): Value[] {
  const keys = layout.keys
  // A new array of our own: checked and kept in place, lists replaced by copies.
  let values: unknown[] = Object.values(raw)
  if (values.length !== keys.length) values = keys.map((key) => raw[key])
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (typeof value === 'string') continue
    if (isStringList(value)) values[i] = value.slice()
    else throw new CaseError(`request.context.${keys[i]!} must be a string or a list of strings.`, `request.context.${keys[i]!}`)
  }
  return values as Value[]
}
