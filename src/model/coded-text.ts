/**
 * A sentence the engine writes in English that a report may say in another language. The
 * English is written from a code's template and its arguments, and the same template reads the
 * arguments back from the English: a warning or an explanation is a plain string in the
 * verdict's JSON (the contract), crosses worker threads and saved audit results as that
 * string, and still says which sentence it is and with what. One table per family holds both
 * directions, so the English and its reading cannot drift apart (a test writes and reads each).
 */
export interface TextTemplate {
  /** The English sentence from the arguments (the JSON's text). */
  readonly en: (...args: string[]) => string
  /** Reads the arguments back from the English; anchored, one group per argument in order. */
  readonly read: RegExp
}

/** The code of `text` in `templates` and its arguments, or null when no template wrote it. */
export function readCoded<C extends string>(templates: Readonly<Record<C, TextTemplate>>, text: string): { readonly code: C; readonly args: string[] } | null {
  for (const code of Object.keys(templates) as C[]) {
    const match = templates[code].read.exec(text)
    if (match) return { code, args: match.slice(1).map((g) => g ?? '') }
  }
  return null
}
