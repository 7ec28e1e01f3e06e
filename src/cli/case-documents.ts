import { readJsonText } from '../policy/read-json-text.js'

/** One entry of a case file: a case to evaluate, or the reason it could not be read. */
export type CaseEntry = { readonly value: unknown; readonly label: string } | { readonly error: string; readonly label: string }

/**
 * Splits case-file text into cases: one JSON object, a JSON array of them, or JSON Lines
 * (cli-contract.md, "Case file"). A JSON Lines line that is not valid JSON becomes an error
 * entry, so that it does not stop the others.
 */
export function caseEntries(text: string, name: string): CaseEntry[] {
  const trimmed = text.trim()
  if (trimmed === '') return [{ error: `${name} is empty: expected a case (a JSON object with "request" and "policies").`, label: name }]
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '')
  const looksLikeJsonLines = lines.length > 1 && lines.every((line) => line.trim().startsWith('{') && line.trim().endsWith('}'))
  if (looksLikeJsonLines) {
    return lines.map((line, i) => {
      const label = `${name} line ${i + 1}`
      try {
        return { value: readJsonText(line, label), label }
      } catch (error) {
        return { error: (error as Error).message, label }
      }
    })
  }
  const value = readJsonText(text, name)
  if (Array.isArray(value)) return value.map((item, i) => ({ value: item, label: `${name} case ${i + 1}` }))
  return [{ value, label: name }]
}
