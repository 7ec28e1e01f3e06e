/**
 * The contract's JSON output (cli-contract.md, "JSON output"; verdict.schema.json). Keys come
 * in a stable order — the contract's fields first, then the extras — so that diffs of saved
 * verdicts and snapshot tests show real changes only.
 */
import { Stateful } from '../evaluate/lazy.js'
import { remediesFor } from './remedies.js'
import type { CollectionGap, ConditionTrace, MissingAllow, StatementFinding, Verdict } from '../model/index.js'

const VERDICT_KEYS = ['decision', 'request', 'denies', 'missingAllows', 'allows', 'incomplete', 'assumptions', 'suggestions', 'remedies', 'warnings'] as const

const FINDING_KEYS = [
  // The contract's fields…
  'policyType',
  'policyName',
  'policyArn',
  'attachedTo',
  'statementIndex',
  'sid',
  'certain',
  'unknownKeys',
  'explanation',
  // …then what the reports use.
  'effect',
  'origin',
  'matchedAction',
  'matchedResource',
  'matchedPrincipal',
  'conditions',
  'resourceTypes',
  'resource',
  'statement',
] as const

const TRACE_KEYS = ['operator', 'key', 'policyValues', 'requestValues', 'result', 'why'] as const
const MISSING_KEYS = ['policyType', 'level', 'explanation'] as const
const GAP_KEYS = ['source', 'error', 'effect'] as const
const REQUEST_KEYS = ['principal', 'action', 'resources', 'context'] as const

/** A plain copy of `value` with `order` keys first and any other key after, as found. */
function ordered(value: object, order: readonly string[], convert: (key: string, v: unknown) => unknown = (_k, v) => plain(v)): Record<string, unknown> {
  const source = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of order) if (key in source && source[key] !== undefined) out[key] = convert(key, source[key])
  for (const key of Object.keys(source)) if (!(key in out) && source[key] !== undefined) out[key] = convert(key, source[key])
  return out
}

/** Deep copy into plain JSON values (readonly arrays and maps are not JSON). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain)
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]))
  if (value instanceof Set) return [...value].map(plain)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plain(v)
    return out
  }
  return value
}

function traceToJson(trace: ConditionTrace): Record<string, unknown> {
  return ordered(trace, TRACE_KEYS)
}

export function findingToJson(finding: StatementFinding): Record<string, unknown> {
  return ordered(finding, FINDING_KEYS, (key, v) =>
    key === 'conditions' && Array.isArray(v) ? v.map((t: ConditionTrace) => traceToJson(t)) : plain(v),
  )
}

const missingToJson = (m: MissingAllow): Record<string, unknown> => ordered(m, MISSING_KEYS)
const gapToJson = (g: CollectionGap): Record<string, unknown> => ordered(g, GAP_KEYS)

/**
 * The contract object for one verdict; extra fields are kept, after the fixed ones. `remedies`
 * (remedies.ts) is added when something denies or lacks an Allow and there is a fix to give.
 */
export function verdictToJson(verdict: Verdict): Record<string, unknown> {
  const remedies = 'remedies' in verdict ? [] : remediesFor(verdict)
  const withRemedies = remedies.length > 0 ? { ...verdict, remedies } : verdict
  return ordered(withRemedies, VERDICT_KEYS, (key, v) => {
    switch (key) {
      case 'request':
        return ordered(v as object, REQUEST_KEYS)
      case 'denies':
      case 'allows':
        return (v as readonly StatementFinding[]).map(findingToJson)
      case 'missingAllows':
        return (v as readonly MissingAllow[]).map(missingToJson)
      case 'incomplete':
        return (v as readonly CollectionGap[]).map(gapToJson)
      default:
        return plain(v)
    }
  })
}

/** The own keys, in order, of a verdict as the engine makes it (evaluate/verdict.ts, makeVerdict), none undefined. */
const MADE_KEYS = ['decision', 'request', 'denies', 'missingAllows', 'allows', 'incomplete', 'assumptions', 'suggestions', 'warnings'] as const

/** Exported for its test: whether verdictJsonPieces can point at the verdict's parts. */
export function isMadeVerdict(verdict: Verdict): boolean {
  if (!(verdict instanceof Stateful)) return false
  let i = 0
  for (const key in verdict) if (key !== MADE_KEYS[i++]) return false
  return i === MADE_KEYS.length
}

/**
 * `JSON.stringify(verdictToJson(verdict))` in two pieces, to be joined as they are (the JSON
 * Lines writer of `evaluate --json` encodes each on its own), written faster for a verdict the
 * engine made: its parts are already plain JSON values with their keys in the contract's order
 * (findings from explain.ts toFinding, condition traces, the request as read, the statement as
 * parsed), so the contract object points at them instead of copying them (a batch of 100,000
 * verdicts spent more time copying, in ordered and plain, than writing). Writing each
 * statement's kept text into its finding was tried: the copies of the findings it needs cost
 * more than it saved. test/report/json-text.test.ts checks the pieces give the same text on
 * every fixture and on the benchmark's generated organisation.
 *
 * The pieces: the text up to the warnings, and the warnings with the closing brace. The
 * warnings hold most of a verdict's non-ASCII text (lint sentences with a dash) and are the
 * verdicts' shared kept text; the first piece is then mostly plain ASCII, which V8 keeps one
 * byte per character and turns into UTF-8 at the speed of a copy, where a single text with one
 * dash in it is stored two bytes per character and encoded character by character, about
 * twice as slowly. A verdict the engine did not make: all in the first piece.
 */
export function verdictJsonPieces(verdict: Verdict): readonly [string, string] {
  if (!isMadeVerdict(verdict)) return [JSON.stringify(verdictToJson(verdict)), '']
  const remedies = remediesFor(verdict)
  const { decision, request, denies, missingAllows, allows, incomplete, assumptions, suggestions, warnings } = verdict
  const head = JSON.stringify(
    remedies.length > 0
      ? { decision, request, denies, missingAllows, allows, incomplete, assumptions, suggestions, remedies }
      : { decision, request, denies, missingAllows, allows, incomplete, assumptions, suggestions },
  )
  return [head.slice(0, -1), Object.isFrozen(warnings) ? keptText(warnings) : `,"warnings":${JSON.stringify(warnings)}}`]
}

/** The `warnings` piece of the frozen warning lists verdicts share (verdictWarnings in evaluate/verdict.ts), by list. */
const texts = new WeakMap<readonly string[], string>()

function keptText(list: readonly string[]): string {
  let text = texts.get(list)
  if (text === undefined) texts.set(list, (text = `,"warnings":${JSON.stringify(list)}}`))
  return text
}

/** The verdict object, with the `explain` command's `intake` after the verdict's own fields. */
export function verdictJsonWithIntake(
  verdict: Verdict,
  intake: Readonly<Record<string, unknown>> | null | undefined,
  origin?: string | null,
): Record<string, unknown> {
  const json = verdictToJson(verdict)
  // Where the policies came from ("snapshot demo.json taken …", "live account …"): an extra field.
  const withOrigin = origin ? { ...json, origin } : json
  return intake ? { ...withOrigin, intake: plain(intake) } : withOrigin
}
