import type { Policy } from '../model/index.js'
import { actionServices, serviceKey, type ActionServices } from './action-services.js'
import { compileStatement, type CompiledStatement } from './compiled.js'
import { matchAction } from './match/action.js'
import { contentHash, sameContent } from './policy-content.js'

/**
 * For each policy, the statements whose Action / NotAction admits a given action, compiled:
 * worked out once per policy content and action. An audit asks the same policies about the
 * same few actions thousands of times, and most statements of a large policy name other
 * actions; after the first ask, they cost nothing.
 *
 * The work is shared by content, not by object: the same document (FullAWSAccess on every
 * level, a managed policy attached to hundreds of roles) is often parsed into many objects,
 * and one compiled copy also keeps the memory an evaluation touches small, which showed as
 * much as the matching itself once the corpus outgrew the processor's caches.
 */
export interface ActionCandidate {
  /** Position in the policy's Statement list (the statement itself is the policy's own). */
  readonly index: number
  /** The Action pattern that matched; null when the statement has NotAction, which does not list the action. */
  readonly pattern: string | null
  readonly deny: boolean
  readonly compiled: CompiledStatement
}

/** One policy content: the first policy object seen with it, and its candidates per action. */
interface Shape {
  readonly policy: Policy
  readonly byAction: Map<string, readonly ActionCandidate[]>
  /** Which statements can admit an action of each service; made on the first action asked. */
  services: ActionServices | null
}

/** Bounded so that a long-lived process asking about endless actions does not grow forever. */
const ACTIONS_PER_POLICY = 512
const SHAPES_LIMIT = 20_000
const shapeOf = new WeakMap<Policy, Shape>()
/** Shapes by content hash (policy-content.ts); a bucket holds the rare hashes that collide. */
const shapes = new Map<number, Shape[]>()
let shapeCount = 0

function shapeFor(policy: Policy): Shape {
  let shape = shapeOf.get(policy)
  if (shape) return shape
  const hash = contentHash(policy)
  let bucket = shapes.get(hash)
  shape = bucket?.find((s) => sameContent(s.policy, policy))
  if (!shape) {
    if (shapeCount >= SHAPES_LIMIT) {
      shapes.clear()
      shapeCount = 0
      bucket = undefined
    }
    shape = { policy, byAction: new Map(), services: null }
    if (bucket) bucket.push(shape)
    else shapes.set(hash, [shape])
    shapeCount++
  }
  shapeOf.set(policy, shape)
  return shape
}

/** `key` is the action lower-cased (the caller may have done it once for many policies). */
export function candidatesFor(policy: Policy, action: string, key = action.toLowerCase()): readonly ActionCandidate[] {
  const shape = shapeFor(policy)
  let candidates = shape.byAction.get(key)
  if (!candidates) {
    const found: ActionCandidate[] = []
    const { version, statements } = shape.policy
    const services = (shape.services ??= actionServices(statements))
    const service = serviceKey(action)
    for (const index of service === null ? services.all : services.forService(service)) {
      const statement = statements[index]!
      const match = matchAction(statement, action)
      if (!match.matched) continue
      const pattern = statement.action ? match.pattern : null
      found.push({ index, pattern, deny: statement.effect === 'Deny', compiled: compileStatement(statement, version) })
    }
    if (shape.byAction.size >= ACTIONS_PER_POLICY) shape.byAction.clear()
    shape.byAction.set(key, found)
    candidates = found
  }
  return candidates
}

/** What findings say matched the action: the pattern, or why NotAction lets it through (as matchAction words it). */
export function matchedActionText(candidate: ActionCandidate, action: string): string {
  return candidate.pattern ?? `NotAction (${action} is not listed)`
}
