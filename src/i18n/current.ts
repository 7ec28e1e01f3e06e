/**
 * The language a synchronous renderer is speaking, as gettext keeps a current locale: the
 * report's phrase tables read it, so the renderers do not pass a language through every
 * helper. `inLanguage` sets it for one synchronous render and always restores it, so nothing
 * leaks between two reports (renderers never await).
 */
import { en, type Catalogue } from './en.js'
import { ja } from './ja.js'
import type { Lang } from './lang.js'

let current: Lang = 'en'

export function currentLang(): Lang {
  return current
}

/** The catalogue of the language being spoken. */
export function say(): Catalogue {
  return current === 'ja' ? ja : en
}

/** Runs a synchronous render in `lang`. */
export function inLanguage<T>(lang: Lang | undefined, render: () => T): T {
  const before = current
  current = lang ?? 'en'
  try {
    return render()
  } finally {
    current = before
  }
}
