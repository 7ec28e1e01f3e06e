import { Args, Flags } from '@oclif/core'
import { DenyCommand } from '../cli/base-command.js'
import { buildQuery } from '../cli/build-query.js'
import { configuredRegionFor } from '../cli/configured-region.js'
import { exitStatusFor, EXIT_HELP } from '../cli/exit-status.js'
import { withDemo } from '../cli/demo.js'
import { providerFor } from '../cli/provider.js'
import { reportLayout, reportLayoutFlags } from '../cli/report-flags.js'
import { requestFlags } from '../cli/request-flags.js'
import { withProgress } from '../cli/progress.js'
import { diagnose } from '../diagnose.js'
import { renderVerdict } from '../report/index.js'
import { messages } from '../i18n/index.js'

export default class Principal extends DenyCommand {
  static override summary = 'Collect every policy that applies to a request and say which statement decides it.'
  static override description =
    'Reads the live account through the standard AWS SDK configuration (or a snapshot with --snapshot): identity policies, groups, permissions boundary, the SCPs and RCPs at every level of the organization, the bucket policy, the VPC endpoint policy and the session policy. Read-only.'
  static exitStatuses = EXIT_HELP.verdict
  static override examples = [
    '<%= config.bin %> principal arn:aws:iam::111111111111:role/TestReadOnly --action ec2:RunInstances',
    '<%= config.bin %> principal arn:aws:iam::111111111111:user/tester --action s3:GetObject --resource arn:aws:s3:::examplebucket/report.csv --source-vpce vpce-11111',
    '<%= config.bin %> principal arn:aws:iam::111111111111:role/TestReadOnly --action ec2:RunInstances --demo',
  ]
  static override args = { principal: Args.string({ description: 'ARN of the user, role, assumed-role session, federated user or root.', required: true, ignoreStdin: true }) }
  static override flags = {
    action: Flags.string({ char: 'a', description: 'The action, service:Action (e.g. ec2:RunInstances).', required: true }),
    ...requestFlags,
    ...reportLayoutFlags,
  }

  async run(): Promise<void> {
    const parsed = await this.parse(Principal)
    const { args } = parsed
    const flags = withDemo(parsed.flags)
    const query = await buildQuery(args.principal, flags.action, flags)
    const debug = flags.debug ? (line: string) => process.stderr.write(`aws: ${line}\n`) : undefined
    const provider = await providerFor(flags, debug)
    const format = this.outputFormat(flags)
    const configuredRegion = await configuredRegionFor(flags)
    const { verdict, gathered } = await withProgress(format !== 'json', messages(this.language(flags))['cli.collectingPolicies'], () =>
      diagnose(query, provider, { assumeAbsent: flags['assume-absent'], allowUnknownAction: flags['allow-unknown-action'], configuredRegion }),
    )
    this.print(renderVerdict(verdict, format, { color: this.useColor(flags), origin: gathered.origin, ...reportLayout(flags), lang: this.language(flags) }))
    const status = exitStatusFor(verdict.decision)
    if (status !== 0) this.exit(status)
  }
}
