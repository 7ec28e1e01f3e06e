/**
 * The audit for people on a terminal or in a job log: the headline, one table row per check
 * (expectation, principal, action, expected, actual, deciding statement), then what failed
 * in full, what changed since the baseline, and the counts.
 */
import { say } from '../i18n/index.js'
import { palette, type Palette } from '../report/colors.js'
import { effectiveWidth, length, padEnd } from '../report/layout.js'
import { fitColumns, type Column, type ColumnId } from './fit-table.js'
import { AUDIT_COLUMNS, AUDIT_TEXT } from './phrases.js'
import type { Outcome } from './judge.js'
import { appendAll, checkRows, countsLine, driftLines, failures, hasResources, headline, provenance, shortPrincipal, type CheckRow } from './render-rows.js'
import type { AuditResult } from './result.js'

const MARK: Readonly<Record<Outcome, string>> = { held: '✓', failed: '✗', undetermined: '?', error: '!' }
function styleFor(row: CheckRow, pal: Palette): (text: string) => string {
  if (row.outcome === 'held') return pal.allow
  if (row.outcome === 'undetermined' && !row.failing) return pal.unknown
  return row.failing ? pal.deny : pal.unknown
}

function table(rows: readonly CheckRow[], withResource: boolean, pal: Palette, width: number): string[] {
  const column = (id: ColumnId, header: string, cell: (row: CheckRow, i: number) => string): Column => ({ id, header, cells: rows.map(cell) })
  const columns: Column[] = [
    column('mark', '', (row) => MARK[row.outcome]),
    column('expectation', AUDIT_COLUMNS.expectation, (row, i) => (i === 0 || rows[i - 1]!.expectation !== row.expectation ? row.expectation : '')),
    column('principal', AUDIT_COLUMNS.principal, (row) => row.principal),
    column('action', AUDIT_COLUMNS.action, (row) => row.action),
    ...(withResource ? [column('resource', AUDIT_COLUMNS.resource, (row) => row.resource)] : []),
    column('expected', AUDIT_COLUMNS.expected, (row) => row.expected),
    column('actual', AUDIT_COLUMNS.actual, (row) => row.actual),
    column('deciding', AUDIT_COLUMNS.deciding, (row) => row.deciding),
  ]
  const fitted = fitColumns(columns, width)
  // Every column but the last is padded to its widest cell; the last runs on.
  const widths = fitted.map((c) => c.cells.reduce((widest, cell) => Math.max(widest, length(cell)), length(c.header)))
  const pad = (values: readonly string[]) => values.map((v, c) => (c === values.length - 1 ? v : padEnd(v, widths[c]!)))
  return [
    pal.bold(pad(fitted.map((c) => c.header)).join('  ').trimEnd()),
    ...rows.map((row, i) => {
      const [mark, ...rest] = pad(fitted.map((c) => c.cells[i]!))
      // Colour goes on after padding, so escape codes never throw the columns off.
      return [styleFor(row, pal)(mark!), ...rest].join('  ').trimEnd()
    }),
  ]
}

function failureSection(result: AuditResult, pal: Palette): string[] {
  const out: string[] = []
  for (const { expectation, checks } of failures(result)) {
    out.push('', pal.deny(`✗ ${expectation.name}`) + pal.dim(AUDIT_TEXT.expected(expectation.expected)))
    if (expectation.description) out.push(`  ${expectation.description}`)
    for (const error of expectation.errors) out.push(`  ${pal.deny('!')} ${error}`)
    for (const check of checks) {
      const on = check.resource ? ` on ${check.resource}` : ''
      out.push(`  ${shortPrincipal(check.principal)} ${check.action}${on} → ${check.decision ?? AUDIT_TEXT.notChecked}`)
      out.push(`      ${say()['audit.summary'](check.summary)}`)
      for (const gap of check.incomplete) out.push(pal.dim(`      ${AUDIT_TEXT.notRead(gap)}`))
    }
  }
  return out
}

export interface AuditTextOptions {
  readonly color: boolean
  /** Terminal columns; the table is fitted to them (fit-table.ts). Default 100. */
  readonly width?: number
  /** Only the headline, what did not hold and the counts: no table of every check. */
  readonly brief?: boolean
}

export function renderAuditText(result: AuditResult, options: AuditTextOptions): string {
  const pal = palette(options.color)
  const out = [(result.passed ? pal.allow : pal.deny)(headline(result)), pal.dim(provenance(result)), '']
  const rows = checkRows(result)
  if (options.brief) return [...out.slice(0, 2), ...failureSection(result, pal), '', countsLine(result)].join('\n')
  // Appended line by line: a spread of 100,000 rows overflows the call stack.
  if (rows.length) appendAll(out, table(rows, hasResources(result), pal, effectiveWidth(options.width)))
  else out.push(AUDIT_TEXT.noCheck)
  appendAll(out, failureSection(result, pal))
  const warnings = result.expectations.flatMap((e) => e.warnings.map((w) => `${e.name}: ${say()['report.warning'](w)}`))
  if (warnings.length) {
    out.push('', pal.heading(AUDIT_TEXT.warnings))
    appendAll(out, warnings.map((w) => `  • ${w}`))
  }
  if (result.drift) {
    out.push('', pal.heading(AUDIT_TEXT.drift(result.drift.length)))
    out.push(...(result.drift.length ? driftLines(result.drift).map((l) => `  • ${l}`) : [`  ${AUDIT_TEXT.noDrift}`]))
  }
  out.push('', countsLine(result))
  return out.join('\n')
}
