/** en-cli.ts in Japanese. */
import { JA_HELP_HEADERS, JA_HELP_TEXT } from './ja-help.js'
import { inputProblemInJapanese } from './ja-input-problems.js'
import { sourceErrorInJapanese } from './ja-gaps.js'

export const jaCli = {
  'help.text': (text: string) => JA_HELP_TEXT[text] ?? text,
  'help.header': (header: string) => JA_HELP_HEADERS[header] ?? header,
  'cli.inputProblem': (message: string) => {
    const translated = inputProblemInJapanese(message)
    // The demo snapshot's name carries an English aside (src/cli/demo.ts).
    return (translated === message ? sourceErrorInJapanese(message) : translated).replaceAll(' (the demo organisation, --demo)', ' (デモの組織、--demo)')
  },
}
