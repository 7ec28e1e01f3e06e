import { Errors, type Hook, type Interfaces } from '@oclif/core'
import { langFromArgv, messages, type Catalogue } from '../i18n/index.js'
import { closest } from '../policy/suggest.js'
import { EXIT } from './exit-status.js'

/**
 * "`princpal` is not a denydoctor command. Did you mean `denydoctor principal`?", for a command
 * id as oclif has it: the words given, joined with ':' ("princpal:arn:…"). The command is the
 * words up to the first that is not a topic (`audit mrege` → "audit:mrege").
 */
export function notACommand(config: Interfaces.Config, id: string, m: Catalogue = messages('en')): string {
  const spelled = (words: string) => words.replaceAll(':', config.topicSeparator)
  const words = id.split(':')
  let length = 1
  while (length < words.length && config.findTopic(words.slice(0, length).join(':'))) length++
  const typed = words.slice(0, length).join(':')
  const guess = closest(typed, config.commands.filter((c) => !c.hidden).map((c) => c.id))
  return m['cli.notACommand'](spelled(typed), config.bin, guess ? spelled(guess.name) : null)
}

/** Says `notACommand` on stderr and ends with exit status 2 (the command line was wrong). */
export function refuseCommand(config: Interfaces.Config, id: string, argv: readonly string[] = process.argv.slice(2)): never {
  process.stderr.write(`${config.bin}: ${notACommand(config, id, messages(langFromArgv(argv, process.env)))}\n`)
  return Errors.exit(EXIT.usage)
}

/**
 * oclif's `command_not_found` hook: `denydoctor princpal …` says which command was meant.
 * @oclif/plugin-not-found asks "Did you mean …?" only on a terminal (and then runs the guess),
 * says nothing useful to a script, and exits 127; a wrong command line is exit status 2 here.
 */
const hook: Hook.CommandNotFound = async function (options) {
  refuseCommand(options.config, options.id)
}

export default hook
