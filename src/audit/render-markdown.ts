/**
 * The audit as markdown, for a ticket, a wiki page or a CI job's summary page
 * (`denydoctor audit … --format markdown >> "$GITHUB_STEP_SUMMARY"`): the headline, a summary
 * table with one row per expectation, then for each expectation that did not hold the brief
 * diagnosis of each failing check and the picture of its evaluation path, then every check
 * (folded away in a <details> block), warnings and the drift since the baseline.
 */
import { say } from '../i18n/index.js'
import { code, fence, prose, table } from '../report/markdown-text.js'
import { mermaidFlowchart } from '../report/mermaid.js'
import type { Outcome } from './judge.js'
import { AUDIT_MARKDOWN as W } from './phrases.js'
import { appendAll, checkRows, countsLine, driftLines, failures, hasResources, headline, provenance, shortPrincipal } from './render-rows.js'
import type { AuditResult, CheckResult, ExpectationResult } from './result.js'

const MARK: Readonly<Record<Outcome, string>> = { held: '✅', failed: '❌', undetermined: '❔', error: '⚠️' }
const STATUS_MARK = { held: '✅', failed: '❌', 'not-in-shard': '➖' } as const

export function renderAuditMarkdown(result: AuditResult): string {
  const out = [`# ${prose(headline(result))}`, '', prose(provenance(result)), '', `**${prose(countsLine(result))}**`, '']
  out.push(`## ${W.summary}`, '', ...summaryTable(result.expectations))
  const failed = failures(result)
  if (failed.length) {
    out.push('', `## ${W.failed}`)
    for (const { expectation, checks } of failed) {
      out.push('', `### ❌ ${prose(expectation.name)}`, '', `${W.expected(expectation.expected)}${expectation.description ? ` ${prose(expectation.description)}` : ''}`)
      if (expectation.errors.length) out.push('', ...expectation.errors.map((error) => `- ⚠️ ${prose(error)}`))
      for (const c of checks) out.push('', ...failedCheck(c))
    }
  }
  out.push('')
  // Appended line by line: a spread of 100,000 rows overflows the call stack.
  appendAll(out, checkTable(result))
  const warnings = result.expectations.flatMap((e) => e.warnings.map((w) => `${e.name}: ${say()['report.warning'](w)}`))
  if (warnings.length) {
    out.push('', `## ${W.warnings}`, '')
    appendAll(out, warnings.map((w) => `- ${prose(w)}`))
  }
  if (result.drift) {
    out.push('', `## ${W.drift(result.drift.length)}`, '')
    out.push(...(result.drift.length ? driftLines(result.drift).map((l) => `- ${prose(l)}`) : [W.noDrift]))
  }
  return out.join('\n')
}

function summaryTable(expectations: readonly ExpectationResult[]): string[] {
  const rows = expectations.map((e) => {
    const held = e.checks.filter((c) => c.outcome === 'held').length
    return [STATUS_MARK[e.status], prose(e.name), e.expected, String(e.checks.length), String(held), String(e.checks.length - held)]
  })
  return table(W.summaryColumns, rows)
}

/** One failing check: what was asked, the brief diagnosis, and the picture of its path. */
function failedCheck(c: CheckResult): string[] {
  const on = c.resource ? ` on ${code(c.resource)}` : ''
  const lines = [`#### ${MARK[c.outcome]} ${code(shortPrincipal(c.principal))} ${code(c.action)}${on}: ${c.decision ?? W.notChecked}`, '']
  // The summary starts with the deciding statement's label when there is one, and says more.
  const summary = say()['audit.summary'](c.summary)
  const brief = [c.deciding && !c.summary.startsWith(c.deciding.label) ? `${say()['audit.summary'](c.deciding.label)} — ${summary}` : summary]
  for (const m of c.missingAllows) brief.push(W.noAllowIn(m.label))
  for (const gap of c.incomplete) brief.push(W.notRead(gap))
  lines.push(fence(brief.join('\n'), 'text'))
  if (c.path) lines.push('', fence(mermaidFlowchart(c.path), 'mermaid'))
  return lines
}

/** Every check, folded away: the summary above is what a CI page shows first. */
function checkTable(result: AuditResult): string[] {
  const rows = checkRows(result)
  const withResource = hasResources(result)
  // The resource column is the fifth (after the mark, expectation, principal and action), whatever its header's language.
  const headers = W.columns.filter((_h, i) => withResource || i !== 4)
  const body = table(
    headers,
    rows.map((r) => [MARK[r.outcome], prose(r.expectation), code(r.principal), code(r.action), ...(withResource ? [r.resource === '—' ? '—' : code(r.resource)] : []), r.expected, r.actual, prose(r.deciding)]),
  )
  return ['<details>', `<summary>${W.checks} (${rows.length})</summary>`, '', ...body, '', '</details>']
}
