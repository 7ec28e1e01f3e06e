/** Why a source could not produce anything at all (as opposed to a gap in what it produced). */
export const SOURCE_ERROR_CODES = ['not-found', 'credentials', 'access-denied', 'failed'] as const
export type SourceErrorCode = (typeof SOURCE_ERROR_CODES)[number]

/**
 * A failure of a policy source that stops the diagnosis: the principal does not exist, the
 * credentials are missing or expired, the principal cannot be read at all. The message is one
 * sentence naming the entity and what to do; commands print it without a stack trace.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError'

  constructor(
    readonly code: SourceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError
}
