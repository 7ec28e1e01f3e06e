/**
 * What a verdict assumed for a direct call is said once, on its own line (text) or bullet
 * (markdown), and kept out of the context line; JSON carries it as `assumptions`.
 */
import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../src/model/index.js'
import { renderVerdict } from '../../src/report/index.js'
import { scpExplicitDeny } from './verdicts.js'

const verdict: Verdict = {
  ...scpExplicitDeny,
  request: { ...scpExplicitDeny.request, context: { ...scpExplicitDeny.request.context, 'aws:SecureTransport': 'true' } },
  assumptions: [
    { key: 'aws:SecureTransport', value: 'true', why: 'every AWS SDK, CLI and console call is made over HTTPS' },
    { key: 'aws:CalledVia', value: [], why: 'absent: only present when an AWS service makes the call' },
  ],
}

describe('the assumptions line', () => {
  it('text: one "assumed for a direct call" line, the assumed key not repeated under context', () => {
    const text = renderVerdict(verdict, 'text', { color: false, width: 200 })
    expect(text).toContain('  assumed for a direct call: aws:SecureTransport=true; absent: aws:CalledVia (override with --context KEY=VALUE or --unknown KEY)')
    expect(text.split('\n').find((l) => l.includes('context:'))).not.toContain('aws:SecureTransport')
    expect(text.match(/assumed/g)).toHaveLength(1)
  })
  it('markdown: one bullet', () => {
    const markdown = renderVerdict(verdict, 'markdown', { color: false })
    expect(markdown).toContain('- **assumed for a direct call:** `aws:SecureTransport=true`; absent: `aws:CalledVia` (override with --context KEY=VALUE or --unknown KEY)')
  })
  it('brief: the same line, the label said once', () => {
    const brief = renderVerdict(verdict, 'text', { color: false, width: 200, brief: true })
    expect(brief).toContain('assumed for a direct call: aws:SecureTransport=true; absent: aws:CalledVia')
    expect(brief.match(/assumed/g)).toHaveLength(1)
  })
  it('json: the assumptions as they are', () => {
    const json = JSON.parse(renderVerdict(verdict, 'json', { color: false })) as Verdict
    expect(json.assumptions).toEqual(verdict.assumptions)
  })
  it('nothing assumed (evaluate): no line', () => {
    expect(renderVerdict(scpExplicitDeny, 'text', { color: false })).not.toContain('assumed for a direct call')
  })
})
