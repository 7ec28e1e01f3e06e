import { describe, expect, it } from 'vitest'
import type { RunSimulationResults } from '@cloud-copilot/iam-simulate'
import { agrees, compareAll } from '../../bench/engine/agreement.js'
import type { CorpusCase } from '../../bench/engine/case-file.js'
import { peerDecision, type PeerAnswer } from '../../bench/engine/peer.js'
import type { Verdict } from '../../src/model/index.js'

const single = (overallResult: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied') =>
  ({ resultType: 'single', overallResult, result: { analysis: {} } }) as unknown as RunSimulationResults

describe("mapping the peer's answer to denydoctor's decisions", () => {
  it.each([
    ['Allowed', 'Allowed'],
    ['ExplicitlyDenied', 'ExplicitDeny'],
    ['ImplicitlyDenied', 'ImplicitDeny'],
  ] as const)('%s → %s', (theirs, ours) => {
    expect(peerDecision(single(theirs))).toBe(ours)
  })

  it('a wildcard result maps by its overall result', () => {
    expect(peerDecision({ resultType: 'wildcard', overallResult: 'ExplicitlyDenied', results: [] } as unknown as RunSimulationResults)).toBe('ExplicitDeny')
  })

  it('a refusal is an Error, which never agrees', () => {
    expect(peerDecision({ resultType: 'error', errors: { message: 'policy.errors' } })).toBe('Error')
    expect(agrees('ImplicitDeny', 'Error')).toBe(false)
  })

  it('Undetermined never agrees: the peer has no such answer', () => {
    expect(agrees('Undetermined', 'ImplicitDeny')).toBe(false)
    expect(agrees('ExplicitDeny', 'ExplicitDeny')).toBe(true)
  })
})

function verdict(decision: Verdict['decision']): Verdict {
  return {
    decision,
    request: { principal: 'p', action: 's3:GetObject', resources: [], context: {} },
    denies:
      decision === 'ExplicitDeny'
        ? [{ policyType: 'scp', policyName: 'DenyRegions', statementIndex: 0, sid: 'D', certain: true } as unknown as Verdict['denies'][number]]
        : [],
    missingAllows: decision === 'ImplicitDeny' ? [{ policyType: 'identity', level: null, explanation: '' }] : [],
    allows: [],
    incomplete: [],
    suggestions: [],
    warnings: [],
  }
}

const item = (id: string, action: string) => ({ id, case: { request: { action } } }) as unknown as CorpusCase
const answer = (decision: PeerAnswer['decision']): PeerAnswer => ({ decision, note: null, blockedBy: [] })

describe('comparing a corpus', () => {
  it('counts agreements and keeps each disagreement with its case and both reasons', () => {
    const report = compareAll(
      [item('a', 's3:GetObject'), item('b', 'ec2:RunInstances'), item('c', 'ec2:RunInstances'), item('d', 'sqs:SendMessage')],
      [verdict('Allowed'), verdict('ExplicitDeny'), verdict('ExplicitDeny'), verdict('Undetermined')],
      [answer('Allowed'), answer('ImplicitDeny'), answer('ImplicitDeny'), answer('ImplicitDeny')],
    )
    expect(report.total).toBe(4)
    expect(report.agree).toBe(1)
    expect(report.undetermined).toBe(1)
    expect(report.disagreements.map((d) => d.id)).toEqual(['b', 'c', 'd'])
    expect(report.disagreements[0]!.denydoctorReason).toEqual(['scp DenyRegions statement 0 (D)'])
    expect(report.byKind[0]).toEqual(['ec2:RunInstances: denydoctor ExplicitDeny, peer ImplicitDeny', 2])
  })
})
