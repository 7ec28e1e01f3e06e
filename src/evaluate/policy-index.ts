import type { Policy, Statement } from '../model/index.js'

/**
 * Statements that can match an action of a given service, computed once per policy and
 * service. Most statements of a large policy name other services; skipping them before any
 * matching is what keeps an audit of a whole organization fast. Statements keep their order.
 */
const index = new WeakMap<Policy, Map<string, readonly Statement[]>>()

function serviceOfPattern(pattern: string): string | null {
  const colon = pattern.indexOf(':')
  return colon < 0 ? null : pattern.slice(0, colon).toLowerCase()
}

function mayMatchService(statement: Statement, service: string): boolean {
  // NotAction matches everything it does not list: keep it for any service.
  if (!statement.action) return true
  for (const pattern of statement.action) {
    if (pattern === '*') return true
    const prefix = serviceOfPattern(pattern)
    if (prefix === null) continue
    if (prefix === service || prefix.includes('*') || prefix.includes('?')) return true
  }
  return false
}

export function statementsFor(policy: Policy, action: string): readonly Statement[] {
  const service = action.slice(0, action.indexOf(':')).toLowerCase()
  let byService = index.get(policy)
  if (!byService) {
    byService = new Map()
    index.set(policy, byService)
  }
  let statements = byService.get(service)
  if (!statements) {
    statements = policy.statements.filter((s) => mayMatchService(s, service))
    byService.set(service, statements)
  }
  return statements
}
