import { conditionKeyApplies, lookupAction, rcpServices, suggestActions } from './catalogue/index.js'
import { evaluate } from './evaluate/index.js'
import type { Verdict } from './model/index.js'
import { loadCase } from './sources/case/load-case.js'

/** Warnings about the request itself: an action or context key the catalogue does not know. */
export function requestWarnings(action: string, contextKeys: Iterable<string>): string[] {
  const info = lookupAction(action)
  if (!info) {
    const guesses = suggestActions(action)
    const hint = guesses.length ? ` Did you mean ${guesses.join(', ')}?` : ''
    return [`The IAM action catalogue does not know ${action}: a misspelt action never matches an Allow, so it reads as an implicit deny.${hint} (The catalogue can lag behind a brand-new API.)`]
  }
  const warnings: string[] = []
  for (const key of contextKeys) {
    if (!conditionKeyApplies(info, key)) warnings.push(`Context key ${key} is not one that ${info.name} supports, so AWS would never send it with this request.`)
  }
  return warnings
}

/**
 * Evaluates one case-file object (cli-contract.md) and returns the verdict. Synchronous and
 * pure apart from reading the bundled action catalogue; throws CaseError for a malformed case.
 */
export function evaluateCase(caseObject: unknown): Verdict {
  const loaded = loadCase(caseObject, (action) => lookupAction(action)?.resourceTypes ?? [])
  const given = [...loaded.request.context.known.values()].map((e) => e.key)
  return evaluate(loaded.request, loaded.policies, {
    rcpServices: rcpServices(),
    incomplete: loaded.incomplete,
    warnings: [...loaded.warnings, ...requestWarnings(loaded.request.action, given)],
  })
}
