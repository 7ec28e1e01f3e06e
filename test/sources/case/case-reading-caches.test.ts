/**
 * What reading a case keeps between calls (read-context.ts: the layout of a context's keys;
 * container-index.ts: sets by what a `policies` object holds) changes nothing a caller sees:
 * the same contexts and verdicts as reading afresh, whatever changed between calls.
 */
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../../src/evaluate-case.js'
import { makeContext } from '../../../src/model/index.js'
import { verdictToJson } from '../../../src/report/index.js'
import { CaseCache } from '../../../src/sources/case/case-cache.js'
import { readContext } from '../../../src/sources/case/read-request.js'

const ACCOUNT = '111122223333'
const json = (c: unknown, cache: CaseCache | null) => JSON.stringify(verdictToJson(evaluateCase(c, { cache })))

describe('contexts read by the layout of their keys', () => {
  const contexts: Record<string, unknown>[] = [
    {},
    { 'aws:SourceIp': '10.0.0.1' },
    { 'aws:SourceIp': '10.0.0.1', 'AWS:SOURCEIP': ['10.0.0.2'], 'aws:TagKeys': ['a', 'b'], 'aws:sourceip': [] },
    { 'aws:ResourceAccount': '444455556666', 'Aws:ResourceAccount': '777788889999' },
    { 'aws:ResourceAccount': ['1', '2'], 'AWS:RESOURCEACCOUNT': ['777788889999'] },
    { 'aws:ResourceAccount': 'not-an-account' },
    { '0': 'x', 'aws:PrincipalTag/Team': 'a', 'aws:principaltag/team': 'b', 'AWS:PrincipalTag/TEAM': ['c', 'd'] },
  ]

  it('gives what makeContext gives for the entries, on first sight and again with other values', () => {
    for (const raw of contexts) {
      for (let round = 0; round < 3; round++) {
        // Same keys, other values each round: the layout is kept, the values are not.
        const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? `${v}${round}` : (v as string[]).map((x) => `${x}${round}`)]))
        const { context } = readContext(values, round !== 1)
        const expected = makeContext(Object.entries(values) as [string, string | string[]][], { complete: round !== 1 })
        expect([...context.known]).toEqual([...expected.known])
        expect(context.known.size).toBe(expected.known.size)
        expect(context.complete).toBe(round !== 1)
        for (const name of [...expected.known.keys(), 'aws:nothing']) {
          expect(context.known.get(name)).toEqual(expected.known.get(name))
          expect(context.known.has(name)).toBe(expected.known.has(name))
        }
      }
    }
  })

  it('finds aws:ResourceAccount where the first key so spelt holds one account ID', () => {
    expect(readContext(contexts[3]!, true).resourceAccount).toBe('444455556666')
    expect(readContext(contexts[4]!, true).resourceAccount).toBe('777788889999')
    expect(readContext(contexts[5]!, true).resourceAccount).toBeNull()
  })

  it('reads a context object whose keys changed in place since the last call as it is now', () => {
    const raw: Record<string, unknown> = { 'aws:SourceIp': '10.0.0.1', 'aws:TagKeys': ['a'] }
    expect([...readContext(raw, true).context.known.keys()]).toEqual(['aws:sourceip', 'aws:tagkeys'])
    delete raw['aws:SourceIp']
    raw['AWS:TagKeys'] = 'b'
    const { context } = readContext(raw, true)
    expect([...context.known]).toEqual([['aws:tagkeys', { key: 'aws:TagKeys', values: ['a', 'b'] }]])
  })

  it('names the first value that is no string or list of strings, whatever layout it has', () => {
    expect(() => readContext({ 'aws:SourceIp': '10.0.0.1', 'aws:TagKeys': [1] }, true)).toThrow(/request\.context\.aws:TagKeys must be/)
    expect(() => readContext({ 'aws:SourceIp': '10.0.0.1', 'aws:TagKeys': ['a'] }, true)).not.toThrow()
    expect(() => readContext({ 'aws:SourceIp': null, 'aws:TagKeys': ['a'] }, true)).toThrow(/request\.context\.aws:SourceIp must be/)
  })

  it('reads an object whose values are getters, each once, in key order', () => {
    const order: string[] = []
    const raw = {}
    for (const key of ['aws:SourceIp', 'aws:TagKeys']) Object.defineProperty(raw, key, { enumerable: true, get: () => (order.push(key), 'v') })
    expect([...readContext(raw as Record<string, unknown>, true).context.known.values()].map((e) => e.values)).toEqual([['v'], ['v']])
    expect(order).toEqual(['aws:SourceIp', 'aws:TagKeys'])
  })
})

