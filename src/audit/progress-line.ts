/**
 * One progress line on standard error while a long audit runs — "audit: 37/120 checks, 2
 * failing" — rewritten in place. Only on a terminal and never with JSON output: scripts and
 * job logs get the report and nothing else.
 */
import { messages, type Lang } from '../i18n/index.js'
import type { AuditProgress } from './run.js'

export interface ProgressLine {
  update(progress: AuditProgress): void
  /** Clears the line (the report follows on stdout). */
  done(): void
}

interface Terminal {
  readonly isTTY?: boolean
  write(text: string): unknown
}

const QUIET: ProgressLine = { update: () => undefined, done: () => undefined }
/** Redraws at most this often: a fast snapshot audit would otherwise flood the terminal. */
const INTERVAL_MS = 100

export function progressLine(enabled: boolean, stream: Terminal = process.stderr, clock: () => number = () => performance.now(), lang: Lang = 'en'): ProgressLine {
  if (!enabled || !stream.isTTY) return QUIET
  const m = messages(lang)
  let last = -Infinity
  let shown = false
  return {
    update(progress) {
      const { done, total, failing } = progress
      const now = clock()
      if (done < total && now - last < INTERVAL_MS) return
      last = now
      shown = true
      stream.write(`\r\x1b[K${m['progress.audit'](done, total, failing, progress.outcomes)}`)
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
    },
  }
}
