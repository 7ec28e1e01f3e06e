/**
 * One statement: known elements only, a valid Effect, exactly one of each pair
 * (Action/NotAction, Resource/NotResource, Principal/NotPrincipal where the policy kind
 * needs one), then the contents of each element (validate-elements.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
import { EFFECTS } from '../model/policy.js'
import type { JsonPath } from './json-positions.js'
import { HAS_PRINCIPAL, KIND_WORDS, hasOwn, invalid, statementLabel, typeName, type Site } from './site.js'
import { closest } from './suggest.js'
import { checkActions, checkCondition, checkPrincipal, checkResources } from './validate-elements.js'

export const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
] as const

const NOT_PRINCIPAL_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html'

/** What a statement that checks out is known to hold. */
export function validateStatement(stmt: Readonly<Record<string, unknown>>, path: JsonPath, index: number, site: Site): void {
  const label = statementLabel(index, stmt['Sid'])
  const fail: Fail = (key, part, reason) => invalid(site, key === null ? path : [...path, key], part, label, reason)
  const keys = Object.keys(stmt)

  for (const key of keys) {
    if ((STATEMENT_ELEMENTS as readonly string[]).includes(key)) continue
    fail(key, 'key', unknownElement(key))
  }
  if (hasOwn(stmt, 'Sid') && typeof stmt['Sid'] !== 'string') {
    fail('Sid', 'value', `"Sid" must be a string, found ${typeName(stmt['Sid'])}`)
  }
  checkEffect(stmt, fail)

  /** Exactly one of a pair; the second one written is the one pointed at. */
  const pair = (a: string, b: string, required: boolean, missing: string): string | null => {
    const hasA = hasOwn(stmt, a)
    const hasB = hasOwn(stmt, b)
    if (hasA && hasB) {
      const second = keys.indexOf(a) > keys.indexOf(b) ? a : b
      fail(second, 'key', `it has both "${a}" and "${b}" — a statement uses one or the other`)
    }
    if (!hasA && !hasB && required) fail(null, 'value', `it has neither "${a}" nor "${b}" — ${missing}`)
    return hasA ? a : hasB ? b : null
  }

  const action = pair('Action', 'NotAction', true, 'add "Action": "service:Action" (or "*")')!
  checkActions(stmt[action], [...path, action], action, (p, reason) => invalid(site, p, 'value', label, reason))

  if (site.kind === 'trust' && hasOwn(stmt, 'Resource')) {
    fail('Resource', 'key', `"Resource" is not allowed in ${KIND_WORDS.trust} — the role itself is the resource; remove it`)
  }
  const resource = pair('Resource', 'NotResource', site.kind !== 'trust', 'add "Resource": "arn:…" (or "*")')
  if (resource) checkResources(stmt[resource], [...path, resource], resource, (p, reason) => invalid(site, p, 'value', label, reason))

  const principal = checkPrincipalPresence(stmt, site, fail, pair)
  if (principal) checkPrincipal(stmt[principal], [...path, principal], principal, site, label)

  if (hasOwn(stmt, 'Condition')) checkCondition(stmt['Condition'], [...path, 'Condition'], site, label)
}

type Fail = (key: string | null, part: 'key' | 'value', reason: string) => never

function unknownElement(key: string): string {
  if (key === 'Version' || key === 'Id' || key === 'Statement') {
    return `"${key}" belongs at the top of the policy, not inside a statement`
  }
  const suggestion = closest(key, STATEMENT_ELEMENTS)
  if (suggestion?.caseOnly) return `unknown statement element "${key}" — element names are case-sensitive; use "${suggestion.name}"`
  if (suggestion) return `unknown statement element "${key}" — did you mean "${suggestion.name}"?`
  return `unknown statement element "${key}" — a statement holds Sid, Effect, Action or NotAction, Resource or NotResource, Principal or NotPrincipal, and Condition`
}

/** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html */
function checkEffect(stmt: Readonly<Record<string, unknown>>, fail: Fail): void {
  if (!hasOwn(stmt, 'Effect')) fail(null, 'value', 'it has no "Effect" — add "Effect": "Allow" or "Effect": "Deny"')
  const effect = stmt['Effect']
  if (typeof effect !== 'string') fail('Effect', 'value', `"Effect" must be "Allow" or "Deny", found ${typeName(effect)}`)
  if ((EFFECTS as readonly string[]).includes(effect)) return
  const sameLetters = EFFECTS.find((e) => e.toLowerCase() === effect.trim().toLowerCase())
  if (sameLetters && effect.trim() === effect) {
    fail('Effect', 'value', `"Effect": "${effect}" is not valid — Effect is case-sensitive; use "${sameLetters}"`)
  }
  if (sameLetters) fail('Effect', 'value', `"Effect": "${effect}" is not valid — remove the spaces; use "${sameLetters}"`)
  fail('Effect', 'value', `"Effect": "${effect}" is not valid — use "Allow" or "Deny"`)
}

/**
 * Principal is required where the policy is attached to a resource and forbidden elsewhere;
 * NotPrincipal is further forbidden in trust policies and RCPs ({@link NOT_PRINCIPAL_DOC}).
 */
function checkPrincipalPresence(
  stmt: Readonly<Record<string, unknown>>,
  site: Site,
  fail: Fail,
  pair: (a: string, b: string, required: boolean, missing: string) => string | null,
): string | null {
  const words = KIND_WORDS[site.kind]
  if (!HAS_PRINCIPAL[site.kind]) {
    for (const key of ['Principal', 'NotPrincipal']) {
      if (hasOwn(stmt, key)) {
        fail(key, 'key', `"${key}" is not allowed in ${words} — only policies attached to a resource (bucket policies, trust policies…) name a principal; remove it`)
      }
    }
    return null
  }
  const found = pair(
    'Principal',
    'NotPrincipal',
    true,
    `a statement in ${words} must say whom it applies to; use "Principal": "*" to apply it to everyone`,
  )
  if (found === 'NotPrincipal' && (site.kind === 'trust' || site.kind === 'rcp')) {
    fail('NotPrincipal', 'key', `"NotPrincipal" is not allowed in ${words} — use "Principal" with a condition on aws:PrincipalArn (${NOT_PRINCIPAL_DOC})`)
  }
  return found
}
