/**
 * The words of the audit's text and markdown reports that are not built from a verdict: the
 * column headers and the section headings. They come from the message catalogue of the
 * language being spoken (src/i18n, set by renderAudit), read when used.
 */
import { say } from '../i18n/index.js'

/** Column headers of the check table (text: lower case, as in a terminal table). */
export const AUDIT_COLUMNS = {
  get expectation() { return say()['audit.column.expectation'] },
  get principal() { return say()['audit.column.principal'] },
  get action() { return say()['audit.column.action'] },
  get resource() { return say()['audit.column.resource'] },
  get expected() { return say()['audit.column.expected'] },
  get actual() { return say()['audit.column.actual'] },
  get deciding() { return say()['audit.column.deciding'] },
}

/** The text report's words outside the table. */
export const AUDIT_TEXT = {
  get noCheck() { return say()['audit.noCheck'] },
  get warnings() { return say()['audit.warnings'] },
  drift: (n: number): string => say()['audit.drift'](n),
  get noDrift() { return say()['audit.noDrift'] },
  get notChecked() { return say()['audit.couldNotCheck'] },
  notRead: (gap: string): string => say()['audit.notRead'](gap),
  expected: (what: string): string => say()['audit.expectedParen'](what),
}

const column = (key: string): string => say()['audit.md.column'][key]!

/** Markdown column headers and headings. */
export const AUDIT_MARKDOWN = {
  get columns() { return ['', ...['expectation', 'principal', 'action', 'resource', 'expected', 'actual', 'deciding'].map(column)] },
  get summaryColumns() { return ['', ...['expectation', 'expected', 'checks', 'held', 'failed'].map(column)] },
  get summary() { return say()['audit.md.summary'] },
  get checks() { return say()['audit.md.checks'] },
  get failed() { return say()['audit.md.didNotHold'] },
  get warnings() { return say()['audit.warnings'] },
  drift: (n: number): string => say()['audit.drift'](n),
  get noDrift() { return say()['audit.noDriftSentence'] },
  expected: (what: string): string => say()['audit.md.expected'](what),
  get notChecked() { return say()['audit.couldNotCheck'] },
  noAllowIn: (layer: string): string => say()['audit.md.noAllowIn'](layer),
  notRead: (gap: string): string => say()['audit.md.notRead'](gap),
}
