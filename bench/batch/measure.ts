/**
 * Measurement 5, batch evaluation as users reach it:
 * - `denydoctor evaluate FILE --json` (the built CLI, bin/run.js) on a JSON Lines file of
 *   `cases` engine-corpus cases (the same accounts, more requests per principal): wall time
 *   from spawn to exit, the verdict lines counted as they arrive, and the child's peak memory
 *   (the kernel's high-water mark of its resident set) and processor time (user + system, all
 *   threads), both from /usr/bin/time; with the default jobs (the cores available), then again
 *   with `--jobs 1`, whose output must be the same byte for byte.
 * - the first pass of a fresh process: evaluateCase over the engine corpus in a child
 *   (first-pass.ts).
 * The peer's rates come from the engine measurement of the same run.
 */
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream, existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { once } from 'node:events'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateCorpus } from '../engine/corpus.js'

const run = promisify(execFile)

export interface BatchResult {
  readonly cases: number
  readonly fileMb: number
  readonly lines: number
  readonly errorLines: number
  readonly exitCode: number | null
  readonly wallMs: number
  readonly perSecond: number
  /** null when /usr/bin/time is not there to read it. */
  readonly peakRssMb: number | null
  /** The child's processor time (user + system, all its threads), from /usr/bin/time; null without it. */
  readonly processorMs: number | null
  /** The same input with `--jobs 1` (one thread), for comparison. */
  readonly oneJob: { readonly wallMs: number; readonly perSecond: number; readonly peakRssMb: number | null; readonly processorMs: number | null; readonly identical: boolean }
  readonly firstPass: { readonly cases: number; readonly firstMs: number; readonly perSecond: number }
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

function runCli(root: string, file: string, extra: readonly string[] = []): Promise<CliRun> {
  const timed = existsSync('/usr/bin/time')
  const args = [process.execPath, join(root, 'bin', 'run.js'), 'evaluate', file, '--json', ...extra]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = timed ? spawn('/usr/bin/time', ['-f', 'maxrss-kb %M cpu-s %U %S', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }) : spawn(args[0]!, args.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let lines = 0
    let errorLines = 0
    let tail = ''
    const hash = createHash('sha256')
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      hash.update(chunk)
      const text = tail + chunk
      let start = 0
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        lines++
        if (text.startsWith('{"error"', start)) errorLines++
        start = end + 1
      }
      tail = text.slice(start)
    })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      const kb = /maxrss-kb (\d+)/.exec(stderr)
      const cpu = /cpu-s ([\d.]+) ([\d.]+)/.exec(stderr)
      resolve({ lines, errorLines, exitCode: code, wallMs, peakRssMb: kb ? Number(kb[1]) / 1024 : null, processorMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null, digest: hash.digest('hex') })
    })
  })
}

export async function measureBatch(options: { seed: number; cases: number; outDir: string; root: string; principalsPerAccount: number }, log: (line: string) => void): Promise<BatchResult> {
  const file = join(options.outDir, `batch-${options.cases}.jsonl`)
  log(`batch: writing ${options.cases.toLocaleString('en-US')} cases as JSON Lines…`)
  await writeCases(file, options.cases, options.seed)
  const fileMb = (await stat(file)).size / 2 ** 20
  log(`batch: denydoctor evaluate ${file} --json (${fileMb.toFixed(0)} MB)…`)
  const cli = await runCli(options.root, file)
  log(`batch: the same with --jobs 1…`)
  const one = await runCli(options.root, file, ['--jobs', '1'])
  log('batch: first pass of a fresh process…')
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(options.root, 'bench/batch/first-pass.ts'), String(options.seed), String(options.principalsPerAccount)], {
    cwd: options.root,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  })
  const first = JSON.parse(stdout.trim().split('\n').pop()!) as { cases: number; firstMs: number }
  const { digest, ...figures } = cli
  return {
    cases: options.cases,
    fileMb,
    ...figures,
    perSecond: (options.cases * 1000) / cli.wallMs,
    oneJob: { wallMs: one.wallMs, perSecond: (options.cases * 1000) / one.wallMs, peakRssMb: one.peakRssMb, processorMs: one.processorMs, identical: one.digest === digest && one.exitCode === cli.exitCode },
    firstPass: { cases: first.cases, firstMs: first.firstMs, perSecond: (first.cases * 1000) / first.firstMs },
  }
}
