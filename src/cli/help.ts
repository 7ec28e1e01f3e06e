import { CommandHelp, Help, type Command, type Interfaces } from '@oclif/core'
import { refuseCommand } from './command-not-found.js'
import { withoutLang } from './lang-argv.js'
import { langFromArgv, messages, type Catalogue } from '../i18n/index.js'

/** What each exit status of a command means, shown by its --help (cli-contract.md, "Exit status"). */
export type ExitStatusHelp = Readonly<Record<number, string>>

/**
 * The language of the help: --lang on the command line, else the locale (LANG=ja_JP.UTF-8).
 * oclif builds the help before any command parses its flags, so it reads the raw arguments.
 */
function helpCatalogue(): Catalogue {
  return messages(langFromArgv(process.argv.slice(2), process.env))
}

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
    const text = helpCatalogue()['help.text']
    const rows = Object.entries(statuses).map(([status, meaning]): [string, string] => [status, text(meaning)])
    const after = sections.findIndex((s) => s.header === 'DESCRIPTION')
    sections.splice(after + 1, 0, { header: 'EXIT STATUS', generate: (_data, header) => ({ header, body: rows }) })
    return sections
  }

  override section(header: string, body: Parameters<CommandHelp['section']>[1]): string {
    return super.section(helpCatalogue()['help.header'](header), body)
  }
}

/** A copy of a command with its descriptions in the language of the help (the manifest keeps English). */
function translated(command: Command.Loadable, m: Catalogue): Command.Loadable {
  const text = (value: string | undefined): string | undefined => (value === undefined ? undefined : m['help.text'](value))
  const flags = Object.fromEntries(
    Object.entries(command.flags).map(([name, flag]) => [name, { ...flag, description: text(flag.description), summary: text(flag.summary) }]),
  ) as Command.Loadable['flags']
  const args = Object.fromEntries(Object.entries(command.args).map(([name, arg]) => [name, { ...arg, description: text(arg.description) }])) as Command.Loadable['args']
  return { ...command, description: text(command.description), summary: text(command.summary), flags, args }
}

export default class DenyHelp extends Help {
  protected override CommandHelpClass = DenyCommandHelp

  /** `denydoctor help princpal` gets the same suggestion as `denydoctor princpal`. */
  override async showHelp(argv: string[]): Promise<void> {
    try {
      await super.showHelp(withoutLang(argv))
    } catch (error) {
      const unknown = /^Command (.+) not found\.$/.exec((error as Error).message)
      if (!unknown) throw error
      refuseCommand(this.config, unknown[1]!.replaceAll(this.config.topicSeparator, ':'))
    }
  }

  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    await super.showCommandHelp(translated(command, helpCatalogue()))
  }

  protected override formatRoot(): string {
    const root = super.formatRoot()
    const m = helpCatalogue()
    const description = this.config.pjson.description
    const described = description ? root.replace(description, m['help.text'](description)) : root
    // The root help's own headings (VERSION, USAGE) are written by oclif's RootHelp, not section().
    return described.replace(/^((?:\u001b\[[0-9;]*m)?)([A-Z][A-Z ]+)((?:\u001b\[[0-9;]*m)?)$/gm, (_l, before: string, header: string, after: string) => `${before}${m['help.header'](header)}${after}`)
  }

  protected override formatCommands(commands: Command.Loadable[]): string {
    const m = helpCatalogue()
    return super.formatCommands(commands.map((c) => translated(c, m)))
  }

  protected override formatTopics(topics: Interfaces.Topic[]): string {
    const m = helpCatalogue()
    return super.formatTopics(topics.map((t) => (t.description ? { ...t, description: m['help.text'](t.description) } : t)))
  }

  override section(header: string, body: Parameters<Help['section']>[1]): string {
    return super.section(helpCatalogue()['help.header'](header), body)
  }
}
