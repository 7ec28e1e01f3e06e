import { expect } from 'vitest'
import { PolicyInputError, parsePolicy, type PolicyKind } from '../../src/policy/index.js'

/** The PolicyInputError that parsing `input` throws (fails the test when nothing is thrown). */
export function errorOf(input: unknown, kind: PolicyKind = 'identity', name = 'P'): PolicyInputError {
  try {
    parsePolicy(input, { name, kind })
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInputError)
    return error as PolicyInputError
  }
  throw new Error('expected a PolicyInputError, but the policy parsed')
}

/** Pretty JSON text of a one-statement policy with Version 2012-10-17. */
export function policyText(statement: object, kind?: 'bare'): string {
  return JSON.stringify(kind === 'bare' ? statement : { Version: '2012-10-17', Statement: [statement] }, null, 2)
}

/** The statement part: `{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}` plus extras. */
export function deny(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Deny', Action: 's3:*', Resource: '*', ...extra }
}

/** The first paragraph of an error (the message without its excerpt). */
export function paragraphOf(input: unknown, kind: PolicyKind = 'identity', name = 'P'): string {
  return errorOf(input, kind, name).message.split('\n')[0]!
}
