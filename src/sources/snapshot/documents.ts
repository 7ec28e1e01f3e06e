/**
 * Policy documents from the snapshot → parsed policies, or a gap. A document that does not
 * parse is never dropped quietly: it could hold the very Deny that decided the request.
 */
import type { CollectionGap, Policy, PolicySource, PolicyType, SourcedPolicy } from '../../model/index.js'
import { parsePolicy, PolicyInputError, type PolicyKind } from '../../policy/index.js'
import type { PolicyDocument } from './format.js'
import { unreadablePolicyGap } from '../gaps.js'

export type Parsed = { readonly ok: true; readonly policy: SourcedPolicy } | { readonly ok: false; readonly gap: CollectionGap }

/** Collects parsed policies and the gaps met on the way. */
export class Gaps {
  readonly list: CollectionGap[] = []

  constructor(
    /** `snapshot demo.json`: the gaps' source. */
    readonly source: string,
  ) {}

  /** `layer`: the policy layer the gap leaves unread (a resource policy), see CollectionGap. */
  add(error: string, effect: string, layer?: PolicyType): void {
    this.list.push(layer ? { source: this.source, error, effect, layer } : { source: this.source, error, effect })
  }

  /** Gaps met by an earlier read whose result is being reused: reported again, in their order. */
  replay(gaps: readonly CollectionGap[]): void {
    for (const gap of gaps) this.list.push(gap)
  }

  /** The parsed policy, or null after recording why it is missing. */
  take(parsed: Parsed, layer?: PolicyType): SourcedPolicy | null {
    if (parsed.ok) return parsed.policy
    this.list.push(layer ? { ...parsed.gap, layer } : parsed.gap)
    return null
  }
}

/**
 * Parsed documents, so that each document of a snapshot is parsed once however many
 * principals use it: an audit of thousands of checks asks for the same few hundred policies
 * again and again. Keyed by the document itself (strings by value), then name and kind,
 * which the messages mention. Bounded for long-lived processes.
 */
const byObject = new WeakMap<object, Map<string, Policy | PolicyInputError>>()
const byText = new Map<string, Map<string, Policy | PolicyInputError>>()
const TEXT_LIMIT = 20_000

function parseOnce(document: PolicyDocument, name: string, kind: PolicyKind): Policy {
  let forDocument: Map<string, Policy | PolicyInputError> | undefined
  if (typeof document === 'string') {
    forDocument = byText.get(document)
    if (!forDocument) {
      if (byText.size >= TEXT_LIMIT) byText.clear()
      forDocument = new Map()
      byText.set(document, forDocument)
    }
  } else {
    forDocument = byObject.get(document)
    if (!forDocument) {
      forDocument = new Map()
      byObject.set(document, forDocument)
    }
  }
  const key = `${kind}\u0000${name}`
  let parsed = forDocument.get(key)
  if (!parsed) {
    try {
      parsed = parsePolicy(document, { name, kind })
    } catch (error) {
      if (!(error instanceof PolicyInputError)) throw error
      parsed = error
    }
    forDocument.set(key, parsed)
  }
  if (parsed instanceof PolicyInputError) throw parsed
  return parsed
}

export function parseDocument(document: PolicyDocument, source: PolicySource, kind: PolicyKind, gapSource: string): Parsed {
  const what = source.origin ?? source.name ?? 'a policy'
  try {
    // Frozen: a provider hands the same SourcedPolicy to many gathers (see kept.ts).
    return { ok: true, policy: Object.freeze({ source: Object.freeze(source), policy: parseOnce(document, source.name ?? what, kind) }) }
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error
    return { ok: false, gap: unreadablePolicyGap(error, source, gapSource, 'in the snapshot') }
  }
}
