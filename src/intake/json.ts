/** Small readers for JSON of unknown shape (CloudTrail events, SDK errors, decoded messages). */

export type JsonObject = Record<string, unknown>

export function record(value: unknown): JsonObject | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null
}

/** Text of a non-empty string, a number or a boolean; null otherwise. */
export function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

/** A plain array, EC2's `{"items":[…]}`, a single value, or nothing (null, undefined, ""). */
export function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  const o = record(value)
  if (o && 'items' in o) return list(o.items)
  if (value === undefined || value === null || value === '') return []
  return [value]
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** JSON Lines (two or more lines, each a JSON value) → the values; undefined for any other text. */
export function parseJsonLines(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '')
  if (lines.length < 2) return undefined
  const values: unknown[] = []
  for (const line of lines) {
    const value = parseJson(line)
    if (value === undefined) return undefined
    values.push(value)
  }
  return values
}
