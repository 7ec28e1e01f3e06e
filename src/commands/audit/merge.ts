import { Args, Flags } from '@oclif/core'
import { executeMerge } from '../../audit/execute.js'
import { auditReportPieces, writePieces } from '../../audit/write-report.js'
import { reportLayout } from '../../cli/report-flags.js'
import { DenyCommand } from '../../cli/base-command.js'
import { EXIT, EXIT_HELP } from '../../cli/exit-status.js'
import { auditReportFlags } from '../audit.js'

export default class AuditMerge extends DenyCommand {
  static override summary = 'Join the JSON results of an audit\'s shards into one report.'
  static override description =
    'Each FILE is the JSON result of `denydoctor audit --shard K/N --json` (or --out). The merged result is the one an unsharded run would have given, in any format. Results of different audit files, of different splits, or with overlapping shards are refused. Exit status 0 when every expectation held, 6 when any did not, 1 when the results cannot be merged.'
  static exitStatuses = EXIT_HELP.audit
  static override examples = [
    '<%= config.bin %> audit merge shard-1.json shard-2.json shard-3.json',
    '<%= config.bin %> audit merge results/*.json --junit audit-junit.xml --format markdown',
  ]
  static override strict = false
  static override args = { files: Args.string({ description: 'JSON results of the shards.', required: true, ignoreStdin: true }) }
  static override flags = {
    json: Flags.boolean({ description: 'Print the merged audit result as JSON (the format of --out).', default: false }),
    ...auditReportFlags,
    'allow-missing-shards': Flags.boolean({ description: 'Merge even when some shards\' results are missing (the report says which shards it holds).', default: false }),
  }

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(AuditMerge)
    const lang = this.language(flags)
    const result = await executeMerge(argv as string[], flags, lang)
    // Piece by piece, as `audit` writes it: a merged result of 100,000 checks is too big for one string.
    await writePieces(process.stdout, auditReportPieces(result, this.outputFormat(flags), { color: this.useColor(flags), ...reportLayout(flags), lang }))
    if (!result.passed) this.exit(EXIT.auditFailed)
  }
}
