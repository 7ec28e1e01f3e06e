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
import type { PolicyVersion } from '../../model/index.js'
import { globMatch, globTester, type PatternPart } from '../match/glob.js'
import { expandVariables, hasVariables, likeParts } from '../variables.js'
import { family, memo, NEVER, type Outcome, type ValueTest } from './family.js'
import type { ConditionEnv } from './index.js'

const SEGMENTS = 6

function readArnUncached(text: string): readonly string[] | null {
  if (!text.startsWith('arn:')) return null
  const segments = arnSegments(text)
  return segments.length === SEGMENTS ? segments : null
}

const requestArns = memo<readonly string[] | null>()

/**
 * The six segments of an ARN, or null when the text is not one. Kept per text: the request's
 * aws:PrincipalArn is read by every ARN clause of every statement. Callers must not change it.
 */
export function readArn(text: string): readonly string[] | null {
  return requestArns(text, readArnUncached)
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

function test(_base: string, request: readonly string[], policyValue: string, env: ConditionEnv): Outcome {
  if (env.version !== '2012-10-17' || !hasVariables(policyValue)) return arnLike(policyValue, request)
  const expansion = expandVariables(policyValue, env)
  if (expansion.kind !== 'parts') return expansion
  return partsArnLike(expansion.parts, request)
}

function prepare(base: string, policyValue: string, version: PolicyVersion | null): ValueTest<readonly string[]> {
  if (version === '2012-10-17' && hasVariables(policyValue)) return (request, env) => test(base, request, policyValue, env)
  const segments = patternSegments(policyValue, arnSegments)
  if (segments.length !== SEGMENTS) return NEVER
  const testers = segments.map((segment) => globTester(segment))
  return (request) => {
    for (let i = 0; i < SEGMENTS; i++) if (!testers[i]!(request[i]!)) return false
    return true
  }
}

export const arnFamily = family<readonly string[]>({
  noun: 'an ARN',
  read: readArn,
  test,
  prepare,
  policyProblem: (policyValue) =>
    policyValue.includes('${') || patternSegments(policyValue, arnSegments).length === SEGMENTS ? null : `${policyValue} is not an ARN`,
})
