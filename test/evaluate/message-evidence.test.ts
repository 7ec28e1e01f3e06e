/**
 * AWS's message as evidence (cli-contract.md: "a message that says 'explicit deny in an
 * identity-based policy' rules out the worlds in which no identity-based Deny applied").
 * Each test/fixtures/evidence/*.json holds an AccessDenied message, a case file and what the
 * verdict must be once the message is taken into account: one candidate left (settled),
 * several (narrowed), none (the message and the policies disagree), and implicit denies.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { rcpServices } from '../../src/catalogue/index.js'
import { evaluateCase } from '../../src/evaluate-case.js'
import { evaluate } from '../../src/evaluate/index.js'
import { reconcileWithMessage } from '../../src/evaluate/message-evidence.js'
import { parseDeniedMessage } from '../../src/intake/index.js'
import type { MessageEvidence, StatementFinding } from '../../src/model/index.js'
import { verdictToJson } from '../../src/report/index.js'
import { loadCase } from '../../src/sources/case/load-case.js'

const DIR = fileURLToPath(new URL('../fixtures/evidence/', import.meta.url))
// The contract's schema, and the project's copy that spells out the extra fields.
const contract = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync('/work/shared/spec/verdict.schema.json', 'utf8')) as object)
const own = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(new URL('../../schemas/verdict.schema.json', import.meta.url), 'utf8')) as object)

interface Fixture {
  description: string
  reference: string
  message: string
  case: Record<string, unknown>
  expect: {
    before: string
    decision: string
    outcome: MessageEvidence['outcome'] | null
    candidates: Partial<StatementFinding>[]
    denies: Partial<StatementFinding>[]
    missingAllows?: Record<string, unknown>[]
    implies?: string[]
  }
}

function explained(fixture: Fixture) {
  const intake = parseDeniedMessage(fixture.message)
  const before = evaluateCase(fixture.case)
  const reported = { denyKind: intake.reportedDenyKind, policyType: intake.reportedPolicyType, policyArn: intake.reportedPolicyArn }
  return { before, after: reconcileWithMessage(before, reported, loadCase(fixture.case).policies) }
}

describe('AWS\'s message as evidence', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture
    it(`${file}: ${fixture.description}`, () => {
      expect(fixture.reference).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
      const { before, after } = explained(fixture)
      const want = fixture.expect
      expect(before.decision).toBe(want.before)
      expect(after.decision).toBe(want.decision)
      expect(after.messageEvidence?.outcome ?? null).toBe(want.outcome)
      const candidates = after.messageEvidence?.candidates ?? []
      expect(candidates).toHaveLength(want.candidates.length)
      for (const c of want.candidates) expect(candidates).toContainEqual(expect.objectContaining(c))
      expect(after.denies).toHaveLength(want.denies.length)
      for (const d of want.denies) expect(after.denies).toContainEqual(expect.objectContaining(d))
      if (want.missingAllows) {
        expect(after.missingAllows).toHaveLength(want.missingAllows.length)
        for (const m of want.missingAllows) expect(after.missingAllows).toContainEqual(expect.objectContaining(m))
      }
      if (want.implies) expect(after.messageEvidence?.implies ?? []).toEqual(want.implies)
      // A settled verdict is no longer open, so it has no branches; the JSON keeps to the contract.
      if (after.decision !== 'Undetermined') expect(after.branches).toBeUndefined()
      const json = verdictToJson(after)
      expect(contract(json), JSON.stringify(contract.errors)).toBe(true)
      expect(own(json), JSON.stringify(own.errors)).toBe(true)
      if (want.outcome === null) expect(after).toBe(before)
    })
  }

  it('a settled deny is certain, its open conditions held, and the suggestion says how to get past it', () => {
    const fixture = JSON.parse(readFileSync(join(DIR, 'explicit-one-candidate.json'), 'utf8')) as Fixture
    const { before, after } = explained(fixture)
    // The open verdict's branches (an evaluation per value) were never worked out: nobody shows them.
    expect(Object.getOwnPropertyDescriptor(before, 'branches')?.get).toBeTypeOf('function')
    const deny = after.denies[0]!
    expect(deny.conditions.map((c) => c.result)).toEqual([true])
    expect(deny.conditions[0]!.why).toBe("AWS's message shows this condition held: the call was made without MFA (aws:MultiFactorAuthPresent false or absent)")
    expect(after.suggestions[0]).toMatch(/^To get past statement 1 \(Sid DenyAllExceptListedIfNoMFA\) of identity-based policy `ForceMFA`: call with MFA/)
    expect(after.messageEvidence!.summary).toBe(
      "AWS's message settles it: it says an explicit deny in an identity-based policy, and the only one here that can deny this request is statement 1 (Sid DenyAllExceptListedIfNoMFA) of identity-based policy `ForceMFA` — so the call was made without MFA (aws:MultiFactorAuthPresent false or absent).",
    )
  })

  it('several candidates: the summary lists them and the keys that pick one; the branches stay', () => {
    const fixture = JSON.parse(readFileSync(join(DIR, 'explicit-several-candidates.json'), 'utf8')) as Fixture
    const { after } = explained(fixture)
    expect(after.messageEvidence!.summary).toBe(
      "AWS's message narrows it: it says an explicit deny in an identity-based policy, which here can only be one of statement 1 (Sid DenyOtherRegions) of identity-based policy `DenyOtherRegions`; statement 1 (Sid DenyAllExceptListedIfNoMFA) of identity-based policy `ForceMFA`. Which one depends on aws:RequestedRegion, aws:MultiFactorAuthPresent.",
    )
    expect(after.branches?.map((b) => b.key)).toEqual(['aws:RequestedRegion', 'aws:MultiFactorAuthPresent'])
  })

  it('several candidates: a branch value that would allow the call is ruled out by the message', () => {
    const mfaDeny = (name: string, operator: string) => ({
      name,
      document: { Version: '2012-10-17', Statement: [{ Sid: name, Effect: 'Deny', Action: '*', Resource: '*', Condition: { [operator]: { 'aws:MultiFactorAuthPresent': 'false' } } }] },
    })
    const fixture: Fixture = {
      description: '',
      reference: '',
      message: 'User: arn:aws:iam::111111111111:user/tester is not authorized to perform: ec2:DescribeInstances with an explicit deny in an identity-based policy',
      case: {
        request: { principal: 'arn:aws:iam::111111111111:user/tester', action: 'ec2:DescribeInstances' },
        contextComplete: false,
        policies: { identity: [{ name: 'AllowAll', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }, mfaDeny('ForceMFA', 'BoolIfExists'), mfaDeny('DenyWithoutMfa', 'Bool')] },
      },
      expect: { before: 'Undetermined', decision: 'Undetermined', outcome: 'narrowed', candidates: [], denies: [] },
    }
    const { before, after } = explained(fixture)
    expect(before.branches![0]!.summary).toBe('DENIED if aws:MultiFactorAuthPresent is false or absent, ALLOWED if true')
    expect(after.messageEvidence!.outcome).toBe('narrowed')
    expect(after.branches).toEqual([
      {
        key: 'aws:MultiFactorAuthPresent',
        outcomes: [{ decision: 'ExplicitDeny', values: ['false'], matching: [], absent: true, other: false, dependsOn: [] }],
        summary: "DENIED if aws:MultiFactorAuthPresent is false or absent; AWS's message rules out true (ALLOWED)",
      },
    ])
  })

  it('a source that could not be read: one candidate left is not enough to settle it, the deny may be in what was not read', () => {
    const fixture = JSON.parse(readFileSync(join(DIR, 'explicit-one-candidate.json'), 'utf8')) as Fixture
    const loaded = loadCase(fixture.case)
    const gap = { source: 'iam:user-policies', error: 'AccessDenied', effect: 'The user\'s inline policies were not read.' }
    const verdict = evaluate(loaded.request, loaded.policies, { rcpServices: rcpServices(), incomplete: [gap] })
    const after = reconcileWithMessage(verdict, { denyKind: 'explicit', policyType: 'identity', policyArn: null }, loaded.policies)
    expect(after.decision).toBe('Undetermined')
    expect(after.messageEvidence).toMatchObject({ outcome: 'narrowed', candidates: [{ policyName: 'ForceMFA' }] })
    expect(after.messageEvidence!.summary).toContain('(or a policy in a source that could not be read)')
  })

  it('an SCP message while an SCP level may lack an Allow: AWS words that the same way, so the SCP Deny does not settle it', () => {
    const scp = (name: string, statement: Record<string, unknown>) => ({ name, document: { Version: '2012-10-17', Statement: [statement] } })
    const caseFile = {
      request: { principal: 'arn:aws:iam::111111111111:user/tester', action: 'ec2:DescribeInstances' },
      contextComplete: false,
      policies: {
        identity: [{ name: 'AllowAll', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
        scps: [[
          scp('AllowOnlyInRegions', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }),
          scp('ForceMFA', { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
        ]],
      },
    }
    const verdict = evaluateCase(caseFile)
    const after = reconcileWithMessage(verdict, { denyKind: 'explicit', policyType: 'scp', policyArn: null }, loadCase(caseFile).policies)
    expect(after.decision).toBe('Undetermined')
    expect(after.messageEvidence).toMatchObject({ outcome: 'narrowed', candidates: [{ policyName: 'ForceMFA', policyType: 'scp' }] })
    expect(after.messageEvidence!.summary).toContain('(or an SCP level without an Allow, which AWS words the same way)')
  })

  it('no candidate: the summary says the message and the policies disagree, and why that happens', () => {
    const fixture = JSON.parse(readFileSync(join(DIR, 'explicit-none-can-apply.json'), 'utf8')) as Fixture
    const { after } = explained(fixture)
    expect(after.messageEvidence!.summary).toBe(
      "AWS's message and the policies disagree: the message says an explicit deny in an identity-based policy, but no identity-based policy read here has a Deny statement that can apply to this request. Either a policy changed since the error, or these are not the policies of the account that denied the call (another account, profile or snapshot).",
    )
  })
})
