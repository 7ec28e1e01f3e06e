import { arnSegments } from '../../model/arn.js'
import type { ResourceTypeHint, Statement, Tri } from '../../model/index.js'
import type { ConditionEnv } from '../condition/index.js'
import { expandVariables, hasVariables } from '../variables.js'
import { globMatch, globsIntersect, partsMatch } from './glob.js'
import { resourceView } from './resource-view.js'

/**
 * Resource / NotResource matching: case-sensitive, segment by segment, with policy variables
 * in the resource part. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * The segment rule (a `*` ending a segment may cross colons) is iam-deny-reference §4.4.
 */
export interface ResourceMatch {
  readonly result: Tri
  /** The pattern that matched (or why NotResource lets it through). */
  readonly pattern: string
  readonly unknownKeys: readonly string[]
  /** For an unknown resource: the resource types the statement can hit. */
  readonly resourceTypes: readonly string[]
}

interface EntryMatch {
  readonly result: Tri
  readonly unknownKeys: readonly string[]
}

const FALSE: EntryMatch = { result: false, unknownKeys: [] }
const TRUE: EntryMatch = { result: true, unknownKeys: [] }

/** Matches one Resource entry against a known resource ARN. */
export function resourceEntryMatches(pattern: string, resource: string, env: ConditionEnv): EntryMatch {
  if (pattern === '*') return TRUE
  const patternSegments = resourceView(pattern).segments
  const valueSegments = resourceView(resource).segments
  if (patternSegments.length < 6 || valueSegments.length < 6) {
    // Not both full ARNs: a short pattern ending in `*` absorbs the rest (`arn:aws:s3:*`);
    // otherwise compare the whole strings.
    if (patternSegments.length < 6 && pattern.endsWith('*') && valueSegments.length >= patternSegments.length) {
      const head = patternSegments.length - 1
      for (let i = 0; i < head; i++) {
        if (!globMatch(patternSegments[i]!, valueSegments[i]!)) return FALSE
      }
      return globMatch(patternSegments[head]!, valueSegments.slice(head).join(':')) ? TRUE : FALSE
    }
    return globMatch(pattern, resource) ? TRUE : FALSE
  }
  for (let i = 0; i < 5; i++) {
    if (!globMatch(patternSegments[i]!, valueSegments[i]!)) return FALSE
  }
  const last = patternSegments[5]!
  if (env.version !== '2012-10-17' || !hasVariables(last)) {
    return globMatch(last, valueSegments[5]!) ? TRUE : FALSE
  }
  // Variables are expanded only in the resource part; their values are literal text.
  const expanded = expandVariables(last, env)
  if (expanded.kind === 'missing') return FALSE // a variable without a value matches nothing
  if (expanded.kind === 'unknown') return { result: 'unknown', unknownKeys: expanded.keys }
  return partsMatch(expanded.parts, valueSegments[5]!) ? TRUE : FALSE
}

/** The resource types of `hints` whose ARN format a pattern could match. */
function typesHit(pattern: string, hints: readonly ResourceTypeHint[]): string[] {
  if (pattern === '*') return hints.map((h) => h.name)
  const asGlob = (text: string) => text.replace(/\$\{[^}]*\}/g, '*')
  const patternSegments = arnSegments(asGlob(pattern))
  return hints
    .filter((hint) => {
      const formatSegments = arnSegments(asGlob(hint.arnFormat))
      if (patternSegments.length !== formatSegments.length) return globsIntersect(asGlob(pattern), asGlob(hint.arnFormat))
      return patternSegments.every((segment, i) => globsIntersect(segment, formatSegments[i]!))
    })
    .map((hint) => hint.name)
}

function matchUnknownResource(
  patterns: readonly string[],
  negated: boolean,
  hints: readonly ResourceTypeHint[],
): ResourceMatch {
  if (patterns.includes('*')) {
    return negated
      ? { result: false, pattern: '', unknownKeys: [], resourceTypes: [] }
      : { result: true, pattern: '*', unknownKeys: [], resourceTypes: hints.map((h) => h.name) }
  }
  const hit = new Set<string>()
  for (const pattern of patterns) for (const type of typesHit(pattern, hints)) hit.add(type)
  if (hints.length > 0 && hit.size === 0) {
    return negated
      ? { result: true, pattern: `NotResource (no listed pattern fits the action's resource types)`, unknownKeys: [], resourceTypes: hints.map((h) => h.name) }
      : { result: false, pattern: '', unknownKeys: [], resourceTypes: [] }
  }
  // A NotResource may still hit any type: which ones depends on the concrete ARN.
  const resourceTypes = negated ? hints.map((h) => h.name) : [...hit]
  return {
    result: 'unknown',
    pattern: negated ? `NotResource ${patterns.join(', ')} (resource not given)` : patterns.join(', '),
    unknownKeys: [],
    resourceTypes,
  }
}

/** Resource / NotResource of a statement against one resource (null: unknown resource). */
export function matchResource(
  statement: Statement,
  resource: string | null,
  hints: readonly ResourceTypeHint[],
  env: ConditionEnv,
): ResourceMatch {
  const negated = statement.resource === null
  const patterns = statement.resource ?? statement.notResource
  // Trust policies carry no Resource: the statement applies to the role itself.
  if (!patterns) return { result: true, pattern: '(no Resource element)', unknownKeys: [], resourceTypes: [] }
  if (resource === null) return matchUnknownResource(patterns, negated, hints)

  let result: Tri = false
  let matchedPattern = ''
  const unknownKeys: string[] = []
  for (const pattern of patterns) {
    const entry = resourceEntryMatches(pattern, resource, env)
    if (entry.result === true) {
      result = true
      matchedPattern = pattern
      break
    }
    if (entry.result === 'unknown') {
      result = 'unknown'
      matchedPattern ||= pattern
      unknownKeys.push(...entry.unknownKeys)
    }
  }
  if (!negated) return { result, pattern: matchedPattern, unknownKeys, resourceTypes: [] }
  if (result === true) return { result: false, pattern: '', unknownKeys: [], resourceTypes: [] }
  const why = `NotResource (${resource} is not among ${patterns.join(', ')})`
  return { result: result === 'unknown' ? 'unknown' : true, pattern: why, unknownKeys, resourceTypes: [] }
}
