import type { ConditionClause, Policy, PrincipalBlock, Statement } from '../model/index.js'

/**
 * Whether two parsed policies decide alike: same Version and, statement by statement, the same
 * Effect, Action, Resource, Principal and Condition (with or without their Not… forms). Sid and
 * the raw text do not decide anything, and are left out. policy-index.ts shares compiled
 * statements between policies of the same content.
 *
 * Every field of the model that matching reads must be compared here: a field left out would
 * let two different policies share one compiled form. test/evaluate/policy-content.test.ts
 * fails when the model gains a field, as a reminder.
 *
 * The hash (FNV-1a over the same fields) only picks candidates; sameContent decides. Both walk
 * the values without building strings: a JSON key cost three times as much on first sight of
 * each policy, which an evaluation of freshly parsed policies pays every time.
 */

const PRIME = 16777619

function mix(h: number, n: number): number {
  return Math.imul(h ^ n, PRIME)
}

function text(h: number, t: string | null): number {
  if (t === null) return mix(h, 0x9e37)
  h = mix(h, t.length)
  for (let i = 0; i < t.length; i++) h = mix(h, t.charCodeAt(i))
  return h
}

function texts(h: number, list: readonly string[] | null): number {
  if (list === null) return mix(h, 0x7f4a)
  h = mix(h, list.length)
  for (const t of list) h = text(h, t)
  return h
}

function block(h: number, b: PrincipalBlock | null): number {
  if (b === null) return mix(h, 0x3c1d)
  h = mix(h, b.wildcard ? 1 : 2)
  return texts(texts(texts(texts(h, b.aws), b.service), b.federated), b.canonicalUser)
}

function clause(h: number, c: ConditionClause): number {
  const op = c.operator
  h = text(text(text(text(h, op.name), op.base), op.setOperator), c.key)
  return texts(mix(h, op.ifExists ? 3 : 4), c.values)
}

function statement(h: number, s: Statement): number {
  h = texts(texts(texts(texts(text(h, s.effect), s.action), s.notAction), s.resource), s.notResource)
  h = mix(block(block(h, s.principal), s.notPrincipal), s.conditions.length)
  for (const c of s.conditions) h = clause(h, c)
  return h
}

export function contentHash(policy: Policy): number {
  let h = mix(text(0x811c9dc5, policy.version), policy.statements.length)
  for (const s of policy.statements) h = statement(h, s)
  return h >>> 0
}

function sameTexts(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === b) return true
  if (a === null || b === null || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function sameBlock(a: PrincipalBlock | null, b: PrincipalBlock | null): boolean {
  if (a === b) return true
  if (a === null || b === null) return false
  return a.wildcard === b.wildcard && sameTexts(a.aws, b.aws) && sameTexts(a.service, b.service) && sameTexts(a.federated, b.federated) && sameTexts(a.canonicalUser, b.canonicalUser)
}

function sameClause(a: ConditionClause, b: ConditionClause): boolean {
  const x = a.operator
  const y = b.operator
  return a.key === b.key && x.name === y.name && x.base === y.base && x.setOperator === y.setOperator && x.ifExists === y.ifExists && sameTexts(a.values, b.values)
}

function sameStatement(a: Statement, b: Statement): boolean {
  if (a.effect !== b.effect || a.conditions.length !== b.conditions.length) return false
  if (!sameTexts(a.action, b.action) || !sameTexts(a.notAction, b.notAction)) return false
  if (!sameTexts(a.resource, b.resource) || !sameTexts(a.notResource, b.notResource)) return false
  if (!sameBlock(a.principal, b.principal) || !sameBlock(a.notPrincipal, b.notPrincipal)) return false
  for (let i = 0; i < a.conditions.length; i++) if (!sameClause(a.conditions[i]!, b.conditions[i]!)) return false
  return true
}

export function sameContent(a: Policy, b: Policy): boolean {
  if (a === b) return true
  if (a.version !== b.version || a.statements.length !== b.statements.length) return false
  for (let i = 0; i < a.statements.length; i++) if (!sameStatement(a.statements[i]!, b.statements[i]!)) return false
  return true
}
