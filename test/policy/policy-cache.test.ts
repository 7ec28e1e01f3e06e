/**
 * The policy cache: the same Policy for the same document (by identity, by content), a new
 * one when the name or kind differs, bounded with the least recently used going first, and
 * never a shared key for documents that are not plain JSON.
 */
import { describe, expect, it } from 'vitest'
import { PolicyInputError } from '../../src/policy/index.js'
import { jsonKey, PolicyCache } from '../../src/policy/policy-cache.js'

const doc = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] })
const identity = (name = 'p') => ({ name, kind: 'identity' as const })

describe('PolicyCache', () => {
  it('gives the same Policy for the same object, and for another object of the same content', () => {
    const cache = new PolicyCache()
    const a = doc('s3:GetObject')
    const first = cache.parse(a, identity())
    expect(first.statements[0]!.action).toEqual(['s3:GetObject'])
    expect(cache.parse(a, identity())).toBe(first)
    expect(cache.parse(structuredClone(a), identity())).toBe(first)
    expect(cache.parse(JSON.parse(JSON.stringify(a)), { ...identity(), fromJson: true })).toBe(first)
    expect(cache.parse(JSON.stringify(a), identity())).toBe(first) // the same text
    expect(cache.parse(JSON.stringify(a, null, 2), identity())).not.toBe(first) // other text: parsed again
    expect(cache.stats()).toMatchObject({ hits: 4, misses: 2 })
  })

  it('parses again for another name or kind (warnings and errors name the policy)', () => {
    const cache = new PolicyCache()
    const a = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
    const p = cache.parse(a, identity('first'))
    const q = cache.parse(a, identity('second'))
    expect(q).not.toBe(p)
    expect(p.warnings.join(' ')).toMatch(/Policy "first"/)
    expect(q.warnings.join(' ')).toMatch(/Policy "second"/)
    expect(() => cache.parse({ ...a, Statement: [{ ...a.Statement[0], Principal: '*' }] }, identity())).toThrow(PolicyInputError)
  })

  it('keeps at most `limit` policies, dropping the least recently used', () => {
    const cache = new PolicyCache(2)
    const [a, b, c] = [doc('a:A'), doc('b:B'), doc('c:C')]
    cache.parse(a, identity())
    cache.parse(b, identity())
    cache.parse(structuredClone(a), identity()) // a is now the most recently used
    cache.parse(c, identity()) // b goes
    expect(cache.stats()).toMatchObject({ size: 2, hits: 1, misses: 3 })
    cache.parse(structuredClone(a), identity())
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 3 })
    cache.parse(structuredClone(b), identity())
    expect(cache.stats()).toMatchObject({ size: 2, misses: 4 })
  })

  it('does not keep a document that failed, and reports the same error each time', () => {
    const cache = new PolicyCache()
    const bad = { Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: 's3:*', Resource: '*' }] }
    expect(() => cache.parse(bad, identity())).toThrow(/Effect/)
    expect(() => cache.parse(bad, identity())).toThrow(/Effect/)
    expect(cache.stats()).toMatchObject({ size: 0, misses: 2 })
  })

  it('forgets everything on clear(): a document changed in place is read again', () => {
    const cache = new PolicyCache()
    const a = doc('s3:GetObject')
    cache.parse(a, identity())
    a.Statement[0]!.Action = 's3:PutObject'
    expect(cache.parse(a, identity()).statements[0]!.action).toEqual(['s3:GetObject'])
    cache.clear()
    expect(cache.parse(a, identity()).statements[0]!.action).toEqual(['s3:PutObject'])
  })
})

describe('jsonKey', () => {
  it('is the JSON text of plain JSON values', () => {
    const value = { a: [1, 'x', true, null, { b: -2.5 }], 'c"d': 'e\n' }
    expect(jsonKey(value)).toBe(JSON.stringify(value))
  })

  it('refuses what JSON.stringify would drop or change, so such documents never share a key', () => {
    expect(jsonKey({ a: undefined })).toBeNull()
    expect(jsonKey({ a: Number.NaN })).toBeNull()
    expect(jsonKey({ a: new Date(0) })).toBeNull()
    expect(jsonKey({ a: () => 1 })).toBeNull()
    expect(jsonKey([1, , 3])).toBeNull()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(jsonKey(cyclic)).toBeNull()
    // JSON.stringify would give this invalid document the key of the valid one.
    const cache = new PolicyCache()
    const valid = doc('s3:GetObject')
    cache.parse(valid, identity())
    expect(() => cache.parse({ ...valid, Id: undefined }, identity())).toThrow(/"Id" must be a string/)
  })

  it('keys an object met twice on different paths, and refuses nesting deeper than any policy', () => {
    const shared = { 'aws:username': 'alice' }
    const twice = { a: shared, b: [shared, shared] }
    expect(jsonKey(twice)).toBe(JSON.stringify(twice))
    const nest = (depth: number): unknown => (depth === 0 ? 'x' : [nest(depth - 1)])
    expect(jsonKey(nest(20))).toBe(JSON.stringify(nest(20)))
    expect(jsonKey(nest(100))).toBeNull()
    const ring: unknown[] = []
    ring.push({ next: ring })
    expect(jsonKey(ring)).toBeNull()
  })
})
