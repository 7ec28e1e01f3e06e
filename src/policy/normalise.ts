/**
 * A validated document → the model's Policy: single values become lists, condition values
 * become strings, conditions are flattened to one clause per (operator, key) in document
 * order. Assumes validateDocument has passed.
 */
import { parseOperator } from '../model/operators.js'
import type { ConditionClause, Effect, Policy, PolicyVersion, PrincipalBlock, Statement } from '../model/policy.js'
import { isObject } from './site.js'
import type { DocumentShape } from './validate.js'

/**
 * The value as a list of strings. Built by pushing, not by map(): map() in optimized code makes
 * a list with holes (a kind of its own to V8), and the first such list to reach code optimized
 * for the other kind threw that code away (`--trace-deopt`: "wrong map" where a statement's
 * Action list is read while planning) on a fresh process's first pass.
 */
function list(value: unknown): string[] | null {
  if (value === undefined) return null
  if (!Array.isArray(value)) return [String(value)]
  const out: string[] = []
  for (let i = 0; i < value.length; i++) out.push(String(value[i]))
  return out
}

/** `"*"` and `{"AWS": "*"}` both mean everyone, anonymous included. */
function principalBlock(value: unknown): PrincipalBlock | null {
  if (value === undefined) return null
  if (value === '*') return { wildcard: true, aws: [], service: [], federated: [], canonicalUser: [] }
  const block = isObject(value) ? value : {}
  const aws = list(block['AWS']) ?? []
  return {
    wildcard: aws.includes('*'),
    aws,
    service: list(block['Service']) ?? [],
    federated: list(block['Federated']) ?? [],
    canonicalUser: list(block['CanonicalUser']) ?? [],
  }
}

function conditions(value: unknown): ConditionClause[] {
  if (!isObject(value)) return []
  const clauses: ConditionClause[] = []
  for (const [name, block] of Object.entries(value)) {
    const operator = parseOperator(name)
    if (!operator || !isObject(block)) continue
    for (const [key, values] of Object.entries(block)) {
      clauses.push({ operator, key, values: list(values) ?? [] })
    }
  }
  return clauses
}

function statement(raw: Readonly<Record<string, unknown>>, index: number): Statement {
  return {
    index,
    sid: typeof raw['Sid'] === 'string' ? raw['Sid'] : null,
    effect: raw['Effect'] as Effect,
    action: list(raw['Action']),
    notAction: list(raw['NotAction']),
    resource: list(raw['Resource']),
    notResource: list(raw['NotResource']),
    principal: principalBlock(raw['Principal']),
    notPrincipal: principalBlock(raw['NotPrincipal']),
    conditions: conditions(raw['Condition']),
    raw,
  }
}

/** The policy without warnings; lint adds them. */
export function normalise(shape: DocumentShape): Omit<Policy, 'warnings'> {
  const doc = shape.document
  return {
    version: shape.bare ? null : ((doc['Version'] as PolicyVersion | undefined) ?? null),
    id: !shape.bare && typeof doc['Id'] === 'string' ? doc['Id'] : null,
    statements: shape.statements.map((s) => statement(s.value, s.index)),
  }
}
