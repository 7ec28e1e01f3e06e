/**
 * Policy text → Policy. Accepts what people and AWS hand us: an object, JSON text, or
 * URL-encoded JSON text (IAM's GetPolicyVersion / GetRolePolicy return documents that way).
 * Bad input becomes a PolicyInputError naming the policy, the line and the column.
 */
import type { Policy } from '../model/policy.js'
import { policyError } from './errors.js'
import { parseJsonWithPositions, pointerOf, type JsonPositions, type ParsedJson } from './json-positions.js'
import { withLazyWarnings } from './lazy-warnings.js'
import { normalise } from './normalise.js'
import { typeName, type PolicyKind, type Site } from './site.js'
import { JsonSyntaxProblem } from './syntax-errors.js'
import { excerptAt, positionOf } from './text-position.js'
import { decodeIfUrlEncoded } from './url-encoded.js'
import { validateDocument } from './validate.js'

export type { PolicyKind } from './site.js'
export { PolicyInputError } from './errors.js'
export { SINGLE_VALUED_KEYS, isSingleValuedKey } from './single-valued-keys.js'

/** input: an already-parsed JSON object, a JSON string, or a URL-encoded JSON string (IAM's GetPolicyVersion/GetRolePolicy return those). Throws PolicyInputError. */
export function parsePolicy(input: unknown, options: { name: string; kind: PolicyKind }): Policy {
  const { name, kind } = options
  let document: unknown = input
  let locate: Site['locate'] = () => null
  if (typeof input === 'string') {
    const { text, decoded } = decodeIfUrlEncoded(input, name)
    const parsed = parseText(text, name, decoded)
    document = parsed.value
    locate = locator(text, parsed.positions)
  } else if (typeof input !== 'object' || input === null) {
    throw policyError(name, 'is not valid', null, null, `expected JSON text or an object, found ${typeName(input)}`)
  }
  const shape = validateDocument(document, { name, kind, locate })
  const policy = normalise(shape)
  // Lint only when someone reads the warnings (a verdict's words), never on the way to a decision.
  return withLazyWarnings(policy, name, shape.bare)
}

function parseText(text: string, name: string, decoded: boolean): ParsedJson {
  if (text.trim() === '') {
    throw policyError(name, 'is empty', null, null, 'expected a JSON policy such as {"Version": "2012-10-17", "Statement": [ … ]}')
  }
  try {
    return parseJsonWithPositions(text)
  } catch (error) {
    if (!(error instanceof JsonSyntaxProblem)) throw error
    const { line, column } = positionOf(text, error.offset)
    const what = error.notJsonError ? 'is not valid' : decoded ? 'is not valid JSON after URL-decoding' : 'is not valid JSON'
    throw policyError(name, what, { line, column, excerpt: excerptAt(text, error.offset, error.fromLine) }, null, error.reason)
  }
}

function locator(text: string, positions: JsonPositions): Site['locate'] {
  return (path, part) => {
    const pointer = pointerOf(path)
    const offset = (part === 'key' ? positions.keys.get(pointer) : undefined) ?? positions.values.get(pointer)
    if (offset === undefined) return null
    const { line, column } = positionOf(text, offset)
    return { line, column, excerpt: excerptAt(text, offset) }
  }
}
