/**
 * Table-driven tests of the direct-call profile and the absent-key rules (src/context): each
 * test/fixtures/direct-call/*.json holds a request as `principal` would ask it (a principal,
 * an action, resources, what the user gave), the policies in the case-file format, and the
 * expected decision, deciding statements and assumptions. The context is built by the same
 * function `principal`, `explain` and `audit` use, with the clock and the configured region
 * fixed by the fixture.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { lookupAction, rcpServices } from '../../src/catalogue/index.js'
import { callContext } from '../../src/context/request-context.js'
import { evaluate } from '../../src/evaluate/index.js'
import { loadCase } from '../../src/sources/case/load-case.js'

const DIR = fileURLToPath(new URL('../fixtures/direct-call/', import.meta.url))

interface DirectCallFixture {
  description: string
  reference: string
  principal: string
  uniqueId?: string
  tags?: Record<string, string>
  action: string
  resources?: string[]
  context?: Record<string, string | string[]>
  unknown?: string[]
  region?: string
  configuredRegion?: string
  /** The region the source recorded for the resource (a snapshot's bucket). */
  resourceRegion?: string
  now?: string
  assumeAbsent?: boolean
  policies: Record<string, unknown>
  expect: {
    decision: string
    denies: Record<string, unknown>[]
    missingAllows?: Record<string, unknown>[]
    assumed?: Record<string, string | string[]>
    notAssumed?: string[]
    explanation?: string
  }
}

function run(f: DirectCallFixture) {
  const resources = f.resources ?? []
  const loaded = loadCase(
    { request: { principal: f.principal, action: f.action, ...(resources.length ? { resource: resources } : {}) }, contextComplete: false, policies: f.policies },
    (action) => lookupAction(action)?.resourceTypes ?? [],
  )
  const principal = { ...loaded.request.principal, uniqueId: f.uniqueId ?? null, tags: f.tags ?? null }
  const given = Object.entries(f.context ?? {}).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as const] : v.map((one) => [k, one] as const)))
  const { context, assumptions } = callContext({
    principal,
    action: f.action,
    resources,
    catalogue: lookupAction(f.action),
    given: f.region ? [...given, ['aws:RequestedRegion', f.region] as const] : given,
    fromSource: [],
    absent: [],
    unknown: f.unknown ?? [],
    region: f.region ?? null,
    configuredRegion: f.configuredRegion ?? null,
    resourceRegion: f.resourceRegion ?? null,
    now: new Date(f.now ?? '2026-12-07T12:00:00Z'),
    assumeAbsent: f.assumeAbsent ?? false,
  })
  return evaluate({ ...loaded.request, principal, context }, loaded.policies, { rcpServices: rcpServices(), assumptions })
}

const matches = (expected: Record<string, unknown>, actual: object) =>
  Object.entries(expected).every(([k, v]) => JSON.stringify((actual as Record<string, unknown>)[k]) === JSON.stringify(v))

const files = readdirSync(DIR).filter((n) => n.endsWith('.json')).sort()

describe('direct-call fixtures', () => {
  it('cover the profile keys, the absent rules and partial aws:userid', () => {
    expect(files.length).toBeGreaterThanOrEqual(25)
  })
  for (const name of files) {
    const f = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as DirectCallFixture
    it(`${name}: ${f.description}`, () => {
      expect(f.reference).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
      const verdict = run(f)
      const summary = JSON.stringify({ decision: verdict.decision, denies: verdict.denies.map((d) => [d.policyType, d.statementIndex, d.sid, d.certain, d.unknownKeys]) })
      expect(verdict.decision, summary).toBe(f.expect.decision)
      expect(verdict.denies.length, summary).toBe(f.expect.denies.length)
      for (const d of f.expect.denies) expect(verdict.denies.some((x) => matches(d, x)), `${JSON.stringify(d)} in ${summary}`).toBe(true)
      for (const m of f.expect.missingAllows ?? []) expect(verdict.missingAllows.some((x) => matches(m, x))).toBe(true)
      const assumed = Object.fromEntries((verdict.assumptions ?? []).map((a) => [a.key, a.value]))
      for (const [key, value] of Object.entries(f.expect.assumed ?? {})) expect(assumed[key], key).toEqual(value)
      for (const key of f.expect.notAssumed ?? []) expect(Object.keys(assumed)).not.toContain(key)
      if (f.expect.explanation) expect(verdict.denies[0]?.explanation ?? '').toContain(f.expect.explanation)
    })
  }
})
