/**
 * Bool: "true" / "false", compared without regard to case (JSON `true` arrives as "true").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
 *
 * Variables are not expanded here: the operators page allows them for Bool, the variables page
 * does not (reference §5 item 5), and no real policy needs them.
 */
import { hasVariables } from '../variables.js'
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
  policyProblem: (policyValue) => {
    if (readBool(policyValue) !== null) return null
    // The two AWS pages disagree on variables in Bool: say so instead of passing it off as AWS's rule.
    if (hasVariables(policyValue)) return `${policyValue} is a policy variable, which denydoctor does not expand in Bool: AWS's operators page allows it and its variables page does not, so it matches nothing here`
    return `${policyValue} is neither true nor false`
  },
  prepare(_base, policyValue) {
    const policy = readBool(policyValue)
    return (request) => request === policy
  },
})
