import { describe, expect, it } from 'vitest'
import { langFromArgv, langFromEnv, langOfLocale } from '../../src/i18n/index.js'

describe('the language from the environment', () => {
  it('LANG=ja_JP.UTF-8 picks Japanese', () => {
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja')
  })
  it('takes LC_ALL, then LC_MESSAGES, then LANG: the first one set decides', () => {
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en')
    expect(langFromEnv({ LC_MESSAGES: 'ja_JP.eucJP', LANG: 'en_US.UTF-8' })).toBe('ja')
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' })).toBe('ja')
    expect(langFromEnv({ LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8' })).toBe('ja')
    expect(langFromEnv({})).toBe('en')
  })
  it('reads locale names as POSIX and BCP 47 write them', () => {
    for (const locale of ['ja', 'ja_JP', 'ja_JP.UTF-8', 'ja-JP', 'ja_JP@calendar=japanese', 'JA_JP.utf8']) expect(langOfLocale(locale), locale).toBe('ja')
    for (const locale of ['C', 'POSIX', 'C.UTF-8', 'en_US.UTF-8', 'de_DE', 'jam', 'kw_GB']) expect(langOfLocale(locale), locale).toBe('en')
  })
  it('--lang on the command line wins over the environment', () => {
    expect(langFromArgv(['explain', '--lang', 'en'], { LANG: 'ja_JP.UTF-8' })).toBe('en')
    expect(langFromArgv(['explain', '--lang=ja'], { LANG: 'C' })).toBe('ja')
    expect(langFromArgv(['explain', '--lang', 'fr'], { LANG: 'ja_JP.UTF-8' })).toBe('ja')
  })
})
