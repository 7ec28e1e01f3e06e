/**
 * Which AWS call failed, and on what: "organizations:ListTargetsForPolicy on p-abcd1234". The
 * client pool marks each error it lets through, so that a gap can name the call instead of a
 * bare "UnknownOperationException: UnknownError" that says neither what nor where.
 */

const CALL = Symbol('denydoctor.failedCall')

/** The request parameters that name what a read-only call is about, most telling first. */
const TARGET_KEYS = ['PolicyId', 'TargetId', 'ParentId', 'ChildId', 'AccountId', 'Bucket', 'PolicyArn', 'RoleArn', 'RoleName', 'UserName', 'GroupName', 'VpcEndpointIds'] as const

export function targetOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null
  for (const key of TARGET_KEYS) {
    const value = (input as Record<string, unknown>)[key]
    if (typeof value === 'string' && value) return value
    if (Array.isArray(value) && value.length > 0) return value.join(', ')
  }
  return null
}

/** Marks `error` with the call it came from (not enumerable: the error prints as before). */
export function markFailedCall(error: unknown, service: string, operation: string, input: unknown): void {
  if (typeof error !== 'object' || error === null || CALL in error || !Object.isExtensible(error)) return
  const target = targetOf(input)
  Object.defineProperty(error, CALL, { value: `${service}:${operation}${target ? ` on ${target}` : ''}`, enumerable: false })
}

/** The call an error came from, when the client pool marked it. */
export function failedCallOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null
  const call = (error as { [CALL]?: unknown })[CALL]
  return typeof call === 'string' ? call : null
}
