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
 */
export class Stateful<S> {
  readonly #state: S

  constructor(state: S) {
    this.#state = state
  }

  static stateOf<S>(target: Stateful<S>): S {
    return target.#state
  }
}

/** A property descriptor to give to Object.defineProperty, for Stateful objects of state S. */
export function lazyField<S, T extends object>(key: string, compute: (state: S, target: T) => unknown): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: T & Stateful<S>) {
      const value = compute(Stateful.stateOf(this), this)
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: false })
      return value
    },
  }
}
