import { Command, Flags, Errors } from '@oclif/core'
import type { ReportFormat } from '../report/index.js'
import { EXIT } from './exit-status.js'
import { UserError } from '../user-error.js'
import { outputFormatOf } from './output-format.js'
import { parseErrorLine } from './parse-error.js'
import { isLang, langFromArgv, langFromEnv, LANGS, messages, type Lang } from '../i18n/index.js'
import { LocalizedUserError } from './localized-error.js'

/** Errors that carry a user-facing sentence: shown without a stack trace. */
const USER_FACING = new Set(['UserError', 'JsonInputError', 'CaseError', 'PolicyInputError', 'IntakeError', 'SourceError', 'SnapshotError'])

/** Flags every denydoctor command shares, and one way of failing. */
export abstract class DenyCommand extends Command {
  static override baseFlags = {
    json: Flags.boolean({ description: 'Print the verdict as JSON (one object per line for several).', default: false }),
    format: Flags.string({ description: 'Output format (--output is the same flag, as in the AWS CLI).', options: ['text', 'json', 'markdown'], aliases: ['output'] }),
    color: Flags.boolean({ description: 'Colour the text report (default: on a terminal, unless NO_COLOR is set).', allowNo: true }),
    debug: Flags.boolean({ description: 'Show stack traces and, for live diagnosis, every AWS call.', default: false }),
    lang: Flags.string({ description: 'Language of reports and messages for people (default: from LC_ALL, LC_MESSAGES or LANG; ja_JP.UTF-8 → ja). JSON never changes.', options: [...LANGS] }),
  }

  /** --lang, else the locale of the environment. */
  protected language(flags: { lang?: string | undefined }): Lang {
    return isLang(flags.lang) ? flags.lang : langFromEnv(process.env)
  }

  protected outputFormat(flags: { json: boolean; format?: string | undefined }): ReportFormat {
    return outputFormatOf(flags)
  }

  protected useColor(flags: { color?: boolean | undefined }): boolean {
    if (flags.color !== undefined) return flags.color
    return Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env)
  }

  protected print(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    const debug = this.argv.includes('--debug')
    if (error instanceof Errors.ExitError) throw error
    const m = messages(langFromArgv(this.argv, process.env))
    if (USER_FACING.has(error.name)) {
      // The readers write English (JSON and logs keep it); people get it in their language.
      const text = error instanceof LocalizedUserError ? error.say(m) : m['cli.inputProblem'](error.message)
      process.stderr.write(`denydoctor: ${text}\n`)
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`)
      const status = error instanceof UserError ? error.exitStatus : ((error as { exitStatus?: number }).exitStatus ?? EXIT.failed)
      this.exit(status)
    }
    // oclif's own parse errors (unknown flag, missing argument) mean the command line was wrong.
    if (error.oclif?.exit !== undefined || error.name.endsWith('Error') && /Unexpected argument|Nonexistent flag|Missing required|Expected --|Parsing --/.test(error.message)) {
      const command = (this.id ?? '').replaceAll(':', ' ')
      process.stderr.write(`denydoctor: ${parseErrorLine(error, { ...this.ctor.baseFlags, ...this.ctor.flags }, m)}\n${m['cli.seeHelp'](command)}\n`)
      this.exit(EXIT.usage)
    }
    process.stderr.write(`denydoctor: ${m['cli.unexpected'](error.message)}\n`)
    if (debug) process.stderr.write(`${error.stack ?? ''}\n`)
    else process.stderr.write(`${m['cli.reportIt']}\n`)
    this.exit(EXIT.failed)
  }
}
