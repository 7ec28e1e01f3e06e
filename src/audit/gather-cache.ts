/**
 * Gathers shared between checks: two checks that differ only in their action (within one
 * service) or their context read exactly the same policies, so they share one gather. The
 * key holds everything a source reads from a query: the principal, the resources, the
 * endpoint, the session policy, the resource account, the region, and the action's service
 * (RCPs govern some services only; `sts:AssumeRole*` on a role reads its trust policy).
 */
import type { Gathered, PolicySourceProvider, PrincipalQuery } from '../sources/types.js'

function actionScope(action: string): string {
  const lower = action.toLowerCase()
  const service = lower.slice(0, lower.indexOf(':'))
  return service === 'sts' ? lower : service
}

export function gatherKey(query: PrincipalQuery): string {
  const vpceInContext = query.context.some(([k]) => k.toLowerCase() === 'aws:sourcevpce')
  return JSON.stringify([
    query.principalArn,
    query.resources,
    query.sourceVpce,
    vpceInContext,
    query.sessionPolicy?.name ?? null,
    query.sessionPolicy?.text ?? null,
    query.resourceAccount,
    query.region,
    actionScope(query.action),
    query.absentKeys ?? [],
  ])
}

export interface CachingProvider extends PolicySourceProvider {
  /** How many gathers reached the wrapped source. */
  readonly gathers: number
}

/** The source with each gather kept (failures too: a principal that does not exist is asked about once). */
export function cachingProvider(provider: PolicySourceProvider): CachingProvider {
  const gathered = new Map<string, Promise<Gathered>>()
  const listed = new Map<string, Promise<string[]>>()
  let gathers = 0
  const list = provider.listPrincipals?.bind(provider)
  return {
    get gathers() {
      return gathers
    },
    gather(query) {
      const key = gatherKey(query)
      let entry = gathered.get(key)
      if (!entry) {
        gathers++
        entry = provider.gather(query)
        entry.catch(() => undefined)
        gathered.set(key, entry)
      }
      return entry
    },
    ...(list
      ? {
          listPrincipals(filter) {
            const key = JSON.stringify([filter.kind, filter.account, filter.pathPrefix])
            let entry = listed.get(key)
            if (!entry) {
              entry = list(filter)
              entry.catch(() => undefined)
              listed.set(key, entry)
            }
            return entry
          },
        }
      : {}),
  }
}
