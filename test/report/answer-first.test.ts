import { describe, expect, it } from 'vitest'
import { renderVerdict } from '../../src/report/index.js'
import { splitOrigin } from '../../src/report/wording.js'
import { allowedInOrganisation, fiveDenies, implicitDeny, mfaUndetermined, scpExplicitDeny, withAssumptions } from './verdicts.js'

const text = (verdict: Parameters<typeof renderVerdict>[0]): string => renderVerdict(verdict, 'text', { color: false, width: 100 })
/** Where each needle first appears; fails when one is missing. */
function order(output: string, ...needles: string[]): number[] {
  return needles.map((needle) => {
    const at = output.indexOf(needle)
    expect(at, `missing ${JSON.stringify(needle)}`).toBeGreaterThanOrEqual(0)
    return at
  })
}
const ascending = (positions: number[]): boolean => positions.every((p, i) => i === 0 || p > positions[i - 1]!)

describe('the answer first', () => {
  it('an explicit deny: verdict, deciding statement, what to change, then the request and the overridden allows', () => {
    const output = text(scpExplicitDeny)
    expect(ascending(order(output, 'DENIED (explicit deny)', 'Denied by SCP "DenyRunInstances"', 'What to change:', 'The request:', 'Allowed by (overridden by the deny):'))).toBe(true)
  })

  it('an allow leads with the statements that grant and folds the organisation-wide allows into one line', async () => {
    const output = text(allowedInOrganisation)
    expect(ascending(order(output, 'ALLOWED', '[1/2] Allowed by identity-based policy "AmazonS3ReadOnlyAccess"', '[2/2] Allowed by resource-based policy', 'Every SCP and RCP level allows it: RCPFullAWSAccess at 3 levels, FullAWSAccess at 4 levels.', 'The request:'))).toBe(true)
    expect(output).not.toContain('Allowed by SCP')
    expect(output).not.toContain('"FullAWSAccess"')
    await expect(output).toMatchFileSnapshot('__snapshots__/allowed-in-organisation.txt')
  })

  it('an implicit deny: the layers without an Allow come right after the verdict', () => {
    const output = text(implicitDeny)
    expect(ascending(order(output, 'DENIED (implicit', 'Nothing allows it here:', 'What to change:', 'The request:', 'Allowed by (not enough on its own):'))).toBe(true)
  })

  it('an undetermined verdict: the statement it hangs on, then what to change', () => {
    const output = text(mfaUndetermined)
    expect(ascending(order(output, 'UNDETERMINED', 'May be denied by inline policy `ForceMFA`', 'What to change:', 'The request:', 'Allowed by (not enough to settle it):'))).toBe(true)
  })

  it('five denies: the first three in full before what to change, the rest on one line each', () => {
    const output = text(fiveDenies)
    expect(ascending(order(output, '[1/5] Denied by', '[3/5] Denied by', 'Other denies:', '[5/5]', 'The request:'))).toBe(true)
  })

  it('lists the values assumed for a direct call in one line of the request block', () => {
    expect(text(withAssumptions(scpExplicitDeny))).toContain('\n  assumed for a direct call: aws:SecureTransport=true, aws:RequestedRegion=us-east-1')
  })
})

describe('headings name things; the reasoning goes below them', () => {
  it('splits a parenthesis with a reason off the policy name', () => {
    expect(splitOrigin("bucket policy of `MyExampleBucket` (account 111111111111: S3 returns a bucket policy only to its owner's account)")).toEqual({
      name: 'bucket policy of `MyExampleBucket`',
      note: "account 111111111111: S3 returns a bucket policy only to its owner's account",
    })
    expect(splitOrigin('SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)')).toEqual({ name: 'SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)', note: null })
  })

  it('shows the reason on the line under the heading', () => {
    const [deny] = scpExplicitDeny.denies
    const verdict = { ...scpExplicitDeny, denies: [{ ...deny!, origin: "bucket policy of `b` (account 1: S3 returns a bucket policy only to its owner's account)" }] }
    const lines = text(verdict).split('\n')
    const at = lines.findIndex((l) => l.startsWith('Denied by'))
    expect(lines[at]).toBe('Denied by bucket policy of `b`')
    expect(lines[at + 2]).toBe("  (account 1: S3 returns a bucket policy only to its owner's account)")
  })
})
