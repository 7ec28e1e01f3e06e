/**
 * Measurement 1, engine throughput: one corpus, denydoctor and the peer on the same cases.
 * denydoctor loads each case once (policies parsed once, as an audit does) and then only
 * `evaluate` is timed; the peer takes each case through runSimulation, which validates and
 * loads the policies on every call (that is its API). Both "parse every time" for denydoctor
 * and "pre-validated documents" for the peer are measured as well, so the comparison can be
 * read either way. Each figure is the median of several rounds after a warm-up round.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { lookupAction, rcpServices } from '../../src/catalogue/index.js'
import { evaluateCase } from '../../src/evaluate-case.js'
import { evaluate } from '../../src/evaluate/index.js'
import type { Decision, Verdict } from '../../src/model/index.js'
import { loadCase } from '../../src/sources/case/load-case.js'
import { median, rounds, timeSync } from '../lib/stats.js'
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
  readonly evalsPerSecond: number
  readonly medianMs: number
  readonly roundsMs: readonly number[]
}

export interface EngineResult {
  readonly cases: number
  readonly statementsPerCase: { readonly min: number; readonly max: number; readonly mean: number }
  readonly decisions: Readonly<Record<Decision, number>>
  readonly loadMs: number
  readonly denydoctor: Rate
  readonly denydoctorParseEach: Rate
  readonly peer: Rate
  readonly peerPrevalidated: Rate
  /** denydoctor's evaluate against the peer's faster mode. */
  readonly ratio: number
  /** Parse-every-time against parse-every-time. */
  readonly ratioParseEach: number
  readonly agreement: Omit<AgreementReport, 'disagreements'> & { readonly disagreements: number; readonly file: string }
  readonly firstDisagreements: AgreementReport['disagreements']
}

function rate(cases: number, roundsMs: readonly number[]): Rate {
  const medianMs = median(roundsMs)
  return { evalsPerSecond: (cases * 1000) / medianMs, medianMs, roundsMs }
}

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
  const ours = await rounds(options.rounds, 1, () => {
    verdicts = loaded.map((l) => evaluate(l.request, l.policies, { rcpServices: services }))
  })
  log(`engine: denydoctor evaluate ${ours.map((ms) => ms.toFixed(0)).join(' / ')} ms`)
  const parseEach = await rounds(Math.max(1, Math.ceil(options.rounds / 2)), 1, () => {
    for (const c of corpus) evaluateCase(c.case)
  })
  log(`engine: denydoctor evaluateCase ${parseEach.map((ms) => ms.toFixed(0)).join(' / ')} ms`)

  // The agreement pass doubles as the peer's warm-up round.
  const raw = corpus.map((c) => toSimulation(c))
  const answers: PeerAnswer[] = []
  for (const simulation of raw) answers.push(await askPeer(simulation))
  const peerRounds = Math.max(1, Math.ceil(options.rounds / 2))
  const peer = await rounds(peerRounds, 0, async () => {
    for (const simulation of raw) await runSimulation(simulation, {})
  })
  log(`engine: peer runSimulation ${peer.map((ms) => ms.toFixed(0)).join(' / ')} ms`)
  const prevalidated = corpus.map((c) => toSimulation(c, true))
  const peerPre = await rounds(peerRounds, 1, async () => {
    for (const simulation of prevalidated) await runSimulation(simulation, {})
  })
  log(`engine: peer runSimulation, pre-validated ${peerPre.map((ms) => ms.toFixed(0)).join(' / ')} ms`)

  const agreement = compareAll(corpus, verdicts, answers)
  await mkdir(options.outDir, { recursive: true })
  const file = join(options.outDir, 'disagreements.json')
  await writeFile(file, `${JSON.stringify({ seed: options.seed, cases: n, disagreements: agreement.disagreements }, null, 2)}\n`)

  const decisions = { Allowed: 0, ExplicitDeny: 0, ImplicitDeny: 0, Undetermined: 0 }
  for (const v of verdicts) decisions[v.decision]++
  const d = rate(n, ours)
  const dp = rate(n, parseEach)
  const p = rate(n, peer)
  const pp = rate(n, peerPre)
  return {
    cases: n,
    statementsPerCase: { min: Math.min(...counts), max: Math.max(...counts), mean: counts.reduce((a, b) => a + b, 0) / n },
    decisions,
    loadMs,
    denydoctor: d,
    denydoctorParseEach: dp,
    peer: p,
    peerPrevalidated: pp,
    ratio: d.evalsPerSecond / Math.max(p.evalsPerSecond, pp.evalsPerSecond),
    ratioParseEach: dp.evalsPerSecond / p.evalsPerSecond,
    agreement: { ...agreement, disagreements: agreement.disagreements.length, file },
    firstDisagreements: agreement.disagreements.slice(0, 5),
  }
}
