/**
 * Whether other work shared the processors during a bench run, from Linux's own counters:
 * the processors' busy time (/proc/stat) minus the bench's own (/proc/self/stat, its finished
 * children included), and the time the hypervisor gave to other machines (steal). A load
 * average cannot tell: it lags by a minute and counts the bench itself.
 *
 * Figures from a shared run are flagged, not compared: with a busy loop beside the bench on a
 * 2-core machine the engine's ratio stayed at 125–137× (against 157× alone), and with two
 * it fell to half its rate, the peer with it; but what other work does to either side is
 * not predictable.
 */
import { readFileSync } from 'node:fs'

export interface CpuSample {
  /** Clock ticks since boot, all processors: busy (not idle, not waiting on disk), stolen, in all. */
  readonly busy: number
  readonly steal: number
  readonly total: number
  /** Ticks this process and its finished children ran. */
  readonly own: number
}

export interface Shared {
  /** Processors' worth of time other work used on average (0.5: half a core all along). */
  readonly otherCores: number
  /** Share of the processors' time the hypervisor gave to other machines. */
  readonly stealShare: number
}

/** null where /proc is not there (macOS, Windows): the run is then not judged. */
export function sampleCpu(): CpuSample | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = cpu
    const self = readFileSync('/proc/self/stat', 'utf8')
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number)
    const own = (fields[11] ?? 0) + (fields[12] ?? 0) + (fields[13] ?? 0) + (fields[14] ?? 0)
    return { busy: user + nice + system + irq + softirq, steal, total: user + nice + system + idle + iowait + irq + softirq + steal, own }
  } catch {
    return null
  }
}

export function sharedBetween(before: CpuSample, after: CpuSample, cores: number): Shared {
  const total = after.total - before.total
  if (total <= 0) return { otherCores: 0, stealShare: 0 }
  const other = Math.max(0, after.busy - before.busy - (after.own - before.own))
  return { otherCores: (other / total) * cores, stealShare: (after.steal - before.steal) / total }
}

/** A warning line when others used more than a quarter of a core, or the host took more than 5 %. */
export function sharedWarning(shared: Shared | null): string | null {
  if (!shared || (shared.otherCores <= 0.25 && shared.stealShare <= 0.05)) return null
  return `WARNING: the processors were shared during the run (other work used ${shared.otherCores.toFixed(2)} cores on average, the host took ${(shared.stealShare * 100).toFixed(0)} % as steal): figures are not comparable; run again on a quiet machine.`
}
