/**
 * Compiled Resource / NotResource (src/evaluate/match/resource-compiled.ts) against the
 * reference matchers in resource.ts: random patterns and ARNs built from segments with
 * wildcards, extra colons, missing segments and policy variables, under every Version.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileResource, compileResourceEntry } from '../../../src/evaluate/match/resource-compiled.js'
import { resourceView } from '../../../src/evaluate/match/resource-view.js'
import { matchResource, resourceEntryMatches } from '../../../src/evaluate/match/resource.js'
import { globMatch, globTester } from '../../../src/evaluate/match/glob.js'
import { arnSegments, makeContext, type PolicyVersion, type ResourceTypeHint, type Statement } from '../../../src/model/index.js'

const SEGMENTS = ['', 'aws', 's3', 'ec2', 'us-east-1', '111111111111', '*', '?', 'b*', 'bucket', 'bucket/*', 'a:b', 'home/${aws:username}/*', '${aws:username}', '${*}x', 'x?y']
const text = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(':'))
const arn = fc.oneof(text, text.map((t) => `arn:${t}`), fc.constantFrom('*', 'arn:aws:s3:::bucket/x', 'arn:aws:s3:*', 'arn:aws:s3:::*'))
const version = fc.constantFrom<PolicyVersion | null>('2012-10-17', '2008-10-17', null)
const username = fc.option(fc.constantFrom('alice', 'b*', 'bucket', ''), { nil: undefined })
const env = fc.tuple(username, fc.boolean(), version).map(([name, complete, v]) => ({
  context: makeContext(name === undefined ? [] : [['aws:username', name]], { complete }),
  version: v,
}))

const HINTS: ResourceTypeHint[] = [
  { name: 'object', arnFormat: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}' },
  { name: 'bucket', arnFormat: 'arn:${Partition}:s3:::${BucketName}' },
]

const statementWith = (resource: string[] | null, notResource: string[] | null): Statement => ({
  index: 0, sid: null, effect: 'Allow', action: ['*'], notAction: null, resource, notResource, principal: null, notPrincipal: null, conditions: [], raw: {},
})

describe('compiled resource matching', () => {
  it('splits a resource as arnSegments does', () => {
    fc.assert(
      fc.property(fc.oneof(arn, fc.string()), (s) => {
        expect(resourceView(s).segments).toEqual(arnSegments(s))
      }),
    )
  })

  it('matches one entry as resourceEntryMatches does', () => {
    fc.assert(
      fc.property(arn, arn, env, (pattern, resource, e) => {
        const compiled = compileResourceEntry(pattern, e.version)(resourceView(resource), e)
        expect(compiled).toBe(resourceEntryMatches(pattern, resource, e).result)
      }),
      { numRuns: 3000 },
    )
  })

  it('matches Resource and NotResource lists as matchResource does, the resource given or not', () => {
    fc.assert(
      fc.property(fc.array(arn, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.option(arn, { nil: null }), env, (patterns, negated, resource, e) => {
        const statement = negated ? statementWith(null, patterns) : statementWith(patterns, null)
        const compiled = compileResource(statement, e.version)
        const view = resource === null ? null : resourceView(resource)
        // Twice: an unknown resource's answer is kept between calls.
        for (let i = 0; i < 2; i++) expect(compiled(view, HINTS, e)).toBe(matchResource(statement, resource, HINTS, e).result)
      }),
      { numRuns: 2000 },
    )
  })

  it('a statement without Resource or NotResource applies (trust policies)', () => {
    const statement = statementWith(null, null)
    const e = { context: makeContext([], { complete: true }), version: '2012-10-17' as const }
    expect(compileResource(statement, e.version)(resourceView('arn:aws:s3:::x'), [], e)).toBe(true)
    expect(matchResource(statement, 'arn:aws:s3:::x', [], e).result).toBe(true)
  })
})

describe('globTester', () => {
  it('answers as globMatch does, with and without case', () => {
    const chars = fc.constantFrom('a', 'A', 'b', '*', '?', '.', '\n', '$', '(', 'é')
    const str = fc.array(chars, { maxLength: 6 }).map((c) => c.join(''))
    fc.assert(
      fc.property(str, str, fc.boolean(), (pattern, value, ignoreCase) => {
        expect(globTester(pattern, ignoreCase)(value)).toBe(globMatch(pattern, value, ignoreCase))
      }),
      { numRuns: 3000 },
    )
  })
})
