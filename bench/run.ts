/**
 * `npm run bench`: denydoctor against the best public IAM simulator, and what live
 * diagnosis, a large audit and start-up cost. Not a test: it prints figures next to targets.
 *
 *   npm run bench [-- --json] [--latency 50] [--seed 1] [--rounds 5] [--quick]
 *                 [--only engine,live,audit,startup] [--no-build] [--startup-runs 10]
 *
 * `--only audit-jobs` runs the audit's 100,000-check --jobs 1 / --jobs 2 pairs alone.
 *
 * Progress goes to stderr; stdout carries the table, or with --json one JSON object.
 * docs/performance.md explains every figure.
 */
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { measureAudit, type AuditResult } from './audit/measure.js'
import { explanationFor } from './engine/explained.js'
import { sampleCpu, sharedBetween, sharedWarning } from './lib/machine-share.js'
import { measureEngine, type EngineResult } from './engine/throughput.js'
import { measureLive, type LiveResult } from './live/measure.js'
import { measureJobs, type JobsResult } from './audit/jobs.js'
import { measureBatch, type BatchResult } from './batch/measure.js'
import { auditRows, batchRows, engineRows, formatTable, jobsRows, liveRows, startupRows, type Row } from './report/targets.js'
import { ensureBuild, measureStartup, type StartupResult } from './startup/measure.js'
import { generateSnapshot } from './audit/snapshot-gen.js'
import { writeSnapshot } from '../src/sources/snapshot/index.js'

const ROOT = join(import.meta.dirname, '..')
const OUT = join(ROOT, 'bench', 'out')
const PARTS = ['engine', 'batch', 'live', 'audit', 'audit-jobs', 'startup'] as const
type Part = (typeof PARTS)[number]

