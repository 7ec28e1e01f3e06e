/**
 * Measurement 5, batch evaluation as users reach it:
 * - `denydoctor evaluate FILE --json` (the built CLI, bin/run.js) on a JSON Lines file of
 *   `cases` engine-corpus cases (the same accounts, more requests per principal): wall time
 *   from spawn to exit (its output going to a file, read once it has exited), the verdict
 *   lines, and the child's peak memory (the kernel's high-water mark of its resident set) and
 *   processor time (user + system, all threads), both from /usr/bin/time; with the default jobs (the cores available), then again
 *   with `--jobs 1`, whose output must be the same byte for byte.
 * - the first pass of a fresh process: evaluateCase over the engine corpus in a child
 *   (first-pass.ts), and the peer's in a child of its own (peer-first-pass.ts), in turn,
 *   FIRST_PASS_RUNS times each: the best of each.
 * The peer is timed beside the batch too: one pass of each of its two modes over the engine
 * corpus just before each of BATCH_ROUNDS default-jobs runs. This machine's speed moves by up to a
 * third from one minute to the next, and the batch runs minutes after the engine measurement:
 * the peer's figure from then made the same build's ratio read 16× in one run and 24× in
 * another. The ratio is the best batch run against the peer's best pass (the best of each,
 * as the audit's pairs are compared), with the engine measurement's figure shown beside it.
 */
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, createReadStream, createWriteStream, existsSync, openSync } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { once } from 'node:events'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateCorpus } from '../engine/corpus.js'
import { runSimulation, toSimulation } from '../engine/peer.js'

const run = promisify(execFile)

/**
 * Rounds of (the peer's two passes, one default-jobs batch run), and fresh-process first passes
 * of each program. On this machine one program's run of a few hundred milliseconds moved from
 * 145 to 298 ms between identical runs, and a batch run from 5.9 to 8.2 s, while the peer's
 * four-second runs moved by a tenth: with two or three runs, the best of ours was often not
 * one that ran in a quiet moment, and the same build's ratio read anywhere from 16× to 24×. The
 * best of more runs of each is closer to what each program does when nothing else runs, which
 * is what the ratio is to compare; every run is printed, so the spread shows.
 */
export const BATCH_ROUNDS = 3
export const FIRST_PASS_RUNS = 5

export interface BatchResult {
  readonly cases: number
  readonly fileMb: number
  readonly lines: number
  readonly errorLines: number
  readonly exitCode: number | null
  /** The best default-jobs run's; `runsMs` has each run's. */
  readonly wallMs: number
  readonly runsMs: readonly number[]
  readonly perSecond: number
  /** null when /usr/bin/time is not there to read it. */
  readonly peakRssMb: number | null
  /** The child's processor time (user + system, all its threads), from /usr/bin/time; null without it. */
  readonly processorMs: number | null
  /** The same input with `--jobs 1` (one thread), for comparison. */
  readonly oneJob: { readonly wallMs: number; readonly perSecond: number; readonly peakRssMb: number | null; readonly processorMs: number | null; readonly identical: boolean }
  /** The best of FIRST_PASS_RUNS fresh processes each, denydoctor's and the peer's in turn. */
  readonly firstPass: { readonly cases: number; readonly firstMs: number; readonly perSecond: number; readonly runsMs: readonly number[]; readonly peerFirstMs: number; readonly peerPerSecond: number; readonly peerRunsMs: readonly number[] }
  /** The peer timed just before each default-jobs run: the fastest pass of its two modes (evaluations per second), and each pass. */
  readonly peerBeside: { readonly perSecond: number; readonly passesMs: readonly number[] }
}

