/**
 * Enumerable properties worked out on first read, then kept. JSON.stringify, object spread
 * and equality checks read them like any value; code that only wants the decision (an audit
 * of thousands of checks) never pays for the words.
 *
 * The getters are made once per field and shared by every object; each object keeps what
 * they need under a symbol that is not enumerable (so JSON, spread and equality never see
 * it). A getter made per object (a closure) gave every object its own hidden class in V8,
 * which kept each object's words alive until a full garbage collection and made every
 * evaluation pay for new hidden classes: evaluations ran three times slower for it.
 */
const STATE = Symbol('lazy state')

type Stateful<S> = { readonly [STATE]: S }

/** A property descriptor to give to Object.defineProperty, for objects that keepState an S. */
export function lazyField<S, T extends object>(key: string, compute: (state: S, target: T) => unknown): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: T & Stateful<S>) {
      const value = compute(this[STATE], this)
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: false })
      return value
    },
  }
}

/** Keeps the state the lazy fields of `target` are worked out from. */
export function keepState(target: object, state: unknown): void {
  Object.defineProperty(target, STATE, { value: state })
}
