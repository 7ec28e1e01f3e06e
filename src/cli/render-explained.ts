import type { Explained } from '../explain/explain.js'
import { messages, type Lang } from '../i18n/index.js'
import { renderVerdict, verdictJsonWithIntake, type ReportFormat } from '../report/index.js'

/** Each explained input: its verdict with the intake header, or why it could not be diagnosed. */
export function renderExplained(
  results: readonly Explained[],
  format: ReportFormat,
  color: boolean,
  layout: { readonly width?: number; readonly brief?: boolean; readonly lang?: Lang } = {},
): string {
  const m = messages(layout.lang)
  if (format === 'json') {
    const objects = results.map((r) =>
      r.verdict ? verdictJsonWithIntake(r.verdict, r.intakeObject, r.origin) : { error: r.error, intake: r.intakeObject },
    )
    return objects.length === 1 ? JSON.stringify(objects[0], null, 2) : objects.map((o) => JSON.stringify(o)).join('\n')
  }
  const rule = format === 'markdown' ? '\n\n---\n\n' : `\n\n${'─'.repeat(72)}\n\n`
  return results
    .map((r) => {
      if (r.verdict) return renderVerdict(r.verdict, format, { color, origin: r.origin, intake: r.intakeObject, ...layout })
      const read = Object.entries(r.intakeObject)
        .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
        .flatMap(([k, v]) => (k === 'notes' && Array.isArray(v) ? v.map((note) => `  ${k}: ${m['report.note'](String(note))}`) : [`  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`]))
      // Why it was not diagnosed: a note of intake's, or a source's or reader's refusal.
      const why = r.error ?? ''
      const said = m['report.note'](why)
      return [m['cli.notDiagnosed'](said === why ? m['cli.inputProblem'](why) : said), '', m['cli.readFromInput'], ...read].join('\n')
    })
    .join(rule)
}
