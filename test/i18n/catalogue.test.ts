/**
 * One catalogue per language with the same messages: a message in one language and not the
 * other fails here (and, for ja.ts, at compile time too); functions take the same arguments.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en.js'
import { ja } from '../../src/i18n/ja.js'
import { messages, LANGS } from '../../src/i18n/index.js'

describe('message catalogues', () => {
  it('have the same keys in every language', () => {
    const keys = (catalogue: object) => Object.keys(catalogue).sort()
    const missingInJa = keys(en).filter((k) => !(k in ja))
    const missingInEn = keys(ja).filter((k) => !(k in en))
    expect({ missingInJa, missingInEn }).toEqual({ missingInJa: [], missingInEn: [] })
    for (const lang of LANGS) expect(keys(messages(lang))).toEqual(keys(en))
  })

  it('give each message the same kind (text, function or table), the same number of arguments, the same table keys', () => {
    const shape = (catalogue: Readonly<Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(catalogue).map(([k, v]) => [k, typeof v === 'function' ? `function/${v.length}` : typeof v === 'object' ? Object.keys(v as object).sort() : typeof v]))
    expect(shape(ja)).toEqual(shape(en))
  })

  it('has no empty message in either language', () => {
    for (const catalogue of [en, ja]) {
      for (const [key, value] of Object.entries(catalogue)) {
        const texts = typeof value === 'string' ? [value] : typeof value === 'object' ? Object.values(value as Record<string, string>) : []
        for (const text of texts) expect(text.trim(), key).not.toBe('')
      }
    }
  })

  it('src/i18n imports nothing of denydoctor but itself and the model, and no I/O', () => {
    const dir = join(import.meta.dirname, '..', '..', 'src', 'i18n')
    const imports = readdirSync(dir).flatMap((name) =>
      [...readFileSync(join(dir, name), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => `${name} → ${m[1]}`),
    )
    expect(imports.filter((i) => /→ (?:\.\.\/(?!model\/)|node:|@aws-sdk|@oclif)/.test(i))).toEqual([])
  })
})
