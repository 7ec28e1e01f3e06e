/**
 * Runs only denydoctor's `evaluate` over the engine corpus, for a CPU profile:
 *   node --cpu-prof --cpu-prof-dir=bench/out --import tsx bench/profile-engine.ts [rounds]
 * then open the .cpuprofile in Chrome DevTools or summarise it with bench/out tools.
 */
import { lookupAction, rcpServices } from '../src/catalogue/index.js'
import { evaluate } from '../src/evaluate/index.js'
import { loadCase } from '../src/sources/case/load-case.js'
import { generateCorpus } from './engine/corpus.js'

const roundsWanted = Number(process.argv[2] ?? 10)
const corpus = generateCorpus({ seed: 1 })
const loaded = corpus.map((c) => loadCase(c.case, (a) => lookupAction(a)?.resourceTypes ?? []))
const services = rcpServices()
const started = performance.now()
for (let r = 0; r < roundsWanted; r++) for (const l of loaded) evaluate(l.request, l.policies, { rcpServices: services })
const ms = performance.now() - started
console.log(`${corpus.length * roundsWanted} evaluations in ${ms.toFixed(0)} ms: ${((corpus.length * roundsWanted * 1000) / ms).toFixed(0)}/s`)
