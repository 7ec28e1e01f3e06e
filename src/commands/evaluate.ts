import { Args, Flags } from '@oclif/core'
import { DenyCommand } from '../cli/base-command.js'
import { EXIT, EXIT_HELP, worstStatus } from '../cli/exit-status.js'
import { refuseSnapshotStream } from '../cli/refuse-snapshot.js'
import { reportLayout, reportLayoutFlags } from '../cli/report-flags.js'
import { renderVerdict, renderVerdicts } from '../report/index.js'
import { renderNumbered, type CaseOutcome } from '../report/numbered.js'
import { caseSource } from '../cli/case-source.js'
import { CaseStream } from '../cli/case-stream.js'
import { BlockWriter, evaluateEntry, evaluateJsonLines, statusOf } from '../cli/evaluate-batch.js'
import { messages } from '../i18n/index.js'
import { defaultJobs, evaluateBlocks, PARALLEL_AFTER, sampleCpus } from '../cli/evaluate-parallel.js'

export default class Evaluate extends DenyCommand {
  static override summary = 'Evaluate a request against policies given in a case file: no AWS account needed.'
  static override description =
    'CASE_FILE holds one case, a JSON array of cases, or one case per line (JSON Lines); without it (or with -) the case is read from standard input. With --json, JSON Lines are read, evaluated and written one case at a time, so input of any size runs in little memory. Exit status: 0 allowed, 3 explicit deny, 4 implicit deny, 5 undetermined, 1 a case could not be evaluated; with several cases, the worst.'
  static exitStatuses = EXIT_HELP.verdicts
  static override examples = [
    '<%= config.bin %> evaluate case.json',
    '<%= config.bin %> evaluate cases.jsonl --json | jq -r .decision',
    'cat cases.jsonl | <%= config.bin %> evaluate --json',
  ]
  // ignoreStdin: oclif would otherwise read a pipe into the argument itself (`cat case.json |
  // denydoctor evaluate` took the case's text for a file name); caseSource reads standard input.
  static override args = { caseFile: Args.string({ description: 'Case file (JSON or JSON Lines); - for standard input.', ignoreStdin: true }) }
  static override flags = {
    json: Flags.boolean({ description: 'Print the verdict as JSON: one object for one case, one per line (JSON Lines) for several.', default: false }),
    debug: Flags.boolean({ description: 'Show stack traces. evaluate makes no AWS calls: everything comes from the case file.', default: false }),
    ...reportLayoutFlags,
    'assume-absent': Flags.boolean({ description: 'Treat every context key the case does not give as absent, even with "contextComplete": false.', default: false }),
    jobs: Flags.integer({
      description: 'Threads for a long JSON Lines input with --json (default: one, plus the cores left idle by other work). The output is the same with any number.',
      min: 1,
    }),
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Evaluate)
    const source = await caseSource(args.caseFile)
    const stream = new CaseStream(await refuseSnapshotStream(source.chunks, source.name), source.name)
    const entries = stream.entries()
    const format = this.outputFormat(flags)
    const m = messages(this.language(flags))
    // A case that could not be read, said in the language asked for (the JSON output keeps English).
    const err = (line: string) => process.stderr.write(line.replace(/^(denydoctor: )(.*?)(\n?)$/s, (_l, head: string, text: string, end: string) => `${head}${m['cli.inputProblem'](text)}${end}`))
    let status: number
    if (format === 'json') {
      const out = new BlockWriter(process.stdout, undefined, true)
      const setup = { name: source.name, assumeAbsent: flags['assume-absent'] }
      // Without --jobs, the cores left idle while the first cases are evaluated decide (defaultJobs).
      const started = sampleCpus()
      const jobsNow = () => flags.jobs ?? defaultJobs(started)
      const rest = () => {
        const jobs = stream.jsonLines ? jobsNow() : 1
        return jobs > 1 ? evaluateBlocks(stream, jobs, setup, out, err) : null
      }
      status = await evaluateJsonLines(entries, out, err, flags['assume-absent'], { jobs: flags.jobs ?? 2, after: PARALLEL_AFTER, rest })
    } else {
      // A report for people: every verdict is rendered together, at the end; in text, several
      // cases are numbered with their place in the input and summed up.
      const outcomes: CaseOutcome[] = []
      status = EXIT.allowed
      for await (const entry of entries) {
        const result = evaluateEntry(entry, flags['assume-absent'])
        if ('error' in result) err(`denydoctor: ${result.error}\n`)
        outcomes.push('error' in result ? { error: m['cli.inputProblem'](result.error), label: entry.label } : { verdict: result, label: entry.label })
        status = worstStatus([status, statusOf(result)])
      }
      const layout = { color: this.useColor(flags), ...reportLayout(flags), lang: this.language(flags) }
      if (format === 'text' && outcomes.length > 1) {
        this.print(renderNumbered(outcomes, (verdict) => renderVerdict(verdict, 'text', layout), layout))
      } else {
        const verdicts = outcomes.flatMap((o) => ('verdict' in o ? [o.verdict] : []))
        if (verdicts.length > 0) this.print(renderVerdicts(verdicts, format, layout))
      }
    }
    if (status !== EXIT.allowed) this.exit(status)
  }
}