/** Writes `count` cases, one JSON line each, waiting for the disk when it asks. */
async function writeCases(file: string, count: number, seed: number): Promise<void> {
  const perPrincipal = Math.ceil(count / 60)
  const corpus = generateCorpus({ seed, principalsPerAccount: 10, requestsPerPrincipal: perPrincipal })
  const out = createWriteStream(file)
  for (let i = 0; i < count; i++) {
    if (!out.write(`${JSON.stringify(corpus[i]!.case)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

interface CliRun {
  lines: number
  errorLines: number
  exitCode: number | null
  wallMs: number
  peakRssMb: number | null
  processorMs: number | null
  /** A digest of the whole output, to compare runs. */
  digest: string
}

/**
 * Runs the CLI with its standard output going straight to a file, and reads the file only
 * once the CLI has exited: reading, hashing and counting 800 MB while it ran took most of a
 * core from the two the CLI's threads were measured on.
 */
async function runCli(root: string, file: string, output: string, extra: readonly string[] = []): Promise<CliRun> {
  const timed = existsSync('/usr/bin/time')
  const args = [process.execPath, join(root, 'bin', 'run.js'), 'evaluate', file, '--json', ...extra]
  const out = openSync(output, 'w')
  const run = await new Promise<{ code: number | null; wallMs: number; stderr: string }>((resolve, reject) => {
    const started = performance.now()
    const child = timed ? spawn('/usr/bin/time', ['-f', 'maxrss-kb %M cpu-s %U %S', ...args], { cwd: root, stdio: ['ignore', out, 'pipe'] }) : spawn(args[0]!, args.slice(1), { cwd: root, stdio: ['ignore', out, 'pipe'] })
    let stderr = ''
    child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, wallMs: performance.now() - started, stderr }))
  })
  closeSync(out)
  const { lines, errorLines, digest } = await readOutput(output)
  const kb = /maxrss-kb (\d+)/.exec(run.stderr)
  const cpu = /cpu-s ([\d.]+) ([\d.]+)/.exec(run.stderr)
  return { lines, errorLines, exitCode: run.code, wallMs: run.wallMs, peakRssMb: kb ? Number(kb[1]) / 1024 : null, processorMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null, digest }
}

/** The verdict lines of an output file, those that are errors, and a digest of the whole; then the file is removed (800 MB). */
async function readOutput(path: string): Promise<{ lines: number; errorLines: number; digest: string }> {
  const hash = createHash('sha256')
  let lines = 0
  let errorLines = 0
  // The first bytes of the line being read, which a chunk's end may cut.
  let head = ''
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    for (let start = 0; ; ) {
      const end = chunk.indexOf(10, start)
      if (head.length < 8) head += chunk.subarray(start, Math.min(start + 8 - head.length, end < 0 ? chunk.length : end)).toString('latin1')
      if (end < 0) break
      lines++
      if (head.startsWith('{"error"')) errorLines++
      head = ''
      start = end + 1
    }
  }
  await rm(path)
  return { lines, errorLines, digest: hash.digest('hex') }
}

/** One pass of the peer over the engine corpus in each of its modes (plain documents, pre-validated), in ms. */
async function peerPasses(simulations: ReturnType<typeof peerSimulations>): Promise<number[]> {
  const out: number[] = []
  for (const list of [simulations.raw, simulations.prevalidated]) {
    const started = performance.now()
    for (const simulation of list) await runSimulation(simulation, {})
    out.push(performance.now() - started)
  }
  return out
}

function peerSimulations(seed: number, principalsPerAccount: number) {
  const corpus = generateCorpus({ seed, principalsPerAccount })
  return { cases: corpus.length, raw: corpus.map((c) => toSimulation(c)), prevalidated: corpus.map((c) => toSimulation(c, true)) }
}

/** A child of `script` (first-pass.ts, peer-first-pass.ts): its one JSON line. */
async function child(root: string, script: string, seed: number, principalsPerAccount: number): Promise<{ cases: number; firstMs: number }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'bench/batch', script), String(seed), String(principalsPerAccount)], {
    cwd: root,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  })
  return JSON.parse(stdout.trim().split('\n').pop()!) as { cases: number; firstMs: number }
}

export async function measureBatch(options: { seed: number; cases: number; outDir: string; root: string; principalsPerAccount: number }, log: (line: string) => void): Promise<BatchResult> {
  const file = join(options.outDir, `batch-${options.cases}.jsonl`)
  log(`batch: writing ${options.cases.toLocaleString('en-US')} cases as JSON Lines…`)
  await writeCases(file, options.cases, options.seed)
  const fileMb = (await stat(file)).size / 2 ** 20
  const simulations = peerSimulations(options.seed, options.principalsPerAccount)
  // The peer and the batch in turn, BATCH_ROUNDS times: the best of each is compared (the best
  // batch run against the best of the peer's passes, two a round).
  const passesMs: number[] = []
  const runs: CliRun[] = []
  for (let i = 1; i <= BATCH_ROUNDS; i++) {
    log(`batch: the peer (${i} of ${BATCH_ROUNDS})…`)
    passesMs.push(...(await peerPasses(simulations)))
    log(`batch: denydoctor evaluate ${file} --json (${fileMb.toFixed(0)} MB; ${i} of ${BATCH_ROUNDS})…`)
    runs.push(await runCli(options.root, file, join(options.outDir, 'batch-output.jsonl')))
  }
  const cli = runs.reduce((best, r) => (r.wallMs < best.wallMs ? r : best))
  log(`batch: the same with --jobs 1…`)
  const one = await runCli(options.root, file, join(options.outDir, 'batch-output-1.jsonl'), ['--jobs', '1'])
  log('batch: first pass of a fresh process, denydoctor and the peer in turn…')
  const ours: { cases: number; firstMs: number }[] = []
  const peers: { cases: number; firstMs: number }[] = []
  for (let i = 0; i < FIRST_PASS_RUNS; i++) {
    ours.push(await child(options.root, 'first-pass.ts', options.seed, options.principalsPerAccount))
    peers.push(await child(options.root, 'peer-first-pass.ts', options.seed, options.principalsPerAccount))
  }
  const firstMs = Math.min(...ours.map((r) => r.firstMs))
  const peerFirstMs = Math.min(...peers.map((r) => r.firstMs))
  const { digest: _digest, ...figures } = cli
  return {
    cases: options.cases,
    fileMb,
    ...figures,
    // The highest of the runs' peaks: the target is a bound.
    peakRssMb: runs.some((r) => r.peakRssMb === null) ? null : Math.max(...runs.map((r) => r.peakRssMb!)),
    runsMs: runs.map((r) => r.wallMs),
    perSecond: (options.cases * 1000) / cli.wallMs,
    oneJob: { wallMs: one.wallMs, perSecond: (options.cases * 1000) / one.wallMs, peakRssMb: one.peakRssMb, processorMs: one.processorMs, identical: runs.every((r) => r.digest === one.digest && r.exitCode === one.exitCode) },
    firstPass: {
      cases: ours[0]!.cases,
      firstMs,
      perSecond: (ours[0]!.cases * 1000) / firstMs,
      runsMs: ours.map((r) => r.firstMs),
      peerFirstMs,
      peerPerSecond: (peers[0]!.cases * 1000) / peerFirstMs,
      peerRunsMs: peers.map((r) => r.firstMs),
    },
    peerBeside: { perSecond: (simulations.cases * 1000) / Math.min(...passesMs), passesMs },
  }
}
