/**
 * Defines an enumerable property worked out on first read, then kept. JSON.stringify, object
 * spread and equality checks read it like any value; code that only wants the decision (an
 * audit of thousands of checks) never pays for the words.
 */
export function defineLazy<T extends object>(target: T, key: string, compute: () => unknown): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute()
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: false })
      return value
    },
  })
}
