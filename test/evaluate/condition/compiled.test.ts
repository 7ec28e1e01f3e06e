/**
 * Compiled condition clauses (src/evaluate/condition/compiled.ts) and each family's `prepare`
 * must decide exactly as evaluateClause / `test` do: random operators of every family, with
 * set operators and IfExists, random values of every type (including unreadable ones,
 * wildcards and policy variables), random contexts (absent, unknown, empty, several values)
 * and every policy Version.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileClause, decideClauses } from '../../../src/evaluate/condition/compiled.js'
import { evaluateClause, evaluateConditionBlock, FAMILIES, type ConditionEnv } from '../../../src/evaluate/condition/index.js'
import { POSITIVE_BASE } from '../../../src/evaluate/condition/family.js'
import { makeContext, type ConditionClause, type PolicyVersion } from '../../../src/model/index.js'
import { OPERATOR_FAMILIES, parseOperator } from '../../../src/model/operators.js'

/** Values of every family, so that each family also meets values it cannot read. */
const VALUES = [
  '', 'a', 'A', 'a*', '*', '?', 'x?z', 'pre-*-post', '${k2}', 'pre-${aws:username}-*', '${*}', "${k3, 'dflt'}", '$',
  '10', '-1.5', '1e3', '007', '2024', '2024-03', '2024-03-01T10:00:00Z', '2024-03-01T10:00+02:00', '1711111111',
  '10.0.0.1', '10.0.0.0/8', '10.1.2.3/33', '::1', '2001:db8::/32', '::ffff:10.0.0.1', 'true', 'FALSE', 'dGVzdA==', 'dGVzdA',
  'arn:aws:s3:::b/*', 'arn:aws:s3:::b/x', 'arn:aws:iam::*:role/x', 'arn:aws:iam::111111111111:role/x', 'arn:aws:iam::111111111111:role/*',
  'arn:aws:s3:::${k2}', 'arn:${k2}:iam::111111111111:role/x', 'arn:aws:s3:::a:b:c', 'arn:aws',
]
const value = fc.constantFrom(...VALUES)
const VERSIONS: (PolicyVersion | null)[] = ['2012-10-17', '2008-10-17', null]
const KEYS = ['k', 'K', 'k2', 'k3', 'aws:username']

const operatorName = fc
  .tuple(
    fc.constantFrom(...Object.values(OPERATOR_FAMILIES).flat()),
    fc.constantFrom('', 'ForAllValues:', 'ForAnyValue:'),
    fc.boolean(),
  )
  .map(([base, prefix, ifExists]) => `${prefix}${base}${ifExists && base !== 'Null' ? 'IfExists' : ''}`)

const clause: fc.Arbitrary<ConditionClause> = fc.record({
  operator: operatorName.map((name) => parseOperator(name)!),
  key: fc.constantFrom('k', 'K', 'aws:username'),
  values: fc.array(value, { minLength: 0, maxLength: 3 }),
})

/** What the context says about one key: absent (undefined), or some values. */
const entry = fc.option(fc.array(value, { maxLength: 3 }), { nil: undefined })

const environment: fc.Arbitrary<ConditionEnv> = fc
  .record({
    entries: fc.tuple(...KEYS.slice(1).map(() => entry)),
    complete: fc.boolean(),
    absent: fc.subarray(KEYS),
    version: fc.constantFrom(...VERSIONS),
  })
  .map(({ entries, complete, absent, version }) => {
    const pairs = KEYS.slice(1).flatMap((key, i) => (entries[i] === undefined ? [] : [[key, entries[i]!] as const]))
    return { context: makeContext(pairs, { complete, absent }), version }
  })

describe('compiled condition clauses', () => {
  it('decide each clause as evaluateClause does', () => {
    fc.assert(
      fc.property(clause, environment, (c, env) => {
        const compiled = decideClauses([compileClause(c, env.version)], env)
        expect(compiled).toBe(evaluateClause(c, env).trace.result)
      }),
      { numRuns: 4000 },
    )
  })

  it('decide a block as evaluateConditionBlock does', () => {
    fc.assert(
      fc.property(fc.array(clause, { maxLength: 3 }), environment, (clauses, env) => {
        const compiled = decideClauses(clauses.map((c) => compileClause(c, env.version)), env)
        expect(compiled).toBe(evaluateConditionBlock(clauses, env).result)
      }),
      { numRuns: 2000 },
    )
  })

  it('leave an operator IAM does not know undecided, as the reference does', () => {
    const bad: ConditionClause = { operator: { name: 'StringSoundsLike', setOperator: null, base: 'StringSoundsLike', ifExists: false }, key: 'k', values: ['a'] }
    fc.assert(
      fc.property(environment, (env) => {
        expect(decideClauses([compileClause(bad, env.version)], env)).toBe(evaluateClause(bad, env).trace.result)
      }),
      { numRuns: 200 },
    )
  })
})

describe("each family's prepare answers as its test does", () => {
  const families = Object.entries(OPERATOR_FAMILIES).filter(([name]) => name !== 'null')
  it.each(families)('%s', (name, operators) => {
    const matcher = FAMILIES[name as keyof typeof FAMILIES]
    const bases = [...new Set(operators.map((op) => POSITIVE_BASE[op] ?? op))]
    fc.assert(
      fc.property(fc.constantFrom(...bases), value, value, environment, (base, policyValue, requestValue, env) => {
        const read = matcher.read(requestValue)
        if (read === null) return
        const prepared = matcher.prepare(base, policyValue, env.version)(read, env)
        expect(prepared).toEqual(matcher.test(base, read, policyValue, env))
      }),
      { numRuns: 1500 },
    )
  })
})
