/**
 * One progress line on standard error while a long audit runs — "audit: 37/120 checks, 2
 * failing" — rewritten in place. Only on a terminal and never with JSON output: scripts and
 * job logs get the report and nothing else.
 */
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

/** ", 1 failed, 3 undetermined, 1 could not be run": the summary's words, zeros left out. */
function counts({ failing, outcomes }: AuditProgress): string {
  if (!outcomes) return failing ? `, ${failing} failing` : ''
  const parts = [
    [outcomes.failed, 'failed'],
    [outcomes.undetermined, 'undetermined'],
    [outcomes.error, 'could not be run'],
  ] as const
  return parts.filter(([n]) => n > 0).map(([n, words]) => `, ${n} ${words}`).join('')
}

export function progressLine(enabled: boolean, stream: Terminal = process.stderr, clock: () => number = () => performance.now()): ProgressLine {
  if (!enabled || !stream.isTTY) return QUIET
  let last = -Infinity
  let shown = false
  return {
    update(progress) {
      const { done, total } = progress
      const now = clock()
      if (done < total && now - last < INTERVAL_MS) return
      last = now
      shown = true
      stream.write(`\r\x1b[Kaudit: ${done}/${total} checks${counts(progress)}`)
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
    },
  }
}
