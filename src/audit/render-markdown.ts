/**
 * The audit as markdown, for a ticket or a wiki page: the headline, the table of checks, the
 * failures with their deciding statements, and the drift since the baseline.
 */
import { code, prose, table } from '../report/markdown-text.js'
import type { Outcome } from './judge.js'
import { checkRows, countsLine, driftLines, failures, hasResources, headline, provenance, shortPrincipal } from './render-rows.js'
import type { AuditResult } from './result.js'

const MARK: Readonly<Record<Outcome, string>> = { held: '✅', failed: '❌', undetermined: '❔', error: '⚠️' }

export function renderAuditMarkdown(result: AuditResult): string {
  const out = [`# ${prose(headline(result))}`, '', prose(provenance(result)), '', `**${prose(countsLine(result))}**`, '']
  const rows = checkRows(result)
  const withResource = hasResources(result)
  const headers = ['', 'Expectation', 'Principal', 'Action', ...(withResource ? ['Resource'] : []), 'Expected', 'Actual', 'Deciding statement']
  out.push(
    ...table(
      headers,
      rows.map((r) => [MARK[r.outcome], prose(r.expectation), code(r.principal), code(r.action), ...(withResource ? [r.resource === '—' ? '—' : code(r.resource)] : []), r.expected, r.actual, prose(r.deciding)]),
    ),
  )
  const failed = failures(result)
  if (failed.length) {
    out.push('', '## What did not hold')
    for (const { expectation, checks } of failed) {
      out.push('', `### ❌ ${prose(expectation.name)}`, '', `Expected: **${expectation.expected}**.${expectation.description ? ` ${prose(expectation.description)}` : ''}`, '')
      for (const error of expectation.errors) out.push(`- ⚠️ ${prose(error)}`)
      for (const c of checks) {
        const on = c.resource ? ` on ${code(c.resource)}` : ''
        out.push(`- ${code(shortPrincipal(c.principal))} ${code(c.action)}${on}: **${c.decision ?? 'could not be checked'}** — ${prose(c.summary)}`)
      }
    }
  }
  const warnings = result.expectations.flatMap((e) => e.warnings.map((w) => `${e.name}: ${w}`))
  if (warnings.length) out.push('', '## Warnings', '', ...warnings.map((w) => `- ${prose(w)}`))
  if (result.drift) {
    out.push('', `## Changed since the baseline (${result.drift.length})`, '')
    out.push(...(result.drift.length ? driftLines(result.drift).map((l) => `- ${prose(l)}`) : ['Nothing: every verdict is as before.']))
  }
  return out.join('\n')
}
