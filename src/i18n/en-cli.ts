/**
 * The command line's own texts that are not sentences of the catalogue's other parts: --help
 * (the commands' static descriptions, which oclif.manifest.json keeps in English, looked up by
 * their English text) and the problems found in the files people give (policies, case files,
 * audit files, snapshots), which the readers write in English for the JSON and the logs.
 */
const asWritten = (text: string): string => text

export const enCli = {
  /** A --help text (description, flag, argument, exit status) in the language spoken. */
  'help.text': asWritten,
  /** A --help section heading (USAGE, FLAGS…). */
  'help.header': asWritten,
  /** A problem with a file people gave (its message as the reader wrote it). */
  'cli.inputProblem': asWritten,
}
