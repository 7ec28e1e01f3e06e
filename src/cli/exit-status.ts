import type { Decision } from '../model/index.js'

/** Exit statuses of cli-contract.md ("Exit status"). */
export const EXIT = { allowed: 0, failed: 1, usage: 2, explicitDeny: 3, implicitDeny: 4, undetermined: 5, auditFailed: 6 } as const

const BY_DECISION: Record<Decision, number> = {
  Allowed: EXIT.allowed,
  ExplicitDeny: EXIT.explicitDeny,
  ImplicitDeny: EXIT.implicitDeny,
  Undetermined: EXIT.undetermined,
}

export function exitStatusFor(decision: Decision): number {
  return BY_DECISION[decision]
}

/** With several cases the worst status wins: a failed case, then 3, 5, 4, 0. */
const RANK: Record<number, number> = { 1: 5, 3: 4, 5: 3, 4: 2, 0: 1 }

export function worstStatus(statuses: readonly number[]): number {
  return statuses.reduce((worst, s) => ((RANK[s] ?? 0) > (RANK[worst] ?? 0) ? s : worst), EXIT.allowed)
}
