/**
 * The two definite-answer scenarios of the demo organisation, end to end: the force-MFA deny
 * stays Undetermined for `principal` (it really depends on how the user signed in) with its
 * one-line branch, and becomes an explicit deny in `explain` once AWS's message says an
 * identity-based policy denied.
 */
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import Explain from '../../src/commands/explain.js'
import Principal from '../../src/commands/principal.js'
import type { Verdict } from '../../src/model/index.js'
import { runCommand } from '../helpers/run-command.js'
import { isolateAwsEnvironment } from './live-run.js'

isolateAwsEnvironment()

const SNAPSHOT = ['--snapshot', 'examples/demo-snapshot.json']
const TESTER = 'arn:aws:iam::111111111111:user/tester'
const MFA_LINE = 'DENIED if aws:MultiFactorAuthPresent is false or absent, ALLOWED if true'
const FORCE_MFA_MESSAGE =
  'User: arn:aws:iam::111111111111:user/tester is not authorized to perform: ec2:DescribeInstances with an explicit deny in an identity-based policy: arn:aws:iam::111111111111:policy/Force_MFA'
const schemaAt = (path: string | URL) => new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(path, 'utf8')) as object)
// The contract's schema (extra fields allowed) and the project's copy, which spells the extra fields out.
const contract = schemaAt('/work/shared/spec/verdict.schema.json')
const own = schemaAt(new URL('../../schemas/verdict.schema.json', import.meta.url))
const validate = (json: unknown): boolean => {
  const ok = contract(json) && own(json)
  validate.errors = [...(contract.errors ?? []), ...(own.errors ?? [])]
  return ok
}
validate.errors = [] as unknown[]

describe('principal: the force-MFA deny of the demo organisation', () => {
  it('stays Undetermined, with one branch line for aws:MultiFactorAuthPresent (JSON)', async () => {
    const result = await runCommand(Principal, [TESTER, '--action', 'ec2:DescribeInstances', ...SNAPSHOT, '--json'])
    expect(result.status).toBe(5)
    const verdict = JSON.parse(result.stdout) as Verdict
    expect(verdict.decision).toBe('Undetermined')
    expect(verdict.branches).toEqual([
      {
        key: 'aws:MultiFactorAuthPresent',
        outcomes: [
          { decision: 'ExplicitDeny', values: ['false'], matching: [], absent: true, other: false, dependsOn: [] },
          { decision: 'Allowed', values: ['true'], matching: [], absent: false, other: false, dependsOn: [] },
        ],
        summary: MFA_LINE,
      },
    ])
    expect(validate(verdict), JSON.stringify(validate.errors)).toBe(true)
  })

  it('text and markdown say it in one line right after the verdict', async () => {
    const text = await runCommand(Principal, [TESTER, '--action', 'ec2:DescribeInstances', ...SNAPSHOT, '--no-color'])
    const blocks = text.stdout.split('\n\n')
    expect(blocks[0]!.split('\n')[0]).toMatch(/^UNDETERMINED/)
    expect(blocks[1]).toBe(`What it turns on:\n  • ${MFA_LINE}`)
    const markdown = await runCommand(Principal, [TESTER, '--action', 'ec2:DescribeInstances', ...SNAPSHOT, '--format', 'markdown'])
    expect(markdown.stdout).toContain(`#### What it turns on\n\n- ${MFA_LINE}\n`)
  })
})

describe('explain: the force-MFA message of the issue', () => {
  it('→ explicit deny by the force-MFA statement, settled by the message: the call was made without MFA', async () => {
    const result = await runCommand(Explain, [FORCE_MFA_MESSAGE, ...SNAPSHOT, '--json'])
    expect(result.status).toBe(3)
    const verdict = JSON.parse(result.stdout) as Verdict & { intake: Record<string, unknown> }
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(verdict.denies[0]).toMatchObject({ policyType: 'identity', policyName: 'ForceMFA', attachedTo: 'Developers', statementIndex: 1, sid: 'DenyAllExceptListedIfNoMFA', certain: true, unknownKeys: [] })
    expect(verdict.messageEvidence).toMatchObject({
      outcome: 'settled',
      denyKind: 'explicit',
      policyType: 'identity',
      policyArn: 'arn:aws:iam::111111111111:policy/Force_MFA',
      candidates: [{ policyName: 'ForceMFA', statementIndex: 1, sid: 'DenyAllExceptListedIfNoMFA' }],
      implies: ['the call was made without MFA (aws:MultiFactorAuthPresent false or absent)'],
    })
    expect(verdict.branches).toBeUndefined()
    expect(verdict.intake).toMatchObject({ reportedPolicyType: 'identity', reportedPolicyArn: 'arn:aws:iam::111111111111:policy/Force_MFA' })
    expect(validate(verdict), JSON.stringify(validate.errors)).toBe(true)
  })

  it('the text report says the message settled it, and what that implies', async () => {
    const result = await runCommand(Explain, [FORCE_MFA_MESSAGE, ...SNAPSHOT, '--no-color'])
    expect(result.stdout.split('\n')[0]).toMatch(/^DENIED \(explicit deny\)/)
    const flat = result.stdout.replace(/\n {2}/g, ' ')
    expect(flat).toContain("AWS's message settles it: it says an explicit deny in an identity-based policy (arn:aws:iam::111111111111:policy/Force_MFA)")
    expect(flat).toContain('so the call was made without MFA')
    expect(result.stdout).not.toContain('What it turns on')
  })

  it('a message naming a layer that cannot have denied here → the report says they disagree; the decision and its branch stay', async () => {
    const message = FORCE_MFA_MESSAGE.replace(/an identity-based policy: .*$/, 'a service control policy')
    const result = await runCommand(Explain, [message, ...SNAPSHOT, '--json'])
    expect(result.status).toBe(5)
    const verdict = JSON.parse(result.stdout) as Verdict
    expect(verdict.decision).toBe('Undetermined')
    expect(verdict.messageEvidence).toMatchObject({ outcome: 'disagrees', policyType: 'scp', candidates: [] })
    expect(verdict.messageEvidence!.summary).toContain('every SCP level allows it. Either a policy changed since the error')
    expect(verdict.branches!.map((b) => b.summary)).toEqual([MFA_LINE])
    expect(validate(verdict), JSON.stringify(validate.errors)).toBe(true)
  })
})
