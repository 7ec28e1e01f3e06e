import { messages, type Catalogue } from '../i18n/index.js'
import { UserError } from '../user-error.js'

/**
 * A UserError whose sentence comes from the message catalogue: `message` is the English one
 * (for logs, tests and library callers), and the command prints `say(catalogue)` in the
 * language asked for.
 */
export class LocalizedUserError extends UserError {
  constructor(
    readonly say: (m: Catalogue) => string,
    exitStatus: 1 | 2 = 1,
  ) {
    super(say(messages('en')), exitStatus)
  }
}
