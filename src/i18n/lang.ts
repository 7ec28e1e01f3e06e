/**
 * The language of what denydoctor says to people: `--lang`, else the locale the environment
 * names (POSIX order: LC_ALL, then LC_MESSAGES, then LANG; the first one set decides, so
 * LC_ALL=C wins over LANG=ja_JP.UTF-8). JSON output never depends on it.
 * https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap08.html
 */
export const LANGS = ['en', 'ja'] as const
export type Lang = (typeof LANGS)[number]

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

/** `ja_JP.UTF-8`, `ja`, `ja-JP` → ja; anything else (C, POSIX, en_US.UTF-8, de_DE) → en. */
export function langOfLocale(locale: string): Lang {
  return /^ja(?:[_.@-]|$)/i.test(locale.trim()) ? 'ja' : 'en'
}

export function langFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]
    if (value !== undefined && value !== '') return langOfLocale(value)
  }
  return 'en'
}

/** `--lang` from a raw command line (for errors raised before the flags are parsed), else the environment. */
export function langFromArgv(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = arg.startsWith('--lang=') ? arg.slice('--lang='.length) : arg === '--lang' ? argv[i + 1] : undefined
    if (isLang(value)) return value
  }
  return langFromEnv(env)
}
