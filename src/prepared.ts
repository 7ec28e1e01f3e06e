import { evaluateLoaded, resourceTypesOf } from './evaluate-case.js'
import type { PolicySet, Verdict } from './model/index.js'
import { sharedCaseCache, type CaseCache } from './sources/case/case-cache.js'
import { isTrustAction, loadCasePolicies, loadCaseRequest, rcpFullAccessNotes } from './sources/case/load-case.js'

/**
 * One policy set, parsed and validated once, for evaluating many requests against it: a
 * Lambda function answering "may this caller do that?" for one role, a job checking a
 * thousand requests against one account's policies.
 */
export interface PreparedPolicies {
  /**
   * Evaluates one request: a case-file object without `policies` (`request`, and optionally
   * `contextComplete`, `resourceAccount`, `principalAccount`, `isManagementAccount`). The same
   * verdict as evaluateCase on the whole case. Throws CaseError for a malformed request.
   */
  evaluate(requestCase: unknown): Verdict
}

/**
 * Prepares a case file's `policies` object (cli-contract.md, "Case file"): every document is
 * parsed and validated now (a bad one throws CaseError naming it), so later changes to the
 * objects given are not seen. A resource policy is read as a role trust policy for
 * sts:AssumeRole* requests, as evaluateCase does; that reading is made on first need.
 * `cache`: where documents and parts are kept (default: the one evaluateCase uses).
 */
export function preparePolicies(policies: unknown, options: { readonly cache?: CaseCache } = {}): PreparedPolicies {
  // The process's cache by default: sets prepared from the same documents share their parts (and the engine's plans).
  const cache = options.cache ?? sharedCaseCache
  const sets = new Map<boolean, PolicySet>()
  const setFor = (action: string): PolicySet => {
    const trust = isTrustAction(action)
    let set = sets.get(trust)
    if (set === undefined) {
      set = loadCasePolicies(policies, action, { cache })
      sets.set(trust, set)
    }
    return set
  }
  try {
    setFor('s3:GetObject')
  } catch (error) {
    // A trust policy is not a valid bucket-style resource policy: try it as what it is.
    if ((error as { path?: string }).path !== 'policies.resource') throw error
    setFor('sts:AssumeRole')
  }
  // The set's own notes (an RCP level without RCPFullAWSAccess), as evaluateCase gives them.
  const notes = rcpFullAccessNotes(sets.values().next().value!.rcps)
  return {
    evaluate(requestCase: unknown): Verdict {
      const { request, warnings, incomplete } = loadCaseRequest(requestCase, resourceTypesOf, { cache })
      return evaluateLoaded(request, setFor(request.action), notes.length === 0 ? warnings : [...warnings, ...notes], incomplete)
    },
  }
}
