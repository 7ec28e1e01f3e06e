/**
 * The targets each figure is held to, and the rows printed for them. Pure: tests and the
 * JSON output use the same verdicts as the table.
 */
import type { JobsResult } from '../audit/jobs.js'
import type { AuditResult } from '../audit/measure.js'
import type { BatchResult } from '../batch/measure.js'
import type { EngineResult, Rate } from '../engine/throughput.js'
import type { LiveResult } from '../live/measure.js'
import type { StartupResult } from '../startup/measure.js'

export interface Row {
  readonly group: string
  readonly figure: string
  readonly value: string
  readonly target: string
  /** null: informational, no target. */
  readonly pass: boolean | null
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US')
const ms = (x: number) => `${n0(x)} ms`
/** The rounds' range, as ms per pass: how steady the figure was. */
const spread = (r: Rate) => `(rounds ${Math.min(...r.roundsMs).toFixed(1)}–${Math.max(...r.roundsMs).toFixed(1)} ms a pass)`

export function engineRows(e: EngineResult, unexplained: number): Row[] {
  const g = 'engine throughput'
  const a = e.agreement
  return [
    { group: g, figure: 'corpus', value: `${n0(e.cases)} cases, ${e.statementsPerCase.min}–${e.statementsPerCase.max} statements each (mean ${e.statementsPerCase.mean.toFixed(0)})`, target: '', pass: null },
    { group: g, figure: 'decisions (denydoctor)', value: `Allowed ${e.decisions.Allowed}, ExplicitDeny ${e.decisions.ExplicitDeny}, ImplicitDeny ${e.decisions.ImplicitDeny}`, target: '', pass: null },
    { group: g, figure: 'Undetermined (context is complete)', value: String(e.decisions.Undetermined), target: '0', pass: e.decisions.Undetermined === 0 },
    { group: g, figure: 'load all cases once', value: ms(e.loadMs), target: '', pass: null },
    { group: g, figure: 'denydoctor evaluate', value: `${n0(e.denydoctor.evalsPerSecond)} /s ${spread(e.denydoctor)}`, target: '', pass: null },
    { group: g, figure: 'denydoctor evaluateCase (parse each time)', value: `${n0(e.denydoctorParseEach.evalsPerSecond)} /s`, target: '', pass: null },
    { group: g, figure: 'evaluateCase, new case objects sharing documents', value: `${n0(e.denydoctorCaseShared.evalsPerSecond)} /s ${spread(e.denydoctorCaseShared)}`, target: '', pass: null },
    { group: g, figure: 'evaluateCase, the corpus’s case objects again', value: `${n0(e.denydoctorCaseRepeated.evalsPerSecond)} /s`, target: '', pass: null },
    { group: g, figure: 'preparePolicies(…).evaluate(request)', value: `${n0(e.denydoctorPrepared.evalsPerSecond)} /s`, target: '', pass: null },
    { group: g, figure: 'iam-simulate runSimulation', value: `${n0(e.peer.evalsPerSecond)} /s ${spread(e.peer)}`, target: '', pass: null },
    { group: g, figure: 'iam-simulate, pre-validated policies', value: `${n0(e.peerPrevalidated.evalsPerSecond)} /s ${spread(e.peerPrevalidated)}`, target: '', pass: null },
    { group: g, figure: 'ratio (evaluate vs peer’s faster mode)', value: `${e.ratio.toFixed(1)}×`, target: '≥ 100×', pass: e.ratio >= 100 },
    { group: g, figure: 'same ratio by processor time', value: `${e.ratioCpu.toFixed(1)}×`, target: '', pass: null },
    { group: g, figure: 'ratio (both parsing every time)', value: `${e.ratioParseEach.toFixed(1)}×`, target: '', pass: null },
    { group: g, figure: 'ratio, evaluateCase sharing documents vs peer’s faster mode', value: `${e.ratioCaseShared.toFixed(1)}×`, target: '≥ 100×', pass: e.ratioCaseShared >= 100 },
    { group: g, figure: 'same ratio by processor time', value: `${e.ratioCaseSharedCpu.toFixed(1)}×`, target: '', pass: null },
    {
      group: g,
      figure: 'first pass of evaluate (policies loaded)',
      value: `denydoctor ${n0(e.denydoctor.firstPassPerSecond)} /s, peer ${n0(e.peer.firstPassPerSecond)} /s (${e.ratioFirstPass.toFixed(1)}×)`,
      target: '',
      pass: null,
    },
    { group: g, figure: 'decisions agreeing', value: `${n0(a.agree)} / ${n0(a.total)}`, target: '', pass: null },
    { group: g, figure: 'disagreements not explained', value: `${unexplained} of ${a.disagreements}`, target: '0', pass: unexplained === 0 },
    { group: g, figure: 'peer refusals / cases with keys it dropped', value: `${a.peerErrors} / ${a.peerIgnoredKeys}`, target: '', pass: null },
  ]
}

export function liveRows(results: readonly LiveResult[]): Row[] {
  return results.flatMap((r) => {
    const g = `live: ${r.scenario}`
    const bound = (r.criticalPath + 1) * r.latencyMs
    return [
      { group: g, figure: 'calls / decision', value: `${r.calls} calls, ${r.decision}`, target: '', pass: null },
      { group: g, figure: 'wall time', value: `${ms(r.wallMs)} (${(r.wallMs / r.latencyMs).toFixed(1)} × latency)`, target: `≤ ${ms(bound)} = (critical path + 1) × ${r.latencyMs} ms`, pass: r.withinBound },
      { group: g, figure: 'wall time, 64 calls in flight allowed', value: ms(r.wallConcurrency64Ms), target: '', pass: null },
      { group: g, figure: 'critical path (data flow)', value: `${r.criticalPath} calls`, target: '', pass: null },
      { group: g, figure: 'longest chain actually waited', value: `${r.waitedChain} calls`, target: '', pass: null },
      { group: g, figure: 'calls made twice', value: r.duplicates.length === 0 ? 'none' : r.duplicates.join('; '), target: 'none', pass: r.duplicates.length === 0 },
      { group: g, figure: 'peak calls in flight', value: String(r.peakInFlight), target: '> 1', pass: r.peakInFlight > 1 },
      { group: g, figure: 'calls that waited for nothing', value: String(r.needlessWaits.length), target: '', pass: null },
    ]
  })
}

export function auditRows(r: AuditResult): Row[] {
  const g = 'audit scale'
  return [
    { group: g, figure: 'snapshot', value: `${n0(r.roles)} roles, ${n0(r.managedPolicies)} managed policies, ${r.snapshotMb.toFixed(1)} MB`, target: '', pass: null },
    { group: g, figure: 'driver', value: r.driver, target: '', pass: null },
    ...(r.runnerError ? [{ group: g, figure: 'audit runner failed', value: r.runnerError, target: '', pass: null }] : []),
    { group: g, figure: 'decisions', value: Object.entries(r.decisions).map(([d, n]) => `${d} ${n}`).join(', '), target: '', pass: null },
    { group: g, figure: 'load snapshot', value: ms(r.loadMs), target: '', pass: null },
    { group: g, figure: `${n0(r.checks)} checks`, value: `${ms(r.checksMs)} (${n0((r.checks * 1000) / r.checksMs)} /s, ${r.errors} errors)`, target: '', pass: null },
    { group: g, figure: 'end to end (load + checks)', value: ms(r.endToEndMs), target: '< 3,000 ms', pass: r.endToEndMs < 3000 },
    { group: g, figure: 'child process, spawn to exit', value: ms(r.processMs), target: '', pass: null },
    { group: g, figure: 'peak memory (RSS)', value: `${r.peakRssMb.toFixed(0)} MB (${r.baselineRssMb.toFixed(0)} MB before loading)`, target: '< 500 MB', pass: r.peakRssMb < 500 },
    ...(r.plain
      ? [
          {
            group: g,
            figure: 'same checks, diagnose alone',
            value: `${ms(r.plain.loadMs + r.plain.checksMs)}, peak ${r.plain.peakRssMb.toFixed(0)} MB`,
            target: '',
            pass: null,
          },
        ]
      : []),
  ]
}

export function batchRows(b: BatchResult, e: EngineResult | undefined): Row[] {
  const g = 'batch evaluate'
  // The peer timed beside the batch (measure.ts says why); the engine measurement's figure is shown for comparison.
  const peer = b.peerBeside.perSecond
  const earlier = e ? Math.max(e.peer.evalsPerSecond, e.peerPrevalidated.evalsPerSecond) : null
  const ratio = b.perSecond / peer
  const firstRatio = b.firstPass.perSecond / b.firstPass.peerPerSecond
  const runs = (list: readonly number[]) => list.map((m) => m.toFixed(0)).join(' / ')
  return [
    { group: g, figure: 'input', value: `${n0(b.cases)} JSON Lines cases, ${b.fileMb.toFixed(0)} MB`, target: '', pass: null },
    { group: g, figure: `evaluate FILE --json, spawn to exit (best of ${b.runsMs.length})`, value: `${ms(b.wallMs)} (${n0(b.perSecond)} /s; runs ${runs(b.runsMs)} ms), exit ${b.exitCode}`, target: '', pass: null },
    {
      group: g,
      figure: 'processor time (all threads)',
      value: b.processorMs === null ? 'not measured (no /usr/bin/time)' : `${ms(b.processorMs)} (${n0((b.cases * 1000) / b.processorMs)} cases per processor-second)`,
      target: '',
      pass: null,
    },
    {
      group: g,
      figure: 'same with --jobs 1 (one thread)',
      value: `${ms(b.oneJob.wallMs)} (${n0(b.oneJob.perSecond)} /s)${b.oneJob.processorMs === null ? '' : `, processor ${ms(b.oneJob.processorMs)}`}${b.oneJob.peakRssMb === null ? '' : `, peak ${b.oneJob.peakRssMb.toFixed(0)} MB`}`,
      target: '',
      pass: null,
    },
    { group: g, figure: 'output of --jobs 1 and default', value: b.oneJob.identical ? 'identical' : 'DIFFER', target: 'identical', pass: b.oneJob.identical },
    { group: g, figure: 'verdict lines (errors)', value: `${n0(b.lines)} (${b.errorLines})`, target: `${n0(b.cases)} (0)`, pass: b.lines === b.cases && b.errorLines === 0 },
    { group: g, figure: 'peak memory (RSS)', value: b.peakRssMb === null ? 'not measured (no /usr/bin/time)' : `${b.peakRssMb.toFixed(0)} MB`, target: '< 300 MB', pass: b.peakRssMb === null ? null : b.peakRssMb < 300 },
    {
      group: g,
      figure: `peer beside the batch (best of ${b.peerBeside.passesMs.length} passes)`,
      value: `${n0(peer)} /s (passes ${runs(b.peerBeside.passesMs)} ms)${earlier === null ? '' : `; in the engine measurement ${n0(earlier)} /s`}`,
      target: '',
      pass: null,
    },
    { group: g, figure: 'ratio vs peer’s faster mode beside it', value: `${ratio.toFixed(1)}×${earlier === null ? '' : ` (${(b.perSecond / earlier).toFixed(1)}× against the engine measurement’s)`}`, target: '≥ 20×', pass: ratio >= 20 },
    {
      group: g,
      figure: 'first pass of a fresh process (evaluateCase)',
      value: `${n0(b.firstPass.perSecond)} /s (best of ${runs(b.firstPass.runsMs)} ms), peer ${n0(b.firstPass.peerPerSecond)} /s (best of ${runs(b.firstPass.peerRunsMs)} ms): ${firstRatio.toFixed(1)}×`,
      target: '≥ 20×',
      pass: firstRatio >= 20,
    },
  ]
}

export function jobsRows(j: JobsResult): Row[] {
  const g = 'audit scale, jobs'
  const runs = j.runs.filter((r) => r.jobs === 2).length
  // The best clock time of the back-to-back pairs; the processor time per thread says what each thread cost whatever the load.
  const rows: Row[] = j.best.map((r) => ({
    group: g,
    figure: `${n0(j.checks)} checks, --jobs ${r.jobs}, end to end${runs > 1 ? ` (best of ${runs})` : ''}`,
    value: `${ms(r.wallMs)} (${n0((r.checks * 1000) / r.wallMs)} /s)${r.peakRssMb === null ? '' : `, peak ${r.peakRssMb.toFixed(0)} MB`}${r.cpu ? `; processor time: main thread ${r.cpu.mainS.toFixed(1)} s, ${r.jobs > 1 ? `worker ${(r.cpu.otherS[0] ?? 0).toFixed(1)} s, ` : ''}all threads ${r.cpu.totalS.toFixed(1)} s` : ''}; load ${r.load.toFixed(1)}${r.otherCores === null ? '' : `, other work ${r.otherCores.toFixed(2)} cores`}`,
    target: r.jobs === 2 ? '< 15,000 ms' : '',
    pass: r.jobs === 2 ? r.wallMs < 15000 && r.checks === j.checks : null,
  }))
  rows.push({ group: g, figure: 'reports of --jobs 1 and 2', value: j.identical ? 'identical' : 'DIFFER', target: 'identical', pass: j.identical })
  return rows
}

export function startupRows(r: StartupResult): Row[] {
  const g = 'start-up'
  const [bare, version, evaluate] = r.runs
  return [
    { group: g, figure: 'build', value: r.build, target: '', pass: null },
    ...(bare ? [{ group: g, figure: bare.command, value: ms(bare.medianMs), target: '', pass: null }] : []),
    ...(version ? [{ group: g, figure: version.command, value: `${ms(version.medianMs)} (${r.versionRatio.toFixed(1)}×)`, target: '< 5× node -e 0', pass: r.versionRatio < 5 }] : []),
    ...(evaluate ? [{ group: g, figure: evaluate.command, value: `${ms(evaluate.medianMs)} (${r.evaluateRatio.toFixed(1)}×, exit ${evaluate.exitCode})`, target: '', pass: null }] : []),
  ]
}

/** Values longer than this run past their column rather than widen it for every row. */
const WIDEST_VALUE = 48

/** Fixed-width table, one group after another. */
export function formatTable(rows: readonly Row[]): string {
  const widths = [
    Math.max(6, ...rows.map((r) => r.figure.length)),
    Math.max(5, ...rows.map((r) => r.value.length).filter((w) => w <= WIDEST_VALUE)),
    Math.max(6, ...rows.map((r) => r.target.length)),
  ]
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd()
  const out: string[] = []
  let group = ''
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group
      out.push('', `== ${group}`)
    }
    out.push(line([row.figure, row.value, row.target, row.pass === null ? '' : row.pass ? 'PASS' : 'MISS']))
  }
  return out.join('\n')
}
