/**
 * The request context with implied keys filled in is a layered view (src/model/context.ts),
 * not a copy. It must read exactly like the copy it replaced: the given keys win, keys the
 * request lists as absent stay absent, the first implied entry of a name wins, and iteration
 * lists the given keys then the implied ones.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { impliedContext } from '../../src/evaluate/implied-context.js'
import {
  canonicalKey,
  contextToObject,
  lookupContext,
  lookupValues,
  makeContext,
  principalFromArn,
  withDefaults,
  type ContextEntry,
  type RequestContext,
} from '../../src/model/index.js'

/** What withDefaults did before it became a view: a copy with the extra keys added. */
function copied(context: RequestContext, extra: [string, string[]][]): Map<string, ContextEntry> {
  const known = new Map(context.known)
  for (const [key, values] of extra) {
    const lower = key.toLowerCase()
    if (!known.has(lower) && !context.absent.has(lower)) known.set(lower, { key, values })
  }
  return known
}

const KEYS = ['a', 'A', 'b', 'c', 'Team', 'team']
const key = fc.constantFrom(...KEYS)
const values = fc.array(fc.constantFrom('1', '2', ''), { minLength: 1, maxLength: 2 })

describe('withDefaults', () => {
  it('reads like a copy with the extra keys added', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, values)), fc.array(fc.tuple(key, values)), fc.subarray(KEYS), fc.boolean(), (given, extra, absent, complete) => {
        const context = makeContext(given, { complete, absent })
        const filled = withDefaults(context, extra)
        const expected = copied(context, extra)
        expect([...filled.known.entries()]).toEqual([...expected.entries()])
        expect([...filled.known.keys()]).toEqual([...expected.keys()])
        expect([...filled.known.values()]).toEqual([...expected.values()])
        expect([...filled.known]).toEqual([...expected])
        expect(filled.known.size).toBe(expected.size)
        const seen: string[] = []
        filled.known.forEach((_v, k) => seen.push(k))
        expect(seen).toEqual([...expected.keys()])
        for (const k of [...KEYS, 'zzz']) {
          const lower = k.toLowerCase()
          expect(filled.known.get(lower)).toEqual(expected.get(lower))
          expect(filled.known.has(lower)).toBe(expected.has(lower))
          expect(lookupContext(filled, k)).toEqual(lookupContext({ ...context, known: expected }, k))
        }
        expect(filled.absent).toBe(context.absent)
        expect(filled.complete).toBe(complete)
        // The JSON view walks the layers without the merged Map: the same keys, values and order,
        // also for a view over a view, and once the merged Map exists.
        const plain = (m: Map<string, ContextEntry>) => Object.fromEntries([...m.values()].map(({ key, values }) => [key, values.length === 1 ? values[0]! : [...values]]))
        const twice = withDefaults(withDefaults(context, extra), [['late', ['x']], ...extra])
        for (const [view, want] of [[withDefaults(context, extra), expected], [twice, copied({ ...context, known: expected }, [['late', ['x']], ...extra])], [filled, expected]] as const) {
          const object = contextToObject(view)
          expect(Object.keys(object)).toEqual(Object.keys(plain(want)))
          expect(object).toEqual(plain(want))
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('lookupValues', () => {
  it('says what lookupContext says, without allocating: values, null for absent, undefined for unknown', () => {
    const context = { ...makeContext([['k', ['v']], ['Empty', []]], { complete: false, absent: ['gone'] }), absentPrefixes: ['aws:principaltag/'] }
    const cases: [string, readonly string[] | null | undefined][] = [
      ['k', ['v']],
      ['empty', []],
      ['gone', null],
      ['aws:principaltag/x', null],
      ['other', undefined],
    ]
    for (const [k, expected] of cases) {
      expect(lookupValues(context, k)).toEqual(expected)
      const found = lookupContext(context, k)
      expect(found.kind).toBe(expected === undefined ? 'unknown' : expected === null ? 'absent' : 'known')
    }
    expect(lookupValues({ ...context, complete: true }, 'other')).toBeNull()
  })
})

describe('canonicalKey', () => {
  it('gives one string object per name, which contexts use for their keys', () => {
    const context = makeContext([['AWS:SourceIp', '10.0.0.1']], { complete: true })
    const [stored] = [...context.known.keys()]
    expect(stored).toBe('aws:sourceip')
    expect(canonicalKey(['aws', 'sourceip'].join(':'))).toBe(stored)
  })
})

describe('impliedContext', () => {
  const role = principalFromArn('arn:aws:sts::111111111111:assumed-role/App/s1')!
  const user = { ...principalFromArn('arn:aws:iam::111111111111:user/alice')!, uniqueId: 'AIDAEXAMPLE000000001', tags: { team: 'blue' } }

  it('fills in the principal keys after the given ones, the given ones winning', () => {
    const context = makeContext([['aws:PrincipalAccount', '999999999999'], ['s3:prefix', 'x']], { complete: false })
    const filled = impliedContext(user, '222222222222', context)
    expect(contextToObject(filled)).toEqual({
      'aws:PrincipalAccount': '999999999999',
      's3:prefix': 'x',
      'aws:PrincipalArn': 'arn:aws:iam::111111111111:user/alice',
      'aws:PrincipalIsAWSService': 'false',
      'aws:userid': 'AIDAEXAMPLE000000001',
      'aws:username': 'alice',
      'aws:PrincipalType': 'User',
      'aws:ResourceAccount': '222222222222',
      'aws:PrincipalTag/team': 'blue',
    })
    expect(Object.keys(contextToObject(filled))).toEqual([
      'aws:PrincipalAccount', 's3:prefix', 'aws:PrincipalArn', 'aws:PrincipalIsAWSService', 'aws:userid', 'aws:username', 'aws:PrincipalType', 'aws:ResourceAccount', 'aws:PrincipalTag/team',
    ])
    // Tags were read in full: any other tag key is certainly absent.
    expect(lookupValues(filled, 'aws:principaltag/other')).toBeNull()
  })

  it('a key the request lists as absent stays absent, whatever the principal implies', () => {
    const filled = impliedContext(user, null, makeContext([], { complete: false, absent: ['aws:username'] }))
    expect(lookupContext(filled, 'aws:username')).toEqual({ kind: 'absent' })
    expect(Object.keys(contextToObject(filled))).not.toContain('aws:username')
  })

  it('aws:username is absent for anyone but an IAM user, unless the request gives it', () => {
    expect(lookupValues(impliedContext(role, null, makeContext([], { complete: false })), 'aws:username')).toBeNull()
    expect(lookupValues(impliedContext(role, null, makeContext([], { complete: false, absent: ['x'] })), 'x')).toBeNull()
    const given = impliedContext(role, null, makeContext([['aws:username', 'bob']], { complete: false }))
    expect(lookupValues(given, 'aws:username')).toEqual(['bob'])
    // Tags not read: other tag keys stay unknown.
    expect(lookupValues(given, 'aws:principaltag/team')).toBeUndefined()
  })

  it('the same principal with another resource account gets that account', () => {
    const context = makeContext([], { complete: false })
    expect(lookupValues(impliedContext(user, '222222222222', context), 'aws:resourceaccount')).toEqual(['222222222222'])
    expect(lookupValues(impliedContext(user, '333333333333', context), 'aws:resourceaccount')).toEqual(['333333333333'])
    expect(lookupValues(impliedContext(user, null, context), 'aws:resourceaccount')).toBeUndefined()
  })
})
