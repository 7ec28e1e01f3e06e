/**
 * Processor time per thread of a child process, from Linux's /proc/PID/task/TID/stat, read
 * every 50 ms while it runs (a thread's figure is its last reading: a worker thread that
 * ends is still counted). On a shared machine the clock says how long the run waited for a
 * processor as much as how long it worked; the processor time per thread says what each
 * thread cost, and whether the main thread's share is the run's critical path.
 */
import { readdirSync, readFileSync } from 'node:fs'

export interface ThreadCpu {
  /** Seconds of processor time of the main thread. */
  readonly mainS: number
  /** The other threads' seconds, largest first (worker threads, then the engine's helpers). */
  readonly otherS: readonly number[]
  readonly totalS: number
}

const TICK_S = 0.01 // USER_HZ is 100 on Linux

function threadTimes(pid: number, into: Map<number, number>): void {
  let tids: string[]
  try {
    tids = readdirSync(`/proc/${pid}/task`)
  } catch {
    return
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      into.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * TICK_S)
    } catch {
      // The thread ended between the listing and the read: its last reading stands.
    }
  }
}

/** The process to watch: `pid`, or its only child when `pid` is a wrapper such as /usr/bin/time. */
function target(pid: number, wrapped: boolean): number | null {
  if (!wrapped) return pid
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    return children.length ? Number(children[0]) : null
  } catch {
    return null
  }
}

/** Starts sampling; `stop()` (call it when the child has exited) gives the figures, or null without /proc. */
export function watchThreads(pid: number, wrapped: boolean): { stop: () => ThreadCpu | null } {
  const times = new Map<number, number>()
  let watched: number | null = null
  const sample = () => {
    watched ??= target(pid, wrapped)
    if (watched !== null) threadTimes(watched, times)
  }
  sample()
  const timer = setInterval(sample, 50)
  return {
    stop: () => {
      clearInterval(timer)
      if (watched === null || times.size === 0) return null
      const mainS = times.get(watched) ?? 0
      const otherS = [...times].filter(([tid]) => tid !== watched).map(([, s]) => s).sort((a, b) => b - a)
      return { mainS, otherS, totalS: mainS + otherS.reduce((a, b) => a + b, 0) }
    },
  }
}
