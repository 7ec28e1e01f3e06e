/**
 * Messages for people, one catalogue per language. report/, audit/ and cli/ take the
 * catalogue of the language asked for; nothing below them (model, policy, evaluate, intake,
 * sources) speaks to people directly, and JSON never goes through a catalogue.
 */
import { en, type Catalogue } from './en.js'
import { ja } from './ja.js'
import type { Lang } from './lang.js'

export type { Catalogue, MessageKey } from './en.js'
export { isLang, langFromArgv, langFromEnv, langOfLocale, LANGS, type Lang } from './lang.js'
export { currentLang, inLanguage, say } from './current.js'
export { cutColumns, displayWidth, padEndColumns, wrapColumns } from './width.js'

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, ja }

export function messages(lang: Lang = 'en'): Catalogue {
  return CATALOGUES[lang]
}
