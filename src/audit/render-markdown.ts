/**
 * The audit as markdown, for a ticket or a wiki page: the headline, the table of checks, the
 * failures with their deciding statements, and the drift since the baseline.
 */
import { messages, type Lang } from '../i18n/index.js'
import { code, prose, table } from '../report/markdown-text.js'
import type { Outcome } from './judge.js'
import { checkRows, countsLine, driftLines, failures, hasResources, headline, provenance, shortPrincipal } from './render-rows.js'
import type { AuditResult } from './result.js'

const MARK: Readonly<Record<Outcome, string>> = { held: '✅', failed: '❌', undetermined: '❔', error: '⚠️' }

export function renderAuditMarkdown(result: AuditResult, lang: Lang = 'en'): string {
  const m = messages(lang)
  const out = [`# ${prose(headline(result, m))}`, '', prose(provenance(result, m)), '', `**${prose(countsLine(result, m))}**`, '']
  const rows = checkRows(result)
  const withResource = hasResources(result)
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
  const column = (key: 'expectation' | 'principal' | 'action' | 'resource' | 'expected' | 'actual' | 'deciding') => capital(m[`audit.column.${key}`])
  const headers = ['', column('expectation'), column('principal'), column('action'), ...(withResource ? [column('resource')] : []), column('expected'), column('actual'), column('deciding')]
  out.push(
    ...table(
      headers,
      rows.map((r) => [MARK[r.outcome], prose(r.expectation), code(r.principal), code(r.action), ...(withResource ? [r.resource === '—' ? '—' : code(r.resource)] : []), r.expected, r.actual, prose(r.deciding)]),
    ),
  )
  const failed = failures(result)
  if (failed.length) {
    out.push('', `## ${m['audit.md.didNotHold']}`)
    for (const { expectation, checks } of failed) {
      out.push('', `### ❌ ${prose(expectation.name)}`, '', `${m['audit.md.expected'](expectation.expected)}${expectation.description ? ` ${prose(expectation.description)}` : ''}`, '')
      for (const error of expectation.errors) out.push(`- ⚠️ ${prose(error)}`)
      for (const c of checks) {
        const on = c.resource ? m['audit.on'](code(c.resource)) : ''
        out.push(`- ${code(shortPrincipal(c.principal))} ${code(c.action)}${on}: **${c.decision ?? m['audit.couldNotCheck']}** — ${prose(c.summary)}`)
      }
    }
  }
  const warnings = result.expectations.flatMap((e) => e.warnings.map((w) => `${e.name}: ${w}`))
  if (warnings.length) out.push('', `## ${m['audit.warnings']}`, '', ...warnings.map((w) => `- ${prose(w)}`))
  if (result.drift) {
    out.push('', `## ${m['audit.drift'](result.drift.length)}`, '')
    out.push(...(result.drift.length ? driftLines(result.drift, m).map((l) => `- ${prose(l)}`) : [m['audit.noDriftSentence']]))
  }
  return out.join('\n')
}
