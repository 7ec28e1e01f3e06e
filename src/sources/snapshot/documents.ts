/**
 * Policy documents from the snapshot → parsed policies, or a gap. A document that does not
 * parse is never dropped quietly: it could hold the very Deny that decided the request.
 */
import type { CollectionGap, PolicySource, SourcedPolicy } from '../../model/index.js'
import { parsePolicy, PolicyInputError, type PolicyKind } from '../../policy/index.js'
import type { PolicyDocument } from './format.js'

export type Parsed = { readonly ok: true; readonly policy: SourcedPolicy } | { readonly ok: false; readonly gap: CollectionGap }

/** Collects parsed policies and the gaps met on the way. */
export class Gaps {
  readonly list: CollectionGap[] = []

  constructor(
    /** `snapshot demo.json`: the gaps' source. */
    readonly source: string,
  ) {}

  add(error: string, effect: string): void {
    this.list.push({ source: this.source, error, effect })
  }

  /** The parsed policy, or null after recording why it is missing. */
  take(parsed: Parsed): SourcedPolicy | null {
    if (parsed.ok) return parsed.policy
    this.list.push(parsed.gap)
    return null
  }
}

export function parseDocument(document: PolicyDocument, source: PolicySource, kind: PolicyKind, gapSource: string): Parsed {
  const what = source.origin ?? source.name ?? 'a policy'
  try {
    return { ok: true, policy: { source, policy: parsePolicy(document, { name: source.name ?? what, kind }) } }
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error
    return {
      ok: false,
      gap: {
        source: gapSource,
        error: `${error.name}: ${error.message.split('\n')[0]}`,
        effect: `The ${what} was left out: its document in the snapshot could not be read as a policy, so a Deny in it cannot be checked.`,
      },
    }
  }
}
