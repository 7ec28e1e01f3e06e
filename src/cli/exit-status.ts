import type { Decision } from '../model/index.js'

/** Exit statuses of cli-contract.md ("Exit status"). */
export const EXIT = { allowed: 0, failed: 1, usage: 2, explicitDeny: 3, implicitDeny: 4, undetermined: 5, auditFailed: 6, collectIncomplete: 7 } as const

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

const COMMON = { 1: 'the program failed (bad input, an AWS error it could not work around); stderr says why', 2: 'the command line was wrong' }
const VERDICT = { 0: 'the request is allowed', ...COMMON, 3: 'explicit deny', 4: 'implicit deny', 5: 'undetermined: the answer hangs on context nobody gave' }

/** The EXIT STATUS section of each command's --help (see cli/help.ts). */
export const EXIT_HELP = {
  verdict: VERDICT,
  /** explain and evaluate: several inputs, one status. */
  verdicts: { ...VERDICT, 1: `${COMMON[1]}; with several inputs, also when one could not be diagnosed (the worst status wins: 1, then 3, 5, 4, 0)` },
  collect: { 0: 'the snapshot was written, complete', ...COMMON, 7: 'the snapshot was written, but some sources could not be read (listed on stderr and in the file)' },
  audit: { 0: 'every expectation held', ...COMMON, 6: 'at least one expectation did not hold' },
} as const
