/**
 * What the `audit` and `audit merge` commands do between parsing flags and printing: read
 * the file, pick the sources, run (or merge), compare with the baseline, write the JUnit and
 * JSON files asked for. The commands stay thin; tests drive these with mocked sources.
 */
import { stat } from 'node:fs/promises'
import { readInput } from '../cli/read-input.js'
import { fileProblem } from '../file-problem.js'
import type { Lang } from '../i18n/index.js'
import { UserError } from '../user-error.js'
import { driftSince } from './drift.js'
import { mergeResults } from './merge.js'
import { progressLine } from './progress-line.js'
import { parseAuditText } from './read-audit-file.js'
import { readAuditResult } from './read-result.js'
import { renderAuditJunit } from './render.js'
import { finish, type AuditResult } from './result.js'
import { runAuditJobs, startWorkersEarly, type HeldWorker, type WorkerRequestOptions } from './jobs.js'
import { runAudit, type AuditProgress } from './run.js'
import { parseShard } from './shard.js'
import { auditJsonFilePieces, writePiecesToFile } from './write-report.js'
import type { AuditReach } from './reach.js'
import type { AuditFile } from './types.js'

export interface ReportFlags {
  readonly baseline?: string | undefined
  readonly junit?: string | undefined
  readonly out?: string | undefined
}

export interface AuditFlags extends ReportFlags {
  readonly 'allow-undetermined': boolean
  readonly 'assume-absent': boolean
  readonly 'allow-unknown-action': boolean
  /** `--unknown KEY`: left unknown in every check, whatever a direct call would carry. */
  readonly unknown?: string[] | undefined
  readonly shard?: string | undefined
  readonly 'shard-count'?: string | undefined
  /** Worker threads for a snapshot audit (default 1 here; the command defaults to the cores available). */
  readonly jobs?: number | undefined
  /** The snapshot the sources read, which workers read again. */
  readonly snapshot?: string | undefined
}

export interface AuditEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>
  /** Show the progress line (a terminal, and not JSON output). */
  readonly progress: boolean
  readonly now: () => Date
  /** The SDK's configured region (live runs), for aws:RequestedRegion when a check does not say it. */
  readonly configuredRegion?: string | null
  /** The sources for the file (the command builds them from its flags; tests pass mocked ones). */
  readonly reachFor: (file: AuditFile) => Promise<{ reach: AuditReach; label: string }>
  /** Fewer checks per job than this and a snapshot audit runs in one thread (tests lower it). */
  readonly minChecksPerJob?: number
  /** false: with several jobs, every check runs in a worker thread (tests). */
  readonly mainThreadTakesParts?: boolean
  /** The language of the progress line and the JUnit messages (default English). */
  readonly lang?: Lang
}

/** Writes a report file as it is made, never whole in memory (write-report.ts). */
async function writeOut(path: string, pieces: Iterable<string>, what: string): Promise<void> {
  try {
    await writePiecesToFile(path, pieces)
  } catch (error) {
    throw new UserError(`Cannot write the ${what} to ${path}: ${fileProblem(error, path, true)}.`)
  }
}

/** The baseline comparison, then the files asked for. */
async function report(result: AuditResult, flags: ReportFlags, lang: Lang = 'en'): Promise<AuditResult> {
  const withDrift = flags.baseline ? finish({ ...result, drift: driftSince(result, await readAuditResult(flags.baseline)) }) : result
  if (flags.junit) {
    const junit = renderAuditJunit(withDrift, lang)
    await writeOut(flags.junit, [junit.endsWith('\n') ? junit : `${junit}\n`], 'JUnit report')
  }
  if (flags.out) await writeOut(flags.out, auditJsonFilePieces(withDrift), 'JSON result')
  return withDrift
}

export async function executeAudit(fileArg: string | undefined, flags: AuditFlags, environment: AuditEnvironment): Promise<AuditResult> {
  const input = await readInput(fileArg, 'the audit file')
  const file = parseAuditText(input.text, input.name, { allowUnknownAction: flags['allow-unknown-action'] })
  const shard = parseShard(flags.shard, flags['shard-count'], environment.env)
  const jobs = flags.jobs ?? 1
  const jobsOptions = {
    snapshot: flags.snapshot ?? '',
    fileText: input.text,
    fileName: input.name,
    allowUnknownAction: flags['allow-unknown-action'],
    allowUndetermined: flags['allow-undetermined'],
    assumeAbsent: flags['assume-absent'],
    unknownKeys: flags.unknown ?? [],
    configuredRegion: environment.configuredRegion ?? null,
    shard,
  }
  const early = flags.snapshot && jobs > 1 && (await isLargeSnapshot(flags.snapshot)) ? startWorkersEarly(jobs - 1, jobsOptions) : []
  try {
    return await auditWith(file, flags, environment, jobs, jobsOptions, early)
  } finally {
    // Those the run used it has stopped; these are any it did not reach (a failure before it).
    await Promise.all(early.map((w) => w.worker.terminate()))
  }
}

/**
 * A snapshot this large takes the main thread a while to read (5,000 roles: 14 MB, about
 * 0.8 s), and each worker reads it again: workers started at once read it alongside the main
 * thread instead of after it. A smaller one is read quickly, and its audit is often too small
 * to need a worker at all (runAuditJobs then stops them).
 */
const EARLY_WORKERS_FROM_BYTES = 4 * 1024 * 1024

async function isLargeSnapshot(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size >= EARLY_WORKERS_FROM_BYTES
  } catch {
    // Not there or not readable: the snapshot's own reading says so, in its words.
    return false
  }
}

async function auditWith(
  file: AuditFile,
  flags: AuditFlags,
  environment: AuditEnvironment,
  jobs: number,
  jobsOptions: WorkerRequestOptions,
  early: readonly HeldWorker[],
): Promise<AuditResult> {
  // What every check is run with; the rest of jobsOptions is what workers read.
  const { snapshot, fileText, fileName, allowUnknownAction, ...checks } = jobsOptions
  const { reach, label } = await environment.reachFor(file)
  const line = progressLine(environment.progress, process.stderr, undefined, environment.lang)
  let result: AuditResult
  try {
    const options = { ...checks, onProgress: (p: AuditProgress) => line.update(p), now: environment.now, sourceLabel: label }
    result =
      flags.snapshot && jobs > 1
        ? await runAuditJobs(file, reach, {
            ...options,
            jobs,
            snapshot,
            fileText,
            fileName,
            allowUnknownAction,
            early,
            ...(environment.minChecksPerJob !== undefined ? { minChecksPerJob: environment.minChecksPerJob } : {}),
            ...(environment.mainThreadTakesParts !== undefined ? { mainThreadTakesParts: environment.mainThreadTakesParts } : {}),
          })
        : await runAudit(file, reach, options)
  } finally {
    line.done()
  }
  return report(result, flags, environment.lang)
}

export interface MergeFlags extends ReportFlags {
  readonly 'allow-missing-shards': boolean
}

export async function executeMerge(files: readonly string[], flags: MergeFlags, lang: Lang = 'en'): Promise<AuditResult> {
  const inputs = []
  for (const file of files) inputs.push({ file, result: await readAuditResult(file) })
  return report(mergeResults(inputs, { allowMissingShards: flags['allow-missing-shards'] }), flags, lang)
}
