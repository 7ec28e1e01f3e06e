/**
 * Workers started before the main thread reads the snapshot (startWorkersEarly): what they say
 * before the run listens is held, not lost, so the report is the one of workers started late;
 * those the run does not need are stopped; one that fails before the run listens fails it.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runAuditJobs, startWorkersEarly, type WorkerRequestOptions } from '../../src/audit/jobs.js'
import { parseAuditText } from '../../src/audit/read-audit-file.js'
import { singleReach } from '../../src/audit/reach.js'
import { createSnapshotProvider } from '../../src/sources/snapshot/provider.js'
import { DEMO, demoSnapshot, EXAMPLE_AUDIT, FIXED_NOW } from './helpers.js'

const text = readFileSync(EXAMPLE_AUDIT, 'utf8')
const file = parseAuditText(text, EXAMPLE_AUDIT)
const request: WorkerRequestOptions = { snapshot: DEMO, fileText: text, fileName: EXAMPLE_AUDIT, allowUnknownAction: false, allowUndetermined: false, assumeAbsent: false, shard: null }
const common = { ...request, now: () => FIXED_NOW, sourceLabel: 'snapshot' }
/** The sources as the command builds them from --snapshot, which the workers read again. */
const reach = () => singleReach(createSnapshotProvider(demoSnapshot, { fileName: DEMO }))

/** Until every worker has said what it had to say (its readiness, or its failure) with nobody listening. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 4000))

describe('audit workers started early', () => {
  it('holds a ready worker’s word until the run listens: the report of workers started when needed', async () => {
    const late = await runAuditJobs(file, reach(), { ...common, jobs: 3, minChecksPerJob: 1, mainThreadTakesParts: false })
    const early = startWorkersEarly(2, request)
    await settle()
    const three = await runAuditJobs(file, reach(), { ...common, jobs: 3, minChecksPerJob: 1, mainThreadTakesParts: false, early })
    expect(three.totals.checks.total).toBe(15)
    expect(JSON.stringify(three) === JSON.stringify(late)).toBe(true)
  }, 30_000)

  it('stops the workers the run does not need', async () => {
    const early = startWorkersEarly(2, request)
    const exits = early.map(({ worker }) => new Promise<number>((resolve) => worker.once('exit', resolve)))
    // 15 checks and at least 2,000 a job: one thread.
    const result = await runAuditJobs(file, reach(), { ...common, jobs: 3, early })
    expect(result.totals.checks.total).toBe(15)
    expect(await Promise.all(exits)).toHaveLength(2)
  }, 30_000)

  it('fails the run with the sentence of a worker that failed before the run listened', async () => {
    const missing = '/nonexistent/snapshot.json'
    const early = startWorkersEarly(1, { ...request, snapshot: missing })
    await settle()
    const run = runAuditJobs(file, reach(), { ...common, snapshot: missing, jobs: 2, minChecksPerJob: 1, mainThreadTakesParts: false, early })
    const error = (await run.then(() => null, (e: unknown) => e)) as Error
    expect(error.name).toBe('SnapshotError')
    expect(error.message).toContain(missing)
  }, 30_000)
})
