/** A problem with what the user gave us: printed as one paragraph, no stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitStatus: 1 | 2 = 1,
  ) {
    super(message)
    this.name = 'UserError'
  }
}
