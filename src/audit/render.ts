/** An audit result in the format asked for: text, markdown, or the JSON document. */
import type { Lang } from '../i18n/index.js'
import type { ReportFormat } from '../report/index.js'
import { renderAuditMarkdown } from './render-markdown.js'
import { renderAuditText } from './render-text.js'
import type { AuditResult } from './result.js'

export { renderAuditJunit } from './render-junit.js'

export function renderAudit(result: AuditResult, format: ReportFormat, options: { readonly color: boolean; readonly lang?: Lang }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result, null, 2)
    case 'markdown':
      return renderAuditMarkdown(result, options.lang)
    case 'text':
      return renderAuditText(result, options)
  }
}
