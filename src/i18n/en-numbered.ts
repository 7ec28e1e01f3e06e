/**
 * The words of evaluate's numbered text report of several cases (report/numbered.ts): each
 * case's heading, a case that could not be evaluated, and the summary line.
 */
import type { Decision } from '../model/index.js'

export const enNumbered = {
  /** "Case 2 of 5 — cases.jsonl line 2"; without the total when it is not known yet (a stream). */
  'numbered.heading': (n: number, total: number | null, label: string) => `Case ${n}${total === null ? '' : ` of ${total}`} — ${label}`,
  /** Where a case came from, as the case reader labels it ("cases.jsonl line 2", "cases.json case 3"). */
  'numbered.label': (label: string) => label,
  'numbered.notEvaluated': (error: string) => `NOT EVALUATED — ${error}`,
  'numbered.outcome': {
    ExplicitDeny: 'explicit deny',
    ImplicitDeny: 'implicit deny',
    Undetermined: 'undetermined',
    Allowed: 'allowed',
    error: 'could not be evaluated',
  } as Readonly<Record<Decision | 'error', string>>,
  /** "5 cases: 2 explicit deny, 1 implicit deny, 1 allowed, 1 could not be evaluated." */
  'numbered.summary': (total: number, counts: readonly { readonly n: number; readonly words: string }[]) =>
    `${total} case${total === 1 ? '' : 's'}: ${counts.map(({ n, words }) => `${n} ${words}`).join(', ')}.`,
}
