/**
 * `--lang` where oclif would not take it:
 * - on the command line of oclif's own `help` command: plugin-help's command knows no --lang
 *   flag and refuses it ("Nonexistent flag: --lang"), yet the help reads the language from the
 *   raw arguments (cli/help.ts), so it is taken out of what oclif parses;
 * - before the command (`denydoctor --lang ja evaluate case.json`, as the AWS CLI takes its
 *   global options anywhere): oclif reads the first word as the command and answered "`--lang`
 *   is not a denydoctor command". The flag is moved after the command, where every denydoctor
 *   command takes it; with no command after it (`denydoctor --lang ja`, `--lang ja --help`),
 *   the root help or version comes, in that language.
 */

/** Whether argv[i] is a --lang flag, and how many words it takes (`--lang ja`: 2, `--lang=ja`: 1). */
function langWords(argv: readonly string[], i: number): number {
  if (argv[i] === '--lang') return i + 1 < argv.length ? 2 : 1
  return argv[i]!.startsWith('--lang=') ? 1 : 0
}

/** `--lang ja` / `--lang=ja` taken out, so that oclif does not read `ja` as the command to explain. */
export function withoutLang(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i++
    else if (!argv[i]!.startsWith('--lang=')) out.push(argv[i]!)
  }
  return out
}

/** The arguments oclif parses: --lang after the command it stood before, and none for `help`. */
export function argvForOclif(argv: readonly string[]): string[] {
  // The --lang flags that come first, and the word after them.
  let start = 0
  while (start < argv.length) {
    const words = langWords(argv, start)
    if (words === 0) break
    start += words
  }
  const command = argv[start]
  if (command === 'help' || (start > 0 && (command === undefined || command.startsWith('-')))) return withoutLang(argv)
  if (start === 0) return [...argv]
  return [command!, ...argv.slice(start + 1), ...argv.slice(0, start)]
}
