/**
 * The peer's first pass in a fresh process, as first-pass.ts times denydoctor's:
 *   node --import tsx bench/batch/peer-first-pass.ts SEED PRINCIPALS_PER_ACCOUNT
 * iam-simulate's runSimulation over the whole engine corpus once, its module loaded and the
 * simulations built before the clock starts. Prints one JSON line.
 */
import { generateCorpus } from '../engine/corpus.js'
import { runSimulation, toSimulation } from '../engine/peer.js'

const [seed = '1', principals = '10'] = process.argv.slice(2)
const simulations = generateCorpus({ seed: Number(seed), principalsPerAccount: Number(principals) }).map((c) => toSimulation(c))
const started = performance.now()
const cpuStarted = process.cpuUsage()
for (const simulation of simulations) await runSimulation(simulation, {})
const firstMs = performance.now() - started
const cpu = process.cpuUsage(cpuStarted)
process.stdout.write(`${JSON.stringify({ cases: simulations.length, firstMs, firstCpuMs: (cpu.user + cpu.system) / 1000 })}\n`)
