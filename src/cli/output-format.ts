import type { ReportFormat } from '../report/index.js'
import { LocalizedUserError } from './localized-error.js'

/** The flags that choose what stdout carries. */
export interface OutputFormatFlags {
  readonly json: boolean
  /** --format, or --output (the same flag, as in the AWS CLI). */
  readonly format?: string | undefined
}

/**
 * --json, --format FORMAT (or --output FORMAT), text by default. `--format markdown --json` asks
 * for two things at once: refused, rather than one of them silently winning.
 */
export function outputFormatOf(flags: OutputFormatFlags): ReportFormat {
  const format = flags.format as ReportFormat | undefined
  if (flags.json && format !== undefined && format !== 'json') {
    throw new LocalizedUserError((m) => m['cli.jsonAndFormat'](format), 2)
  }
  if (flags.json) return 'json'
  return format ?? 'text'
}
