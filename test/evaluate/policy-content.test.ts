/**
 * Policies of the same content share their compiled statements (policy-index.ts). Two
 * policies may share only when everything matching reads is equal; what only reports read
 * (Sid, the raw text, the policy's name) stays each policy's own.
 */
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'
import { contentHash, sameContent } from '../../src/evaluate/policy-content.js'
import { candidatesFor } from '../../src/evaluate/policy-index.js'
import { parsePolicy } from '../../src/policy/index.js'
import type { Policy } from '../../src/model/index.js'

/** A policy document, loosely typed so that tests can change any part of it. */
interface Doc {
  Version: string
  Statement: Record<string, unknown>[]
}

const BASE: Doc = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'One', Effect: 'Allow', Action: ['s3:GetObject', 's3:List*'], Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1'] } } },
    { Sid: 'Two', Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::b/keep/*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  ],
}
const RESOURCE_POLICY: Doc = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:role/R'], Service: 'ec2.amazonaws.com' }, Action: 's3:GetObject', Resource: '*' }],
}

const parse = (document: unknown, kind: 'identity' | 'resource' = 'identity'): Policy => parsePolicy(structuredClone(document), { name: 'p', kind })

/** Changes one thing in a copy of BASE. */
function changed(edit: (doc: Doc) => void): Policy {
  const doc = structuredClone(BASE)
  edit(doc)
  return parse(doc)
}

describe('sameContent and contentHash', () => {
  it('two parses of one document are the same content, with the same hash', () => {
    const a = parse(BASE)
    const b = parse(BASE)
    expect(a).not.toBe(b)
    expect(sameContent(a, b)).toBe(true)
    expect(contentHash(a)).toBe(contentHash(b))
    expect(sameContent(parse(RESOURCE_POLICY, 'resource'), parse(RESOURCE_POLICY, 'resource'))).toBe(true)
  })

  it('Sids do not decide anything, so they do not tell contents apart', () => {
    expect(sameContent(parse(BASE), changed((d) => (d.Statement[0]!.Sid = 'Other')))).toBe(true)
  })

  it.each<[string, (d: Doc) => void]>([
    ['the Version', (d) => (d.Version = '2008-10-17')],
    ['an Effect', (d) => (d.Statement[1]!.Effect = 'Allow')],
    ['an Action', (d) => (d.Statement[0]!.Action = ['s3:GetObject', 's3:Get*'])],
    ['the order of Actions', (d) => (d.Statement[0]!.Action = ['s3:List*', 's3:GetObject'])],
    ['a Resource', (d) => (d.Statement[0]!.Resource = 'arn:aws:s3:::c/*')],
    ['Resource in place of NotResource', (d) => {
      const s = d.Statement[1]!
      s.Resource = s.NotResource
      delete s.NotResource
    }],
    ['a condition value', (d) => (d.Statement[0]!.Condition = { StringEquals: { 'aws:RequestedRegion': ['eu-west-1'] } })],
    ['a condition key', (d) => (d.Statement[0]!.Condition = { StringEquals: { 'aws:SourceVpc': ['us-east-1'] } })],
    ['a condition operator', (d) => (d.Statement[0]!.Condition = { StringLike: { 'aws:RequestedRegion': ['us-east-1'] } })],
    ['IfExists', (d) => (d.Statement[1]!.Condition = { Bool: { 'aws:MultiFactorAuthPresent': 'false' } })],
    ['the number of statements', (d) => d.Statement.pop()],
    ['the order of statements', (d) => d.Statement.reverse()],
  ])('policies that differ in %s are different contents', (_what, edit) => {
    expect(sameContent(parse(BASE), changed(edit))).toBe(false)
  })

  it('Principal entries of every kind tell contents apart', () => {
    const other = structuredClone(RESOURCE_POLICY)
    other.Statement[0]!.Principal = { AWS: ['arn:aws:iam::111111111111:role/R'], Service: 'lambda.amazonaws.com' }
    expect(sameContent(parse(RESOURCE_POLICY, 'resource'), parse(other, 'resource'))).toBe(false)
  })

  // A field the matchers read but sameContent does not compare would let two different
  // policies share one compiled form. When the model grows, extend policy-content.ts and this list.
  it('compares every field of the parsed model (update policy-content.ts when this fails)', () => {
    const policy = parse(BASE)
    expect(Object.keys(policy).sort()).toEqual(['id', 'statements', 'version', 'warnings'])
    expect(Object.keys(policy.statements[0]!).sort()).toEqual(
      ['action', 'conditions', 'effect', 'index', 'notAction', 'notPrincipal', 'notResource', 'principal', 'raw', 'resource', 'sid'].sort(),
    )
    expect(Object.keys(policy.statements[0]!.conditions[0]!).sort()).toEqual(['key', 'operator', 'values'])
    expect(Object.keys(policy.statements[0]!.conditions[0]!.operator).sort()).toEqual(['base', 'ifExists', 'name', 'setOperator'])
    const block = parse(RESOURCE_POLICY, 'resource').statements[0]!.principal!
    expect(Object.keys(block).sort()).toEqual(['aws', 'canonicalUser', 'federated', 'service', 'wildcard'])
  })

  it('policies of one content share their compiled statements', () => {
    const a = candidatesFor(parse(BASE), 's3:GetObject')
    const b = candidatesFor(changed((d) => (d.Statement[0]!.Sid = 'Renamed')), 's3:GetObject')
    expect(a).toBe(b)
    expect(candidatesFor(changed((d) => (d.Statement[0]!.Resource = 'arn:aws:s3:::c/*')), 's3:GetObject')).not.toBe(a)
  })
})

describe('findings of policies that share a compiled form', () => {
  const request = { principal: 'arn:aws:iam::111111111111:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/x', context: { 'aws:RequestedRegion': 'us-east-1' } }
  const policy = (name: string, sid: string) => ({ name, document: { ...BASE, Statement: [{ ...BASE.Statement[0]!, Sid: sid }] } })

  it('name each its own policy and Sid', () => {
    const verdict = evaluateCase({ request, policies: { identity: [policy('first', 'A'), policy('second', 'B')] } })
    expect(verdict.decision).toBe('Allowed')
    expect(verdict.allows.map((a) => [a.policyName, a.sid])).toEqual([
      ['first', 'A'],
      ['second', 'B'],
    ])
    expect(verdict.allows.map((a) => a.statement)).toEqual([
      { ...BASE.Statement[0], Sid: 'A' },
      { ...BASE.Statement[0], Sid: 'B' },
    ])
  })

  it('word NotAction with the action as this request spells it', () => {
    const deny = { name: 'deny', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }] } }
    const spelt = (action: string) => evaluateCase({ request: { ...request, action }, policies: { identity: [deny] } }).denies[0]!.matchedAction
    expect(spelt('s3:GetObject')).toBe('NotAction (s3:GetObject is not listed)')
    expect(spelt('S3:GETOBJECT')).toBe('NotAction (S3:GETOBJECT is not listed)')
  })
})
