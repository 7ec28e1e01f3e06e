/**
 * Numeric operators: integers and decimals, in the policy usually written as strings ("10")
 * and sometimes as JSON numbers (normalised to strings by the parser). No variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 *
 * Numbers are compared as IEEE doubles: exact for every integer up to 2^53, which covers the
 * keys that take numbers (s3:max-keys, aws:MultiFactorAuthAge, aws:EpochTime, …).
 */
import { orderedFamily } from './family.js'

// Decimal text, with an optional exponent because JSON numbers such as 1e21 stringify that way.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

export function parseNumber(text: string): number | null {
  if (!NUMBER.test(text)) return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

export const numericFamily = orderedFamily('Numeric', 'a number', parseNumber)
