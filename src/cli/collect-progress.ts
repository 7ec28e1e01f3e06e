/**
 * The progress bar of `collect` on stderr: accounts done out of the total, and AWS calls made.
 * Only on a terminal and never with --json (scripts read stdout, and stderr stays clean for them).
 */
import { messages, type Lang } from '../i18n/index.js'

export interface ProgressStream {
  readonly isTTY?: boolean | undefined
  readonly columns?: number | undefined
  write(text: string): boolean
}

const BAR_WIDTH = 20
/** Redraw at most this often for calls; an account finishing redraws at once. */
const REDRAW_MS = 100

export class CollectProgress {
  private calls = 0
  private done = 0
  private total: number | null = null
  private lastDraw = Number.NEGATIVE_INFINITY
  private drawn = false

  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled: boolean,
    private readonly now: () => number = () => performance.now(),
    private readonly lang: Lang = 'en',
  ) {}

  /** Whether anything will be drawn: asked for, and stderr is a terminal. */
  get active(): boolean {
    return this.enabled && Boolean(this.stream.isTTY)
  }

  call(): void {
    this.calls++
    if (this.now() - this.lastDraw >= REDRAW_MS) this.draw()
  }

  account(done: number, total: number): void {
    this.done = done
    this.total = total
    this.draw()
  }

  /** Clears the line, so that what follows starts clean. */
  stop(): void {
    if (this.active && this.drawn) this.stream.write('\r\x1b[K')
    this.drawn = false
  }

  /** The line as drawn (without the carriage return), for tests. */
  line(): string {
    const m = messages(this.lang)
    if (this.total === null) return m['progress.collecting'](this.calls)
    const filled = this.total === 0 ? BAR_WIDTH : Math.round((this.done / this.total) * BAR_WIDTH)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`
    return m['progress.accounts'](bar, this.done, this.total, this.calls)
  }

  private draw(): void {
    if (!this.active) return
    this.lastDraw = this.now()
    const width = this.stream.columns ?? 80
    this.stream.write(`\r${this.line().slice(0, Math.max(10, width - 1))}\x1b[K`)
    this.drawn = true
  }
}
