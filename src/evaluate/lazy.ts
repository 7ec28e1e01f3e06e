/**
 * Enumerable properties worked out on first read, then kept. JSON.stringify, object spread
 * and equality checks read them like any value; code that only wants the decision (an audit
 * of thousands of checks) never pays for the words.
 *
 * The getters are made once per field and shared by every object; each object keeps what
 * they need in a private field (which JSON, spread and equality never see). A getter made
 * per object (a closure) gave every object its own hidden class in V8, which kept each
 * object's words alive until a full garbage collection and made every evaluation pay for new
 * hidden classes: evaluations ran three times slower for it. A private field costs a plain
 * store, where the symbol property it replaced cost a defineProperty per object.
 *
 * A value worked out is kept in a second private field, and the property stays a getter.
 * Turning the getter into a data property on first read (Object.defineProperty) cost more
 * than the read itself, and left every verdict an object V8 reads slowly: a batch that wrote
 * every verdict's words spent a tenth of its time there.
 */
export class Stateful<S> {
  readonly #state: S
  #kept: Record<string, unknown> | null = null

  constructor(state: S) {
    this.#state = state
  }

  static stateOf<S>(target: Stateful<S>): S {
    return target.#state
  }

  /** The values worked out so far, by field name. */
  static keptOf(target: Stateful<unknown>): Record<string, unknown> {
    return (target.#kept ??= {})
  }
}

/** A property descriptor to give to Object.defineProperty, for Stateful objects of state S. */
export function lazyField<S, T extends object>(key: string, compute: (state: S, target: T) => unknown): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: T & Stateful<S>) {
      const kept = Stateful.keptOf(this)
      if (key in kept) return kept[key]
      const value = compute(Stateful.stateOf(this), this)
      kept[key] = value
      return value
    },
  }
}
