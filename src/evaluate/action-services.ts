import type { Statement } from '../model/index.js'

/**
 * Which statements of a policy can admit an action of a given service, worked out once per
 * policy content: the engine then tests each action against those only. On a fresh process's
 * first pass, testing every statement of every policy against every action it was asked about
 * (2,895 policy–action pairs of 20–40 statements each in the benchmark's corpus) was the larger
 * part of planning a set; most statements name other services.
 *
 * Only a statement that cannot match is ever left out, so the answers are matchAction's:
 * - an Action pattern `svc:…` whose `svc` is plain ASCII (no `*`, `?`) matches only an action
 *   whose text before its first `:` is `svc`, A–Z folded (a case-insensitive comparison of
 *   ASCII text, by regular expression or by `toLowerCase`, never pairs an ASCII letter with a
 *   character outside ASCII);
 * - every other pattern (`*`, a wildcard or non-ASCII service) may match any action, and a
 *   pattern without `:` matches none;
 * - NotAction may admit any action.
 * An action whose service is not plain ASCII gets every statement.
 */
export interface ActionServices {
  /** Statement positions, in order, for actions of this service (ASCII lower-cased). */
  forService(service: string): readonly number[]
  /** Every statement position: for an action whose service could not be read as ASCII. */
  readonly all: readonly number[]
}

/** The service of an action as the index files it (ASCII lower-cased), or null when the index cannot be used for it. */
export function serviceKey(action: string): string | null {
  const colon = action.indexOf(':')
  if (colon < 0) return null
  const service = action.slice(0, colon)
  return isPlainAscii(service) ? service.toLowerCase() : null
}

function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0x7f || c === 0x2a || c === 0x3f) return false
  }
  return true
}

export function actionServices(statements: readonly Statement[]): ActionServices {
  const all: number[] = []
  /** Statements that may admit an action of any service. */
  const anyService: number[] = []
  const byService = new Map<string, number[]>()
  statements.forEach((statement, index) => {
    all.push(index)
    if (!statement.action) {
      anyService.push(index)
      return
    }
    for (const pattern of statement.action) {
      const colon = pattern.indexOf(':')
      if (colon < 0) {
        if (pattern === '*') {
          anyService.push(index)
          return
        }
        continue
      }
      const service = pattern.slice(0, colon)
      if (!isPlainAscii(service)) {
        anyService.push(index)
        return
      }
      const key = service.toLowerCase()
      const list = byService.get(key)
      if (list === undefined) byService.set(key, [index])
      else if (list[list.length - 1] !== index) list.push(index)
    }
  })
  const merged = new Map<string, readonly number[]>()
  return {
    all,
    forService(service) {
      let found = merged.get(service)
      if (found === undefined) {
        // Bounded: a long-lived process may be asked about endless made-up services.
        if (merged.size >= 512) merged.clear()
        found = mergeInOrder(byService.get(service) ?? [], anyService)
        merged.set(service, found)
      }
      return found
    },
  }
}

/** Two ascending lists as one, each position once (a statement can be in both: `["s3:Get*", "*"]`). */
function mergeInOrder(a: readonly number[], b: readonly number[]): readonly number[] {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!)
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!)
    else {
      out.push(a[i++]!)
      j++
    }
  }
  return out
}
