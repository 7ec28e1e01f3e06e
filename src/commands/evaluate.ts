import { Args, Flags } from '@oclif/core'
import { DenyCommand } from '../cli/base-command.js'
import { caseSource } from '../cli/case-source.js'
import { streamCaseEntries } from '../cli/case-stream.js'
import { BlockWriter, evaluateEntry, evaluateJsonLines, statusOf } from '../cli/evaluate-batch.js'
import { EXIT, worstStatus } from '../cli/exit-status.js'
import type { Verdict } from '../model/index.js'
import { renderVerdicts } from '../report/index.js'

export default class Evaluate extends DenyCommand {
  static override summary = 'Evaluate a request against policies given in a case file: no AWS account needed.'
  static override description =
    'CASE_FILE holds one case, a JSON array of cases, or one case per line (JSON Lines); without it (or with -) the case is read from standard input. With --json, JSON Lines are read, evaluated and written one case at a time, so input of any size runs in little memory. Exit status: 0 allowed, 3 explicit deny, 4 implicit deny, 5 undetermined, 1 a case could not be evaluated; with several cases, the worst.'
  static override examples = [
    '<%= config.bin %> evaluate examples/scp-deny-runinstances.json',
    'cat cases.jsonl | <%= config.bin %> evaluate --json',
  ]
  // ignoreStdin: oclif would otherwise read a pipe into the argument itself (`cat case.json |
  // denydoctor evaluate` took the case's text for a file name); caseSource reads standard input.
  static override args = { caseFile: Args.string({ description: 'Case file (JSON or JSON Lines); - for standard input.', ignoreStdin: true }) }
  static override flags = {
    'assume-absent': Flags.boolean({ description: 'Treat every context key the case does not give as absent, even with "contextComplete": false.', default: false }),
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Evaluate)
    const source = await caseSource(args.caseFile)
    const entries = streamCaseEntries(source.chunks, source.name)
    const format = this.outputFormat(flags)
    const err = (line: string) => process.stderr.write(line)
    let status: number
    if (format === 'json') {
      status = await evaluateJsonLines(entries, new BlockWriter(process.stdout), err, flags['assume-absent'])
    } else {
      // A report for people: every verdict is rendered together, at the end.
      const verdicts: Verdict[] = []
      status = EXIT.allowed
      for await (const entry of entries) {
        const result = evaluateEntry(entry, flags['assume-absent'])
        if ('error' in result) err(`denydoctor: ${result.error}\n`)
        else verdicts.push(result)
        status = worstStatus([status, statusOf(result)])
      }
      if (verdicts.length > 0) this.print(renderVerdicts(verdicts, format, { color: this.useColor(flags) }))
    }
    if (status !== EXIT.allowed) this.exit(status)
  }
}
