/**
 * `--lang` on the command line of oclif's own `help` command. plugin-help's command knows no
 * --lang flag and refuses it ("Nonexistent flag: --lang"), yet the help reads the language
 * from the raw arguments (cli/help.ts), so bin/run.js takes it out of what oclif parses.
 */

/** `--lang ja` / `--lang=ja` taken out, so that oclif does not read `ja` as the command to explain. */
export function withoutLang(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i++
    else if (!argv[i]!.startsWith('--lang=')) out.push(argv[i]!)
  }
  return out
}

/** The arguments oclif parses: without --lang for `help` (the help still reads it from process.argv). */
export function argvForOclif(argv: readonly string[]): string[] {
  return argv[0] === 'help' ? withoutLang(argv) : [...argv]
}
