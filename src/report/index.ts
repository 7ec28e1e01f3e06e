/**
 * Verdict → string, for people (text, markdown) and machines (json). Renderers never print
 * and never re-run matching: everything they show comes from the Verdict.
 */
import { inLanguage, type Lang } from '../i18n/index.js'
import type { Verdict } from '../model/index.js'
import { verdictJsonWithIntake } from './json.js'
import { renderMarkdown } from './markdown.js'
import { renderText } from './text.js'
import { palette } from './colors.js'
import { effectiveWidth } from './layout.js'

export { verdictJsonPieces, verdictJsonWithIntake, verdictToJson } from './json.js'
export { briefLines, BRIEF_LINES } from './brief.js'

export const REPORT_FORMATS = ['text', 'json', 'markdown'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface RenderOptions {
  readonly color: boolean          // the command decides: on a TTY and no NO_COLOR
  readonly width?: number          // terminal columns, default 100
  /** The answer in at most ten lines (text); the brief answer and the picture (markdown). */
  readonly brief?: boolean
  /** Extra lines about provenance: "from snapshot taken 2026-11-01T10:00Z", "live account 111111111111". */
  readonly origin?: string | null
  /** For `explain`: what was read from the user's input (the contract's `intake` object) — render it in a short header when present. */
  readonly intake?: Readonly<Record<string, unknown>> | null
  /** The language of text and markdown (default English); JSON is the same in every language. */
  readonly lang?: Lang
}

/** One verdict. JSON is one pretty-printed object; no trailing newline in any format. */
export function renderVerdict(verdict: Verdict, format: ReportFormat, options: RenderOptions): string {
  return inLanguage(options.lang, () => renderOne(verdict, format, options))
}

function renderOne(verdict: Verdict, format: ReportFormat, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(verdict, options)
    case 'markdown':
      return renderMarkdown(verdict, options)
    case 'json':
      return JSON.stringify(verdictJsonWithIntake(verdict, options.intake, options.origin), null, 2)
  }
}

/**
 * Several cases. Text and markdown: one report after another, separated by a rule. JSON: one
 * compact object per line (JSON Lines), in the same order, as the contract requires.
 */
export function renderVerdicts(verdicts: readonly Verdict[], format: ReportFormat, options: RenderOptions): string {
  return inLanguage(options.lang, () => renderMany(verdicts, format, options))
}

function renderMany(verdicts: readonly Verdict[], format: ReportFormat, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return verdicts.map((verdict) => JSON.stringify(verdictJsonWithIntake(verdict, options.intake, options.origin))).join('\n')
    case 'markdown':
      return verdicts.map((verdict) => renderMarkdown(verdict, options)).join('\n\n---\n\n')
    case 'text': {
      const rule = '─'.repeat(effectiveWidth(options.width))
      return verdicts.map((verdict) => renderText(verdict, options)).join(`\n\n${palette(options.color).dim(rule)}\n\n`)
    }
  }
}
