/**
 * String operators. StringEquals is exact and case-sensitive, and its `*` is an ordinary
 * character; StringEqualsIgnoreCase folds case; StringLike knows `*` and `?` (case-sensitive).
 * Policy variables are expanded in the values; their substituted text is literal.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
import { globMatch, globTester } from '../match/glob.js'
import { expandVariables, hasVariables, likeParts, partsText } from '../variables.js'
import type { PolicyVersion } from '../../model/index.js'
import { family, NEVER, type Outcome, type ValueTest } from './family.js'
import type { ConditionEnv } from './index.js'

function compare(base: string, request: string, pattern: string): boolean {
  switch (base) {
    case 'StringEquals':
      return pattern === request
    case 'StringEqualsIgnoreCase':
      return pattern === request || pattern.toLowerCase() === request.toLowerCase()
    case 'StringLike':
      return globMatch(pattern, request)
    default:
      return false
  }
}

function test(base: string, request: string, policyValue: string, env: ConditionEnv): Outcome {
  if (env.version !== '2012-10-17' || !hasVariables(policyValue)) return compare(base, request, policyValue)
  const expansion = expandVariables(policyValue, env)
  if (expansion.kind !== 'parts') return expansion
  // Only Like gives `*` a meaning, so only Like needs to keep substituted text literal.
  if (base === 'StringLike') return likeParts(expansion.parts, request)
  return compare(base, request, partsText(expansion.parts))
}

function prepare(base: string, policyValue: string, version: PolicyVersion | null): ValueTest<string> {
  // A value with variables depends on the request: it is expanded on every test.
  if (version === '2012-10-17' && hasVariables(policyValue)) return (request, env) => test(base, request, policyValue, env)
  switch (base) {
    case 'StringEquals':
      return (request) => request === policyValue
    case 'StringEqualsIgnoreCase': {
      const lower = policyValue.toLowerCase()
      return (request) => request === policyValue || request.toLowerCase() === lower
    }
    case 'StringLike':
      return globTester(policyValue)
    default:
      return NEVER
  }
}

export const stringFamily = family<string>({
  noun: 'a string',
  read: (value) => value,
  test,
  policyProblem: () => null,
  prepare,
})
