/**
 * The condition values side by side: operator | key | policy values | request values | result,
 * one value per line inside a cell, with each clause's `why` sentence in a last column when
 * the terminal is wide enough, or under the table when it is not. Values are never cut short
 * (the exception ARN is usually the whole point), so when even the table without `why` does
 * not fit, each clause is shown as a small block of labelled lines instead.
 * Every cell comes from the finding's ConditionTrace.
 */
import type { ConditionTrace, StatementFinding } from '../model/index.js'
import type { Palette, Style } from './colors.js'
import { length, padEnd, wrap } from './layout.js'
import { say } from '../i18n/index.js'
import { formatRequestValues, formatResult } from './wording.js'

/** The table's column headers, in the language being spoken. */
function headersNow(): string[] {
  const columns = say()['report.columns']
  return ['operator', 'key', 'policyValues', 'requestValues', 'result'].map((k) => columns[k]!)
}
const whyHeader = (): string => say()['report.columns'].why!
const whyOf = (trace: ConditionTrace): string => say()['report.why'](trace)
const GAP = '  '

/** The cells of one clause, each a list of lines (one per value). */
function clauseCells(trace: ConditionTrace): string[][] {
  const requestValues =
    trace.requestValues === null || trace.requestValues === 'unknown' || trace.requestValues.length === 0
      ? [formatRequestValues(trace.requestValues)]
      : [...trace.requestValues]
  const policyValues = trace.policyValues.length > 0 ? [...trace.policyValues] : [say()['report.values'].none!]
  return [[trace.operator], [trace.key], policyValues, requestValues, [formatResult(trace.result)]]
}

export function renderConditionTable(
  traces: readonly ConditionTrace[],
  effect: StatementFinding['effect'],
  pal: Palette,
  width: number,
  prefix: string,
): string[] {
  if (traces.length === 0) return []
  const HEADERS = headersNow()
  const rows = traces.map(clauseCells)
  const budget = width - length(prefix)
  const widths = HEADERS.map((header, column) => Math.max(length(header), ...rows.flatMap((row) => (row[column] ?? []).map(length))))
  const tableWidth = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (widths.length - 1)
  if (tableWidth > budget) return renderClauseBlocks(traces, effect, pal, width, prefix)

  const whyWidth = Math.max(length(whyHeader()), ...traces.map((t) => length(whyOf(t))))
  const whyInColumn = tableWidth + GAP.length + whyWidth <= budget
  const allWidths = whyInColumn ? [...widths, whyWidth] : widths

  const line = (cells: readonly string[], styles: readonly (Style | undefined)[]): string => {
    // Continuation rows leave the last cells empty; drop them, and pad nothing after the last
    // cell shown, so no line ends in spaces (hidden inside escape codes or not).
    let last = cells.length - 1
    while (last > 0 && cells[last] === '') last -= 1
    const parts = cells.slice(0, last + 1).map((cell, column) => {
      const style = styles[column] ?? ((s: string) => s)
      return column === last ? style(cell) : style(padEnd(cell, allWidths[column] ?? 0))
    })
    return prefix + parts.join(GAP)
  }

  const headers = whyInColumn ? [...HEADERS, whyHeader()] : [...HEADERS]
  const out = [line(headers, headers.map(() => pal.bold))]
  traces.forEach((trace, i) => {
    const cells = [...(rows[i] ?? []), ...(whyInColumn ? [[whyOf(trace)]] : [])]
    const height = Math.max(...cells.map((c) => c.length))
    const styles = [undefined, undefined, undefined, undefined, resultStyleFor(trace, effect, pal)]
    for (let r = 0; r < height; r++) out.push(line(cells.map((c) => c[r] ?? ''), styles))
  })
  if (!whyInColumn) {
    for (const trace of traces) out.push(...wrap(`${trace.key}: ${whyOf(trace)}`, width, `${prefix}• `, `${prefix}  `).map(pal.dim))
  }
  return out
}

/** The narrow layout: one labelled block per clause. */
function renderClauseBlocks(traces: readonly ConditionTrace[], effect: StatementFinding['effect'], pal: Palette, width: number, prefix: string): string[] {
  const out: string[] = []
  const label = (name: string): string => `${prefix}  ${padEnd(`${name}:`, 16)}`
  const continuation = `${prefix}  ${' '.repeat(16)}`
  for (const trace of traces) {
    const [, , policyValues = [], requestValues = []] = clauseCells(trace)
    out.push(`${prefix}${trace.operator} ${trace.key} → ${resultStyleFor(trace, effect, pal)(formatResult(trace.result))}`)
    const columns = say()['report.columns']
    policyValues.forEach((value, i) => out.push(`${i === 0 ? label(columns.policyValues!) : continuation}${value}`))
    requestValues.forEach((value, i) => out.push(`${i === 0 ? label(columns.requestValues!) : continuation}${value}`))
    out.push(...wrap(whyOf(trace), width, label(whyHeader()), continuation).map(pal.dim))
  }
  return out
}

function resultStyleFor(trace: ConditionTrace, effect: StatementFinding['effect'], pal: Palette): Style {
  if (trace.result === 'unknown') return pal.unknown
  if (trace.result === false) return pal.dim
  return effect === 'Deny' ? pal.deny : pal.allow
}