export interface BenchOptions {
  readonly json: boolean
  readonly latencyMs: number
  readonly seed: number
  readonly rounds: number
  readonly quick: boolean
  readonly only: readonly Part[]
  readonly build: boolean
  readonly startupRuns: number
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`)
  process.exit(2)
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const options = { json: false, latencyMs: 50, seed: 1, rounds: 5, quick: false, only: [...PARTS] as Part[], build: true, startupRuns: 10 }
  const number = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value)
    if (value === undefined || !Number.isFinite(n) || n < min) fail(`${flag} needs a number ≥ ${min}, not ${JSON.stringify(value ?? '')}.`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--json') options.json = true
    else if (arg === '--quick') options.quick = true
    else if (arg === '--no-build') options.build = false
    else if (arg === '--latency') options.latencyMs = number(arg, argv[++i], 1)
    else if (arg === '--seed') options.seed = number(arg, argv[++i], 0)
    else if (arg === '--rounds') options.rounds = number(arg, argv[++i], 1)
    else if (arg === '--startup-runs') options.startupRuns = number(arg, argv[++i], 1)
    else if (arg === '--only') {
      const parts = (argv[++i] ?? '').split(',').filter(Boolean)
      const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p))
      if (parts.length === 0 || unknown.length > 0) fail(`--only takes a comma-separated list of ${PARTS.join(', ')}${unknown.length ? `; ${unknown.join(', ')} is not one` : ''}.`)
      options.only = parts as Part[]
    } else fail(`unknown option ${arg}. Options: --json --latency MS --seed N --rounds N --quick --only ${PARTS.join(',')} --no-build --startup-runs N`)
  }
  return options
}

async function main(): Promise<void> {
  // The SDK warns on every load that it will want Node 22 in 2027: noise in a benchmark table.
  process.removeAllListeners('warning')
  process.on('warning', (w) => !`${w.name} ${w.message}`.includes('NodeVersionSupportWarning') && process.stderr.write(`${w.name}: ${w.message}\n`))
  const options = parseArgs(process.argv.slice(2))
  const log = (line: string) => process.stderr.write(`${line}\n`)
  const started = performance.now()
  const cpuBefore = sampleCpu()
  const rows: Row[] = []
  const result: { engine?: EngineResult; batch?: BatchResult | { error: string }; live?: LiveResult[]; audit?: AuditResult; jobs?: JobsResult | { error: string }; startup?: StartupResult | { error: string } } = {}
  /** The built CLI, for the parts that run it (built once, if needed and allowed). */
  let built: string | null = null
  const build = () => (built ??= ensureBuild(ROOT, options.build))
  const failed = (group: string, error: unknown): { error: string } => {
    const message = error instanceof Error ? error.message : String(error)
    rows.push({ group, figure: 'not measured', value: message.split('\n')[0]!, target: '', pass: false })
    return { error: message }
  }

  if (options.only.includes('engine')) {
    log('engine throughput…')
    const engine = await measureEngine({ seed: options.seed, rounds: options.rounds, principalsPerAccount: options.quick ? 4 : 10, outDir: OUT }, log)
    const unexplained = engine.firstDisagreements.length === 0 ? 0 : engine.agreement.byKind.filter(([kind]) => !explanationFor(kind)).reduce((n, [, c]) => n + c, 0)
    rows.push(...engineRows(engine, unexplained))
    result.engine = engine
  }
  if (options.only.includes('batch')) {
    log('batch evaluate…')
    try {
      build()
      const batch = await measureBatch({ seed: options.seed, cases: options.quick ? 10_000 : 100_000, outDir: OUT, root: ROOT, principalsPerAccount: options.quick ? 4 : 10 }, log)
      result.batch = batch
      rows.push(...batchRows(batch, result.engine))
    } catch (error) {
      result.batch = failed('batch evaluate', error)
    }
  }
  if (options.only.includes('live')) {
    log(`live diagnosis, ${options.latencyMs} ms a call…`)
    result.live = await measureLive(options.latencyMs)
    rows.push(...liveRows(result.live))
  }
  if (options.only.includes('audit') || options.only.includes('audit-jobs')) {
    log('audit scale: generating the snapshot…')
    const scale = options.quick ? { roles: 1000, managedPolicies: 400, checks: 2000 } : { roles: 5000, managedPolicies: 2000, checks: 10000 }
    let snapshotFile = join(OUT, 'scale-snapshot.json')
    if (options.only.includes('audit')) {
      result.audit = await measureAudit({ seed: options.seed, accounts: 5, ...scale }, OUT, ROOT)
      rows.push(...auditRows(result.audit))
      snapshotFile = result.audit.snapshotFile
    }
    try {
      build()
      const jobsScale = { seed: options.seed, accounts: 5, ...scale, checks: options.quick ? 10_000 : 100_000 }
      const snapshot = generateSnapshot(jobsScale)
      if (!result.audit) await writeSnapshot(snapshotFile, snapshot)
      result.jobs = await measureJobs(snapshot, jobsScale, snapshotFile, OUT, ROOT, log, options.quick ? 1 : 2)
      rows.push(...jobsRows(result.jobs))
    } catch (error) {
      result.jobs = failed('audit scale, jobs', error)
    }
  }
  if (options.only.includes('startup')) {
    log('start-up…')
    try {
      result.startup = await measureStartup(ROOT, options.startupRuns, options.build)
      rows.push(...startupRows(result.startup))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      result.startup = { error: message }
      rows.push({ group: 'start-up', figure: 'not measured', value: message.split('\n')[0]!, target: '< 5× node -e 0', pass: false })
    }
  }

  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', loadavg: loadavg().map((l) => Number(l.toFixed(2))) }
  const cpuAfter = sampleCpu()
  const shared = cpuBefore && cpuAfter ? sharedBetween(cpuBefore, cpuAfter, machine.cpus) : null
  const busy = sharedWarning(shared)
  const totalMs = performance.now() - started
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ machine: { ...machine, shared, busy: busy !== null }, options, totalMs, ...result, targets: rows.filter((r) => r.pass !== null) })}\n`)
    return
  }
  const lines = [
    `denydoctor bench — node ${machine.node}, ${machine.cpus} × ${machine.cpu}, load ${machine.loadavg.join(' ')}${shared ? `, other work ${shared.otherCores.toFixed(2)} cores, steal ${(shared.stealShare * 100).toFixed(0)} %` : ''}, seed ${options.seed}${options.quick ? ', QUICK' : ''}`,
    ...(busy ? [busy] : []),
    formatTable(rows),
  ]
  if (result.engine && result.engine.firstDisagreements.length > 0) {
    lines.push('', `First disagreements (all ${result.engine.agreement.disagreements} in ${result.engine.agreement.file}):`)
    for (const d of result.engine.firstDisagreements) {
      const r = d.case.request
      lines.push(`  ${d.id}: ${r.principal} ${r.action} ${r.resource}: denydoctor ${d.denydoctor} (${d.denydoctorReason.join('; ') || '-'}), peer ${d.peer}${d.peerNote ? ` (${d.peerNote})` : ''}`)
    }
  }
  for (const live of result.live ?? []) {
    lines.push('', `${live.scenario}: critical path ${live.criticalChain.join(' → ')}`)
    lines.push(`  waited through: ${live.waitedChainCalls.join(' → ')}`)
    if (live.needlessWaits.length > 0) lines.push(`  waited for nothing: ${live.needlessWaits.slice(0, 8).join('; ')}${live.needlessWaits.length > 8 ? '; …' : ''}`)
  }
  const misses = rows.filter((r) => r.pass === false).length
  lines.push('', `${rows.filter((r) => r.pass === true).length} targets met, ${misses} missed, in ${(totalMs / 1000).toFixed(0)} s.`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main()
