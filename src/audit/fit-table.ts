/**
 * Fits the audit's check table to the terminal. The failure list under the table shows every
 * value whole, so the table may shorten; it does so in a fixed order, each step only while
 * the table is still too wide:
 *
 *   1. the deciding statement (last column) is cut at the end, down to 24 characters;
 *   2. principals and resources are shortened in the middle (`arn:aws:s3:::data…/01.json`),
 *      keeping both ends, down to 24 characters;
 *   3. the deciding statement column is dropped;
 *   4. the expected column is dropped (the ✓/✗ mark says whether the expectation held);
 *   5. expectation names are cut at the end, down to 16 characters;
 *   6. the resource column is dropped;
 *   7. principals are shortened further, then expectation names, down to 12 characters.
 *
 * `--wide` skips all of it. What is left may still be wider than a very narrow terminal.
 */
import { cutColumns } from '../i18n/index.js'
import { length } from '../report/layout.js'

export type ColumnId = 'mark' | 'expectation' | 'principal' | 'action' | 'resource' | 'expected' | 'actual' | 'deciding'

export interface Column {
  readonly id: ColumnId
  readonly header: string
  readonly cells: readonly string[]
}

const GAP = 2
const MIN_DECIDING = 24
const MIN_ARN = 24
const MIN_NAME = 16
const MIN_LAST = 12

/** `abc…xyz`: both ends kept, so the account and the name stay readable. */
export function shortenMiddle(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const head = Math.ceil((max - 1) / 2)
  const tail = Math.floor((max - 1) / 2)
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`
}

/** `abcdef…`: the start kept, within `max` terminal columns (a wide character takes two). */
export function cutEnd(text: string, max: number): string {
  return cutColumns(text, max)
}

function columnWidth(column: Column): number {
  // A loop, not Math.max(...cells): a spread of 100,000 cells overflows the call stack.
  return column.cells.reduce((widest, cell) => Math.max(widest, length(cell)), length(column.header))
}

export function tableWidth(columns: readonly Column[]): number {
  return columns.reduce((sum, c) => sum + columnWidth(c), 0) + GAP * Math.max(0, columns.length - 1)
}

function shorten(column: Column, max: number, how: (text: string, max: number) => string): Column {
  return { ...column, cells: column.cells.map((c) => how(c, max)) }
}

type Step = { readonly drop: ColumnId } | { readonly shrink: readonly ColumnId[]; readonly floor: number; readonly how: (text: string, max: number) => string }

const STEPS: readonly Step[] = [
  { shrink: ['deciding'], floor: MIN_DECIDING, how: cutEnd },
  { shrink: ['resource', 'principal'], floor: MIN_ARN, how: shortenMiddle },
  { drop: 'deciding' },
  { drop: 'expected' },
  { shrink: ['expectation'], floor: MIN_NAME, how: cutEnd },
  { drop: 'resource' },
  { shrink: ['principal'], floor: MIN_LAST, how: shortenMiddle },
  { shrink: ['expectation'], floor: MIN_LAST, how: cutEnd },
]

/**
 * The columns with the fewest of the steps above that make them fit `width`: the first k steps
 * for the smallest k that fits (or all of them). Drops apply first, then each shrink takes
 * only what is still missing, so a column dropped at step 3 leaves room that step 2's
 * shortening no longer has to take.
 */
export function fitColumns(columns: readonly Column[], width: number): Column[] {
  let cols = [...columns]
  for (let k = 0; k <= STEPS.length; k++) {
    const steps = STEPS.slice(0, k)
    const dropped = new Set(steps.flatMap((step) => ('drop' in step ? [step.drop] : [])))
    cols = columns.filter((c) => !dropped.has(c.id))
    for (const step of steps) if ('shrink' in step) cols = shrinkColumns(cols, step.shrink, step.floor, step.how, width)
    if (tableWidth(cols) <= width) return cols
  }
  return cols
}

function shrinkColumns(columns: readonly Column[], ids: readonly ColumnId[], floor: number, how: (text: string, max: number) => string, width: number): Column[] {
  const cols = [...columns]
  for (const id of ids) {
    const over = tableWidth(cols) - width
    const i = cols.findIndex((c) => c.id === id)
    if (i < 0 || over <= 0) continue
    const current = columnWidth(cols[i]!)
    const target = Math.max(floor, current - over, length(cols[i]!.header))
    if (target < current) cols[i] = shorten(cols[i]!, target, how)
  }
  return cols
}
