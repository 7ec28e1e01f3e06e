/** Bad policy input: one paragraph naming the policy, line and column, with the offending text. */
export class PolicyInputError extends Error {
  override readonly name = 'PolicyInputError'

  constructor(
    readonly policyName: string,
    /** The paragraph alone; `message` is this paragraph followed by the excerpt. */
    paragraph: string,
    readonly line: number | null,
    readonly column: number | null,
    readonly excerpt: string | null,
  ) {
    super(excerpt ? `${paragraph}\n${excerpt}` : paragraph)
  }
}

/** Where a problem is, when the policy came as text. */
export interface Place {
  readonly line: number
  readonly column: number
  readonly excerpt: string
}

/**
 * Builds the error. `what` is the headline ("is not valid JSON", "is not valid"),
 * `statement` names the statement ("statement 2", `statement "DenyNoMFA"`) or is null.
 */
export function policyError(
  name: string,
  what: string,
  place: Place | null,
  statement: string | null,
  reason: string,
): PolicyInputError {
  const at = place ? ` at line ${place.line}, column ${place.column}` : ''
  const which = statement ? ` (${statement})` : ''
  const sentence = /[.?!]$/.test(reason) ? reason : `${reason}.`
  return new PolicyInputError(
    name,
    `Policy "${name}" ${what}${at}${which}: ${sentence}`,
    place?.line ?? null,
    place?.column ?? null,
    place?.excerpt ?? null,
  )
}
