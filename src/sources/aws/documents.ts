/**
 * Policy documents as AWS hands them over → parsed policies with their source, or a gap.
 * A document that does not parse is never dropped quietly: a half-read Deny could be the
 * very statement that denied the request.
 */
import type { CollectionGap, PolicySource, SourcedPolicy } from '../../model/index.js'
import { parsePolicy, PolicyInputError, type PolicyKind } from '../../policy/index.js'
import { unreadablePolicyGap } from '../gaps.js'

export type ParsedDocument =
  | { readonly ok: true; readonly policy: SourcedPolicy }
  | { readonly ok: false; readonly gap: CollectionGap }

/**
 * Parses one document as AWS returned it; `gapSource` is the service it came from ("iam",
 * "organizations", …). IAM's URL-encoded documents are decoded by parsePolicy, so a parse
 * error can say "after URL-decoding".
 */
export function parseDocument(text: string, source: PolicySource, kind: PolicyKind, gapSource: string): ParsedDocument {
  const what = source.origin ?? source.name ?? 'a policy'
  try {
    const policy = parsePolicy(text, { name: source.name ?? what, kind })
    return { ok: true, policy: { source, policy } }
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error
    return { ok: false, gap: unreadablePolicyGap(error, source, gapSource, 'as AWS returned it') }
  }
}

/** What one adapter found: the policies and the gaps, in a stable order. */
export interface Collected<T> {
  readonly value: T
  readonly gaps: readonly CollectionGap[]
}

/** Splits parsed documents into policies and gaps. */
export function collectParsed(parsed: readonly ParsedDocument[]): Collected<SourcedPolicy[]> {
  const value: SourcedPolicy[] = []
  const gaps: CollectionGap[] = []
  for (const item of parsed) {
    if (item.ok) value.push(item.policy)
    else gaps.push(item.gap)
  }
  return { value, gaps }
}
