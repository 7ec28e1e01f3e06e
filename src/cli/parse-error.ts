import { messages, type Catalogue } from '../i18n/index.js'
import { closest } from '../policy/suggest.js'

/** A flag definition, as far as a suggestion needs it. */
interface FlagDefinition {
  readonly char?: string | undefined
  readonly aliases?: readonly string[] | undefined
  readonly allowNo?: boolean | undefined
}

/**
 * oclif's parse error as one line, with a suggestion for a misspelt flag ("--frmat" → "did you
 * mean --format?"). oclif puts the reason on the lines after the headline ("Parsing --x" /
 * "Expected …"), and ends with its own "See more help" line, which the caller replaces.
 */
export function parseErrorLine(error: Error & { flags?: unknown }, flags: Readonly<Record<string, FlagDefinition>>, m: Catalogue = messages('en')): string {
  const unknown = Array.isArray(error.flags) ? error.flags.filter((f): f is string => typeof f === 'string') : []
  if (unknown.length > 0) {
    return m['cli.nonexistentFlags'](unknown.map((flag) => ({ flag, guess: suggestFlag(flag, flags) })))
  }
  const lines = error.message.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('See more help'))
  // oclif's heading for a flag used with one it excludes ("--snapshot=x cannot also be provided when using --demo").
  const line = lines.join(' ').replace(/^The following errors? occurred:\s*/, '')
  const exclusive = /^(--\S+) cannot also be provided when using (--\S+)$/.exec(line)
  return exclusive ? m['cli.flagsExclusive'](exclusive[1]!, exclusive[2]!) : line
}

/** The known flag closest to what was typed, written as it would be typed. */
export function suggestFlag(typed: string, flags: Readonly<Record<string, FlagDefinition>>): string | null {
  const name = typed.replace(/^-+/, '').split('=')[0]!
  if (name === '') return null
  const known = Object.entries(flags).flatMap(([key, flag]) => [key, ...(flag.aliases ?? []), ...(flag.allowNo ? [`no-${key}`] : [])])
  const guess = closest(name, known)
  if (guess) return `--${guess.name}`
  // A single letter: a short flag that exists only in another spelling (-A for -a).
  const char = Object.entries(flags).find(([, flag]) => flag.char !== undefined && flag.char.toLowerCase() === name.toLowerCase())
  return char ? `-${char[1].char}` : null
}
