/**
 * Properties any sound evaluator has, checked on random small policy sets:
 * Deny wins over Allow (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html),
 * and learning an unknown context key can only confirm a certain verdict ("Unknown is not absent").
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'
import {
  CONTEXT_KEYS, CONTEXT_KEY_NAMES, ROLE, ROOT_USER, SESSION, addStatement, applicableTargets, caseFile, clone, needsPrincipal,
  statement, type Case, type Statement, type Target,
} from './arbitraries.js'

const RUNS = { numRuns: 200 }

type Verdict = ReturnType<typeof evaluateCase>
const run = (c: Case): Verdict => evaluateCase(c as unknown as Parameters<typeof evaluateCase>[0])

/** Every place a statement may be added to `c` without making the case unrealistic. */
function targetsFor(c: Case, includeRcp: boolean): Target[] {
  const principal = c.request.principal
  const out: Target[] = ['resource', 'vpce']
  if (principal !== ROOT_USER) out.push('identity', 'boundary')
  if (principal === SESSION || principal === ROLE) out.push('session')
  if (c.policies.scps.length > 0) out.push('scp')
  // Custom RCPs are Deny-only, so an Allow is never added there.
  if (includeRcp && c.policies.rcps.length > 0) out.push('rcp')
  return out
}

function shaped(s: Statement, target: Target): Statement {
  const { Principal, ...rest } = s
  return needsPrincipal(target) ? { ...rest, Principal: target === 'rcp' ? '*' : (Principal ?? '*') } : rest
}

const key = (f: { policyType: string; policyName: string | null; statementIndex: number }) =>
  `${f.policyType}/${f.policyName ?? ''}/${f.statementIndex}`
const certainDenies = (v: Verdict) => new Set(v.denies.filter((d) => d.certain).map(key))
const summary = (v: Verdict) =>
  `${v.decision} denies=[${v.denies.map((d) => `${key(d)}${d.certain ? '' : '?'}`).join(', ')}] missing=[${v.missingAllows.map((m) => m.policyType).join(', ')}]`

/** What refining unknown context may turn a decision into. */
const REFINEMENTS: Record<string, string[]> = {
  Allowed: ['Allowed'],
  ExplicitDeny: ['ExplicitDeny'],
  // An uncertain Deny next to a failing gate may become certain.
  ImplicitDeny: ['ImplicitDeny', 'ExplicitDeny'],
  Undetermined: ['Allowed', 'ExplicitDeny', 'ImplicitDeny', 'Undetermined'],
}

describe('evaluator properties', () => {
  it('adding an Allow statement anywhere never removes an ExplicitDeny nor any reported deny', () => {
    fc.assert(
      fc.property(caseFile(), statement({ effect: 'Allow', withPrincipal: true }), fc.nat(), fc.nat(), (c, s, t, pick) => {
        const before = run(c)
        const targets = targetsFor(c, false)
        const target = targets[t % targets.length]!
        const changed = clone(c)
        addStatement(changed, target, shaped(s, target), pick)
        const after = run(changed)
        const context = `added Allow to ${target}\nbefore: ${summary(before)}\nafter: ${summary(after)}`
        if (before.decision === 'ExplicitDeny') expect(after.decision, context).toBe('ExplicitDeny')
        const afterCertain = certainDenies(after)
        for (const d of certainDenies(before)) expect(afterCertain.has(d), context).toBe(true)
      }),
      RUNS,
    )
  })

  it('adding a Deny statement never turns a request that was not allowed into Allowed', () => {
    fc.assert(
      fc.property(caseFile(), statement({ effect: 'Deny', withPrincipal: true }), fc.nat(), fc.nat(), (c, s, t, pick) => {
        const before = run(c)
        const targets = targetsFor(c, true)
        const target = targets[t % targets.length]!
        const changed = clone(c)
        addStatement(changed, target, shaped(s, target), pick)
        const after = run(changed)
        const context = `added Deny to ${target}\nbefore: ${summary(before)}\nafter: ${summary(after)}`
        if (before.decision !== 'Allowed') expect(after.decision, context).not.toBe('Allowed')
        if (before.decision === 'ExplicitDeny') expect(after.decision, context).toBe('ExplicitDeny')
      }),
      RUNS,
    )
  })

  it('an unconditional matching Deny in an applicable policy always yields ExplicitDeny naming it', () => {
    fc.assert(
      fc.property(caseFile(), fc.nat(), fc.nat(), (c, t, pick) => {
        const targets = applicableTargets(c)
        const target = targets[t % targets.length]!
        const changed = clone(c)
        const where = addStatement(changed, target, shaped({ Effect: 'Deny', Action: '*', Resource: '*' }, target), pick)
        const after = run(changed)
        const context = `added Deny */* to ${target} (${where.policyName}[${where.statementIndex}])\nafter: ${summary(after)}`
        expect(after.decision, context).toBe('ExplicitDeny')
        const named = after.denies.some(
          (d) => d.policyType === target && d.policyName === where.policyName && d.statementIndex === where.statementIndex && d.certain,
        )
        expect(named, context).toBe(true)
      }),
      RUNS,
    )
  })

  it('making an unknown context key known never turns a certain verdict into Undetermined', () => {
    const values = fc.record(CONTEXT_KEYS)
    fc.assert(
      fc.property(caseFile({ contextComplete: false }), fc.constantFrom(...CONTEXT_KEY_NAMES), values, (c, name, chosen) => {
        fc.pre(!(name in c.request.context))
        // The root user has no principal tags: for it such a key is absent, not unknown, and
        // giving it a value describes a request AWS never sees.
        fc.pre(!(c.request.principal.endsWith(':root') && name.toLowerCase().startsWith('aws:principaltag/')))
        const before = run(c)
        const changed = clone(c)
        changed.request.context[name] = chosen[name]!
        const after = run(changed)
        const context = `${name} = ${JSON.stringify(chosen[name])}\nbefore: ${summary(before)}\nafter: ${summary(after)}`
        expect(REFINEMENTS[before.decision], context).toContain(after.decision)
        const afterCertain = certainDenies(after)
        for (const d of certainDenies(before)) expect(afterCertain.has(d), context).toBe(true)
      }),
      RUNS,
    )
  })

  it('treating every unknown key as absent only confirms a certain verdict', () => {
    fc.assert(
      fc.property(caseFile({ contextComplete: false }), (c) => {
        const before = run(c)
        const after = run({ ...clone(c), contextComplete: true })
        const context = `before: ${summary(before)}\nafter: ${summary(after)}`
        expect(REFINEMENTS[before.decision], context).toContain(after.decision)
      }),
      RUNS,
    )
  })
})
