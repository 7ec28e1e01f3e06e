import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/engine/corpus.js'
import { toSimulation } from '../../bench/engine/peer.js'
import { createRng } from '../../bench/lib/prng.js'
import { loadCase } from '../../src/sources/case/load-case.js'

const small = { principalsPerAccount: 3, requestsPerPrincipal: 8 }

describe('the seeded PRNG', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed)
      return Array.from({ length: 20 }, () => rng.int(0, 1000))
    }
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
  })

  it('stays inside its bounds and samples without repeats', () => {
    const rng = createRng(7)
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5)
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThanOrEqual(5)
    }
    const sample = rng.sample([1, 2, 3, 4, 5, 6], 4)
    expect(new Set(sample).size).toBe(4)
  })
})

describe('the engine corpus', () => {
  it('is the same for the same seed, case for case', () => {
    expect(generateCorpus({ seed: 11, ...small })).toEqual(generateCorpus({ seed: 11, ...small }))
  })

  it('differs for another seed', () => {
    const a = generateCorpus({ seed: 11, ...small }).map((c) => c.case.request)
    const b = generateCorpus({ seed: 12, ...small }).map((c) => c.case.request)
    expect(a).not.toEqual(b)
  })

  it('gives each principal 20–40 identity statements and three SCP levels', () => {
    for (const item of generateCorpus({ seed: 3, ...small })) {
      const statements = item.case.policies.identity.reduce((n, p) => n + p.document.Statement.length, 0)
      expect(statements).toBeGreaterThanOrEqual(20)
      expect(statements).toBeLessThanOrEqual(40)
      expect(item.case.policies.scps).toHaveLength(3)
    }
  })

  it('uses NotAction, conditions, boundaries and bucket policies somewhere', () => {
    const cases = generateCorpus({ seed: 3, ...small })
    const text = JSON.stringify(cases)
    expect(text).toContain('"NotAction"')
    expect(text).toContain('"Condition"')
    expect(cases.some((c) => c.case.policies.boundary !== null)).toBe(true)
    expect(cases.some((c) => c.case.policies.resource !== null)).toBe(true)
    expect(cases.some((c) => c.case.resourceAccount !== c.case.request.context['aws:PrincipalAccount'])).toBe(true)
  })

  it('is made of valid case files that denydoctor loads', () => {
    for (const item of generateCorpus({ seed: 5, ...small })) {
      const loaded = loadCase(item.case)
      expect(loaded.request.action).toBe(item.case.request.action)
      expect(loaded.request.context.complete).toBe(true)
    }
  })

  it('hands the peer the same request, with RCPFullAWSAccess left to the peer (it adds it itself)', () => {
    const [item] = generateCorpus({ seed: 5, ...small })
    const simulation = toSimulation(item!)
    expect(simulation.request.action).toBe(item!.case.request.action)
    expect(simulation.request.contextVariables).toBe(item!.case.request.context)
    expect(simulation.serviceControlPolicies.map((l) => l.orgIdentifier)).toEqual(item!.scpLevelIds)
    expect(simulation.resourceControlPolicies.flatMap((l) => l.policies.map((p) => p.name)).some((n) => n.startsWith('RCPFullAWSAccess'))).toBe(false)
  })
})
