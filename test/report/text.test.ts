import { describe, expect, it } from 'vitest'
import { renderVerdict } from '../../src/report/index.js'
import { ALL_VERDICTS, allowed, fiveDenies, implicitDeny, messageIntake, mfaUndetermined, partialDiagnosis, scpExplicitDeny } from './verdicts.js'

const ESC = '\u001b['
const plain = { color: false, width: 100 } as const
const text = (verdict: Parameters<typeof renderVerdict>[0], options: Parameters<typeof renderVerdict>[2] = plain): string =>
  renderVerdict(verdict, 'text', options)
const lines = (output: string): string[] => output.split('\n')
/** The line holding `needle`; fails the test when there is none. */
function lineWith(output: string, needle: string): string {
  const found = lines(output).find((l) => l.includes(needle))
  expect(found, `no line contains ${JSON.stringify(needle)}`).toBeDefined()
  return found ?? ''
}

describe('text report snapshots (colour off)', () => {
  it('SCP explicit deny with an ArnNotLike CloudOps exception, read from an AccessDenied message', async () => {
    const output = text(scpExplicitDeny, { ...plain, intake: messageIntake, origin: 'from snapshot taken 2026-11-01T10:00Z' })
    await expect(output).toMatchFileSnapshot('__snapshots__/scp-explicit-deny.txt')
  })
  it('force-MFA deny that hangs on aws:MultiFactorAuthPresent', async () => {
    await expect(text(mfaUndetermined)).toMatchFileSnapshot('__snapshots__/mfa-undetermined.txt')
  })
  it('implicit deny: no identity Allow, an SCP level without Allow', async () => {
    await expect(text(implicitDeny)).toMatchFileSnapshot('__snapshots__/implicit-deny.txt')
  })
  it('allowed by an identity policy and a bucket policy', async () => {
    await expect(text(allowed)).toMatchFileSnapshot('__snapshots__/allowed.txt')
  })
  it('partial diagnosis: sources that could not be read', async () => {
    const output = text(partialDiagnosis, { ...plain, origin: 'live account 111111111111 (profile prod-readonly)' })
    await expect(output).toMatchFileSnapshot('__snapshots__/partial-diagnosis.txt')
  })
  it('five denies: three in full, two on one line', async () => {
    await expect(text(fiveDenies)).toMatchFileSnapshot('__snapshots__/five-denies.txt')
  })
})

describe('text report: the first line says the verdict', () => {
  it.each([
    [scpExplicitDeny, 'DENIED (explicit deny) — ec2:RunInstances by arn:aws:iam::111111111111:role/TestReadOnly'],
    [mfaUndetermined, 'UNDETERMINED (depends on what the request carried) — ec2:StopInstances by arn:aws:iam::111111111111:user/alice'],
    [implicitDeny, 'DENIED (implicit: nothing allows it) — s3:PutObject by arn:aws:sts::222222222222:assumed-role/DataLoader/etl-run-42'],
    [allowed, 'ALLOWED — s3:GetObject by arn:aws:sts::222222222222:assumed-role/DataLoader/etl-run-42'],
    [partialDiagnosis, 'UNDETERMINED (some policies could not be read) — s3:PutObject by arn:aws:sts::111111111111:assumed-role/Deployer/gh-actions'],
  ])('%#: %s', (verdict, first) => {
    expect(lines(text(verdict))[0]).toBe(first)
  })

  it('warns right under the first line when sources are missing, naming them', () => {
    const second = lines(text(partialDiagnosis))[1] ?? ''
    expect(second).toMatch(/^⚠ Partial diagnosis: could not read organizations, s3:GetBucketPolicy artifacts-prod\./)
  })

  it('has no partial-diagnosis warning when every source was read', () => {
    expect(text(scpExplicitDeny)).not.toContain('Partial diagnosis')
  })
})

describe('text report: the deciding statement with its matching parts marked', () => {
  const output = text(scpExplicitDeny)

  it('names the policy in words and the statement 1-based', () => {
    expect(output).toContain('\nDenied by SCP "DenyRunInstances" attached to ou-abcd-11111111\n  statement 1 (Sid DenyEC2)\n')
  })
  it('marks the Action value that matched, not its neighbour', () => {
    expect(lineWith(output, '"ec2:RunInstances",')).toMatch(/◀ matched action$/)
    expect(lineWith(output, '"ec2:StartInstances"')).not.toContain('◀')
  })
  it('marks the Resource and the condition key with its result', () => {
    expect(lineWith(output, '"Resource": "*"')).toMatch(/◀ matched resource$/)
    expect(lineWith(output, '"aws:PrincipalArn": [')).toMatch(/◀ condition true$/)
  })
  it('shows the policy values and the request values side by side', () => {
    expect(output).toContain('policy values:  arn:aws:iam::*:role/CloudOps')
    expect(output).toContain('                arn:aws:iam::*:role/OrganizationAccountAccessRole')
    expect(output).toContain('request values: arn:aws:iam::111111111111:role/TestReadOnly')
  })
  it('uses the source origin sentence when the finding has one', () => {
    expect(text(mfaUndetermined)).toContain('May be denied by inline policy `ForceMFA` of group `Developers`')
  })
  it('marks NotAction as "not listed" rather than pretending a value matched', () => {
    expect(lineWith(text(mfaUndetermined), '"NotAction": [')).toMatch(/◀ action not listed here$/)
  })
  it('marks the principal inside a Principal block', () => {
    expect(lineWith(text(allowed), '"arn:aws:iam::222222222222:role/DataLoader",')).toMatch(/◀ matched principal$/)
    expect(lineWith(text(allowed), '"arn:aws:iam::222222222222:role/Analyst"')).not.toContain('◀')
  })
  it('lists the suggestions under "What to change"', () => {
    expect(output).toContain('What to change:\n  • Launch the instance as a CloudOps role')
  })
})

