/**
 * Measurement 2, live diagnosis cost: each scenario diagnosed through createAwsProvider with
 * fake clients that answer after a fixed latency. Reports calls, wall time, the critical path
 * (critical-path.ts says how it is computed), the chain the run actually waited through,
 * calls made twice, the peak number in flight, and the calls that waited for nothing.
 */
import { rcpServices } from '../../src/catalogue/index.js'
import { diagnose } from '../../src/diagnose.js'
import { createAwsProvider } from '../../src/sources/aws/provider.js'
import { criticalPath, dependencies, duplicates, knownFromQuery, needlessWaits, peakInFlight, timelineDepth, type Guards } from './critical-path.js'
import { fakeAws } from './fake-aws.js'
import { scenarios } from './scenarios.js'

/**
 * Waits the provider makes on purpose: IAM and the bucket policy are read only once
 * GetCallerIdentity has said which account the credentials are in (a principal or bucket of
 * another account must not be confused with a namesake).
 */
export const GUARDS: Guards = { GetRole: ['GetCallerIdentity'], GetUser: ['GetCallerIdentity'], GetBucketPolicy: ['GetCallerIdentity'] }

export interface LiveResult {
  readonly scenario: string
  readonly decision: string
  readonly calls: number
  readonly wallMs: number
  readonly latencyMs: number
  readonly criticalPath: number
  readonly criticalChain: readonly string[]
  /** Longest chain of calls that ran one after another in this run. */
  readonly waitedChain: number
  readonly waitedChainCalls: readonly string[]
  readonly duplicates: readonly string[]
  readonly peakInFlight: number
  readonly needlessWaits: readonly string[]
  /** The same diagnosis with 64 calls allowed in flight instead of the default 8. */
  readonly wallConcurrency64Ms: number
  /** wall ≤ (critical path + 1) × latency. */
  readonly withinBound: boolean
}

const label = (c: { service: string; operation: string; input: unknown }) => `${c.operation}(${Object.values(c.input as object).filter((v) => typeof v === 'string' && !/^[A-Z_]+$/.test(v)).join(', ')})`

export async function measureLive(latencyMs: number): Promise<LiveResult[]> {
  // One untimed pass first: the SDK loads parts of itself on first use, which is start-up, not diagnosis.
  for (const scenario of scenarios()) {
    const fake = fakeAws(scenario.world, 0, () => 0)
    await diagnose(scenario.query, createAwsProvider({ clients: fake.clients, region: 'us-east-1', rcpServices: rcpServices() }), { assumeAbsent: true, allowUnknownAction: false })
  }
  const out: LiveResult[] = []
  for (const scenario of scenarios()) {
    const wide = fakeAws(scenario.world, latencyMs, () => 0)
    const w0 = performance.now()
    await diagnose(scenario.query, createAwsProvider({ clients: wide.clients, region: 'us-east-1', rcpServices: rcpServices(), concurrency: 64 }), { assumeAbsent: true, allowUnknownAction: false })
    const wallConcurrency64Ms = performance.now() - w0
    let t0 = 0
    const fake = fakeAws(scenario.world, latencyMs, () => performance.now() - t0)
    const provider = createAwsProvider({ clients: fake.clients, region: 'us-east-1', rcpServices: rcpServices() })
    t0 = performance.now()
    const { verdict } = await diagnose(scenario.query, provider, { assumeAbsent: true, allowUnknownAction: false })
    const wallMs = performance.now() - t0
    const calls = fake.calls
    const known = knownFromQuery([scenario.query.principalArn, scenario.query.action, ...scenario.query.resources, scenario.query.region ?? ''])
    const deps = dependencies(calls, known, GUARDS)
    const critical = criticalPath(calls, deps)
    const waited = timelineDepth(calls, latencyMs / 5)
    out.push({
      scenario: scenario.name,
      decision: verdict.decision,
      calls: calls.length,
      wallMs,
      latencyMs,
      criticalPath: critical.length,
      criticalChain: critical.chain.map(label),
      waitedChain: waited.length,
      waitedChainCalls: waited.chain.map(label),
      duplicates: duplicates(calls),
      peakInFlight: peakInFlight(calls),
      needlessWaits: needlessWaits(calls, deps, latencyMs / 2).map((w) => `${label(w.call)} +${w.waitedMs.toFixed(0)} ms`),
      wallConcurrency64Ms,
      withinBound: wallMs <= (critical.length + 1) * latencyMs,
    })
  }
  return out
}
