/** A case file that cannot be evaluated: names the case and the field, in one paragraph. */
export class CaseError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message)
    this.name = 'CaseError'
  }
}
