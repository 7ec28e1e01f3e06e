/**
 * BinaryEquals: the policy holds base-64, compared byte for byte with the request value (which
 * the request context also holds as base-64). Different spellings of the same bytes (with or
 * without padding) are equal.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
 */
import { family, memo } from './family.js'

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function decodeUncached(text: string): string | null {
  if (!BASE64.test(text)) return null
  try {
    // atob is a web-standard global (no node:buffer), and returns the bytes as a binary string.
    return atob(text)
  } catch {
    return null
  }
}

const cached = memo<string | null>()

export function decodeBase64(text: string): string | null {
  return cached(text, decodeUncached)
}

export const binaryFamily = family<string>({
  noun: 'base-64 data',
  read: decodeBase64,
  test: (_base, request, policyValue) => decodeBase64(policyValue) === request,
  policyProblem: (policyValue) => (decodeBase64(policyValue) === null ? `${policyValue} is not base-64` : null),
  prepare(_base, policyValue) {
    const policy = decodeBase64(policyValue)
    return (request) => policy === request
  },
})
