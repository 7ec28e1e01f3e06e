import type { Hook } from '@oclif/core'
import { closest } from '../policy/suggest.js'
import { EXIT } from './exit-status.js'

/**
 * oclif's `command_not_found` hook: `denydoctor princpal …` says which command was meant.
 * @oclif/plugin-not-found asks "Did you mean …?" only on a terminal (and then runs the guess),
 * says nothing useful to a script, and exits 127; a wrong command line is exit status 2 here.
 */
const hook: Hook.CommandNotFound = async function (options) {
  const { config } = options
  const visible = config.commands.filter((c) => !c.hidden)
  const spelled = (id: string) => id.replaceAll(':', config.topicSeparator)
  const ids = visible.map((c) => c.id)
  // oclif joins the words it was given into one id ("princpal:arn:…"): the command is the words
  // up to the first that is not a topic (`audit mrege` → "audit:mrege").
  const words = options.id.split(':')
  let length = 1
  while (length < words.length && config.findTopic(words.slice(0, length).join(':'))) length++
  const typed = words.slice(0, length).join(':')
  const guess = closest(typed, ids)
  const hint = guess ? ` Did you mean \`${config.bin} ${spelled(guess.name)}\`?` : ''
  process.stderr.write(`${config.bin}: \`${spelled(typed)}\` is not a ${config.bin} command.${hint}\nSee \`${config.bin} --help\` for the commands.\n`)
  this.exit(EXIT.usage)
}

export default hook
