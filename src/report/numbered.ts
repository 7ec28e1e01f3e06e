/**
 * Several cases in one text report (`evaluate` with a JSON array or JSON Lines): each report
 * under a numbered heading that names where the case came from, and one summary line at the
 * end, so that "which of the 40 was denied?" is answered without counting rules by eye.
 */
import type { Verdict } from '../model/index.js'
import { palette } from './colors.js'
import { effectiveWidth } from './layout.js'
import { messages, type Catalogue, type Lang } from '../i18n/index.js'

/** One case as the report sees it: its verdict, or why it could not be evaluated. */
export type CaseOutcome = { readonly label: string; readonly verdict: Verdict } | { readonly label: string; readonly error: string }

/** "Case 2 of 5 — cases.jsonl line 2"; without the total when it is not known yet (a stream). */
function caseHeading(m: Catalogue, index: number, total: number | null, label: string): string {
  return m['numbered.heading'](index + 1, total, label)
}

/** "5 cases: 2 explicit deny, 1 implicit deny, 1 allowed, 1 could not be evaluated." Worst first, zeros left out. */
function caseSummary(m: Catalogue, outcomes: readonly CaseOutcome[]): string {
  const count = (test: (o: CaseOutcome) => boolean) => outcomes.filter(test).length
  const words = m['numbered.outcome']
  const parts = [
    ...(['ExplicitDeny', 'Undetermined', 'ImplicitDeny', 'Allowed'] as const).map((d) => ({ n: count((o) => 'verdict' in o && o.verdict.decision === d), words: words[d] })),
    { n: count((o) => 'error' in o), words: words.error },
  ].filter(({ n }) => n > 0)
  return m['numbered.summary'](outcomes.length, parts)
}

/** The numbered reports, separated by rules, and the summary line. */
export function renderNumbered(outcomes: readonly CaseOutcome[], render: (verdict: Verdict) => string, options: { readonly color: boolean; readonly width?: number; readonly lang?: Lang }): string {
  const m = messages(options.lang)
  const p = palette(options.color)
  const rule = p.dim('─'.repeat(effectiveWidth(options.width)))
  const reports = outcomes.map((o, i) => {
    const heading = p.heading(caseHeading(m, i, outcomes.length, o.label))
    // A case's error usually starts with its label, which the heading already shows.
    const error = 'error' in o ? o.error.replace(`${o.label}: `, '').replace(`${m['numbered.label'](o.label)}: `, '') : ''
    return `${heading}\n\n${'verdict' in o ? render(o.verdict) : m['numbered.notEvaluated'](error)}`
  })
  return `${reports.join(`\n\n${rule}\n\n`)}\n\n${rule}\n\n${p.bold(caseSummary(m, outcomes))}`
}
