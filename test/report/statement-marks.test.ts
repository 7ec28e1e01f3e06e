import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StatementFinding } from '../../src/model/index.js'
import { markedStatement, printJson } from '../../src/report/statement-marks.js'
import { allowed, fiveDenies, mfaUndetermined, scpExplicitDeny } from './verdicts.js'

const first = (findings: readonly StatementFinding[]): StatementFinding => {
  const f = findings[0]
  if (!f) throw new Error('fixture has no finding')
  return f
}
/** The marks as `text → label` pairs, for compact assertions. */
const marks = (finding: StatementFinding): [string, string][] =>
  markedStatement(finding, true).flatMap((l) => (l.mark ? [[l.text.trim(), l.mark.label] as [string, string]] : []))

describe('printJson', () => {
  it('lays out any JSON value exactly as JSON.stringify(value, null, 2)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(printJson(value).lines.map((l) => l.text).join('\n')).toBe(JSON.stringify(value, null, 2))
      }),
      { numRuns: 300 },
    )
  })

  it('records the path of each value', () => {
    const { lines } = printJson({ Action: ['a', 'b'], Condition: { Bool: { k: 'true' } } })
    expect(lines.map((l) => [l.text.trim(), l.path.join('.')])).toEqual([
      ['{', ''],
      ['"Action": [', 'Action'],
      ['"a",', 'Action.0'],
      ['"b"', 'Action.1'],
      ['],', 'Action'],
      ['"Condition": {', 'Condition'],
      ['"Bool": {', 'Condition.Bool'],
      ['"k": "true"', 'Condition.Bool.k'],
      ['}', 'Condition.Bool'],
      ['}', 'Condition'],
      ['}', ''],
    ])
  })
})

describe('markedStatement', () => {
  it('marks the matched action, resource and condition key of an SCP deny', () => {
    expect(marks(first(scpExplicitDeny.denies))).toEqual([
      ['"ec2:RunInstances",', 'matched action'],
      ['"Resource": "*",', 'matched resource'],
      ['"aws:PrincipalArn": [', 'condition true'],
    ])
  })

  it('matches actions case-insensitively, as IAM does', () => {
    const finding = { ...first(scpExplicitDeny.denies), matchedAction: 'EC2:runinstances' }
    expect(marks(finding)[0]).toEqual(['"ec2:RunInstances",', 'matched action'])
  })

  it('marks the element line when the matched pattern is not one of its values', () => {
    const finding = { ...first(scpExplicitDeny.denies), matchedAction: 'ec2:* (via policy variable)' }
    expect(marks(finding)[0]).toEqual(['"Action": [', 'matched action'])
  })

  it('marks NotAction as not listing the action, and an unknown condition as unknown', () => {
    expect(marks(first(mfaUndetermined.denies))).toEqual([
      ['"NotAction": [', 'action not listed here'],
      ['"Resource": "*",', 'matched resource'],
      ['"aws:MultiFactorAuthPresent": "false"', 'condition unknown'],
    ])
  })

  it('finds the principal inside a Principal block', () => {
    const bucketAllow = allowed.allows[1]
    if (!bucketAllow) throw new Error('fixture changed')
    expect(marks(bucketAllow)[0]).toEqual(['"arn:aws:iam::222222222222:role/DataLoader",', 'matched principal'])
  })

  it('finds condition keys whatever their case in the policy', () => {
    const finding: StatementFinding = {
      ...first(scpExplicitDeny.denies),
      statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { ArnNotLike: { 'AWS:PrincipalARN': 'arn:aws:iam::*:role/x' } } },
    }
    expect(marks(finding)).toContainEqual(['"AWS:PrincipalARN": "arn:aws:iam::*:role/x"', 'condition true'])
  })

  it('marks a false condition as false', () => {
    const base = first(scpExplicitDeny.denies)
    const trace = base.conditions[0]
    if (!trace) throw new Error('fixture changed')
    const finding = { ...base, conditions: [{ ...trace, result: false as const }] }
    expect(marks(finding).at(-1)).toEqual(['"aws:PrincipalArn": [', 'condition false'])
  })

  it('shortens a long value list but keeps its first items and the marked one', () => {
    const boundary = fiveDenies.denies[2]
    if (!boundary) throw new Error('fixture changed')
    const shown = markedStatement(boundary).map((l) => l.text.trim())
    expect(shown.slice(3, 11)).toEqual([
      '"Action": [',
      '"s3:DeleteAccessPoint",',
      '"s3:DeleteAccessPointPolicy",',
      '"s3:DeleteBucket",',
      '… 4 more',
      '"s3:DeleteObject",',
      '… 7 more',
      '],',
    ])
    expect(markedStatement(boundary, true)).toHaveLength(printJson(boundary.statement).lines.length)
  })
})
