import { conditionKeyApplies, lookupAction, rcpServices, suggestActions } from './catalogue/index.js'
import { evaluate } from './evaluate/index.js'
import { REQUEST_WARNING_TEXTS } from './model/request-warning-texts.js'
import type { CollectionGap, Verdict } from './model/index.js'
import { sharedCaseCache, type CaseCache } from './sources/case/case-cache.js'
import { loadCase, type ResourceTypeLookup } from './sources/case/load-case.js'
import { CaseContextKnown, type KeyLayout } from './sources/case/read-context.js'

/** Warnings about the request itself: an action or context key the catalogue does not know. */
export function requestWarnings(action: string, contextKeys: Iterable<string>): string[] {
  const info = lookupAction(action)
  if (!info) {
    const guesses = suggestActions(action)
    return [REQUEST_WARNING_TEXTS.unknownAction.en(action, guesses.join(', '))]
  }
  const warnings: string[] = []
  for (const key of contextKeys) {
    if (!conditionKeyApplies(info, key)) warnings.push(REQUEST_WARNING_TEXTS.keyNotSupported.en(key, info.name))
  }
  return warnings
}

/**
 * requestWarnings, with what it works out kept: per action, whether the catalogue knows it and
 * whether each context key applies. A batch asks about the same few actions and keys again
 * and again, and most requests have nothing to warn about: then nothing is built.
 */
interface ActionKeys {
  readonly unknownAction: readonly string[] | null
  /** Per context key as spelt: its warning, or null when it applies. */
  readonly keys: Map<string, string | null>
  /** Per list of context keys read from a case (read-context.ts): the warnings about them. */
  readonly layouts: WeakMap<KeyLayout, readonly string[]>
}
const byAction = new Map<string, ActionKeys>()
const KEPT = 10_000
const NOTHING: readonly string[] = Object.freeze([])
const NO_GAPS: readonly CollectionGap[] = Object.freeze([])

/** The warnings about these context keys (each spelling as its entry carries it, in order). */
function keyWarnings(known: ActionKeys, action: string, spellings: Iterable<string>): readonly string[] {
  let warnings: string[] | null = null
  for (const key of spellings) {
    let warning = known.keys.get(key)
    if (warning === undefined) {
      if (known.keys.size >= KEPT) known.keys.clear()
      warning = requestWarnings(action, [key])[0] ?? null
      known.keys.set(key, warning)
    }
    if (warning !== null) (warnings ??= []).push(warning)
  }
  return warnings ?? NOTHING
}

function* spellingsOf(context: ReadonlyMap<string, { readonly key: string }>): Iterable<string> {
  for (const { key } of context.values()) yield key
}

function cachedRequestWarnings(action: string, context: ReadonlyMap<string, { readonly key: string }>): readonly string[] {
  let known = byAction.get(action)
  if (known === undefined) {
    if (byAction.size >= KEPT) byAction.clear()
    known = { unknownAction: lookupAction(action) ? null : requestWarnings(action, []), keys: new Map(), layouts: new WeakMap() }
    byAction.set(action, known)
  }
  if (known.unknownAction) return known.unknownAction
  // A context read from a case: its list of keys recurs, and so do the warnings about it.
  if (context instanceof CaseContextKnown) {
    let warnings = known.layouts.get(context.layout)
    if (warnings === undefined) {
      // Frozen: every verdict about this list of keys shares it.
      warnings = Object.freeze(keyWarnings(known, action, context.layout.spelt))
      known.layouts.set(context.layout, warnings)
    }
    return warnings
  }
  return keyWarnings(known, action, spellingsOf(context))
}

/** The catalogue's resource types of an action (none for an action it does not know), as the case loader asks for them. */
export const resourceTypesOf: ResourceTypeLookup = (action) => lookupAction(action)?.resourceTypes ?? []

/** How evaluateCase reuses work across calls. */
export interface EvaluateCaseOptions {
  /** Where parsed policies and the parts of policy sets are kept between calls; null: parse everything afresh. Default: one cache per process. */
  readonly cache?: CaseCache | null
  /** The case is a value straight from JSON.parse (its documents can then be keyed by JSON.stringify). */
  readonly fromJson?: boolean
  /** Every verdict's findings will be read (EvaluateOptions.findingsNow): keep them from the deciding pass. */
  readonly findingsNow?: boolean
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
  return evaluateLoaded(loaded.request, loaded.policies, loaded.warnings, loaded.incomplete, options.findingsNow === true)
}

/** The engine on a loaded case, with the warnings about its request and what the case says was not read. */
export function evaluateLoaded(
  request: Parameters<typeof evaluate>[0],
  policies: Parameters<typeof evaluate>[1],
  caseWarnings: readonly string[],
  incomplete: readonly CollectionGap[] = NO_GAPS,
  findingsNow = false,
): Verdict {
  return evaluate(request, policies, {
    rcpServices: rcpServices(),
    incomplete,
    warnings: caseWarnings,
    // The catalogue is asked about the request only when the verdict's warnings are read.
    laterWarnings: () => cachedRequestWarnings(request.action, request.context.known),
    ...(findingsNow ? { findingsNow } : {}),
  })
}
