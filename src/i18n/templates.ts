/**
 * Sentences that sources, intake and file readers write in English, rendered in another
 * language by template pairs instead of hand-written patterns: each row is the English
 * template exactly as the code writes it and its translation, with `{name}` for a value that
 * is copied as it is and `{name|table}` for one that is itself a sentence of another table
 * (a clause inside a longer sentence). A sentence no row knows is returned unchanged, so a
 * new English sentence is never garbled, only left untranslated. JSON never comes here.
 */

/** [English template, translation]. */
export type TemplateRow = readonly [string, string]

export type Translator = (text: string) => string

interface Compiled {
  readonly pattern: RegExp
  readonly names: readonly { readonly name: string; readonly table: string | null }[]
  readonly target: string
}

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compile(row: TemplateRow): Compiled {
  const [english, target] = row
  const names: { name: string; table: string | null }[] = []
  let source = ''
  let last = 0
  for (const match of english.matchAll(PLACEHOLDER)) {
    source += escape(english.slice(last, match.index))
    source += '(.+?)'
    names.push({ name: match[1]!, table: match[2] ?? null })
    last = match.index + match[0].length
  }
  source += escape(english.slice(last))
  return { pattern: new RegExp(`^${source}$`, 's'), names, target }
}

/**
 * Builds one translator per table. Tables may refer to each other by name (`{x|clause}`), so
 * they are compiled together; a value whose table does not know it is kept as it is.
 * `outside` names translators written elsewhere (a policy's origin) that rows may use too.
 */
export function translators<T extends string>(
  tables: Readonly<Record<T, readonly TemplateRow[]>>,
  outside: Readonly<Record<string, Translator>> = {},
): Record<T, Translator> {
  const compiled = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, (rows as readonly TemplateRow[]).map(compile)])) as Record<T, Compiled[]>
  const strict = {} as Record<string, (text: string) => string | null>
  const out = { ...outside } as Record<T, Translator>
  for (const name of Object.keys(tables) as T[]) {
    strict[name] = (text: string) => translateWith(compiled[name], text, strict, outside)
    out[name] = (text: string) => strict[name]!(text) ?? text
  }
  return out
}

/**
 * The first row whose English template matches, filled in; null when none does. A value
 * meant for another table must be known there too, so a sentence is never half translated.
 */
function translateWith(
  rows: readonly Compiled[],
  text: string,
  tables: Readonly<Record<string, (text: string) => string | null>>,
  outside: Readonly<Record<string, Translator>>,
): string | null {
  rows: for (const row of rows) {
    const match = row.pattern.exec(text)
    if (!match) continue
    const values = new Map<string, string>()
    for (const [i, { name, table }] of row.names.entries()) {
      const value = match[i + 1] ?? ''
      if (table === null) values.set(name, value)
      else if (outside[table]) values.set(name, outside[table](value))
      else {
        const translated = tables[table]?.(value) ?? null
        if (translated === null) continue rows
        values.set(name, translated)
      }
    }
    return row.target.replace(PLACEHOLDER, (_m, name: string) => values.get(name) ?? '')
  }
  return null
}
