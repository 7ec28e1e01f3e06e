/** An audit result in the format asked for: text, markdown, or the JSON document. */
import { inLanguage, type Lang } from '../i18n/index.js'
import type { ReportFormat } from '../report/index.js'
import { renderAuditMarkdown } from './render-markdown.js'
import { renderAuditText } from './render-text.js'
import type { AuditResult } from './result.js'

export { renderAuditJunit } from './render-junit.js'

export interface AuditRenderOptions {
  readonly color: boolean
  readonly width?: number
  readonly brief?: boolean
  readonly lang?: Lang
}

export function renderAudit(result: AuditResult, format: ReportFormat, options: AuditRenderOptions): string {
  if (format === 'json') return JSON.stringify(result, null, 2)
  // Every phrase the renderers ask for comes from the catalogue of options.lang (audit/phrases.ts).
  return inLanguage(options.lang, () => (format === 'markdown' ? renderAuditMarkdown(result) : renderAuditText(result, options)))
}
