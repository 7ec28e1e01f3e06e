import { CommandHelp, Help } from '@oclif/core'
import { refuseCommand } from './command-not-found.js'

/** What each exit status of a command means, shown by its --help (cli-contract.md, "Exit status"). */
export type ExitStatusHelp = Readonly<Record<number, string>>

/**
 * oclif's help with an EXIT STATUS section after the description, from the command's static
 * `exitStatuses` (kept in the manifest, like every extra static property): scripts and runbooks
 * branch on these numbers, so each command's help says which ones it uses.
 */
class DenyCommandHelp extends CommandHelp {
  protected override sections(): ReturnType<CommandHelp['sections']> {
    const sections = super.sections()
    const statuses = (this.command as { exitStatuses?: ExitStatusHelp }).exitStatuses
    if (!statuses) return sections
    const rows = Object.entries(statuses).map(([status, meaning]): [string, string] => [status, meaning])
    const after = sections.findIndex((s) => s.header === 'DESCRIPTION')
    sections.splice(after + 1, 0, { header: 'EXIT STATUS', generate: (_data, header) => ({ header, body: rows }) })
    return sections
  }
}

export default class DenyHelp extends Help {
  protected override CommandHelpClass = DenyCommandHelp

  /** `denydoctor help princpal` gets the same suggestion as `denydoctor princpal`. */
  override async showHelp(argv: string[]): Promise<void> {
    try {
      await super.showHelp(argv)
    } catch (error) {
      const unknown = /^Command (.+) not found\.$/.exec((error as Error).message)
      if (!unknown) throw error
      refuseCommand(this.config, unknown[1]!.replaceAll(this.config.topicSeparator, ':'))
    }
  }
}
