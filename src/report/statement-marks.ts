/**
 * A statement's JSON, pretty-printed exactly as `JSON.stringify(statement, null, 2)` would,
 * with the lines that decided the match marked: the Action/Resource/Principal value named by
 * the finding and each condition key, with its result. The marks come from the finding's own
 * fields (`matchedAction`, `matchedResource`, `matchedPrincipal`, `conditions`): nothing is
 * matched again here.
 */
import { say } from '../i18n/index.js'
import type { ConditionTrace, StatementFinding } from '../model/index.js'
import type { Palette, Style } from './colors.js'
import { length, padEnd } from './layout.js'

export type JsonPath = readonly (string | number)[]

export interface PrintedLine {
  readonly text: string
  /** The path of the value this line opens or holds. Closing brackets carry their container's path. */
  readonly path: JsonPath
  /** The value, for lines that hold a primitive. */
  readonly leaf?: string | number | boolean | null
  readonly closing?: boolean
}

interface ArrayBlock {
  /** Line indices of the array's items, when every item is a primitive (one line each). */
  readonly items: readonly number[]
}

export type MarkTone = 'match' | 'false' | 'unknown'

export interface LineMark {
  readonly label: string
  readonly tone: MarkTone
}

export interface MarkedLine {
  readonly text: string
  readonly mark: LineMark | null
}

/** The line layout of `JSON.stringify(value, null, 2)`, with each line's path. */
export function printJson(value: unknown): { lines: PrintedLine[]; arrays: ArrayBlock[] } {
  const lines: PrintedLine[] = []
  const arrays: ArrayBlock[] = []
  emit(value, [], 0, '', '', lines, arrays)
  return { lines, arrays }
}

function skippedInObject(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

function emit(value: unknown, path: JsonPath, level: number, prefix: string, suffix: string, lines: PrintedLine[], arrays: ArrayBlock[]): void {
  const pad = '  '.repeat(level)
  if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push({ text: `${pad}${prefix}[]${suffix}`, path })
      return
    }
    lines.push({ text: `${pad}${prefix}[`, path })
    const items: number[] = []
    let allPrimitive = true
    value.forEach((item: unknown, i) => {
      const v = skippedInObject(item) ? null : item
      if (v !== null && typeof v === 'object') allPrimitive = false
      items.push(lines.length)
      emit(v, [...path, i], level + 1, '', i < value.length - 1 ? ',' : '', lines, arrays)
    })
    lines.push({ text: `${pad}]${suffix}`, path, closing: true })
    if (allPrimitive) arrays.push({ items })
    return
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).filter((k) => !skippedInObject(record[k]))
    if (keys.length === 0) {
      lines.push({ text: `${pad}${prefix}{}${suffix}`, path })
      return
    }
    lines.push({ text: `${pad}${prefix}{`, path })
    keys.forEach((key, i) => {
      emit(record[key], [...path, key], level + 1, `${JSON.stringify(key)}: `, i < keys.length - 1 ? ',' : '', lines, arrays)
    })
    lines.push({ text: `${pad}}${suffix}`, path, closing: true })
    return
  }
  const leaf = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null
  lines.push({ text: `${pad}${prefix}${JSON.stringify(leaf) ?? 'null'}${suffix}`, path, leaf })
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i])
}

function startsWith(path: JsonPath, base: JsonPath): boolean {
  return path.length >= base.length && base.every((part, i) => part === path[i])
}

/** Element names as written: IAM spells them one way, but hand-written policies vary in case. */
export function findKey(record: unknown, name: string): string | null {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null
  const lower = name.toLowerCase()
  return Object.keys(record).find((k) => k.toLowerCase() === lower) ?? null
}

