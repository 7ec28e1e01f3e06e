/**
 * Measurement 1, engine throughput: one corpus, denydoctor and the peer on the same cases.
 * denydoctor loads each case once (policies parsed once, as an audit does) and then only
 * `evaluate` is timed; the peer takes each case through runSimulation, which validates and
 * loads the policies on every call (that is its API). Both "parse every time" for denydoctor
 * and "pre-validated documents" for the peer are measured as well, so the comparison can be
 * read either way.
 *
 * Each rate is the median of several rounds after a warm-up (measurePasses): a round repeats
 * the whole corpus for at least 300 ms, so that one collection or another job's burst on a
 * shared machine is a small part of it. The very first pass of each side is reported too:
 * what a fresh process pays once (compiling each policy, JIT warm-up).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { lookupAction, rcpServices } from '../../src/catalogue/index.js'
import { evaluateCase } from '../../src/evaluate-case.js'
import { preparePolicies } from '../../src/prepared.js'
import { evaluate } from '../../src/evaluate/index.js'
import type { Decision, Verdict } from '../../src/model/index.js'
import { loadCase } from '../../src/sources/case/load-case.js'
import { median, PassTimer, timeRounds, timeSync, type Passes } from '../lib/stats.js'
import { compareAll, type AgreementReport } from './agreement.js'
import type { CorpusCase } from './case-file.js'
import { generateCorpus } from './corpus.js'
import { askPeer, toSimulation, type PeerAnswer } from './peer.js'
import { runSimulation } from '@cloud-copilot/iam-simulate'

export interface EngineOptions {
  readonly seed: number
  readonly rounds: number
  /** Principals per account (the corpus has 6 accounts × this × 40 requests). */
  readonly principalsPerAccount: number
  readonly outDir: string
}

export interface Rate {
  /** Steady state: the median round. */
  readonly evalsPerSecond: number
  /** Milliseconds per pass over the corpus: the median round's, and each round's. */
  readonly medianMs: number
  readonly roundsMs: readonly number[]
  /** The same by processor time (every thread of the process), which other jobs on the machine move less. */
  readonly cpuEvalsPerSecond: number
  /** The first pass over the corpus, in a process that had not run it yet. */
  readonly firstPassMs: number
  readonly firstPassPerSecond: number
}

export interface EngineResult {
  readonly cases: number
  readonly statementsPerCase: { readonly min: number; readonly max: number; readonly mean: number }
  readonly decisions: Readonly<Record<Decision, number>>
  readonly loadMs: number
  readonly denydoctor: Rate
  readonly denydoctorParseEach: Rate
  /** evaluateCase with its kept policies, on new case objects each call that share the documents (no object but the documents is seen twice). */
  readonly denydoctorCaseShared: Rate
  /** The same on the corpus's own case objects, whose `policies` objects come back each pass. */
  readonly denydoctorCaseRepeated: Rate
  /** preparePolicies once per case's policies object, then evaluate each request. */
  readonly denydoctorPrepared: Rate
  readonly peer: Rate
  readonly peerPrevalidated: Rate
  /** denydoctor's evaluate against the peer's faster mode. */
  readonly ratio: number
  /** Parse-every-time against parse-every-time. */
  readonly ratioParseEach: number
  /** `ratio` by processor time. */
  readonly ratioCpu: number
  /** First pass against first pass (denydoctor's evaluate, the peer's runSimulation). */
  readonly ratioFirstPass: number
  /** evaluateCase on new case objects sharing documents against the peer's faster mode. */
  readonly ratioCaseShared: number
  /** `ratioCaseShared` by processor time. */
  readonly ratioCaseSharedCpu: number
  readonly agreement: Omit<AgreementReport, 'disagreements'> & { readonly disagreements: number; readonly file: string }
  readonly firstDisagreements: AgreementReport['disagreements']
}

function rate(cases: number, passes: Passes): Rate {
  const medianMs = median(passes.perPassMs)
  return {
    evalsPerSecond: (cases * 1000) / medianMs,
    medianMs,
    roundsMs: passes.perPassMs,
    cpuEvalsPerSecond: (cases * 1000) / median(passes.cpuPerPassMs),
    firstPassMs: passes.firstMs,
    firstPassPerSecond: (cases * 1000) / passes.firstMs,
  }
}

const perPass = (passes: Passes) => passes.perPassMs.map((ms) => ms.toFixed(1)).join(' / ')

function statementCount(item: CorpusCase): number {
  const p = item.case.policies
  const docs = [...p.identity, ...(p.boundary ? [p.boundary] : []), ...p.scps.flat(), ...p.rcps.flat(), ...(p.resource ? [p.resource] : [])]
  return docs.reduce((n, d) => n + d.document.Statement.length, 0)
}

