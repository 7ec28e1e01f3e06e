/**
 * A snapshot that cannot be used: missing, unreadable, of another format or version, malformed,
 * or lacking the principal asked about. One paragraph naming the file and the problem; the CLI
 * prints it without a stack trace (SnapshotError is in its list of user-facing errors).
 */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError'

  constructor(
    /** The snapshot file as the user named it. */
    readonly file: string,
    message: string,
    /** JSON path of the offending value (`accounts[0].iam.roles[2].roleId`), when there is one. */
    readonly jsonPath: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export function isSnapshotError(error: unknown): error is SnapshotError {
  return error instanceof SnapshotError
}
