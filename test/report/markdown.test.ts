import { describe, expect, it } from 'vitest'
import { renderVerdict } from '../../src/report/index.js'
import { ALL_VERDICTS, allowed, fiveDenies, implicitDeny, messageIntake, mfaUndetermined, partialDiagnosis, scpExplicitDeny } from './verdicts.js'

const md = (verdict: Parameters<typeof renderVerdict>[0], extra: Partial<Parameters<typeof renderVerdict>[2]> = {}): string =>
  renderVerdict(verdict, 'markdown', { color: false, ...extra })

/** The bodies of the ```json fences. */
function jsonBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```json\n([\s\S]*?)\n```$/gm)].map((m) => m[1] ?? '')
}

describe('markdown report snapshots', () => {
  it('SCP explicit deny, read from an AccessDenied message', async () => {
    await expect(md(scpExplicitDeny, { intake: messageIntake, origin: 'from snapshot taken 2026-11-01T10:00Z' })).toMatchFileSnapshot(
      '__snapshots__/scp-explicit-deny.md',
    )
  })
  it('force-MFA undetermined', async () => {
    await expect(md(mfaUndetermined)).toMatchFileSnapshot('__snapshots__/mfa-undetermined.md')
  })
  it('implicit deny', async () => {
    await expect(md(implicitDeny)).toMatchFileSnapshot('__snapshots__/implicit-deny.md')
  })
  it('allowed', async () => {
    await expect(md(allowed)).toMatchFileSnapshot('__snapshots__/allowed.md')
  })
  it('partial diagnosis', async () => {
    await expect(md(partialDiagnosis, { origin: 'live account 111111111111' })).toMatchFileSnapshot('__snapshots__/partial-diagnosis.md')
  })
  it('five denies', async () => {
    await expect(md(fiveDenies)).toMatchFileSnapshot('__snapshots__/five-denies.md')
  })
})

describe('markdown report', () => {
  it.each([
    [scpExplicitDeny, '### Verdict: Explicit deny'],
    [mfaUndetermined, '### Verdict: Undetermined'],
    [implicitDeny, '### Verdict: Implicit deny'],
    [allowed, '### Verdict: Allowed'],
  ])('%#: starts with the verdict heading', (verdict, heading) => {
    expect(md(verdict).split('\n')[0]).toBe(heading)
  })

  it.each(Object.entries(ALL_VERDICTS))('%s: every statement block is valid JSON, equal to the statement', (_name, verdict) => {
    const blocks = jsonBlocks(md(verdict))
    const shown = [...verdict.denies.slice(0, 3), ...(verdict.decision === 'Allowed' ? verdict.allows.slice(0, 3) : [])]
    expect(blocks.map((b) => JSON.parse(b) as unknown)).toEqual(shown.map((f) => f.statement))
  })

  it('has no margin markers or escape codes', () => {
    for (const verdict of Object.values(ALL_VERDICTS)) {
      const output = md(verdict, { color: true })
      expect(output).not.toContain('◀')
      expect(output).not.toContain('\u001b')
    }
  })

  it('lists what matched under each statement instead', () => {
    const output = md(scpExplicitDeny)
    expect(output).toContain('**Matched**\n\n- Action: `ec2:RunInstances`\n- Resource: `*`\n- Condition `ArnNotLike` `aws:PrincipalArn`: **true**')
    expect(md(mfaUndetermined)).toContain('- NotAction: `NotAction does not list ec2:StopInstances`')
  })

  it('tables the denies, with what an uncertain one hangs on', () => {
    const output = md(fiveDenies)
    expect(output).toContain('| 1 | SCP "ProtectProdData" attached to r-ab12 | statement 1 (Sid ProtectProdData) | yes |')
    expect(output).toContain('| 5 | VPC endpoint policy attached to vpce-0a1b2c3d | statement 2 | hangs on `aws:SourceVpce` |')
    expect(jsonBlocks(output)).toHaveLength(3)
  })

  it('puts the condition values in a table, several values on separate lines of a cell', () => {
    expect(md(scpExplicitDeny)).toContain(
      '| `ArnNotLike` | `aws:PrincipalArn` | `arn:aws:iam::*:role/CloudOps`<br>`arn:aws:iam::*:role/OrganizationAccountAccessRole` | `arn:aws:iam::111111111111:role/TestReadOnly` | **true** |',
    )
  })

  it('escapes markdown in prose so wildcards do not turn into emphasis', () => {
    expect(md(fiveDenies)).toContain('Denies every s3:Delete\\* action on prod-\\* buckets')
  })

  it('says the diagnosis is partial and which sources are missing', () => {
    expect(md(partialDiagnosis)).toContain('> **⚠ Partial diagnosis.** Could not read `organizations`, `s3:GetBucketPolicy artifacts-prod`.')
  })

  it('lists missing allows and suggestions', () => {
    const output = md(implicitDeny)
    expect(output).toContain('#### Nothing allows it here\n\n- **identity-based policies**: No identity-based policy')
    expect(output).toContain('#### What to change\n\n- Add an Allow for s3:PutObject')
  })
})
