import type { ConditionClause, PolicyVersion, PrincipalInfo, ResourceTypeHint, Statement, Tri } from '../model/index.js'
import { compileClause, decideClauses, type CompiledClause } from './condition/compiled.js'
import type { ConditionEnv } from './condition/index.js'
import { matchPrincipal, type PrincipalMatch } from './match/principal.js'
import { ANY_RESOURCE, compileResource, type ResourceTest } from './match/resource-compiled.js'
import type { ResourceView } from './match/resource-view.js'
import { triAnd } from './tri.js'

/**
 * A statement prepared once for deciding: its Principal, Resource and Condition turned into
 * tests that do no parsing and (mostly) no allocation per request. An audit decides the same
 * statements against thousands of requests, and policies of the same content share one
 * compiled form (policy-index.ts), so each is compiled once.
 *
 * decideStatement answers exactly as matchStatement (statement.ts) does, which stays the
 * reference and writes the explanation of the statements that apply.
 */
export interface CompiledStatement {
  readonly version: PolicyVersion | null
  /** Applies to every request that names its action: no Principal to match, Resource "*", no Condition (FullAWSAccess and the like). */
  readonly always: boolean
  /** How the Principal / NotPrincipal names the caller (strength, for resource policies). */
  readonly principal: (caller: PrincipalInfo) => PrincipalMatch
  readonly resource: ResourceTest
  readonly conditions: readonly CompiledClause[]
}

/** No Principal element: the statement is about whoever holds the policy. */
const HOLDER: PrincipalMatch = { result: true, strength: null, entry: null, unknownKeys: [] }
const ANYONE: PrincipalMatch = { result: true, strength: 'direct', entry: '*', unknownKeys: [] }

function compilePrincipal(statement: Statement): (caller: PrincipalInfo) => PrincipalMatch {
  if (!statement.principal && !statement.notPrincipal) return () => HOLDER
  if (statement.principal?.wildcard) return () => ANYONE
  // Named principals are parsed ARN by ARN; the answer depends only on the caller, so it is
  // kept per caller (an audit asks about the same principals again and again).
  const byCaller = new WeakMap<PrincipalInfo, PrincipalMatch>()
  return (caller) => {
    let match = byCaller.get(caller)
    if (!match) {
      match = matchPrincipal(statement, caller)
      byCaller.set(caller, match)
    }
    return match
  }
}

const compiled = new WeakMap<Statement, CompiledStatement>()

/**
 * A statement's compiled clauses, always a list that V8 files as packed objects. A list that
 * map() makes is, to V8, one of small integers when empty and one with holes when map() runs
 * in optimized code: the first list of another kind to reach code optimized for the kind seen
 * so far threw that code away (`--trace-deopt`: "wrong map" at `clauses.length` in
 * decideClauses, then in the engine's layer loop and in planning), and each was optimized
 * again, on a fresh process's first pass. Pushing objects onto `[]` always gives that kind.
 */
function compileClauses(clauses: readonly ConditionClause[], version: PolicyVersion | null): readonly CompiledClause[] {
  if (clauses.length === 0) return NO_CLAUSES
  const list: CompiledClause[] = []
  for (let i = 0; i < clauses.length; i++) list.push(compileClause(clauses[i]!, version))
  return list
}

/** The clauses of every statement without a Condition: empty, of the same kind (it held an object once); nothing writes to it. */
const NO_CLAUSES: CompiledClause[] = [undefined as unknown as CompiledClause]
NO_CLAUSES.pop()

/** The compiled form of a statement of a policy with this Version (variables depend on it). */
export function compileStatement(statement: Statement, version: PolicyVersion | null): CompiledStatement {
  let c = compiled.get(statement)
  if (!c || c.version !== version) {
    const principal = compilePrincipal(statement)
    const resource = compileResource(statement, version)
    const clauses = statement.conditions
    const conditions = compileClauses(clauses, version)
    // As compilePrincipal reads it: no Principal element, or Principal "*", names every caller.
    const anyone = statement.principal ? statement.principal.wildcard : !statement.notPrincipal
    c = { version, always: anyone && resource === ANY_RESOURCE && clauses.length === 0, principal, resource, conditions }
    compiled.set(statement, c)
  }
  return c
}

/** What a statement is matched against, for one resource of the request. */
export interface DecideInput {
  readonly principal: PrincipalInfo
  /** null: the resource is not given. */
  readonly resource: ResourceView | null
  readonly hints: readonly ResourceTypeHint[]
}

/** Whether the statement applies (the action already matched): matchStatement's `applies`, or false where it returns null. */
export function decideStatement(c: CompiledStatement, input: DecideInput, env: ConditionEnv): Tri {
  if (c.always) return true
  const principal = c.principal(input.principal).result
  if (principal === false) return false
  const resource = c.resource(input.resource, input.hints, env)
  if (resource === false) return false
  const conditions = decideClauses(c.conditions, env)
  if (conditions === false) return false
  return triAnd(triAnd(principal, resource), conditions)
}
