/**
 * A verdict's words are written when first read (src/evaluate/lazy.ts, verdict.ts), yet the
 * verdict must behave as a plain object with every contract field: for JSON.stringify, object
 * spread, structuredClone and deep equality, in the contract's order, and with nothing else
 * visible. And one set of policies asked about several actions must answer each on its own.
 */
import { describe, expect, it } from 'vitest'
import { rcpServices } from '../../src/catalogue/index.js'
import { evaluate } from '../../src/evaluate/index.js'
import { evaluateCase } from '../../src/evaluate-case.js'
import { loadCase } from '../../src/sources/case/load-case.js'

const FIELDS = ['decision', 'request', 'denies', 'missingAllows', 'allows', 'incomplete', 'assumptions', 'suggestions', 'warnings']

const CASE = {
  request: { principal: 'arn:aws:iam::111111111111:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/x', context: { 'aws:MultiFactorAuthPresent': 'false' } },
  policies: {
    identity: [
      { name: 'allow', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } },
      {
        name: 'mfa',
        document: { Version: '2012-10-17', Statement: [{ Sid: 'NoMfa', Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }] },
      },
    ],
  },
}

describe('verdict shape', () => {
  it('lists the contract fields in order, and nothing else, before and after the words are read', () => {
    const verdict = evaluateCase(CASE)
    expect(Object.keys(verdict)).toEqual(FIELDS)
    expect(Object.getOwnPropertySymbols(verdict).filter((s) => Object.getOwnPropertyDescriptor(verdict, s)!.enumerable)).toEqual([])
    void verdict.suggestions
    expect(Object.keys(verdict)).toEqual(FIELDS)
  })

  it('writes its words on first read and keeps them', () => {
    const verdict = evaluateCase(CASE)
    expect(Object.getOwnPropertyDescriptor(verdict, 'denies')!.get).toBeTypeOf('function')
    const denies = verdict.denies
    expect(denies.map((d) => d.sid)).toEqual(['NoMfa'])
    // Kept, not written again: the same array on every read, the property still enumerable.
    expect(verdict.denies).toBe(denies)
    expect(Object.getOwnPropertyDescriptor(verdict, 'denies')).toMatchObject({ enumerable: true })
  })

  it('reads the same through JSON, spread, structuredClone and deep equality', () => {
    const json = JSON.parse(JSON.stringify(evaluateCase(CASE)))
    expect(Object.keys(json)).toEqual(FIELDS)
    expect(json.decision).toBe('ExplicitDeny')
    expect(json.denies[0].explanation).toContain('NoMfa')
    expect({ ...evaluateCase(CASE) }).toEqual(json)
    expect(structuredClone(evaluateCase(CASE))).toEqual(json)
    expect(evaluateCase(CASE)).toEqual(json)
    expect(JSON.stringify(evaluateCase(CASE))).toBe(JSON.stringify(json))
  })

  it('gives each verdict its own words', () => {
    const allowed = evaluateCase({ ...CASE, request: { ...CASE.request, context: { 'aws:MultiFactorAuthPresent': 'true' } } })
    const denied = evaluateCase(CASE)
    expect(allowed.decision).toBe('Allowed')
    expect(allowed.denies).toEqual([])
    expect(allowed.allows.map((a) => a.policyName)).toEqual(['allow'])
    expect(denied.denies.map((d) => d.policyName)).toEqual(['mfa'])
  })

  it('lists the policies’ warnings, and the caller’s first, without repeats', () => {
    const lone = { ...CASE, policies: { identity: [{ name: 'lone', document: { Effect: 'Allow', Action: 's3:*', Resource: '*' } }] } }
    const loaded = loadCase(lone)
    const own = evaluate(loaded.request, loaded.policies, { rcpServices: rcpServices() }).warnings
    expect(own).toHaveLength(1)
    expect(own[0]).toMatch(/^lone: .*lone statement/)
    const given = evaluate(loaded.request, loaded.policies, { rcpServices: rcpServices(), warnings: ['first', 'first', own[0]!] })
    expect(given.warnings).toEqual(['first', own[0]])
    const quiet = loadCase(CASE)
    expect(evaluate(quiet.request, quiet.policies, { rcpServices: rcpServices() }).warnings).toEqual([])
  })

  it('works out the later warnings only when its warnings are read, after the given ones', () => {
    const loaded = loadCase(CASE)
    let asked = 0
    const laterWarnings = () => {
      asked++
      return ['later']
    }
    const verdict = evaluate(loaded.request, loaded.policies, { rcpServices: rcpServices(), warnings: ['given'], laterWarnings })
    expect(verdict.decision).toBe('ExplicitDeny')
    void verdict.denies
    expect(asked).toBe(0)
    expect(verdict.warnings).toEqual(['given', 'later'])
    expect(asked).toBe(1)
    // evaluateCase: the catalogue's word on an unknown action, as before.
    const unknown = evaluateCase({ ...CASE, request: { ...CASE.request, action: 's3:GetObjekt' } })
    expect(unknown.warnings.join(' ')).toMatch(/s3:GetObjekt.*s3:GetObject/)
  })
})

describe('one policy set, several requests', () => {
  it('answers each action and resource on its own, whatever was asked before', () => {
    const loaded = loadCase(CASE)
    const ask = (action: string, resources: string[]) =>
      evaluate({ ...loaded.request, action, resources }, loaded.policies, { rcpServices: rcpServices() })
    for (let round = 0; round < 2; round++) {
      expect(ask('s3:GetObject', ['arn:aws:s3:::b/x']).decision).toBe('ExplicitDeny')
      // NotAction iam:* exempts IAM actions from the Deny, and the Allow covers only s3.
      const iam = ask('iam:GetUser', ['arn:aws:iam::111111111111:user/alice'])
      expect(iam.decision).toBe('ImplicitDeny')
      expect(iam.denies).toEqual([])
      expect(iam.missingAllows.map((m) => m.policyType)).toEqual(['identity'])
      expect(ask('S3:GETOBJECT', []).denies[0]!.matchedAction).toBe('NotAction (S3:GETOBJECT is not listed)')
    }
  })
})
