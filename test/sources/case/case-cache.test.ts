/**
 * evaluateCase with kept policies and parts, and the prepared form: the same verdict (decision,
 * deciding statements, missing Allows, warnings: the whole JSON) as parsing everything afresh,
 * for every evaluator fixture; a `policies` object changed after use is read again; the tables
 * stay bounded.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../../src/evaluate-case.js'
import { preparePolicies } from '../../../src/prepared.js'
import { verdictToJson } from '../../../src/report/index.js'
import { CaseCache } from '../../../src/sources/case/case-cache.js'
import { CaseError } from '../../../src/sources/case/case-error.js'

const CASES = join(import.meta.dirname, '..', '..', 'fixtures', 'cases')

function fixtures(dir: string): Record<string, unknown>[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return fixtures(path)
    return e.name.endsWith('.json') ? [JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>] : []
  })
}

const all = fixtures(CASES)
const json = (c: unknown, options?: Parameters<typeof evaluateCase>[1]) => JSON.stringify(verdictToJson(evaluateCase(c, options)))

describe('evaluateCase with kept policies', () => {
  it('answers every fixture exactly as without a cache: first sight, again, and from JSON text', () => {
    expect(all.length).toBeGreaterThan(200)
    const cache = new CaseCache()
    for (const c of all) {
      const fresh = json(c, { cache: null })
      expect(json(c, { cache })).toBe(fresh)
      expect(json(c, { cache })).toBe(fresh)
      expect(json(JSON.parse(JSON.stringify(c)), { cache, fromJson: true })).toBe(fresh)
    }
  })

  it('prepared policies answer every fixture as evaluateCase does', () => {
    for (const c of all) {
      const { policies, ...request } = c
      expect(JSON.stringify(verdictToJson(preparePolicies(policies).evaluate(request)))).toBe(json(c, { cache: null }))
    }
  })

  it('reads a policies object again when a policy was added to it after use', () => {
    const cache = new CaseCache()
    const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
    const c = {
      request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: {} },
      resourceAccount: '111122223333',
      policies: { identity: [allow] as unknown[] },
    }
    expect(evaluateCase(c, { cache }).decision).toBe('Allowed')
    c.policies.identity.push({ name: 'DenyAll', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } })
    const denied = evaluateCase(c, { cache })
    expect(denied.decision).toBe('ExplicitDeny')
    expect(denied.denies.map((d) => d.policyName)).toEqual(['DenyAll'])
    c.policies.identity.pop()
    expect(evaluateCase(c, { cache }).decision).toBe('Allowed')
  })

  it('reads a policy object met again in a new set anew when it was renamed, given another document or put elsewhere', () => {
    const cache = new CaseCache()
    const allowGet = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
    const denyGet = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] }
    const wrapped = { name: 'Reader', arn: 'arn:aws:iam::111122223333:policy/Reader', document: allowGet }
    const request = { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }
    // Each call a new `policies` object and a new list: only the policy objects recur.
    const ask = (identity: unknown[], scps?: unknown[][]) => evaluateCase({ request, resourceAccount: '111122223333', policies: { identity: [...identity], ...(scps ? { scps } : {}) } }, { cache })
    const fresh = (identity: unknown[], scps?: unknown[][]) =>
      json({ request, resourceAccount: '111122223333', policies: { identity: [...identity], ...(scps ? { scps } : {}) } }, { cache: null })
    const same = (identity: unknown[], scps?: unknown[][]) => expect(JSON.stringify(verdictToJson(ask(identity, scps)))).toBe(fresh(identity, scps))

    expect(ask([wrapped]).allows.map((a) => [a.policyName, a.policyArn])).toEqual([['Reader', 'arn:aws:iam::111122223333:policy/Reader']])
    wrapped.name = 'Renamed'
    expect(ask([wrapped]).allows.map((a) => a.policyName)).toEqual(['Renamed'])
    wrapped.arn = 'arn:aws:iam::111122223333:policy/Other'
    expect(ask([wrapped]).allows.map((a) => a.policyArn)).toEqual(['arn:aws:iam::111122223333:policy/Other'])
    wrapped.document = denyGet
    expect(ask([wrapped]).decision).toBe('ExplicitDeny')
    same([wrapped])
    // A bare document named by its place: the same object at two places, each its own name.
    expect(ask([allowGet, allowGet]).allows.map((a) => a.policyName)).toEqual(['identity[0]', 'identity[1]'])
    expect(ask([denyGet, allowGet]).allows.map((a) => a.policyName)).toEqual(['identity[1]'])
    same([denyGet, allowGet])
    // One SCP object on every level: each level its own.
    const full = { name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }
    expect(ask([allowGet], [[full], [full], [full]]).allows.filter((a) => a.policyType === 'scp').map((a) => a.attachedTo)).toEqual(['root', 'level-1', 'account'])
    same([allowGet], [[full], [full], [full]])
    same([allowGet], [[full], [full]])
  })

  it('keeps its tables bounded however many distinct cases go through', () => {
    const cache = new CaseCache(undefined, { partLimit: 10 })
    for (let i = 0; i < 60; i++) {
      const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `s3:GetObject`, Resource: `arn:aws:s3:::bucket-${i}/*` }] }
      const c = { request: { principal: `arn:aws:iam::111122223333:user/u${i}`, action: 's3:GetObject', resource: `arn:aws:s3:::bucket-${i}/k` }, resourceAccount: '111122223333', policies: { identity: [doc] } }
      expect(evaluateCase(c, { cache }).decision).toBe('Allowed')
    }
    for (const size of Object.values(cache.sizes())) expect(size).toBeLessThanOrEqual(10 + 7)
  })

  it('prepared policies refuse a bad document when prepared, naming it', () => {
    expect(() => preparePolicies({ identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] }] })).toThrow(CaseError)
    expect(() => preparePolicies({ identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] }] })).toThrow(/policies\.identity\[0\]/)
  })
})
