import type { Tri } from '../model/index.js'

/** Kleene logic for the three-valued results of matching under an incomplete context. */
export function triAnd(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false
  if (a === 'unknown' || b === 'unknown') return 'unknown'
  return true
}

export function triOr(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true
  if (a === 'unknown' || b === 'unknown') return 'unknown'
  return false
}

export function triNot(a: Tri): Tri {
  return a === 'unknown' ? 'unknown' : !a
}

/** The best of several: true if any is true, else unknown if any is unknown, else false. */
export function triAny(values: Iterable<Tri>): Tri {
  let result: Tri = false
  for (const value of values) {
    if (value === true) return true
    if (value === 'unknown') result = 'unknown'
  }
  return result
}
