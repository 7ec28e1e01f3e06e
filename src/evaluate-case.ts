import { conditionKeyApplies, lookupAction, rcpServices, suggestActions } from './catalogue/index.js'
import { evaluate } from './evaluate/index.js'
import type { Verdict } from './model/index.js'
import { sharedCaseCache, type CaseCache } from './sources/case/case-cache.js'
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

/** requestWarnings by action and context keys: a batch asks about the same few again and again. */
const warningsByRequest = new Map<string, readonly string[]>()
const WARNINGS_KEPT = 10_000

function cachedRequestWarnings(action: string, keys: readonly string[]): readonly string[] {
  const key = `${action}\u0000${keys.join('\u0000')}`
  let warnings = warningsByRequest.get(key)
  if (warnings === undefined) {
    if (warningsByRequest.size >= WARNINGS_KEPT) warningsByRequest.clear()
    warnings = requestWarnings(action, keys)
    warningsByRequest.set(key, warnings)
  }
  return warnings
}

/** The catalogue's RCP services, read once (rcpServices builds a new set on each call). */
let services: ReadonlySet<string> | null = null

const resourceTypesOf = (action: string) => lookupAction(action)?.resourceTypes ?? []

/** How evaluateCase reuses work across calls. */
export interface EvaluateCaseOptions {
  /** Where parsed policies and the parts of policy sets are kept between calls; null: parse everything afresh. Default: one cache per process. */
  readonly cache?: CaseCache | null
  /** The case is a value straight from JSON.parse (its documents can then be keyed by JSON.stringify). */
  readonly fromJson?: boolean
}

/**
 * Evaluates one case-file object (cli-contract.md) and returns the verdict. Synchronous and
 * pure apart from reading the bundled action catalogue; throws CaseError for a malformed case.
 *
 * Policy documents are parsed once per process and kept (bounded) by their identity and their
 * content: a caller who passes the same document objects again pays for parsing and compiling
 * once. A document object is read once: change one in place and pass it again, and the first
 * reading is used (pass a new object instead, or `{ cache: null }`).
 */
export function evaluateCase(caseObject: unknown, options: EvaluateCaseOptions = {}): Verdict {
  const cache = options.cache === undefined ? sharedCaseCache : options.cache
  const loaded = loadCase(caseObject, resourceTypesOf, cache ? { cache, fromJson: options.fromJson === true } : {})
  return evaluateLoaded(loaded.request, loaded.policies, loaded.warnings)
}

/** The engine on a loaded case, with the warnings about its request. */
export function evaluateLoaded(request: Parameters<typeof evaluate>[0], policies: Parameters<typeof evaluate>[1], caseWarnings: readonly string[]): Verdict {
  const given: string[] = []
  for (const entry of request.context.known.values()) given.push(entry.key)
  const about = cachedRequestWarnings(request.action, given)
  return evaluate(request, policies, {
    rcpServices: (services ??= rcpServices()),
    warnings: caseWarnings.length === 0 ? about : about.length === 0 ? caseWarnings : [...caseWarnings, ...about],
  })
}
