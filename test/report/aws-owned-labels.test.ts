/**
 * A change AWS refuses because the resource is AWS's own (an AWS managed policy, a
 * service-linked or Identity Center role) is named as what it is — "AWS-owned resource" — in
 * every report, not as a resource-based policy that lacks an Allow.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'
import { renderVerdict } from '../../src/report/index.js'

const raw = JSON.parse(readFileSync(new URL('../fixtures/cases/exemptions/aws-managed-policy-set-default-version-refused.json', import.meta.url), 'utf8')) as Record<string, unknown>
const { expect: _e, description: _d, reference: _r, ...input } = raw
const verdict = evaluateCase(input)

describe('the AWS-owned refusal in the reports', () => {
  it('text: "AWS-owned resource:" and why', () => {
    const text = renderVerdict(verdict, 'text', { color: false, width: 200 })
    expect(text).toContain('  ✗ AWS-owned resource: `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` is an AWS managed policy')
    expect(text).not.toContain('resource-based policy at')
  })
  it('brief: one line', () => {
    const brief = renderVerdict(verdict, 'text', { color: false, width: 200, brief: true })
    expect(brief.split('\n')[1]).toBe('✗ AWS-owned resource: only AWS may change it')
  })
  it('markdown and its picture', () => {
    const markdown = renderVerdict(verdict, 'markdown', { color: false })
    expect(markdown).toContain('- **AWS-owned resource**: `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` is an AWS managed policy')
    expect(markdown).toContain('["AWS-owned resource<br/>only AWS may change it"]')
    expect(markdown).not.toContain('resource-based policy at')
    expect(markdown).not.toContain('no Allow in')
  })
})