describe('text report: uncertain and implicit denies', () => {
  it('says what an uncertain deny hangs on', () => {
    expect(text(mfaUndetermined)).toContain('  ? Denies unless the call was made with MFA — the request context does not say whether it was.')
  })
  it('puts (unknown) in the request-values column', () => {
    expect(lineWith(text(mfaUndetermined), 'BoolIfExists  aws:MultiFactorAuthPresent')).toMatch(/false\s+\(unknown\)\s+unknown$/)
  })
  it('lists each layer without an Allow on its own line', () => {
    const output = text(implicitDeny)
    expect(output).toContain('Nothing allows it here:')
    expect(lineWith(output, '✗ identity-based policies:')).toMatch(/^ {2}✗ identity-based policies: No identity-based policy of role DataLoader/)
    expect(lineWith(output, '✗ SCPs at ou-data-22222222:')).toMatch(/^ {2}✗ SCPs at ou-data-22222222: No SCP attached/)
  })
  it('shows the sources that could not be read with their error and effect', () => {
    const output = text(partialDiagnosis, { ...plain, origin: 'live account 111111111111 (profile prod-readonly)' })
    expect(output).toContain('Could not read:\n  ✗ organizations: AccessDeniedException:')
    expect(output).toContain('live account 111111111111 (profile prod-readonly)')
  })
})

describe('text report: at most three denies in full', () => {
  const output = text(fiveDenies)
  it('shows the first three with their statements', () => {
    expect(output).toContain('[1/5] Denied by SCP "ProtectProdData" attached to r-ab12')
    expect(output).toContain('[2/5] Denied by RCP "DenyDeleteOutsideOffice" attached to ou-prod-33333333')
    expect(output).toContain('[3/5] Denied by permissions boundary "DevBoundary" attached to user/bob')
  })
  it('lists the rest on one line each, uncertain ones with what they hang on', () => {
    expect(output).toContain('Other denies:\n  [4/5] resource-based policy attached to prod-ledger — statement 1 (Sid WormLike)\n')
    expect(output).toContain('[5/5] VPC endpoint policy attached to vpce-0a1b2c3d — statement 2 — may apply: hangs on')
    expect(output).not.toContain('"Sid": "WormLike"')
  })
  it('shortens a long Action list but keeps the matched action', () => {
    expect(lineWith(output, '"s3:DeleteObject",')).toMatch(/◀ matched action$/)
    expect(output).toContain('      … 4 more\n')
    expect(output).toContain('      … 7 more\n')
    expect(output).not.toContain('"s3:BypassGovernanceRetention"')
  })
  it('shows warnings last', () => {
    expect(lines(output).at(-1)).toBe('  - Action s3:DeleteJobTagging is not in the IAM action catalogue.')
  })
})

describe('text report: colour', () => {
  it.each(Object.entries(ALL_VERDICTS))('%s has no escape code at all with colour off', (_name, verdict) => {
    expect(text(verdict, { color: false, intake: messageIntake, origin: 'live account 111111111111' })).not.toContain('\u001b')
  })

  it('colours the headline and the matched lines red for a Deny when colour is on', () => {
    const output = text(scpExplicitDeny, { color: true })
    expect(lines(output)[0]).toBe(`${ESC}1m${ESC}31mDENIED (explicit deny)${ESC}39m${ESC}22m — ec2:RunInstances by arn:aws:iam::111111111111:role/TestReadOnly`)
    expect(lineWith(output, '"ec2:RunInstances",')).toContain(`${ESC}31m`)
    expect(lineWith(output, '"ec2:StartInstances"')).not.toContain(ESC)
  })

  it('colours an Allow green and an unknown condition yellow', () => {
    expect(lineWith(text(allowed, { color: true }), '"s3:Get*"')).toContain(`${ESC}32m`)
    expect(lineWith(text(mfaUndetermined, { color: true }), '"aws:MultiFactorAuthPresent": "false"')).toContain(`${ESC}33m`)
  })

  it.each([50, 100, 220])('keeps the same words and layout with colour on as with it off (width %i)', (width) => {
    for (const verdict of Object.values(ALL_VERDICTS)) {
      const options = { width, intake: messageIntake, origin: 'live account 111111111111' }
      const stripped = text(verdict, { ...options, color: true }).replace(/\u001b\[[0-9;]*m/g, '')
      expect(stripped).toBe(text(verdict, { ...options, color: false }))
    }
  })
})

describe('text report: width', () => {
  it('puts the condition table in columns, with the why in a last column, when the terminal is wide', () => {
    const output = text(scpExplicitDeny, { color: false, width: 220 })
    const header = lineWith(output, 'operator')
    expect(header.trim().split(/\s{2,}/)).toEqual(['operator', 'key', 'policy values', 'request values', 'result', 'why'])
    expect(lineWith(output, 'ArnNotLike  aws:PrincipalArn')).toMatch(/ {2}true {4}aws:PrincipalArn matches none of the patterns/)
  })
  it('keeps every line of prose within the width', () => {
    for (const line of lines(text(implicitDeny, { color: false, width: 60 }))) {
      if (!/arn:\S{40,}/.test(line)) expect([...line].length).toBeLessThanOrEqual(60)
    }
  })
  it('defaults to 100 columns', () => {
    expect(text(mfaUndetermined, { color: false })).toBe(text(mfaUndetermined, { color: false, width: 100 }))
  })
  it.each([50, 100, 220])('leaves no trailing spaces (width %i)', (width) => {
    for (const verdict of Object.values(ALL_VERDICTS)) {
      for (const line of lines(text(verdict, { color: false, width }))) expect(line).not.toMatch(/ $/)
    }
  })
})
