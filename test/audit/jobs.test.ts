/**
 * `audit --jobs N`: the same checks, verdicts, deciding statements, order and report with one
 * job or several worker threads (each reading the snapshot itself), and a shard split further
 * across jobs. Workers run from the TypeScript sources here (jobs.ts starts them through tsx).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { executeAudit } from '../../src/audit/execute.js'
import { partSize, partsOf } from '../../src/audit/jobs.js'
import { singleReach } from '../../src/audit/reach.js'
import { renderAudit } from '../../src/audit/render.js'
import { createSnapshotProvider } from '../../src/sources/snapshot/provider.js'
import { DEMO, demoProvider, demoSnapshot, EXAMPLE_AUDIT, FIXED_NOW, lines } from './helpers.js'

const flags = (jobs: number, extra: Record<string, string | string[]> = {}) => ({
  'allow-undetermined': false,
  'assume-absent': false,
  'allow-unknown-action': false,
  snapshot: DEMO,
  jobs,
  ...extra,
})

const environment = {
  env: {},
  progress: false,
  now: () => FIXED_NOW,
  // The sources as the command builds them from --snapshot, which the workers read again.
  reachFor: async () => ({ reach: singleReach(createSnapshotProvider(demoSnapshot, { fileName: DEMO })), label: `snapshot ${DEMO}` }),
  // Workers even for the example's 15 checks.
  minChecksPerJob: 1,
}
/** Every check in a worker: the main thread would otherwise run most of 15 checks before a worker is up. */
const workersOnly = { ...environment, mainThreadTakesParts: false }

describe('audit --jobs', () => {
  it('cuts the checks into contiguous parts that cover each once, small enough for the threads to finish together', () => {
    expect(partsOf(10, 3)).toEqual([[0, 3], [3, 6], [6, 9], [9, 10]])
    expect(partsOf(2, 1)).toEqual([[0, 1], [1, 2]])
    expect(partsOf(7, 7)).toEqual([[0, 7]])
    expect(partSize(100_000, 2)).toBe(1000)
    expect(partSize(15, 3)).toBe(1)
  })

  it('gives the same report with 1, 2 and 3 jobs: checks, verdicts, deciding statements, order', async () => {
    const one = await executeAudit(EXAMPLE_AUDIT, flags(1), environment)
    const two = await executeAudit(EXAMPLE_AUDIT, flags(2), workersOnly)
    const three = await executeAudit(EXAMPLE_AUDIT, flags(3), workersOnly)
    expect(lines(one)).toHaveLength(15)
    expect(lines(one)[0]).toMatch(/ExplicitDeny \(held\) \| SCP `DenyRunInstances`/)
    expect(two).toEqual(one)
    expect(three).toEqual(one)
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
    for (const format of ['text', 'markdown', 'json'] as const) expect(renderAudit(two, format, { color: false })).toBe(renderAudit(one, format, { color: false }))
  })

  it('splits a shard across jobs and keeps the shard’s checks', async () => {
    const one = await executeAudit(EXAMPLE_AUDIT, flags(1, { shard: '2/3' }), environment)
    const two = await executeAudit(EXAMPLE_AUDIT, flags(2, { shard: '2/3' }), workersOnly)
    expect(lines(one).length).toBeGreaterThan(1)
    expect(lines(one).length).toBeLessThan(15)
    expect(two).toEqual(one)
  })

  it('gives the workers the --unknown keys too', async () => {
    const unknown = { unknown: ['aws:MultiFactorAuthPresent', 'aws:SourceVpce', 'aws:userId'] }
    const one = await executeAudit(EXAMPLE_AUDIT, flags(1, unknown), environment)
    const three = await executeAudit(EXAMPLE_AUDIT, flags(3, unknown), workersOnly)
    expect(lines(one)).not.toEqual(lines(await executeAudit(EXAMPLE_AUDIT, flags(1), environment)))
    expect(three).toEqual(one)
  })

  it('reports progress for every check, from every worker', async () => {
    const seen: number[] = []
    const text = readFileSync(EXAMPLE_AUDIT, 'utf8')
    expect(text.length).toBeGreaterThan(0)
    const { runAuditJobs } = await import('../../src/audit/jobs.js')
    const { parseAuditText } = await import('../../src/audit/read-audit-file.js')
    const file = parseAuditText(text, EXAMPLE_AUDIT)
    await runAuditJobs(file, singleReach(demoProvider()), {
      jobs: 2,
      minChecksPerJob: 1,
      snapshot: DEMO,
      fileText: text,
      fileName: EXAMPLE_AUDIT,
      allowUnknownAction: false,
      allowUndetermined: false,
      assumeAbsent: false,
      shard: null,
      now: () => FIXED_NOW,
      sourceLabel: 'snapshot',
      onProgress: (p) => seen.push(p.done),
    })
    expect(seen[0]).toBe(0)
    expect(seen.at(-1)).toBe(15)
  })
})

describe('audit --jobs, a worker that fails', () => {
  it('fails the audit with the worker’s sentence, as a user-facing error naming the file', async () => {
    const missing = '/nonexistent/snapshot.json'
    const run = executeAudit(EXAMPLE_AUDIT, flags(3, { snapshot: missing }), environment)
    const error = (await run.then(() => null, (e: unknown) => e)) as Error
    expect(error.name).toBe('SnapshotError')
    expect(error.message).toContain(missing)
  })

  it('stops the main thread’s own share of the checks too, rather than finishing it before the error is told', async () => {
    // The main thread's first check waits at this gate until the workers have failed.
    let open: () => void = () => {}
    const gate = new Promise<void>((resolve) => (open = resolve))
    let asked = 0
    const provider = createSnapshotProvider(demoSnapshot, { fileName: DEMO })
    const reach = singleReach(provider)
    const gated = { ...reach, sourceFor: async (account: string) => (asked++ === 0 ? gate.then(() => reach.sourceFor(account)) : reach.sourceFor(account)) }
    const run = executeAudit(EXAMPLE_AUDIT, flags(2, { snapshot: '/nonexistent/snapshot.json' }), { ...environment, reachFor: async () => ({ reach: gated, label: 'snapshot' }) })
    const error = (await run.then(() => null, (e: unknown) => e)) as Error
    expect(error.name).toBe('SnapshotError')
    expect(asked).toBe(1)
    open()
    // The part in hand finishes; no other part is started.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
    expect(asked).toBe(1)
  })
})
