/**
 * What evaluateCase keeps between calls is keyed by value: a caller who changes a request
 * (its context, resource or principal) or hands in a new `policies` object holding other
 * documents between calls gets the verdict of what it hands in now, never one kept from before.
 * Lint runs when warnings are read, with the same warnings as before.
 */
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../../src/evaluate-case.js'
import { makeContext } from '../../../src/model/index.js'
import { lint } from '../../../src/policy/lint.js'
import { parsePolicy } from '../../../src/policy/index.js'
import { verdictToJson } from '../../../src/report/index.js'
import { ACCOUNT_ID } from '../../../src/model/arn.js'
import { isAccountId } from '../../../src/sources/case/read-request.js'
import { CaseCache } from '../../../src/sources/case/case-cache.js'
import { readContext } from '../../../src/sources/case/read-request.js'

const ACCOUNT = '111122223333'
const onlyIn = (region: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:RequestedRegion': region } } }],
})

function request(context: Record<string, unknown>, resource = 'arn:aws:s3:::b/k', principal = `arn:aws:iam::${ACCOUNT}:user/alice`) {
  return { principal, action: 's3:GetObject', resource, context }
}

describe('evaluateCase reads each call as handed in', () => {
  it('a context, resource or principal changed in place between calls is read again', () => {
    const cache = new CaseCache()
    const policies = { identity: [onlyIn('eu-west-1')] }
    const req = request({ 'aws:RequestedRegion': 'eu-west-1' })
    const c = { request: req, resourceAccount: ACCOUNT, contextComplete: true, policies }
    expect(evaluateCase(c, { cache }).decision).toBe('Allowed')
    req.context['aws:RequestedRegion'] = 'us-east-1'
    expect(evaluateCase(c, { cache }).decision).toBe('ImplicitDeny')
    req.context['aws:RequestedRegion'] = ['eu-west-1']
    expect(evaluateCase(c, { cache }).decision).toBe('Allowed')
    req.resource = 'arn:aws:s3:::other/k'
    expect(evaluateCase(c, { cache }).decision).toBe('ImplicitDeny')
    req.resource = 'arn:aws:s3:::b/k'
    req.principal = 'arn:aws:iam::111122223333:user/bob'
    const bob = evaluateCase(c, { cache })
    expect(bob.decision).toBe('Allowed')
    expect(bob.request.principal).toBe('arn:aws:iam::111122223333:user/bob')
  })

  it('a new policies object holding another document, name or ARN at the same place gets its own set', () => {
    const cache = new CaseCache()
    const req = request({ 'aws:RequestedRegion': 'eu-west-1' })
    const named = (name: string, document: object) => ({ name, arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`, document })
    const eu = named('EuOnly', onlyIn('eu-west-1'))
    const us = named('UsOnly', onlyIn('us-east-1'))
    const deny = named('DenyAll', { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] })
    const run = (identity: unknown[], scps?: unknown[][]) => evaluateCase({ request: { ...req }, resourceAccount: ACCOUNT, contextComplete: true, policies: { identity, ...(scps ? { scps } : {}) } }, { cache })
    expect(run([eu]).decision).toBe('Allowed')
    expect(run([us]).decision).toBe('ImplicitDeny')
    expect(run([eu]).decision).toBe('Allowed')
    expect(run([eu, deny]).denies.map((d) => d.policyName)).toEqual(['DenyAll'])
    expect(run([{ ...deny, name: 'Renamed' }, eu]).denies.map((d) => d.policyName)).toEqual(['Renamed'])
    // The same documents as an SCP chain of two levels or one level of two: different sets.
    const full = named('FullAWSAccess', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })
    expect(run([eu], [[full], [full]]).decision).toBe('Allowed')
    expect(run([eu], [[full], []]).decision).toBe('ImplicitDeny')
    expect(run([eu], [[full, deny]]).decision).toBe('ExplicitDeny')
  })

  it('gives the same verdict JSON with the process cache, a fresh cache, and none, for a case built anew each call', () => {
    const base = { resourceAccount: ACCOUNT, contextComplete: false, policies: { identity: [onlyIn('eu-west-1')] } }
    for (const context of [{}, { 'aws:RequestedRegion': 'eu-west-1' }, { 'AWS:requestedregion': ['us-east-1', 'eu-west-1'] }, { 'aws:RequestedRegion': 'eu-west-1', 'AWS:REQUESTEDREGION': 'x' }]) {
      const make = () => ({ ...base, request: request(structuredClone(context)) })
      const fresh = JSON.stringify(verdictToJson(evaluateCase(make(), { cache: null })))
      expect(JSON.stringify(verdictToJson(evaluateCase(make())))).toBe(fresh)
      expect(JSON.stringify(verdictToJson(evaluateCase(make(), { cache: new CaseCache() })))).toBe(fresh)
    }
  })
})

describe('readContext', () => {
  it('reads a context object as makeContext reads its entries (keys case-insensitive, the first spelling kept, values added up)', () => {
    const raw = { 'aws:SourceIp': '10.0.0.1', 'AWS:sourceip': ['10.0.0.2', '10.0.0.3'], 'aws:TagKeys': [], 'aws:ResourceAccount': ['444455556666'], 'Aws:ResourceAccount': '777788889999' }
    const { context, resourceAccount } = readContext(raw, true)
    const expected = makeContext(Object.entries(raw), { complete: true })
    expect([...context.known]).toEqual([...expected.known])
    expect(context.complete).toBe(true)
    // The first key so spelt that holds one account ID (a one-element list counts).
    expect(resourceAccount).toBe('444455556666')
    expect(readContext({ 'aws:ResourceAccount': ['1', '2'], 'AWS:RESOURCEACCOUNT': '777788889999' }, false).resourceAccount).toBe('777788889999')
  })

  it('copies the values, so changing the request object later does not change a context already read', () => {
    const values = ['a']
    const { context } = readContext({ 'aws:TagKeys': values }, true)
    values.push('b')
    expect(context.known.get('aws:tagkeys')!.values).toEqual(['a'])
  })

  it('names a value that is no string or list of strings', () => {
    expect(() => readContext({ 'aws:SourceIp': 5 }, true)).toThrow(/request\.context\.aws:SourceIp must be a string or a list of strings/)
  })
})

describe('lint on first read', () => {
  const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }

  it('gives the warnings lint gives, as an enumerable property (JSON, spread and structured clone see them)', () => {
    const policy = parsePolicy(structuredClone(doc), { name: 'W', kind: 'identity' })
    const expected = lint(policy, 'W', false)
    expect(expected.length).toBe(1)
    expect(Object.keys(policy)).toContain('warnings')
    expect({ ...policy }.warnings).toEqual(expected)
    expect(structuredClone(policy).warnings).toEqual(expected)
    expect((JSON.parse(JSON.stringify(policy)) as { warnings: string[] }).warnings).toEqual(expected)
    expect(policy.warnings).toBe(policy.warnings)
  })

  it('still answers on a policy frozen before its warnings were read', () => {
    const policy = Object.freeze(parsePolicy(structuredClone(doc), { name: 'W', kind: 'identity' }))
    expect(policy.warnings).toEqual(lint(policy, 'W', false))
    expect(policy.warnings).toBe(policy.warnings)
  })

  it('lints a policy without Version 2012-10-17 when parsed: its warning reads the document as it was then', () => {
    const old = { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] }
    const policy = parsePolicy(old, { name: 'Old', kind: 'identity' })
    old.Statement[0]!.Resource = 'arn:aws:s3:::b/*'
    expect(policy.warnings.some((w) => w.includes('${aws:username} is literal text'))).toBe(true)
  })

  it('a verdict lists a policy’s warnings whether or not they were read before it', () => {
    const make = () => ({
      request: request({}),
      resourceAccount: ACCOUNT,
      policies: { identity: [{ name: 'Broad', document: structuredClone(doc) }] },
    })
    const cache = new CaseCache()
    const first = evaluateCase(make(), { cache })
    const second = evaluateCase(make(), { cache })
    expect(first.warnings).toEqual([expect.stringContaining('Allow with NotAction')])
    expect(second.warnings).toEqual(first.warnings)
    expect(JSON.stringify(verdictToJson(second))).toBe(JSON.stringify(verdictToJson(evaluateCase(make(), { cache: null }))))
  })
})

describe('isAccountId reads as model/arn.ts ACCOUNT_ID does', () => {
  it.each(['123456789012', '000000000000', '12345678901', '1234567890123', '12345678901a', ' 23456789012', '１23456789012', '', '123456789012\n'])('%j', (text) => {
    expect(isAccountId(text)).toBe(ACCOUNT_ID.test(text))
  })
})
