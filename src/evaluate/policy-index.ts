import type { Policy, Statement } from '../model/index.js'
import { matchAction } from './match/action.js'

/**
 * For each policy, the statements whose Action / NotAction admits a given action, with the
 * pattern that did: worked out once per policy and action. An audit asks the same policies
 * about the same few actions thousands of times, and most statements of a large policy name
 * other actions; after the first ask, they cost nothing. Statements keep their order.
 */
export interface ActionCandidate {
  readonly statement: Statement
  /** The Action pattern that matched, or why NotAction lets the action through. */
  readonly matchedAction: string
}

/** Bounded so that a long-lived process asking about endless actions does not grow forever. */
const ACTIONS_PER_POLICY = 512
const index = new WeakMap<Policy, Map<string, readonly ActionCandidate[]>>()

export function candidatesFor(policy: Policy, action: string): readonly ActionCandidate[] {
  const key = action.toLowerCase()
  let byAction = index.get(policy)
  if (!byAction) {
    byAction = new Map()
    index.set(policy, byAction)
  }
  let candidates = byAction.get(key)
  if (!candidates) {
    const found: ActionCandidate[] = []
    for (const statement of policy.statements) {
      const match = matchAction(statement, action)
      if (match.matched) found.push({ statement, matchedAction: match.pattern })
    }
    if (byAction.size >= ACTIONS_PER_POLICY) byAction.clear()
    byAction.set(key, found)
    candidates = found
  }
  return candidates
}
