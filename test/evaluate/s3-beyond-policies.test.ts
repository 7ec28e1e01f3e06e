import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'
import { renderVerdict } from '../../src/report/index.js'

/**
 * An Allowed S3 verdict says what S3 checks besides policies (Block Public Access, Object
 * Ownership and ACLs, SSE-KMS, Object Lock), which denydoctor does not read:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html
 */
function caseFor(action: string, resource: string, effect: 'Allow' | 'Deny') {
  const statements = [{ Effect: 'Allow', Action: '*', Resource: '*' }, ...(effect === 'Deny' ? [{ Effect: 'Deny', Action: action, Resource: '*' }] : [])]
  return {
    request: { principal: 'arn:aws:iam::111111111111:user/alice', action, resource },
    policies: { identity: [{ name: 'AlicePolicy', document: { Version: '2012-10-17', Statement: statements } }] },
  }
}

const NOTE = /^The policies allow s3:GetObject; if S3 still denies it, look at what S3 checks besides policies, which denydoctor does not read: Block Public Access .* Object Ownership .* SSE-KMS .* Object Lock .*troubleshoot-403-errors\.html\.$/

describe('S3 checks beyond policies', () => {
  it('are named when the policies allow an S3 request', () => {
    const verdict = evaluateCase(caseFor('s3:GetObject', 'arn:aws:s3:::example-bucket/report.csv', 'Allow'))
    expect(verdict.decision).toBe('Allowed')
    expect(verdict.suggestions).toHaveLength(1)
    expect(verdict.suggestions[0]).toMatch(NOTE)
  })

  it('are not named for a denied S3 request, nor for an allowed request to another service', () => {
    const denied = evaluateCase(caseFor('s3:GetObject', 'arn:aws:s3:::example-bucket/report.csv', 'Deny'))
    expect(denied.decision).toBe('ExplicitDeny')
    expect(denied.suggestions.some((s) => s.includes('Block Public Access'))).toBe(false)
    const ec2 = evaluateCase(caseFor('ec2:RunInstances', 'arn:aws:ec2:us-east-1:111111111111:instance/i-0abc', 'Allow'))
    expect(ec2.decision).toBe('Allowed')
    expect(ec2.suggestions).toEqual([])
  })

  it('head the list as "If AWS still denies it" in text and markdown reports of an Allowed verdict', () => {
    const verdict = evaluateCase(caseFor('s3:GetObject', 'arn:aws:s3:::example-bucket/report.csv', 'Allow'))
    const text = renderVerdict(verdict, 'text', { color: false, width: 100 })
    expect(text).toContain('If AWS still denies it:')
    expect(text).not.toContain('What to change:')
    expect(renderVerdict(verdict, 'markdown', { color: false, width: 100 })).toContain('#### If AWS still denies it')
  })
})
