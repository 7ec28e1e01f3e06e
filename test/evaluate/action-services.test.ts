/**
 * The engine tests an action only against the statements whose Action can name its service
 * (src/evaluate/action-services.ts). Leaving out a statement that matches would drop an Allow
 * or a Deny, so the candidates must be exactly those of testing every statement with
 * matchAction, whatever the patterns and actions: wildcards in the service, case, characters
 * whose case rules differ outside ASCII, patterns without a colon, NotAction.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actionServices, serviceKey } from '../../src/evaluate/action-services.js'
import { matchAction } from '../../src/evaluate/match/action.js'
import { candidatesFor } from '../../src/evaluate/policy-index.js'
import type { Policy } from '../../src/model/index.js'
import { parsePolicy } from '../../src/policy/index.js'

/** Service parts with the characters that fold differently: Kelvin sign, long s, dotted I, sigma, micro sign. */
const SERVICES = ['s3', 'S3', 'ec2', 'EC2', 'iam', 'kms', '\u212Ams', 'ſ3', 'İam', 'ΑΣ', 'µx', 'μx', 's?', 's*', '*', '*3', 'e*2', '']
const NAMES = ['GetObject', 'getobject', 'Get*', '*', 'Put?bject', 'RunInstances', 'ΑΣ', 'x:y', '']

const pattern = fc.oneof(
  fc.record({ service: fc.constantFrom(...SERVICES), name: fc.constantFrom(...NAMES) }).map(({ service, name }) => `${service}:${name}`),
  fc.constantFrom('*', 's3*', 'GetObject', '*:*', 'ec2:*:x'),
)
const statement = fc.record({
  Effect: fc.constantFrom('Allow' as const, 'Deny' as const),
  element: fc.constantFrom('Action', 'NotAction'),
  patterns: fc.array(pattern, { minLength: 1, maxLength: 4 }),
})
// Not the Kelvin sign in actions: candidates are kept by the action lower-cased, which folds it
// onto an ASCII k (the case loader accepts only ASCII actions anyway).
const action = fc.record({ service: fc.constantFrom(...SERVICES.filter((s) => !s.includes('\u212A'))), name: fc.constantFrom(...NAMES) }).map(({ service, name }) => `${service}:${name}`)

describe('statements filed by service', () => {
  it('gives exactly the statements matchAction admits, in order', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 8 }), fc.array(fc.oneof(action, fc.constantFrom('s3GetObject', '*', 'S3:GETOBJECT')), { minLength: 1, maxLength: 5 }), (statements, actions) => {
        // Built directly: the parser refuses some of these patterns, the matcher must not care.
        const policy: Policy = {
          version: '2012-10-17',
          id: null,
          warnings: [],
          statements: statements.map((s, index) => ({
            index,
            sid: null,
            effect: s.Effect,
            action: s.element === 'Action' ? s.patterns : null,
            notAction: s.element === 'NotAction' ? s.patterns : null,
            resource: ['*'],
            notResource: null,
            principal: null,
            notPrincipal: null,
            conditions: [],
            raw: {},
          })),
        }
        for (const a of actions) {
          const expected = policy.statements.flatMap((s, index) => (matchAction(s, a).matched ? [index] : []))
          expect(candidatesFor(policy, a).map((c) => c.index)).toEqual(expected)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('files each statement once per service, and NotAction or a wildcard service under every service', () => {
    const policy = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:Get*', 'S3:Put*', 'ec2:Run*'], Resource: '*' },
          { Effect: 'Allow', Action: ['s3:List*', '*'], Resource: '*' },
          { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
          { Effect: 'Allow', Action: 'e*:Describe*', Resource: '*' },
          { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' },
        ],
      },
      { name: 'p', kind: 'identity' },
    )
    const index = actionServices(policy.statements)
    expect(index.forService('s3')).toEqual([0, 1, 2, 3])
    expect(index.forService('ec2')).toEqual([0, 1, 2, 3])
    expect(index.forService('iam')).toEqual([1, 2, 3, 4])
    expect(index.forService('sqs')).toEqual([1, 2, 3])
    expect(index.all).toEqual([0, 1, 2, 3, 4])
  })

  it('reads the service of an action only when it is plain ASCII', () => {
    expect(serviceKey('S3:GetObject')).toBe('s3')
    expect(serviceKey('\u212Ams:Decrypt')).toBeNull()
    expect(serviceKey('s*:GetObject')).toBeNull()
    expect(serviceKey('s3GetObject')).toBeNull()
  })
})
