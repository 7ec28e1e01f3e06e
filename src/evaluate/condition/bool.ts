/**
 * Bool: "true" / "false", compared without regard to case (JSON `true` arrives as "true").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
 *
 * Variables are not expanded here: the operators page allows them for Bool, the variables page
 * does not (reference §5 item 5), and no real policy needs them.
 */
import { family } from './family.js'

function readBool(text: string): 'true' | 'false' | null {
  // The usual spelling needs no lower-casing (a new string on every request value).
  if (text === 'true' || text === 'false') return text
  const lower = text.toLowerCase()
  return lower === 'true' || lower === 'false' ? lower : null
}

export const boolFamily = family<'true' | 'false'>({
  noun: 'true or false',
  read: readBool,
  test: (_base, request, policyValue) => readBool(policyValue) === request,
  policyProblem: (policyValue) => (readBool(policyValue) === null ? `${policyValue} is neither true nor false` : null),
  prepare(_base, policyValue) {
    const policy = readBool(policyValue)
    return (request) => request === policy
  },
})
