/**
 * Resource / NotResource compiled once per statement, for deciding alone: each pattern split
 * into its ARN segments and each segment's wildcard compiled, so that matching a request does
 * no splitting, no cache lookups and no allocation (except for patterns with policy variables,
 * which depend on the request). The request's resource is split once per evaluation.
 *
 * Same answers as matchResource(…).result in resource.ts, which stays the reference and the
 * path explanations take; the rules themselves are described there.
 */
import { arnSegments } from '../../model/arn.js'
import type { PolicyVersion, ResourceTypeHint, Statement, Tri } from '../../model/index.js'
import type { ConditionEnv } from '../condition/index.js'
import { expandVariables, hasVariables, likeParts } from '../variables.js'
import { globTester } from './glob.js'
import { matchResource } from './resource.js'
import type { ResourceView } from './resource-view.js'

type EntryTest = (resource: ResourceView, env: ConditionEnv) => Tri

const ALWAYS: EntryTest = () => true

/**
 * Tests of the first `count` segments, pushed onto a list of their own: every compiled pattern's
 * test reads its list, and one that map() made is, to V8, of another kind in optimized code
 * than in the interpreter, which threw the tests' optimized code away.
 */
function testersOf(segments: readonly string[], count: number): ((value: string) => boolean)[] {
  const tests: ((value: string) => boolean)[] = []
  for (let i = 0; i < count; i++) tests.push(globTester(segments[i]!))
  return tests
}

/** resourceEntryMatches(pattern, …).result with the pattern prepared. */
export function compileResourceEntry(pattern: string, version: PolicyVersion | null): EntryTest {
  if (pattern === '*') return ALWAYS
  const pattern6 = arnSegments(pattern)
  // The whole pattern is matched only against a resource that is no full ARN: made when first needed.
  let wholeTest: ((value: string) => boolean) | null = null
  const whole = (value: string) => (wholeTest ??= globTester(pattern))(value)
  if (pattern6.length < 6) {
    if (!pattern.endsWith('*')) return (r) => whole(r.text)
    // A short pattern ending in `*` absorbs the rest of the ARN (`arn:aws:s3:*`).
    const head = pattern6.length - 1
    const heads = testersOf(pattern6, head)
    const tail = globTester(pattern6[head]!)
    return (r) => {
      const value = r.segments
      if (value.length < pattern6.length) return whole(r.text)
      for (let i = 0; i < head; i++) if (!heads[i]!(value[i]!)) return false
      return tail(value.slice(head).join(':'))
    }
  }
  const heads = testersOf(pattern6, 5)
  const last = pattern6[5]!
  const lastTest = version === '2012-10-17' && hasVariables(last) ? null : globTester(last)
  return (r, env) => {
    const value = r.segments
    if (value.length < 6) return whole(r.text)
    for (let i = 0; i < 5; i++) if (!heads[i]!(value[i]!)) return false
    if (lastTest) return lastTest(value[5]!)
    // Variables are expanded only in the resource part; their values are literal text.
    const expanded = expandVariables(last, env)
    if (expanded.kind === 'missing') return false
    if (expanded.kind === 'unknown') return 'unknown'
    return likeParts(expanded.parts, value[5]!)
  }
}

/** Resource / NotResource of a statement; null resource: not given. */
export type ResourceTest = (resource: ResourceView | null, hints: readonly ResourceTypeHint[], env: ConditionEnv) => Tri

/** Every resource, given or not: `"Resource": "*"`, or no Resource element at all. */
export const ANY_RESOURCE: ResourceTest = () => true
const NO_RESOURCE: ResourceTest = () => false

export function compileResource(statement: Statement, version: PolicyVersion | null): ResourceTest {
  const negated = statement.resource === null
  const patterns = statement.resource ?? statement.notResource
  // Trust policies carry no Resource: the statement applies to the role itself.
  if (!patterns) return ANY_RESOURCE
  // A `*` entry matches any resource, given or not (so NotResource "*" matches none).
  if (patterns.includes('*')) return negated ? NO_RESOURCE : ANY_RESOURCE
  const tests = patterns.map((p) => compileResourceEntry(p, version))
  // An unknown resource is matched by ARN format; that depends only on the action's resource
  // types, so the last answer is kept.
  let lastHints: readonly ResourceTypeHint[] | null = null
  let lastUnknown: Tri = false
  return (resource, hints, env) => {
    if (resource === null) {
      if (hints !== lastHints) {
        lastUnknown = matchResource(statement, null, hints, env).result
        lastHints = hints
      }
      return lastUnknown
    }
    let result: Tri = false
    for (let i = 0; i < tests.length; i++) {
      const entry = tests[i]!(resource, env)
      if (entry === true) {
        result = true
        break
      }
      if (entry === 'unknown') result = 'unknown'
    }
    if (!negated) return result
    return result === true ? false : result === 'unknown' ? 'unknown' : true
  }
}
