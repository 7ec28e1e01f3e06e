import { describe, expect, it } from 'vitest'
import { BRIEF_LINES, renderVerdict } from '../../src/report/index.js'
import { allowedInOrganisation, ALL_VERDICTS, implicitDeny, mfaUndetermined, partialDiagnosis, scpExplicitDeny, withAssumptions } from './verdicts.js'

const brief = (verdict: Parameters<typeof renderVerdict>[0]): string => renderVerdict(verdict, 'text', { color: false, width: 100, brief: true })

describe('--brief: the answer in at most ten lines', () => {
  it.each(Object.entries({ ...ALL_VERDICTS, allowedInOrganisation }))('%s', async (name, verdict) => {
    const output = brief(withAssumptions(verdict))
    expect(output.split('\n').length).toBeLessThanOrEqual(BRIEF_LINES)
    expect(output.split('\n')[0]).toBe(renderVerdict(verdict, 'text', { color: false }).split('\n')[0])
    expect(output).toContain('assumed for a direct call: aws:SecureTransport=true, aws:RequestedRegion=us-east-1')
    await expect(output).toMatchFileSnapshot(`__snapshots__/brief/${name}.txt`)
  })

  it('explicit deny: the deciding statement, each matched part on its own line, and the one thing to change', () => {
    expect(brief(scpExplicitDeny).split('\n')).toEqual([
      'DENIED (explicit deny) — ec2:RunInstances by arn:aws:iam::111111111111:role/TestReadOnly',
      'Denied by SCP "DenyRunInstances" attached to ou-abcd-11111111, statement 1 (Sid DenyEC2)',
      '  action: ec2:RunInstances',
      '  resource: *',
      '  condition: ArnNotLike aws:PrincipalArn true (request: arn:aws:iam::111111111111:role/TestReadOnly)',
      'change: edit statement 1 (Sid DenyEC2) of DenyRunInstances (JSON Patch, paths from the statement): [{"op":"add","path":"/Condition/ArnNotLike/aws:PrincipalArn/-","value":"arn:aws:iam::111111111111:role/TestReadOnly"}]',
    ])
  })

  it('implicit deny: one line per layer without an Allow, and the statement to add as the change', () => {
    const lines = brief(implicitDeny).split('\n')
    expect(lines.slice(1, 3)).toEqual(['✗ no Allow in identity-based policies', '✗ no Allow in SCPs at ou-data-22222222'])
    expect(lines[3]).toBe(
      'change: add to the identity-based policies of arn:aws:iam::222222222222:role/DataLoader: {"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::reports-bucket/2026/q3.csv"}',
    )
  })

  it('falls back to the first suggestion when there is no remedy to give', () => {
    expect(brief(mfaUndetermined)).toContain('change: If the call used long-term access keys')
  })

  it('allowed: the granting statements, then the organisation-wide allows in one line, and nothing to change', () => {
    const lines = brief(allowedInOrganisation).split('\n')
    expect(lines[1]).toBe('Allowed by identity-based policy "AmazonS3ReadOnlyAccess" attached to role/DataLoader, statement 1')
    expect(lines.at(-1)).toBe('Every SCP and RCP level allows it: RCPFullAWSAccess at 3 levels, FullAWSAccess at 4 levels.')
    expect(lines.join('\n')).not.toContain('change:')
  })

  it('undetermined: the statement it hangs on, with the unknown condition', () => {
    expect(brief(mfaUndetermined)).toContain('  condition: BoolIfExists aws:MultiFactorAuthPresent unknown (request: (unknown))')
  })

  it('names the sources that could not be read on the second line', () => {
    expect(brief(partialDiagnosis).split('\n')[1]).toBe('⚠ not read: organizations, s3:GetBucketPolicy artifacts-prod')
  })
})
