/**
 * The request context of a call diagnosed by `principal`, `explain` or `audit`: what the user
 * and the input gave, what the source knows, the direct-call profile under them, and the keys
 * the call can never carry. The kinds of key and who wins are those of cli-contract.md
 * ("Unknown is not absent — and a direct call is not unknown"):
 *
 *   --unknown KEY  >  --context / the input (CloudTrail, decoded message)  >  the source's facts
 *   >  the direct-call profile (assumed, listed in the verdict)  >  absent by rule  >  unknown
 */
import type { ActionInfo } from '../catalogue/index.js'
import { ALWAYS_PRESENT_KEYS, makeContext, type Assumption, type PartialValue, type PrincipalInfo, type RequestContext } from '../model/index.js'
import { actionAbsence, principalKindAbsence } from './absent-keys.js'
import { directCallProfile } from './direct-call.js'

export interface CallContextInput {
  readonly principal: PrincipalInfo
  readonly action: string
  readonly resources: readonly string[]
  readonly catalogue: ActionInfo | null
  /** What the user gave (`--context` and its shorthands) and what the input carried; they win. */
  readonly given: readonly (readonly [string, string])[]
  /** What the source knows for certain (aws:PrincipalOrgID, …), under what was given. */
  readonly fromSource: readonly (readonly [string, readonly string[]])[]
  /** Keys known not to be in the request (a CloudTrail event says so). */
  readonly absent: readonly string[]
  /** `--unknown KEY`: unknown on purpose, whatever else says. */
  readonly unknown: readonly string[]
  readonly region: string | null
  /** The resource's region when the source knows it and the ARN does not say (an S3 bucket's). */
  readonly resourceRegion?: string | null
  readonly configuredRegion: string | null
  readonly now: Date
  /** `--assume-absent`: every other key not known is absent (never an always-present one). */
  readonly assumeAbsent: boolean
}

export interface CallContext {
  readonly context: RequestContext
  /** The profile's values that were used, in the profile's order. */
  readonly assumptions: readonly Assumption[]
}

const lower = (key: string) => key.toLowerCase()
const PRINCIPAL_KEY = /^aws:(principal|userid)/i

export function callContext(input: CallContextInput): CallContext {
  const unknown = new Set(input.unknown.map(lower))
  const givenKeys = new Set(input.given.map(([k]) => lower(k)))
  const saidAbsent = new Set(input.absent.map(lower))
  // What the user or the input said about a key (a value, "unknown", "not sent") replaces the profile's.
  const taken = (key: string) => unknown.has(lower(key)) || givenKeys.has(lower(key)) || saidAbsent.has(lower(key))
  const fromSource = input.fromSource.filter(([k]) => !taken(k))
  const sourceKeys = new Set(fromSource.map(([k]) => lower(k)))
  const open = (key: string) => !taken(key) && !sourceKeys.has(lower(key))

  const profile = directCallProfile(input)
  const assumptions = profile.assumptions.filter((a) => open(a.key))
  const assumed = assumptions.filter((a) => typeof a.value === 'string' || a.value.length > 0)
  const absent = new Set([...saidAbsent].filter((k) => !unknown.has(k) && !givenKeys.has(k)))
  for (const key of profile.absent) if (open(key)) absent.add(lower(key))
  for (const { key } of principalKindAbsence(input.principal.kind)) if (open(key)) absent.add(lower(key))

  const partial = new Map<string, PartialValue>()
  for (const [key, value] of profile.partial) if (open(key)) partial.set(key, value)
  if (input.assumeAbsent) {
    // An always-present key nobody knows stays present: its value is what is unknown.
    // (The principal's own keys are the engine's to fill in: it knows the role's ID.)
    for (const key of ALWAYS_PRESENT_KEYS) if (open(key) && !PRINCIPAL_KEY.test(key) && !assumed.some((a) => lower(a.key) === lower(key))) partial.set(lower(key), { prefix: '', completions: 'call' })
  }

  const given = input.given.filter(([k]) => !unknown.has(lower(k)))
  const base = makeContext(
    [...given, ...fromSource, ...assumed.map((a) => [a.key, a.value] as const)],
    { complete: input.assumeAbsent, absent },
  )
  const byAction = actionAbsence(input.action, input.catalogue)
  const absentIf = byAction ? (key: string) => !unknown.has(key) && byAction(key) : undefined
  // Set one by one rather than spread in (an audit builds a context per check).
  const context: { -readonly [K in keyof RequestContext]: RequestContext[K] } = { known: base.known, absent: base.absent, complete: base.complete }
  if (unknown.size) context.unknown = unknown
  if (partial.size) context.partial = partial
  if (absentIf) context.absentIf = absentIf
  return { context, assumptions }
}
