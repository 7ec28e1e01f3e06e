import { describe, expect, it } from 'vitest'
import { renderVerdict, renderVerdicts } from '../../src/report/index.js'
import { allowed, implicitDeny, messageIntake, scpExplicitDeny } from './verdicts.js'

describe('renderVerdicts', () => {
  it('separates text reports by a rule as wide as the terminal', () => {
    const output = renderVerdicts([scpExplicitDeny, allowed], 'text', { color: false, width: 80 })
    const parts = output.split(`\n\n${'─'.repeat(80)}\n\n`)
    expect(parts).toEqual([renderVerdict(scpExplicitDeny, 'text', { color: false, width: 80 }), renderVerdict(allowed, 'text', { color: false, width: 80 })])
  })

  it('separates markdown reports by a thematic break that cannot become a heading underline', () => {
    const output = renderVerdicts([implicitDeny, allowed], 'markdown', { color: false })
    expect(output.split('\n\n---\n\n')).toHaveLength(2)
    expect(output).toContain('### Verdict: Implicit deny')
    expect(output).toContain('### Verdict: Allowed')
  })

  it('returns an empty string for no verdicts', () => {
    expect(renderVerdicts([], 'json', { color: false })).toBe('')
    expect(renderVerdicts([], 'text', { color: false })).toBe('')
  })
})

describe('explain intake header', () => {
  it('shows what was read from the message before the diagnosis', () => {
    const output = renderVerdict(scpExplicitDeny, 'text', { color: false, intake: messageIntake })
    expect(output).toContain('Read from the AccessDenied message:\n  principal  arn:aws:iam::111111111111:role/TestReadOnly\n  action     ec2:RunInstances\n')
    expect(output).toMatch(/ {2}reported {3}SCP\n {13}arn:aws:organizations::999999999999:policy\//)
  })

  it('says when the message names no policy type, and shows unknown fields as written', () => {
    const output = renderVerdict(scpExplicitDeny, 'text', {
      color: false,
      width: 120,
      intake: { source: 'cloudtrail', reportedPolicyType: null, reportedPolicyArn: null, eventId: 'abc-123' },
    })
    expect(output).toContain('Read from the CloudTrail event:\n  reported  no policy type given\n  eventId   abc-123')
  })

  it('renders the intake as a table in markdown', () => {
    expect(renderVerdict(scpExplicitDeny, 'markdown', { color: false, intake: messageIntake })).toContain(
      '#### Read from the AccessDenied message\n\n| Field | Value |\n| --- | --- |\n| principal | `arn:aws:iam::111111111111:role/TestReadOnly` |',
    )
  })
})
