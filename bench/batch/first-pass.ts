/**
 * The first pass of a fresh process, run in a child of its own (nothing parsed, compiled or
 * warmed before it):
 *   node --import tsx bench/batch/first-pass.ts SEED PRINCIPALS_PER_ACCOUNT
 * Times evaluateCase over the whole engine corpus once, from case objects (every document
 * parsed, validated and compiled on first sight), as a process that starts and answers a
 * batch does. Prints one JSON line.
 */
import { generateCorpus } from '../engine/corpus.js'

const [seed = '1', principals = '10'] = process.argv.slice(2)
const corpus = generateCorpus({ seed: Number(seed), principalsPerAccount: Number(principals) })
// Imported before the clock starts: module loading is start-up, not the first pass.
const { evaluateCase } = await import('../../src/evaluate-case.js')
const started = performance.now()
const decisions: Record<string, number> = {}
for (const c of corpus) {
  const d = evaluateCase(c.case).decision
  decisions[d] = (decisions[d] ?? 0) + 1
}
const firstMs = performance.now() - started
process.stdout.write(`${JSON.stringify({ cases: corpus.length, firstMs, decisions })}\n`)
