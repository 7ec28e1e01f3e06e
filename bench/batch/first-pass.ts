/**
 * The first pass of a fresh process, run in a child of its own (nothing parsed, compiled or
 * warmed before it):
 *   node --import tsx bench/batch/first-pass.ts SEED PRINCIPALS_PER_ACCOUNT
 * Times evaluateCase over the whole engine corpus once, from case objects (every document
 * parsed, validated and compiled on first sight), as a process that starts and answers a
 * batch does, with the code the package ships (dist/, which the batch measurement has just
 * built; the TypeScript sources through tsx when there is none). Prints one JSON line.
 */
import { existsSync } from 'node:fs'
import { generateCorpus } from '../engine/corpus.js'

const [seed = '1', principals = '10'] = process.argv.slice(2)
const corpus = generateCorpus({ seed: Number(seed), principalsPerAccount: Number(principals) })
// Imported before the clock starts: module loading is start-up, not the first pass.
const built = new URL('../../dist/evaluate-case.js', import.meta.url)
const { evaluateCase } = (existsSync(built) ? await import(built.href) : await import('../../src/evaluate-case.js')) as typeof import('../../src/evaluate-case.js')
const started = performance.now()
const cpuStarted = process.cpuUsage()
const decisions: Record<string, number> = {}
for (const c of corpus) {
  const d = evaluateCase(c.case).decision
  decisions[d] = (decisions[d] ?? 0) + 1
}
const firstMs = performance.now() - started
// Processor time of the pass (this thread and the runtime's): what other jobs on a shared machine move less.
const cpu = process.cpuUsage(cpuStarted)
const firstCpuMs = (cpu.user + cpu.system) / 1000
process.stdout.write(`${JSON.stringify({ cases: corpus.length, firstMs, firstCpuMs, decisions })}\n`)
