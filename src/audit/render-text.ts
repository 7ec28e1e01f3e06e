/**
 * The audit for people on a terminal or in a job log: the headline, one table row per check
 * (expectation, principal, action, expected, actual, deciding statement), then what failed
 * in full, what changed since the baseline, and the counts.
 */
import { cutColumns, displayWidth, messages, padEndColumns, type Catalogue, type Lang } from '../i18n/index.js'
import { palette, type Palette } from '../report/colors.js'
import type { Outcome } from './judge.js'
import { checkRows, countsLine, driftLines, failures, hasResources, headline, provenance, shortPrincipal, type CheckRow } from './render-rows.js'
import type { AuditResult } from './result.js'

const MARK: Readonly<Record<Outcome, string>> = { held: '✓', failed: '✗', undetermined: '?', error: '!' }
/** Long names are cut in the table only; the failure list below shows them whole. */
const NAME_WIDTH = 44


function styleFor(row: CheckRow, pal: Palette): (text: string) => string {
  if (row.outcome === 'held') return pal.allow
  if (row.outcome === 'undetermined' && !row.failing) return pal.unknown
  return row.failing ? pal.deny : pal.unknown
}

function table(rows: readonly CheckRow[], withResource: boolean, pal: Palette, m: Catalogue): string[] {
  const headers = ['', m['audit.column.expectation'], m['audit.column.principal'], m['audit.column.action'], ...(withResource ? [m['audit.column.resource']] : []), m['audit.column.expected'], m['audit.column.actual'], m['audit.column.deciding']]
  const cells = rows.map((row, i) => {
    const first = i === 0 || rows[i - 1]!.expectation !== row.expectation
    return [MARK[row.outcome], first ? cutColumns(row.expectation, NAME_WIDTH) : '', row.principal, row.action, ...(withResource ? [row.resource] : []), row.expected, row.actual, row.deciding]
  })
  // Every column but the last is padded to its widest cell (in terminal columns: 期待 takes
  // four); the deciding statement runs on.
  const widths = headers.map((h, c) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[c]!))))
  const pad = (values: readonly string[]) => values.map((v, c) => (c === values.length - 1 ? v : padEndColumns(v, widths[c]!)))
  return [
    pal.bold(pad(headers).join('  ').trimEnd()),
    ...cells.map((values, i) => {
      const [mark, ...rest] = pad(values)
      // Colour goes on after padding, so escape codes never throw the columns off.
      return [styleFor(rows[i]!, pal)(mark!), ...rest].join('  ').trimEnd()
    }),
  ]
}

function failureSection(result: AuditResult, pal: Palette, m: Catalogue): string[] {
  const out: string[] = []
  for (const { expectation, checks } of failures(result)) {
    out.push('', pal.deny(`✗ ${expectation.name}`) + pal.dim(m['audit.expectedParen'](expectation.expected)))
    if (expectation.description) out.push(`  ${expectation.description}`)
    for (const error of expectation.errors) out.push(`  ${pal.deny('!')} ${error}`)
    for (const check of checks) {
      const on = check.resource ? m['audit.on'](check.resource) : ''
      out.push(`  ${shortPrincipal(check.principal)} ${check.action}${on} → ${check.decision ?? m['audit.couldNotCheck']}`)
      out.push(`      ${check.summary}`)
      for (const gap of check.incomplete) out.push(pal.dim(`      ${m['audit.notRead'](gap)}`))
    }
  }
  return out
}

export function renderAuditText(result: AuditResult, options: { readonly color: boolean; readonly lang?: Lang }): string {
  const pal = palette(options.color)
  const m = messages(options.lang)
  const out = [(result.passed ? pal.allow : pal.deny)(headline(result, m)), pal.dim(provenance(result, m)), '']
  const rows = checkRows(result)
  if (rows.length) out.push(...table(rows, hasResources(result), pal, m))
  else out.push(m['audit.noCheck'])
  out.push(...failureSection(result, pal, m))
  const warnings = result.expectations.flatMap((e) => e.warnings.map((w) => `${e.name}: ${w}`))
  if (warnings.length) out.push('', pal.heading(m['audit.warnings']), ...warnings.map((w) => `  • ${w}`))
  if (result.drift) {
    out.push('', pal.heading(m['audit.drift'](result.drift.length)))
    out.push(...(result.drift.length ? driftLines(result.drift, m).map((l) => `  • ${l}`) : [`  ${m['audit.noDrift']}`]))
  }
  out.push('', countsLine(result, m))
  return out.join('\n')
}
