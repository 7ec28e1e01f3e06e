import { Args, Flags } from '@oclif/core'
import { DenyCommand } from '../cli/base-command.js'
import { caseEntries } from '../cli/case-documents.js'
import { EXIT, exitStatusFor, worstStatus } from '../cli/exit-status.js'
import { readInput } from '../cli/read-input.js'
import { reportLayout, reportLayoutFlags } from '../cli/report-flags.js'
import { evaluateCase } from '../evaluate-case.js'
import type { Verdict } from '../model/index.js'
import { renderVerdicts, verdictToJson } from '../report/index.js'

export default class Evaluate extends DenyCommand {
  static override summary = 'Evaluate a request against policies given in a case file: no AWS account needed.'
  static override description =
    'CASE_FILE holds one case, a JSON array of cases, or one case per line (JSON Lines); without it (or with -) the case is read from standard input. Exit status: 0 allowed, 3 explicit deny, 4 implicit deny, 5 undetermined, 1 a case could not be evaluated; with several cases, the worst.'
  static override examples = [
    '<%= config.bin %> evaluate examples/scp-deny-runinstances.json',
    'cat cases.jsonl | <%= config.bin %> evaluate --json',
  ]
  // ignoreStdin: oclif would otherwise read a pipe into the argument itself (`cat case.json |
  // denydoctor evaluate` took the case's text for a file name); readInput reads standard input.
  static override args = { caseFile: Args.string({ description: 'Case file (JSON or JSON Lines); - for standard input.', ignoreStdin: true }) }
  static override flags = {
    ...reportLayoutFlags,
    'assume-absent': Flags.boolean({ description: 'Treat every context key the case does not give as absent, even with "contextComplete": false.', default: false }),
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Evaluate)
    const input = await readInput(args.caseFile, 'a case file')
    const entries = caseEntries(input.text, input.name)
    const results: (Verdict | { error: string })[] = entries.map((entry) => {
      if ('error' in entry) return { error: entry.error }
      try {
        const value = flags['assume-absent'] ? withCompleteContext(entry.value) : entry.value
        return evaluateCase(value)
      } catch (error) {
        if ((error as Error).name === 'CaseError' || (error as Error).name === 'PolicyInputError') {
          return { error: `${entry.label}: ${(error as Error).message}` }
        }
        throw error
      }
    })
    const format = this.outputFormat(flags)
    const verdicts = results.filter((r): r is Verdict => !('error' in r))
    for (const r of results) if ('error' in r) process.stderr.write(`denydoctor: ${r.error}\n`)
    if (format === 'json') {
      // JSON Lines, in input order, with {"error"} for a case that could not be evaluated.
      const lines = results.map((r) => JSON.stringify('error' in r ? r : verdictToJson(r)))
      this.print(results.length === 1 ? JSON.stringify(JSON.parse(lines[0]!), null, 2) : lines.join('\n'))
    } else if (verdicts.length > 0) {
      this.print(renderVerdicts(verdicts, format, { color: this.useColor(flags), ...reportLayout(flags), lang: this.language(flags) }))
    }
    const status = worstStatus(results.map((r) => ('error' in r ? EXIT.failed : exitStatusFor(r.decision))))
    if (status !== EXIT.allowed) this.exit(status)
  }
}

function withCompleteContext(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, contextComplete: true } : value
}
