/**
 * The branches of Undetermined verdicts (cli-contract.md, "Unknown is not absent"): every
 * fixture of test/fixtures/cases/branches gives `expect.branches`, one entry per unknown key
 * with the decision each value leads to and the line the reports print.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'
import type { Branch, BranchOutcome } from '../../src/model/index.js'

const DIR = fileURLToPath(new URL('../fixtures/cases/branches/', import.meta.url))

interface ExpectedBranch {
  key: string
  outcomes: Partial<BranchOutcome>[]
  summary: string
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

/** Only the fields given are compared; lists compare as sets. */
function outcomeMatches(expected: Partial<BranchOutcome>, actual: BranchOutcome): boolean {
  return Object.entries(expected).every(([field, value]) => {
    const got = actual[field as keyof BranchOutcome]
    return Array.isArray(value) ? Array.isArray(got) && sameSet(value as string[], got as string[]) : got === value
  })
}

function strip(raw: Record<string, unknown>): Record<string, unknown> {
  const { description: _d, reference: _r, expect: _e, ...caseFile } = raw
  return caseFile
}

describe('branches of an Undetermined verdict', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()

  it('has fixtures for Bool, StringEquals/StringNotEquals, a region list, a wildcard, two keys and a numeric key', () => {
    expect(files.length).toBeGreaterThanOrEqual(8)
  })

  for (const file of files) {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>
    it(`${file}: ${String(raw.description)}`, () => {
      const verdict = evaluateCase(strip(raw))
      const expected = (raw.expect as { branches: ExpectedBranch[] }).branches
      expect(verdict.decision).toBe('Undetermined')
      const branches = verdict.branches ?? []
      expect(branches.map((b) => b.key)).toEqual(expected.map((b) => b.key))
      for (const want of expected) {
        const got = branches.find((b) => b.key === want.key) as Branch
        expect(got.summary).toBe(want.summary)
        expect(got.outcomes).toHaveLength(want.outcomes.length)
        for (const outcome of want.outcomes) {
          expect(got.outcomes.some((o) => outcomeMatches(outcome, o)), `${want.key}: ${JSON.stringify(outcome)} in ${JSON.stringify(got.outcomes)}`).toBe(true)
        }
      }
      // Branches are an extra field of the JSON verdict.
      expect((JSON.parse(JSON.stringify(verdict)) as { branches: unknown[] }).branches).toHaveLength(expected.length)
    })
  }

  it('gives no branches to a verdict that is not Undetermined', () => {
    const raw = JSON.parse(readFileSync(join(DIR, 'mfa-bool-if-exists.json'), 'utf8')) as Record<string, unknown>
    const known = strip(raw)
    const request = known.request as Record<string, unknown>
    const verdict = evaluateCase({ ...known, request: { ...request, context: { 'aws:MultiFactorAuthPresent': 'false' } } })
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(verdict.branches).toBeUndefined()
    expect('branches' in JSON.parse(JSON.stringify(verdict))).toBe(false)
  })
})

describe('branches are bounded and never guessed', () => {
  const USER = 'arn:aws:iam::111111111111:user/tester'
  const allowAll = { name: 'AllowAll', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }
  const denyIf = (name: string, condition: Record<string, unknown>) => ({
    name,
    document: { Version: '2012-10-17', Statement: [{ Sid: name, Effect: 'Deny', Action: '*', Resource: '*', Condition: condition }] },
  })
  const open = (...denies: ReturnType<typeof denyIf>[]) =>
    evaluateCase({ request: { principal: USER, action: 'ec2:DescribeInstances' }, contextComplete: false, policies: { identity: [allowAll, ...denies] } })

  it('works out at most four keys; the others get a line that says so', () => {
    const keys = ['aws:SourceVpce', 'aws:SourceVpc', 'aws:RequestedRegion', 'aws:CalledViaFirst', 'aws:SourceIdentity']
    const verdict = open(...keys.map((key, i) => denyIf(`Deny${i}`, { StringEquals: { [key]: 'x' } })))
    const branches = verdict.branches!
    expect(branches.map((b) => b.key)).toEqual(keys)
    expect(branches.slice(0, 4).every((b) => b.outcomes.length === 2)).toBe(true)
    expect(branches[4]).toEqual({
      key: 'aws:SourceIdentity',
      outcomes: [],
      summary: 'depends on aws:SourceIdentity, whose values that matter cannot be listed exactly here (only the first 4 keys are worked out); give it with --context aws:SourceIdentity=VALUE',
    })
  })

  it.each([
    ['a multi-valued key (ForAnyValue)', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Owner'] } }, 'aws:TagKeys', 'a request can carry several values of it'],
    ['a policy variable', { StringNotEquals: { 'aws:SourceVpce': '${aws:PrincipalTag/vpce}' } }, 'aws:SourceVpce', 'its conditions use policy variables'],
    ['two wildcard patterns', { StringNotLike: { 'aws:SourceVpce': ['vpce-1*', 'vpce-2*'] } }, 'aws:SourceVpce', 'the policies name 2 wildcard patterns for it'],
    ['an address range', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, 'aws:SourceIp', 'its ip conditions compare ranges of values'],
  ])('%s: says it cannot be listed exactly, and why', (_what, condition, key, reason) => {
    const branch = open(denyIf('Deny', condition)).branches!.find((b) => b.key === key)!
    expect(branch.outcomes).toEqual([])
    expect(branch.summary).toBe(`depends on ${key}, whose values that matter cannot be listed exactly here (${reason}); give it with --context ${key}=VALUE`)
  })

  it('is worked out only when read', () => {
    const verdict = open(denyIf('Deny', { StringEquals: { 'aws:SourceVpce': 'x' } }))
    const descriptor = Object.getOwnPropertyDescriptor(verdict, 'branches')!
    expect(typeof descriptor.get).toBe('function')
    expect(verdict.branches).toHaveLength(1)
    expect(Object.getOwnPropertyDescriptor(verdict, 'branches')!.get).toBeUndefined()
  })
})
