import { parseJsonWithPositions } from './json-positions.js'
import { JsonSyntaxProblem } from './syntax-errors.js'
import { excerptAt, positionOf } from './text-position.js'

/** JSON that is not a policy (a case file, a snapshot) could not be read: names the place. */
export class JsonInputError extends Error {
  override readonly name = 'JsonInputError'

  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message)
  }
}

/**
 * Parses JSON text with the same plain-words messages as policies (missing commas, curly
 * quotes, duplicate keys), for any file a user hands over. `label` names it: "case.json".
 */
export function readJsonText(text: string, label: string): unknown {
  try {
    return parseJsonWithPositions(text).value
  } catch (error) {
    if (!(error instanceof JsonSyntaxProblem)) throw error
    const { line, column } = positionOf(text, error.offset)
    const sentence = /[.?!]$/.test(error.reason) ? error.reason : `${error.reason}.`
    const what = error.notJsonError ? 'is not valid' : 'is not valid JSON'
    throw new JsonInputError(`${label} ${what} at line ${line}, column ${column}: ${sentence}\n${excerptAt(text, error.offset, error.fromLine)}`, line, column)
  }
}
