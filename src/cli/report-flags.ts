import { Flags } from '@oclif/core'

/** Flags that shape a report for people: how much of it, and how wide. */
export const reportLayoutFlags = {
  brief: Flags.boolean({ description: 'The answer in at most ten lines: verdict, deciding statement, the one thing to change, the assumptions.', default: false }),
  wide: Flags.boolean({ description: 'Do not fit the report to the terminal: keep long lines, every audit column and whole ARNs.', default: false }),
}

/** Columns a report is laid out in when standard output is not a terminal (a pipe, a CI log). */
export const PIPED_WIDTH = 80
/** "As wide as it needs": no line is wrapped and no column dropped. */
export const UNLIMITED_WIDTH = 10_000

/** The report's width: the terminal's, a fixed width when piped, or unlimited with --wide. */
export function reportWidth(flags: { readonly wide?: boolean | undefined }, stream: { readonly isTTY?: boolean; readonly columns?: number } = process.stdout): number {
  if (flags.wide) return UNLIMITED_WIDTH
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : PIPED_WIDTH
}

/** The render options these flags give. */
export function reportLayout(flags: { readonly wide?: boolean | undefined; readonly brief?: boolean | undefined }): { width: number; brief: boolean } {
  return { width: reportWidth(flags), brief: Boolean(flags.brief) }
}
