/**
 * The words of the audit's text and markdown reports that are not built from a verdict: the
 * column headers and the section headings, in one place for a message catalogue to take over.
 */

/** Column headers of the check table (text: lower case, as in a terminal table). */
export const AUDIT_COLUMNS = {
  expectation: 'expectation',
  principal: 'principal',
  action: 'action',
  resource: 'resource',
  expected: 'expected',
  actual: 'actual',
  deciding: 'deciding statement',
} as const

/** The text report's words outside the table. */
export const AUDIT_TEXT = {
  noCheck: 'No check in this run.',
  warnings: 'Warnings',
  drift: (n: number): string => `Changed since the baseline (${n})`,
  noDrift: 'nothing: every verdict is as before',
  notChecked: 'could not be checked',
  notRead: (gap: string): string => `not read: ${gap}`,
  expected: (what: string): string => ` (expected ${what})`,
} as const

/** Markdown column headers and headings. */
export const AUDIT_MARKDOWN = {
  columns: ['', 'Expectation', 'Principal', 'Action', 'Resource', 'Expected', 'Actual', 'Deciding statement'],
  summaryColumns: ['', 'Expectation', 'Expected', 'Checks', 'Held', 'Failed'],
  summary: 'Summary',
  checks: 'Every check',
  failed: 'What did not hold',
  warnings: 'Warnings',
  drift: (n: number): string => `Changed since the baseline (${n})`,
  noDrift: 'Nothing: every verdict is as before.',
  expected: (what: string): string => `Expected: **${what}**.`,
  notChecked: 'could not be checked',
  noAllowIn: (layer: string): string => `✗ no Allow in ${layer}`,
  notRead: (gap: string): string => `⚠ not read: ${gap}`,
} as const