describe('sets found by what a policies object holds', () => {
  const doc = (action: string, effect = 'Allow') => ({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: '*' }] })
  const request = { principal: `arn:aws:iam::${ACCOUNT}:user/alice`, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: {} }
  const get = doc('s3:GetObject')
  const put = doc('s3:PutObject')
  const deny = doc('s3:*', 'Deny')
  const full = doc('*')

  /** Policies objects that differ in one thing each from the first: a document, a name, an ARN, a place, a list's length, JSON text. */
  const variants = (): Record<string, unknown>[] => [
    { identity: [{ name: 'A', document: get }], scps: [[full], [full]] },
    { identity: [{ name: 'A', document: put }], scps: [[full], [full]] },
    { identity: [{ name: 'B', document: get }], scps: [[full], [full]] },
    { identity: [{ name: 'A', arn: `arn:aws:iam::${ACCOUNT}:policy/A`, document: get }], scps: [[full], [full]] },
    { identity: [{ name: 'A', document: get }], scps: [[full], []] },
    { identity: [{ name: 'A', document: get }], scps: [[full, deny], [full]] },
    { identity: [{ name: 'A', document: get }], scps: [[full], [full], [full]] },
    { identity: [{ name: 'A', document: get }, { name: 'D', document: deny }], scps: [[full], [full]] },
    { identity: [{ name: 'A', document: JSON.stringify(get) }], scps: [[full], [full]] },
    { identity: [{ name: 'A', document: JSON.stringify(deny) }], scps: [[full], [full]] },
    { identity: [get], scps: [[full], [full]] },
    { identity: [get], scps: [[full], [full]], resource: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] } },
    // A sparse list: the hole is skipped, as loading skips it.
    { identity: [get, , deny], scps: [[full], [full]] },
    { identity: Array.from({ length: 70 }, (_, i) => ({ name: `P${i}`, document: i === 69 ? deny : get })) },
    { identity: Array.from({ length: 70 }, (_, i) => ({ name: `P${i}`, document: get })) },
  ]

  it('gives every variant its own verdict, the one reading afresh gives, in any order and again', () => {
    const cache = new CaseCache()
    const expected = variants().map((policies) => json({ request, resourceAccount: ACCOUNT, policies }, null))
    expect(new Set(expected).size).toBeGreaterThan(5)
    for (let round = 0; round < 3; round++) {
      const order = round === 1 ? [...expected.keys()].reverse() : [...expected.keys()]
      for (const i of order) expect(json({ request: { ...request }, resourceAccount: ACCOUNT, policies: variants()[i] }, cache)).toBe(expected[i])
    }
  })

  it('tells apart more sets than a bucket keeps when they share their first and last documents and names', () => {
    const cache = new CaseCache()
    // Twenty sets that differ only in the document in the middle of the identity list.
    const middles = Array.from({ length: 20 }, (_, i) => doc(i % 2 === 0 ? 's3:GetObject' : 's3:ListBucket'))
    const make = (i: number) => ({ request: { ...request }, resourceAccount: ACCOUNT, policies: { identity: [{ name: 'A', document: put }, { name: 'M', document: middles[i] }, { name: 'Z', document: put }] } })
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < middles.length; i++) expect(evaluateCase(make(i), { cache }).decision).toBe(i % 2 === 0 ? 'Allowed' : 'ImplicitDeny')
    }
  })

  it('reads a wrapped policy whose name or document was replaced in place as it is now', () => {
    const cache = new CaseCache()
    const wrapped = { name: 'A', document: get as object }
    const run = () => evaluateCase({ request: { ...request }, resourceAccount: ACCOUNT, policies: { identity: [wrapped] } }, { cache })
    expect(run().decision).toBe('Allowed')
    wrapped.document = deny
    expect(run().denies.map((d) => d.policyName)).toEqual(['A'])
    wrapped.name = 'Renamed'
    expect(run().denies.map((d) => d.policyName)).toEqual(['Renamed'])
    wrapped.document = get
    expect(run().decision).toBe('Allowed')
  })

  it('answers a case whose policy getter evaluates another case while its key is read', () => {
    const cache = new CaseCache()
    const inner = { request: { ...request }, resourceAccount: ACCOUNT, policies: { identity: [{ name: 'D', document: deny }] } }
    let innerDecision = ''
    const outer = {
      name: 'A',
      get document() {
        innerDecision ||= evaluateCase(inner, { cache }).decision
        return get
      },
    }
    expect(evaluateCase({ request: { ...request }, resourceAccount: ACCOUNT, policies: { identity: [outer] } }, { cache }).decision).toBe('Allowed')
    expect(innerDecision).toBe('ExplicitDeny')
    expect(evaluateCase(inner, { cache }).decision).toBe('ExplicitDeny')
    expect(evaluateCase({ request: { ...request }, resourceAccount: ACCOUNT, policies: { identity: [outer] } }, { cache }).decision).toBe('Allowed')
  })
})
