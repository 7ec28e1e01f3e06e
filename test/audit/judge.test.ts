import { describe, expect, it } from 'vitest'
import { judge } from '../../src/audit/judge.js'
import type { Expected } from '../../src/audit/types.js'
import type { Decision, PolicyType, StatementFinding, Verdict } from '../../src/model/index.js'
import { finding as baseFinding } from '../report/verdicts.js'

function finding(policyType: PolicyType, effect: 'Allow' | 'Deny', certain = true, name = `${policyType}-policy`): StatementFinding {
  return baseFinding({ policyType, effect, certain, policyName: name, sid: 'S', unknownKeys: certain ? [] : ['aws:MultiFactorAuthPresent'], statement: {} })
}

function verdict(decision: Decision, parts: Partial<Verdict> = {}): Verdict {
  return {
    decision,
    request: { principal: 'arn:aws:iam::111111111111:role/R', action: 's3:GetObject', resources: [], context: {} },
    denies: [],
    missingAllows: [],
    allows: [],
    incomplete: [],
    suggestions: [],
    warnings: [],
    ...parts,
  }
}

const ALLOW: Expected = { kind: 'allow' }
const DENY: Expected = { kind: 'deny' }
const IMPLICIT: Expected = { kind: 'implicit-deny' }
const EXPLICIT: Expected = { kind: 'explicit-deny', by: [] }
const BY_SCP: Expected = { kind: 'explicit-deny', by: ['scp'] }

const allowed = verdict('Allowed', { allows: [finding('identity', 'Allow')] })
const scpDeny = verdict('ExplicitDeny', { denies: [finding('scp', 'Deny')] })
const identityDeny = verdict('ExplicitDeny', { denies: [finding('identity', 'Deny')] })
const implicit = verdict('ImplicitDeny', { missingAllows: [{ policyType: 'identity', level: null, explanation: '' }] })
const mfaDeny = verdict('Undetermined', { denies: [finding('identity', 'Deny', false)] })
const unreadable = verdict('Undetermined', { incomplete: [{ source: 'organizations', error: 'AccessDenied', effect: 'SCPs were not read' }] })

describe('judging a verdict against what must hold', () => {
  it.each([
    ['allow', ALLOW, allowed, 'held'],
    ['allow', ALLOW, scpDeny, 'failed'],
    ['allow', ALLOW, implicit, 'failed'],
    ['allow', ALLOW, mfaDeny, 'undetermined'],
    ['deny', DENY, scpDeny, 'held'],
    ['deny', DENY, implicit, 'held'],
    ['deny', DENY, allowed, 'failed'],
    ['deny', DENY, mfaDeny, 'undetermined'],
    ['implicit-deny', IMPLICIT, implicit, 'held'],
    ['implicit-deny', IMPLICIT, scpDeny, 'failed'],
    ['explicit-deny', EXPLICIT, identityDeny, 'held'],
    ['explicit-deny', EXPLICIT, implicit, 'failed'],
    ['explicit-deny', EXPLICIT, allowed, 'failed'],
    ['explicit-deny', EXPLICIT, mfaDeny, 'undetermined'],
    ['explicit-deny: scp', BY_SCP, scpDeny, 'held'],
    ['explicit-deny: scp', BY_SCP, identityDeny, 'failed'],
    ['explicit-deny: scp', BY_SCP, mfaDeny, 'failed'],
    ['explicit-deny: scp', BY_SCP, unreadable, 'undetermined'],
  ] as const)('expect %s, decision %#', (_label, expected, v, outcome) => {
    expect(judge(v, expected).outcome).toBe(outcome)
  })

  it('a certain Deny of the named type holds even when another Deny is the most decisive', () => {
    const both = verdict('ExplicitDeny', { denies: [finding('identity', 'Deny'), finding('scp', 'Deny', true, 'DenyEC2')] })
    const judged = judge(both, BY_SCP)
    expect(judged.outcome).toBe('held')
    expect(judged.deciding).toMatchObject({ policyType: 'scp', policyName: 'DenyEC2', label: 'SCP "DenyEC2", statement 1 (Sid S)' })
  })

  it('an SCP Deny that hangs on an unknown key next to a certain identity Deny leaves explicit-deny: scp open', () => {
    const v = verdict('ExplicitDeny', { denies: [finding('identity', 'Deny'), finding('scp', 'Deny', false)] })
    expect(judge(v, BY_SCP).outcome).toBe('undetermined')
  })

  it('says what decided: the statement, the layer without an Allow, or what it hangs on', () => {
    expect(judge(scpDeny, DENY).summary).toBe('SCP "scp-policy", statement 1 (Sid S)')
    expect(judge(implicit, DENY).summary).toBe('no Allow in identity-based policies')
    expect(judge(implicit, DENY).missingAllows).toEqual([{ policyType: 'identity', level: null, label: 'identity-based policies' }])
    expect(judge(mfaDeny, ALLOW).summary).toBe('may be denied by identity-based policy "identity-policy", statement 1 (Sid S) (hangs on aws:MultiFactorAuthPresent)')
    expect(judge(unreadable, ALLOW).summary).toBe('not every policy could be read: AccessDenied')
    expect(judge(allowed, ALLOW).deciding).toMatchObject({ policyType: 'identity', effect: 'Allow' })
  })
})
