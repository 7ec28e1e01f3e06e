/**
 * ARN operators. ArnEquals and ArnLike are the same operator (so are ArnNotEquals and
 * ArnNotLike): both compare segment by segment, `*` and `?` work within a segment, and the
 * comparison is case-sensitive. A `*` in the region cannot swallow the account, unlike in
 * StringLike (reference §4.5). A request value that is not an ARN matches nothing.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 *
 * Variables are substituted before the value is cut into segments, so `${aws:PrincipalArn}`
 * as a whole value works; their text stays literal (a `*` in it is not a wildcard).
 */
import { arnSegments } from '../../model/arn.js'
import { globMatch, type PatternPart } from '../match/glob.js'
import { expandVariables, hasVariables, likeParts } from '../variables.js'
import { family, memo, type Outcome } from './family.js'
import type { ConditionEnv } from './index.js'

const SEGMENTS = 6

/** The six segments of an ARN, or null when the text is not one. */
export function readArn(text: string): string[] | null {
  if (!text.startsWith('arn:')) return null
  const segments = arnSegments(text)
  return segments.length === SEGMENTS ? segments : null
}

const patternSegments = memo<string[]>()

/** Cuts expanded parts into at most six segments of parts; colons in the 6th are kept. */
function splitParts(parts: readonly PatternPart[]): PatternPart[][] {
  const segments: PatternPart[][] = [[]]
  for (const part of parts) {
    let text = part.text
    let colon = text.indexOf(':')
    while (colon >= 0 && segments.length < SEGMENTS) {
      if (colon > 0) segments[segments.length - 1]!.push({ text: text.slice(0, colon), literal: part.literal })
      segments.push([])
      text = text.slice(colon + 1)
      colon = text.indexOf(':')
    }
    if (text) segments[segments.length - 1]!.push({ text, literal: part.literal })
  }
  return segments
}

/** Whether an ARN (already in segments) matches an ARN pattern, segment by segment. */
export function arnLike(pattern: string, request: readonly string[]): boolean {
  const segments = patternSegments(pattern, arnSegments)
  if (segments.length !== SEGMENTS) return false
  for (let i = 0; i < SEGMENTS; i++) {
    if (!globMatch(segments[i]!, request[i]!)) return false
  }
  return true
}

function partsArnLike(parts: readonly PatternPart[], request: readonly string[]): boolean {
  const segments = splitParts(parts)
  if (segments.length !== SEGMENTS) return false
  for (let i = 0; i < SEGMENTS; i++) {
    const segment = segments[i]!
    const value = request[i]!
    if (segment.length === 0 ? value !== '' : !likeParts(segment, value)) return false
  }
  return true
}

function test(_base: string, request: string[], policyValue: string, env: ConditionEnv): Outcome {
  if (env.version !== '2012-10-17' || !hasVariables(policyValue)) return arnLike(policyValue, request)
  const expansion = expandVariables(policyValue, env)
  if (expansion.kind !== 'parts') return expansion
  return partsArnLike(expansion.parts, request)
}

export const arnFamily = family<string[]>({
  noun: 'an ARN',
  read: readArn,
  test,
  policyProblem: (policyValue) =>
    policyValue.includes('${') || patternSegments(policyValue, arnSegments).length === SEGMENTS ? null : `${policyValue} is not an ARN`,
})
