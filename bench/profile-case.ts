/**
 * Runs only evaluateCase over the engine corpus on new case objects each call that share the
 * documents (as `npm run bench`'s "evaluateCase, documents shared" does), for a CPU profile:
 *   node --cpu-prof --cpu-prof-dir=bench/out --import tsx bench/profile-case.ts [seconds] [mode]
 * mode: `case` (default), `evaluate` (the engine alone on loaded cases) or `prepared`.
 * Prints the rate by processor time after a two-second warm-up.
 */
import { lookupAction, rcpServices } from '../src/catalogue/index.js'
import { evaluateCase } from '../src/evaluate-case.js'
import { evaluate } from '../src/evaluate/index.js'
import { preparePolicies } from '../src/prepared.js'
import { loadCase } from '../src/sources/case/load-case.js'
import { generateCorpus } from './engine/corpus.js'

const seconds = Number(process.argv[2] ?? 5)
const mode = process.argv[3] ?? 'case'
const corpus = generateCorpus({ seed: 1 })
const services = rcpServices()
// Only what the mode reads is built, so that the profile holds little else.
const loaded = mode === 'evaluate' ? corpus.map((c) => loadCase(c.case, (a) => lookupAction(a)?.resourceTypes ?? [])) : []
const prepared = mode === 'prepared' ? corpus.map((c) => ({ prepared: preparePolicies(c.case.policies), rest: { ...c.case, policies: undefined } })) : []

const pass: Record<string, () => void> = {
  case: () => {
    for (const c of corpus) {
      const p = c.case.policies
      evaluateCase({ ...c.case, request: { ...c.case.request }, policies: { ...p, identity: [...p.identity], scps: p.scps.map((l) => [...l]), rcps: p.rcps.map((l) => [...l]) } })
    }
  },
  evaluate: () => {
    for (const l of loaded) evaluate(l.request, l.policies, { rcpServices: services })
  },
  prepared: () => {
    for (const p of prepared) p.prepared.evaluate(p.rest)
  },
}
const run = pass[mode]!
const cpu = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const warmUntil = performance.now() + 2000
while (performance.now() < warmUntil) run()
const started = cpu()
const wallStarted = performance.now()
let passes = 0
while (performance.now() - wallStarted < seconds * 1000) {
  run()
  passes++
}
const ms = cpu() - started
console.log(`${mode}: ${passes * corpus.length} evaluations, ${((passes * corpus.length * 1000) / ms).toFixed(0)}/s by processor time`)
