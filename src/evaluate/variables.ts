/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'company-wide'}`, `${*}`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 *
 * Used for the values of String and ARN condition operators and for the resource part of
 * Resource / NotResource ARNs. Expansion happens only under `"Version": "2012-10-17"`; in any
 * other version (or none) `${…}` is plain text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
 */
import { canonicalKey, lookupValues } from '../model/index.js'
import type { ConditionEnv } from './condition/index.js'
import { globMatch, partsMatch, type PatternPart } from './match/glob.js'

export type Expansion =
  | { readonly kind: 'parts'; readonly parts: readonly PatternPart[] }
  | { readonly kind: 'missing'; readonly keys: readonly string[] }
  | { readonly kind: 'unknown'; readonly keys: readonly string[] }

/** A template piece: text as written, a variable, or one of the escapes `${*}` `${?}` `${$}`. */
type Piece =
  | { readonly text: string }
  | { readonly key: string; readonly lower: string; readonly fallback: string | null }
  | { readonly special: string }

const SPECIALS = new Set(['*', '?', '$'])
const VARIABLE_BODY = /^\s*([^\s,'{}$][^,'{}$]*?)\s*(?:,\s*'([^']*)'\s*)?$/

const templates = new Map<string, readonly Piece[]>()
const TEMPLATE_LIMIT = 20_000

/** Splits text into pieces once; a malformed `${…}` stays as plain text. */
function parseTemplate(text: string): readonly Piece[] {
  const cached = templates.get(text)
  if (cached) return cached
  const pieces: Piece[] = []
  let plain = ''
  let i = 0
  while (i < text.length) {
    const start = text.indexOf('${', i)
    if (start < 0) break
    const end = closingBrace(text, start + 2)
    if (end < 0) break
    const body = text.slice(start + 2, end)
    const piece = bodyPiece(body)
    if (piece) {
      plain += text.slice(i, start)
      if (plain) pieces.push({ text: plain })
      plain = ''
      pieces.push(piece)
    } else {
      plain += text.slice(i, end + 1)
    }
    i = end + 1
  }
  plain += text.slice(i)
  if (plain) pieces.push({ text: plain })
  if (templates.size >= TEMPLATE_LIMIT) templates.clear()
  templates.set(text, pieces)
  return pieces
}

/** Index of the `}` closing a variable, skipping a quoted default value. */
function closingBrace(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const ch = text[j]
    if (ch === '}') return j
    if (ch === "'") {
      const quote = text.indexOf("'", j + 1)
      if (quote < 0) return -1
      j = quote
    }
  }
  return -1
}

function bodyPiece(body: string): Piece | null {
  if (SPECIALS.has(body)) return { special: body }
  const m = VARIABLE_BODY.exec(body)
  if (!m) return null
  return { key: m[1]!, lower: canonicalKey(m[1]!.toLowerCase()), fallback: m[2] ?? null }
}

/** True when the text holds at least one well-formed `${…}` (whatever the policy version). */
export function hasVariables(text: string): boolean {
  if (!text.includes('${')) return false
  return parseTemplate(text).some((p) => !('text' in p))
}

/**
 * Expands the variables in `text`. Substituted values (and defaults) are literal parts: a `*`
 * inside a tag value is not a wildcard, which is why `${*}` exists.
 *
 * A variable whose key is absent, has no value, or has several values (multivalued keys
 * cannot be variables: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html)
 * takes its default if it has one, and otherwise makes the whole text `missing`. A missing
 * variable outranks an unknown one: the text matches nothing whatever the unknown key holds.
 */
export function expandVariables(text: string, env: ConditionEnv): Expansion {
  if (env.version !== '2012-10-17' || !text.includes('${')) {
    return { kind: 'parts', parts: [{ text, literal: false }] }
  }
  const parts: PatternPart[] = []
  let missing: string[] | null = null
  let unknown: string[] | null = null
  for (const piece of parseTemplate(text)) {
    if ('text' in piece) {
      parts.push({ text: piece.text, literal: false })
    } else if ('special' in piece) {
      parts.push({ text: piece.special, literal: true })
    } else {
      const values = lookupValues(env.context, piece.lower)
      if (values === undefined) {
        ;(unknown ??= []).push(piece.key)
      } else if (values !== null && values.length === 1) {
        parts.push({ text: values[0]!, literal: true })
      } else if (piece.fallback !== null) {
        parts.push({ text: piece.fallback, literal: true })
      } else {
        ;(missing ??= []).push(piece.key)
      }
    }
  }
  if (missing) return { kind: 'missing', keys: missing }
  if (unknown) return { kind: 'unknown', keys: unknown }
  return { kind: 'parts', parts }
}

/** The text of expanded parts, wildcards and literals alike (for exact comparisons and reports). */
export function partsText(parts: readonly PatternPart[]): string {
  if (parts.length === 1) return parts[0]!.text
  let out = ''
  for (const p of parts) out += p.text
  return out
}

/**
 * Wildcard match of expanded parts. A literal part only needs protecting when it holds `*` or
 * `?`; otherwise the joined text is an ordinary pattern, which globMatch compiles once and
 * caches (partsMatch rebuilds its source on every call).
 */
export function likeParts(parts: readonly PatternPart[], value: string, ignoreCase = false): boolean {
  for (const p of parts) {
    if (p.literal && (p.text.includes('*') || p.text.includes('?'))) return partsMatch(parts, value, ignoreCase)
  }
  return globMatch(partsText(parts), value, ignoreCase)
}
