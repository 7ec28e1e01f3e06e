/**
 * Conditions on a partly known value (src/evaluate/condition/partial.ts): the aws:userid of a
 * role given without its session is `ROLE-ID:` plus a session name nobody knows; a condition is
 * decided only when every session name gives the same answer. The compiled path must agree.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileClause, decideClauses } from '../../../src/evaluate/condition/compiled.js'
import { evaluateClause, type ConditionEnv } from '../../../src/evaluate/condition/index.js'
import { makeContext, type PartialValue, type Tri } from '../../../src/model/index.js'
import { clause } from './helpers.js'

const ROLE: PartialValue = { prefix: 'AROATESTREAD:', completions: 'session of role TestReadOnly', rest: 'the session name' }
const PRESENT: PartialValue = { prefix: '', completions: 'session of role TestReadOnly' }

function partialEnv(value: PartialValue, complete = false): ConditionEnv {
  const base = makeContext([], { complete })
  return { context: { ...base, partial: new Map([['aws:userid', value]]) }, version: '2012-10-17' }
}

function decide(operator: string, values: string | string[], value: PartialValue = ROLE): { result: Tri; why: string; compiled: Tri } {
  const c = clause(operator, 'aws:userid', values)
  const env = partialEnv(value)
  const { trace } = evaluateClause(c, env)
  return { result: trace.result, why: trace.why, compiled: decideClauses([compileClause(c, '2012-10-17')], env) }
}

describe('a partly known aws:userid (ROLE-ID: + unknown session name)', () => {
  it('StringNotLike another role\'s ID:* is true for every session (the seed bucket denies)', () => {
    const d = decide('StringNotLike', ['AROAEXAMPLEID:*', 'AIDAEXAMPLEID', '111111111111'])
    expect(d.result).toBe(true)
    expect(d.why).toContain('no session of role TestReadOnly can have aws:userid matching AROAEXAMPLEID:*')
  })
  it('StringNotLike its own ID:* is false for every session (the bucket lets the role in)', () => {
    expect(decide('StringNotLike', ['AROATESTREAD:*']).result).toBe(false)
    expect(decide('StringLike', 'AROATESTREAD:*').why).toContain('every session of role TestReadOnly has aws:userid matching')
  })
  it('a pattern naming one session depends on the session: undecided', () => {
    expect(decide('StringLike', 'AROATESTREAD:alice').result).toBe('unknown')
    expect(decide('StringLike', 'AROATESTREAD:a*').result).toBe('unknown')
    expect(decide('StringLike', '*:alice').result).toBe('unknown')
  })
  it('wildcards that cover every session decide: AROA*, *, AROATESTREAD:?*', () => {
    expect(decide('StringLike', 'AROA*').result).toBe(true)
    expect(decide('StringLike', '*').result).toBe(true)
    expect(decide('StringLike', 'AROATEST??AD:*').result).toBe(true)
  })
  it('StringEquals: another ID never equals; the own ID with a session may', () => {
    expect(decide('StringEquals', 'AROAOTHER:bob').result).toBe(false)
    expect(decide('StringNotEquals', 'AROAOTHER:bob').result).toBe(true)
    expect(decide('StringEquals', 'AROATESTREAD:bob').result).toBe('unknown')
    expect(decide('StringEquals', 'AROATESTREAD:').result).toBe(false)
    expect(decide('StringEqualsIgnoreCase', 'aroatestread:bob').result).toBe('unknown')
    expect(decide('StringEqualsIgnoreCase', 'aroaother:bob').result).toBe(false)
  })
  it('ForAnyValue / ForAllValues read the one value: decided the same way', () => {
    expect(decide('ForAnyValue:StringLike', 'AROATESTREAD:*').result).toBe(true)
    expect(decide('ForAnyValue:StringLike', 'AROAOTHER:*').result).toBe(false)
    expect(decide('ForAllValues:StringNotLike', 'AROAOTHER:*').result).toBe(true)
    expect(decide('ForAnyValue:StringEquals', 'AROATESTREAD:bob').result).toBe('unknown')
  })
  it('IfExists changes nothing: the key is present', () => {
    expect(decide('StringNotLikeIfExists', 'AROAOTHER:*').result).toBe(true)
  })
  it('Null: the key is present in every request', () => {
    expect(decide('Null', 'true').result).toBe(false)
    expect(decide('Null', 'false').result).toBe(true)
  })
  it('other families stay undecided on it', () => {
    expect(decide('ArnLike', 'arn:aws:iam::*:role/x').result).toBe('unknown')
  })
  it('a value only known to be present decides Null and nothing else', () => {
    expect(decide('Null', 'true', PRESENT).result).toBe(false)
    expect(decide('StringLike', 'AROA*', PRESENT).result).toBe('unknown')
    expect(decide('StringLike', '*', PRESENT).result).toBe('unknown')
  })
  it('stays present in a complete context (--assume-absent never makes it absent)', () => {
    const c = clause('StringLike', 'aws:userid', 'AROATESTREAD:alice')
    expect(evaluateClause(c, partialEnv(ROLE, true)).trace.result).toBe('unknown')
  })
  it('the compiled path decides as the reference does, for any pattern and prefix', () => {
    const chars = fc.constantFrom('A', 'R', ':', '*', '?', 'x')
    const text = fc.array(chars, { maxLength: 6 }).map((a) => a.join(''))
    const operator = fc.constantFrom('StringLike', 'StringNotLike', 'StringEquals', 'StringNotEquals', 'ForAnyValue:StringLike', 'ForAllValues:StringNotLike', 'Null', 'StringLikeIfExists')
    fc.assert(
      fc.property(operator, fc.array(text, { minLength: 1, maxLength: 3 }), text, (op, values, prefix) => {
        const value = { prefix: prefix.replace(/[*?]/g, 'x'), completions: 'session' }
        const d = decide(op, op === 'Null' ? ['true'] : values, value)
        expect(d.compiled).toBe(d.result)
      }),
    )
  })
  it('never decides against a real completion: a decided Like agrees with globbing concrete session names', () => {
    const names = ['ab', 'alice', 'x:y', '**', 'A?']
    const chars = fc.constantFrom('A', 'R', ':', '*', '?', 'a', 'b')
    const text = fc.array(chars, { maxLength: 7 }).map((a) => a.join(''))
    fc.assert(
      fc.property(text, (pattern) => {
        const prefix = 'AR:'
        const d = decide('StringLike', pattern, { prefix, completions: 'session' })
        if (d.result === 'unknown') return
        const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's')
        for (const name of names) expect(re.test(prefix + name)).toBe(d.result)
      }),
    )
  })
})
