import { describe, expect, it } from 'vitest'
import type { PolicyType } from '../../src/model/index.js'
import { parseDeniedMessage } from '../../src/intake/message.js'
import { parseReason } from '../../src/intake/policy-phrases.js'
import { NOTE } from './helpers.js'

// Every policy-type phrase of iam-deny-reference §1.1, explicit and implicit, with a/an/the and
// in any case. https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html

interface Phrase {
  readonly words: string
  readonly type: PolicyType
  readonly notes: readonly unknown[]
}

const PHRASES: readonly Phrase[] = [
  { words: 'service control policy', type: 'scp', notes: [NOTE.scp] },
  { words: 'resource control policy', type: 'rcp', notes: [] },
  { words: 'identity-based policy', type: 'identity', notes: [] },
  { words: 'resource-based policy', type: 'resource', notes: [] },
  { words: 'permissions boundary', type: 'boundary', notes: [] },
  { words: 'session policy', type: 'session', notes: [] },
  { words: 'sessions policy', type: 'session', notes: [] },
  { words: 'VPC endpoint policy', type: 'vpce', notes: [] },
  { words: 'role trust policy', type: 'resource', notes: [NOTE.trust] },
]

const CASES: readonly [string, (s: string) => string][] = [
  ['as written', (s) => s],
  ['lower case', (s) => s.toLowerCase()],
  ['upper case', (s) => s.toUpperCase()],
  ['title case', (s) => s.replace(/\b\w/g, (c) => c.toUpperCase())],
]

const PREFIX = 'User: arn:aws:iam::123456789012:user/u is not authorized to perform: codecommit:GetRepository'

describe('policy-type phrases', () => {
  for (const phrase of PHRASES) {
    for (const [caseName, transform] of CASES) {
      for (const article of ['a', 'an', 'the']) {
        it(`explicit, "${article}", ${caseName}: ${phrase.words}`, () => {
          const result = parseDeniedMessage(`${PREFIX} ${transform(`with an explicit deny in ${article} ${phrase.words}`)}`)
          expect(result.reportedPolicyType).toBe(phrase.type)
          expect(result.reportedDenyKind).toBe('explicit')
          expect(result.action).toBe('codecommit:GetRepository')
          expect(result.notes).toEqual(phrase.notes)
        })
      }
      it(`implicit, ${caseName}: ${phrase.words}`, () => {
        const result = parseDeniedMessage(`${PREFIX} ${transform(`because no ${phrase.words} allows the codecommit:GetRepository action`)}`)
        expect(result.reportedPolicyType).toBe(phrase.type)
        expect(result.reportedDenyKind).toBe('implicit')
        expect(result.notes).toEqual(phrase.notes)
      })
    }
  }
})

describe('parseReason: the policy-ARN suffix', () => {
  const SCP = 'arn:aws:organizations::987654321098:policy/o-qv5af4abcd/service_control_policy/p-2kgnabcd'
  it.each([
    ['at the end of the message', ` with an explicit deny in a service control policy: ${SCP}`, SCP],
    ['followed by ". " and more text', ` with an explicit deny in a service control policy: ${SCP}. Go to https://x for complete details`, SCP],
    ['ending the sentence with "."', ` with an explicit deny in a permissions boundary: arn:aws:iam::1:policy/b.`, 'arn:aws:iam::1:policy/b'],
    ['with dots inside the name', ` with an explicit deny in an identity-based policy: arn:aws:iam::1:policy/a.b.c. Next`, 'arn:aws:iam::1:policy/a.b.c'],
    ['quoted', ` with an explicit deny in a session policy: "arn:aws:iam::1:policy/s"`, 'arn:aws:iam::1:policy/s'],
    ['in the tolerated ", with policy ARN:" form', ` with an explicit deny in a resource control policy, with policy ARN: arn:aws:organizations::9:policy/o-1/resource_control_policy/p-1`, 'arn:aws:organizations::9:policy/o-1/resource_control_policy/p-1'],
    ['after an implicit deny (not confirmed by AWS, tolerated)', ' because no identity-based policy allows the s3:GetObject action: arn:aws:iam::1:policy/x', 'arn:aws:iam::1:policy/x'],
    ['after the chained form', ` with an explicit deny in a VPC endpoint policy transitively through a service control policy: ${SCP}`, SCP],
  ])('%s', (_name, rest, arn) => {
    expect(parseReason(rest).policyArn).toBe(arn)
  })

  it('names a non-ARN policy in a note instead of guessing an ARN', () => {
    const reason = parseReason(' with an explicit deny in an identity-based policy: InlineDenyAll')
    expect(reason).toEqual({
      denyKind: 'explicit',
      policyType: 'identity',
      policyArn: null,
      notes: ["The message names the denying policy as 'InlineDenyAll' (not an ARN)."],
    })
  })

  it('reads the chained form as the first type, with a note about the second', () => {
    expect(parseReason(' with an explicit deny in a VPC endpoint policy transitively through a service control policy')).toEqual({
      denyKind: 'explicit',
      policyType: 'vpce',
      policyArn: null,
      notes: [NOTE.chained, NOTE.scp],
    })
  })

  it('says nothing is known when there is no reason at all', () => {
    expect(parseReason('')).toEqual({ denyKind: null, policyType: null, policyArn: null, notes: [NOTE.noReason] })
  })
})