/** Marks for each line of the printed statement (same indices as `printJson(...).lines`). */
export function markLines(finding: StatementFinding, lines: readonly PrintedLine[]): (LineMark | null)[] {
  const marks: (LineMark | null)[] = lines.map(() => null)
  const statement = finding.statement

  const put = (index: number, mark: LineMark): void => {
    const previous = marks[index]
    marks[index] = previous ? { label: `${previous.label}, ${mark.label}`, tone: previous.tone } : mark
  }
  const openingLine = (path: JsonPath): number => lines.findIndex((l) => !l.closing && samePath(l.path, path))
  /** Marks the leaves under `base` equal to `target`; failing that, the element's own line. */
  const markValue = (base: JsonPath, target: string | null, label: string, caseInsensitive: boolean): void => {
    const wanted = caseInsensitive ? target?.toLowerCase() : target
    let found = false
    if (wanted !== undefined && wanted !== null) {
      lines.forEach((line, i) => {
        if (typeof line.leaf !== 'string' || !startsWith(line.path, base)) return
        const value = caseInsensitive ? line.leaf.toLowerCase() : line.leaf
        if (value === wanted) {
          put(i, { label, tone: 'match' })
          found = true
        }
      })
    }
    if (!found) {
      const at = openingLine(base)
      if (at >= 0) put(at, { label, tone: 'match' })
    }
  }

  // Action names are case-insensitive; resource ARNs and principals are not.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
  const action = findKey(statement, 'Action')
  const notAction = findKey(statement, 'NotAction')
  const words = say()['report.marks']
  if (action) markValue([action], finding.matchedAction, words.matchedAction!, true)
  else if (notAction) markValue([notAction], null, words.actionNotListed!, false)

  const resource = findKey(statement, 'Resource')
  const notResource = findKey(statement, 'NotResource')
  if (resource) markValue([resource], finding.matchedResource, words.matchedResource!, false)
  else if (notResource) markValue([notResource], null, words.resourceNotListed!, false)

  const principal = findKey(statement, 'Principal')
  const notPrincipal = findKey(statement, 'NotPrincipal')
  if (principal && finding.matchedPrincipal !== null) markValue([principal], finding.matchedPrincipal, words.matchedPrincipal!, false)
  else if (notPrincipal) markValue([notPrincipal], null, words.principalNotListed!, false)

  const condition = findKey(statement, 'Condition')
  if (condition) {
    const block = (statement as Record<string, unknown>)[condition]
    for (const trace of finding.conditions) {
      const operator = findKey(block, trace.operator)
      if (!operator) continue
      const key = findKey((block as Record<string, unknown>)[operator], trace.key)
      if (!key) continue
      const at = openingLine([condition, operator, key])
      if (at >= 0) put(at, conditionMark(trace))
    }
  }
  return marks
}

function conditionMark(trace: ConditionTrace): LineMark {
  const tone: MarkTone = trace.result === 'unknown' ? 'unknown' : trace.result ? 'match' : 'false'
  const words = say()['report.marks']
  return { label: trace.result === 'unknown' ? words.conditionUnknown! : trace.result ? words.conditionTrue! : words.conditionFalse!, tone }
}

/** Arrays longer than this show their first few items and the marked ones, in text reports. */
const ELIDE_OVER = 12
const KEEP_FIRST = 3

/** The statement's lines with their marks; long value lists are shortened unless `full`. */
export function markedStatement(finding: StatementFinding, full = false): MarkedLine[] {
  const { lines, arrays } = printJson(finding.statement)
  const marks = markLines(finding, lines)
  const hidden = new Set<number>()
  if (!full) {
    for (const block of arrays) {
      if (block.items.length <= ELIDE_OVER) continue
      block.items.forEach((lineIndex, position) => {
        if (position >= KEEP_FIRST && !marks[lineIndex]) hidden.add(lineIndex)
      })
    }
  }
  const out: MarkedLine[] = []
  let run = 0
  let runIndent = ''
  const flush = (): void => {
    if (run > 0) out.push({ text: `${runIndent}… ${run} more`, mark: null })
    run = 0
  }
  lines.forEach((line, i) => {
    if (hidden.has(i)) {
      if (run === 0) runIndent = /^\s*/.exec(line.text)?.[0] ?? ''
      run += 1
      return
    }
    flush()
    out.push({ text: line.text, mark: marks[i] ?? null })
  })
  flush()
  return out
}

/**
 * The statement for the text report: indented, marked lines coloured (red for a Deny, green
 * for an Allow) and a `◀ matched action` margin note on each, aligned when the width allows,
 * so piped output without colour still shows what matched.
 */
export function renderMarkedStatement(finding: StatementFinding, pal: Palette, width: number, prefix: string): string[] {
  const lines = markedStatement(finding)
  const labelWidth = Math.max(0, ...lines.map((l) => (l.mark ? length(markerText(l.mark)) : 0)))
  const widest = Math.max(0, ...lines.map((l) => length(prefix + l.text)))
  const column = Math.min(widest + 2, width - labelWidth)
  return lines.map((line) => {
    const text = prefix + line.text
    if (!line.mark) return [text]
    const style = toneStyle(line.mark.tone, finding.effect, pal)
    // Too long for the mark beside it: the mark goes on the line below, pointing up.
    if (length(text) + 2 + length(markerText(line.mark)) > width) {
      const indent = /^\s*/.exec(text)?.[0] ?? ''
      return [`${prefix}${style(line.text)}`, `${indent}${style(markerBelowText(line.mark))}`]
    }
    const gap = length(text) + 2 > column ? `${text}  ` : padEnd(text, column)
    const padding = gap.slice(text.length)
    return [`${prefix}${style(line.text)}${padding}${style(markerText(line.mark))}`]
  }).flat()
}

function markerText(mark: LineMark): string {
  return `◀ ${mark.label}`
}

function markerBelowText(mark: LineMark): string {
  return `▲ ${mark.label}`
}

function toneStyle(tone: MarkTone, effect: StatementFinding['effect'], pal: Palette): Style {
  if (tone === 'unknown') return pal.unknown
  if (tone === 'false') return pal.dim
  return effect === 'Deny' ? pal.deny : pal.allow
}
