/**
 * What a recorded run of AWS calls says about waiting. Pure functions over call records.
 *
 * The critical path is the longest chain of calls each of which needs an answer of the one
 * before it. "Needs" is read off the data: a call depends on an earlier call when one of its
 * input values (a policy ARN, a version ID, an OU ID…) first appeared in that call's output and
 * was not known from the query itself. A few calls also wait on purpose, for correctness, on a
 * value the query seems to give already (IAM is read only once the credentials' account is
 * known to be the principal's); those are declared as guards. The result is the fewest
 * round trips any implementation needs, so `wall ≤ (critical path + 1) × latency` says the
 * provider waits for nothing it does not need.
 */

export interface CallRecord {
  readonly id: number
  readonly service: string
  readonly operation: string
  readonly input: unknown
  readonly output: unknown
  /** ms since the run started. */
  readonly start: number
  readonly end: number
}

/** operation → operations it must follow (the earliest finished call of each). */
export type Guards = Readonly<Record<string, readonly string[]>>

/** Every string (and number, as text) inside a value. */
export function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (typeof value === 'number') out.push(String(value))
  else if (Array.isArray(value)) for (const v of value) leaves(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out)
  return out
}

/** What the query tells without asking: its strings and the parts of its ARNs. */
export function knownFromQuery(strings: readonly string[]): Set<string> {
  const known = new Set<string>()
  for (const s of strings) {
    known.add(s)
    for (const part of s.split(/[:/]/)) if (part) known.add(part)
  }
  return known
}

/** Enum words (`SERVICE_CONTROL_POLICY`) are constants of the API, not answers. */
const CONSTANT = /^[A-Z][A-Z_]*$/

/** For each call, the earlier calls it needed an answer from. */
export function dependencies(calls: readonly CallRecord[], known: ReadonlySet<string>, guards: Guards = {}): Map<number, number[]> {
  const ordered = [...calls].sort((a, b) => a.start - b.start || a.id - b.id)
  const outputs = new Map(ordered.map((c) => [c.id, new Set(leaves(c.output))]))
  const depth = new Map<number, number>()
  const deps = new Map<number, number[]>()
  for (const call of ordered) {
    const before = ordered.filter((e) => e.id !== call.id && e.end <= call.start + 1e-6)
    const needed = new Set<number>()
    for (const value of new Set(leaves(call.input))) {
      if (value === '' || known.has(value) || CONSTANT.test(value)) continue
      const providers = before.filter((e) => outputs.get(e.id)!.has(value))
      if (providers.length === 0) continue
      // The value could have come from any of them: the shallowest is what an ideal run waits for.
      providers.sort((a, b) => depth.get(a.id)! - depth.get(b.id)! || a.end - b.end)
      needed.add(providers[0]!.id)
    }
    for (const operation of guards[call.operation] ?? []) {
      const first = before.filter((e) => e.operation === operation).sort((a, b) => a.end - b.end)[0]
      if (first) needed.add(first.id)
    }
    deps.set(call.id, [...needed])
    depth.set(call.id, 1 + Math.max(0, ...[...needed].map((id) => depth.get(id)!)))
  }
  return deps
}

export interface Chain {
  /** Number of calls in the chain. */
  readonly length: number
  readonly chain: readonly CallRecord[]
}

function longest(calls: readonly CallRecord[], predecessors: (call: CallRecord) => readonly CallRecord[]): Chain {
  const ordered = [...calls].sort((a, b) => a.start - b.start || a.id - b.id)
  const best = new Map<number, { length: number; previous: CallRecord | null }>()
  for (const call of ordered) {
    let entry = { length: 1, previous: null as CallRecord | null }
    for (const p of predecessors(call)) {
      const b = best.get(p.id)
      if (b && b.length + 1 > entry.length) entry = { length: b.length + 1, previous: p }
    }
    best.set(call.id, entry)
  }
  let tail: CallRecord | null = null
  for (const call of ordered) if (!tail || best.get(call.id)!.length > best.get(tail.id)!.length) tail = call
  const chain: CallRecord[] = []
  for (let c = tail; c; c = best.get(c.id)!.previous) chain.unshift(c)
  return { length: chain.length, chain }
}

/** The longest chain of calls that needed each other's answers. */
export function criticalPath(calls: readonly CallRecord[], deps: ReadonlyMap<number, readonly number[]>): Chain {
  const byId = new Map(calls.map((c) => [c.id, c]))
  return longest(calls, (call) => (deps.get(call.id) ?? []).map((id) => byId.get(id)!))
}

/** The longest chain of calls that ran one after another (each started once the previous ended): what the run actually waited through. */
export function timelineDepth(calls: readonly CallRecord[], tolerance = 1): Chain {
  return longest(calls, (call) => calls.filter((e) => e.id !== call.id && e.end <= call.start + tolerance))
}

/** Calls made more than once: same service, operation and input. */
export function duplicates(calls: readonly CallRecord[]): string[] {
  const seen = new Map<string, number>()
  for (const c of calls) {
    const key = `${c.service}:${c.operation} ${JSON.stringify(c.input)}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  return [...seen.entries()].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`)
}

/** The most calls in flight at one moment. */
export function peakInFlight(calls: readonly CallRecord[]): number {
  const events = calls.flatMap((c) => [[c.start, 1] as const, [c.end, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let now = 0
  let peak = 0
  for (const [, delta] of events) peak = Math.max(peak, (now += delta))
  return peak
}

/** Calls that started at least `slack` ms after everything they needed had answered. */
export function needlessWaits(calls: readonly CallRecord[], deps: ReadonlyMap<number, readonly number[]>, slack: number): { call: CallRecord; waitedMs: number }[] {
  const byId = new Map(calls.map((c) => [c.id, c]))
  return calls
    .map((call) => {
      const ready = Math.max(0, ...(deps.get(call.id) ?? []).map((id) => byId.get(id)!.end))
      return { call, waitedMs: call.start - ready }
    })
    .filter((w) => w.waitedMs >= slack)
}