export async function measureEngine(options: EngineOptions, log: (line: string) => void): Promise<EngineResult> {
  const corpus = generateCorpus({ seed: options.seed, principalsPerAccount: options.principalsPerAccount })
  const n = corpus.length
  const counts = corpus.map(statementCount)
  log(`engine: ${n} cases, ${Math.min(...counts)}–${Math.max(...counts)} statements each`)

  const resourceTypes = (action: string) => lookupAction(action)?.resourceTypes ?? []
  let loaded: ReturnType<typeof loadCase>[] = []
  const loadMs = timeSync(() => (loaded = corpus.map((c) => loadCase(c.case, resourceTypes))))
  const services = rcpServices()
  let verdicts: Verdict[] = []
  // Ours: about 25 ms a pass, so a second of warm-up and rounds of 300 ms.
  const ours = new PassTimer({ warmupMs: 1000, minRoundMs: 300 }, () => {
    verdicts = loaded.map((l) => evaluate(l.request, l.policies, { rcpServices: services }))
  })
  const parseEach = new PassTimer({ warmupMs: 0, minRoundMs: 300 }, () => {
    for (const c of corpus) evaluateCase(c.case, { cache: null })
  })
  // As a caller shares documents: a new case and policies object for every call, the
  // documents (NamedPolicy objects) the same objects as before.
  const caseShared = new PassTimer({ warmupMs: 1000, minRoundMs: 300 }, () => {
    for (const c of corpus) {
      const p = c.case.policies
      evaluateCase({ ...c.case, request: { ...c.case.request }, policies: { ...p, identity: [...p.identity], scps: p.scps.map((l) => [...l]), rcps: p.rcps.map((l) => [...l]) } })
    }
  })
  const caseRepeated = new PassTimer({ warmupMs: 1000, minRoundMs: 300 }, () => {
    for (const c of corpus) evaluateCase(c.case)
  })
  const preparedSets = corpus.map((c) => ({ prepared: preparePolicies(c.case.policies), rest: { ...c.case, policies: undefined } }))
  const prepared = new PassTimer({ warmupMs: 1000, minRoundMs: 300 }, () => {
    for (const p of preparedSets) p.prepared.evaluate(p.rest)
  })
  // The peer takes seconds a pass: one pass a round. Its first pass also records its answers.
  const raw = corpus.map((c) => toSimulation(c))
  const answers: PeerAnswer[] = []
  const peer = new PassTimer({ warmupMs: 0, minRoundMs: 0 }, async () => {
    if (answers.length === 0) for (const simulation of raw) answers.push(await askPeer(simulation))
    else for (const simulation of raw) await runSimulation(simulation, {})
  })
  const prevalidated = corpus.map((c) => toSimulation(c, true))
  const peerPre = new PassTimer({ warmupMs: 0, minRoundMs: 0 }, async () => {
    for (const simulation of prevalidated) await runSimulation(simulation, {})
  })
  // Ours is timed both before and after the peer (warmed up again each time), so that a load
  // that changes during the minute the peer takes moves both sides' figures; so is
  // evaluateCase sharing documents, the other ratio with a target.
  const slowRounds = Math.max(1, Math.ceil(options.rounds / 2))
  await ours.start()
  await timeRounds(ours, Math.ceil(options.rounds / 2))
  await parseEach.start()
  await timeRounds(parseEach, slowRounds)
  for (const timer of [caseShared, caseRepeated, prepared]) {
    await timer.start()
    await timeRounds(timer, slowRounds)
  }
  log(`engine: denydoctor done, the peer next (about ${Math.round(((slowRounds + 1) * 2 * n) / 500)} s)`)
  await peer.start()
  await timeRounds(peer, slowRounds)
  await peerPre.start()
  await timeRounds(peerPre, slowRounds)
  const roundsAfter = Math.floor(options.rounds / 2)
  if (roundsAfter > 0) {
    await ours.warm()
    await timeRounds(ours, roundsAfter)
  }
  // The library as callers use it (the documents shared), timed after the peer too, as `ours` is.
  await caseShared.warm()
  await timeRounds(caseShared, slowRounds)
  log(`engine: first passes: denydoctor ${ours.result().firstMs.toFixed(0)} ms, peer ${peer.result().firstMs.toFixed(0)} ms`)
  log(`engine: ms per pass: denydoctor evaluate ${perPass(ours.result())}; evaluateCase ${perPass(parseEach.result())}`)
  log(`engine: ms per pass: peer ${perPass(peer.result())}; pre-validated ${perPass(peerPre.result())}`)

  const agreement = compareAll(corpus, verdicts, answers)
  await mkdir(options.outDir, { recursive: true })
  const file = join(options.outDir, 'disagreements.json')
  await writeFile(file, `${JSON.stringify({ seed: options.seed, cases: n, disagreements: agreement.disagreements }, null, 2)}\n`)

  const decisions = { Allowed: 0, ExplicitDeny: 0, ImplicitDeny: 0, Undetermined: 0 }
  for (const v of verdicts) decisions[v.decision]++
  const d = rate(n, ours.result())
  const dp = rate(n, parseEach.result())
  const cs = rate(n, caseShared.result())
  const cr = rate(n, caseRepeated.result())
  const pr = rate(n, prepared.result())
  const p = rate(n, peer.result())
  const pp = rate(n, peerPre.result())
  return {
    cases: n,
    statementsPerCase: { min: Math.min(...counts), max: Math.max(...counts), mean: counts.reduce((a, b) => a + b, 0) / n },
    decisions,
    loadMs,
    denydoctor: d,
    denydoctorParseEach: dp,
    denydoctorCaseShared: cs,
    denydoctorCaseRepeated: cr,
    denydoctorPrepared: pr,
    peer: p,
    peerPrevalidated: pp,
    ratio: d.evalsPerSecond / Math.max(p.evalsPerSecond, pp.evalsPerSecond),
    ratioParseEach: dp.evalsPerSecond / p.evalsPerSecond,
    ratioCpu: d.cpuEvalsPerSecond / Math.max(p.cpuEvalsPerSecond, pp.cpuEvalsPerSecond),
    ratioFirstPass: d.firstPassPerSecond / p.firstPassPerSecond,
    ratioCaseShared: cs.evalsPerSecond / Math.max(p.evalsPerSecond, pp.evalsPerSecond),
    ratioCaseSharedCpu: cs.cpuEvalsPerSecond / Math.max(p.cpuEvalsPerSecond, pp.cpuEvalsPerSecond),
    agreement: { ...agreement, disagreements: agreement.disagreements.length, file },
    firstDisagreements: agreement.disagreements.slice(0, 5),
  }
}
