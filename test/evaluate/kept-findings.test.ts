/**
 * The words of a statement that applies to every request naming its action (FullAWSAccess and
 * the like: no Principal or "*", Resource "*", no Condition) are matched once per policy and
 * statement and kept (explain.ts, explainHit). Each verdict must still read as if its words
 * were written for it alone: the action as that request spells it, the resource it named, and
 * the words a request without a resource gets; and a caller cannot change another verdict's
 * finding through the lists they share. The remedies read the caller from its ARN, the last
 * one kept (remedies.ts): verdicts of different callers in turn each name their own.
 */
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'
import { remediesFor } from '../../src/report/remedies.js'

const FULL_ACCESS = { name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }
// NotAction with nothing else: its words name the action as the request spells it.
const ALL_BUT_IAM = { name: 'AllButIam', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] } }

const caseFor = (action: string, resource: string | undefined, principal = 'arn:aws:iam::111111111111:user/alice') => ({
  request: { principal, action, ...(resource === undefined ? {} : { resource }) },
  policies: { identity: [ALL_BUT_IAM], scps: [[FULL_ACCESS], [FULL_ACCESS]] },
})

describe('findings of statements that apply to every request', () => {
  it('name each request’s own resource and the action as it spells it', () => {
    const first = evaluateCase(caseFor('s3:GetObject', 'arn:aws:s3:::bucket-a/x'))
    const second = evaluateCase(caseFor('S3:getobject', 'arn:aws:s3:::bucket-b/y'))
    expect(first.decision).toBe('Allowed')
    expect(second.decision).toBe('Allowed')
    const identity = (v: typeof first) => v.allows.find((a) => a.policyType === 'identity')!
    expect(identity(first)).toMatchObject({ policyName: 'AllButIam', resource: 'arn:aws:s3:::bucket-a/x', matchedAction: 'NotAction (s3:GetObject is not listed)' })
    expect(identity(first).explanation).toContain('NotAction (s3:GetObject is not listed)')
    expect(identity(second)).toMatchObject({ resource: 'arn:aws:s3:::bucket-b/y', matchedAction: 'NotAction (S3:getobject is not listed)' })
    expect(identity(second).explanation).toContain('NotAction (S3:getobject is not listed)')
    // Each SCP level its own finding, in order, its words naming where it is attached.
    const scps = second.allows.filter((a) => a.policyType === 'scp')
    expect(scps.map((s) => s.attachedTo)).toEqual(['root', 'account'])
    expect(scps.map((s) => s.explanation)).toEqual([
      'Allow statement 1 of SCP `FullAWSAccess` attached to root; action matches "*"; resource matches "*"; no conditions.',
      'Allow statement 1 of SCP `FullAWSAccess` attached to account; action matches "*"; resource matches "*"; no conditions.',
    ])
  })

  it('give a request without a resource the words it always got, before and after a request with one', () => {
    const without = () => evaluateCase(caseFor('s3:ListAllMyBuckets', undefined))
    const before = JSON.stringify(without())
    evaluateCase(caseFor('s3:ListAllMyBuckets', 'arn:aws:s3:::bucket-a'))
    const after = without()
    expect(JSON.stringify(after)).toBe(before)
    expect(after.allows.every((a) => a.resource === null)).toBe(true)
  })

  it('share nothing a caller can change', () => {
    const first = evaluateCase(caseFor('s3:GetObject', 'arn:aws:s3:::bucket-a/x'))
    const finding = first.allows[0]!
    expect(() => (finding.unknownKeys as string[]).push('aws:SourceIp')).toThrow(TypeError)
    expect(() => (finding.conditions as unknown[]).push({})).toThrow(TypeError)
    const second = evaluateCase(caseFor('s3:GetObject', 'arn:aws:s3:::bucket-a/x'))
    expect(second.allows[0]!.unknownKeys).toEqual([])
    expect(second.allows[0]!.conditions).toEqual([])
  })
})

describe('remedies of verdicts of different callers in turn', () => {
  it('each name their own caller', () => {
    const denied = (principal: string) => evaluateCase({ request: { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/x' }, policies: { identity: [] } })
    const targets = [
      'arn:aws:iam::111111111111:user/alice',
      'arn:aws:sts::111111111111:assumed-role/Ops/s1',
      'arn:aws:iam::111111111111:user/alice',
      'arn:aws:iam::222222222222:user/bob',
    ].map((p) => remediesFor(denied(p)).map((r) => r.target))
    expect(targets).toEqual([
      ['arn:aws:iam::111111111111:user/alice'],
      ['arn:aws:iam::111111111111:role/Ops'],
      ['arn:aws:iam::111111111111:user/alice'],
      ['arn:aws:iam::222222222222:user/bob'],
    ])
  })
})
