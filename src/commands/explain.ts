import { Args, Flags } from '@oclif/core'
import { DenyCommand } from '../cli/base-command.js'
import { requestParts } from '../cli/build-query.js'
import { configuredRegionFor } from '../cli/configured-region.js'
import { EXIT, exitStatusFor, worstStatus, EXIT_HELP } from '../cli/exit-status.js'
import { withDemo } from '../cli/demo.js'
import { explainServicesFor } from '../cli/explain-services.js'
import { readInput } from '../cli/read-input.js'
import { reportLayout, reportLayoutFlags } from '../cli/report-flags.js'
import { requestFlags } from '../cli/request-flags.js'
import { renderExplained } from '../cli/render-explained.js'
import { explainIntake } from '../explain/explain.js'
import { detectAndParse, parseCloudTrail } from '../intake/index.js'
import { accountFlag } from '../cli/account-flag.js'

export default class Explain extends DenyCommand {
  static override summary = 'Read an AccessDenied error, an EC2 encoded message or a CloudTrail event, rebuild the request and diagnose it.'
  static override description =
    'TEXT is the error as you have it (quote it), or pipe it on standard input. --event reads a CloudTrail event, a Records file or `aws cloudtrail lookup-events` output, and explains every denied call in it. Context the input does not carry stays unknown: a deny that depends on it is reported as Undetermined, with what to check.'
  static exitStatuses = EXIT_HELP.verdicts
  static override examples = [
    `<%= config.bin %> explain --demo "An error occurred (AccessDenied) when calling the RunInstances operation: User: arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111111111111:instance/* with an explicit deny in a service control policy"`,
    'pbpaste | <%= config.bin %> explain',
    '<%= config.bin %> explain --event event.json --snapshot snapshot.json.gz',
  ]
  // ignoreStdin: oclif would read a pipe into TEXT itself (giving up after 10 ms, and also under
  // --event -); readInput reads standard input whole instead.
  static override args = { text: Args.string({ description: 'The AccessDenied message (or - for standard input).', ignoreStdin: true }) }
  static override flags = {
    ...reportLayoutFlags,
    event: Flags.string({ description: 'CloudTrail event file (one event, Records, or lookup-events output); - for standard input.' }),
    'authorization-details': Flags.boolean({ description: 'Fetch AWS\'s own evaluation for the authorization ID in the message (IAM Access Troubleshooter, preview).', default: false }),
    account: Flags.string({ description: 'The caller\'s account ID, for a message that masks it (arn:aws:iam::XXXXXXXX:user/tester).' }),
    ...requestFlags,
  }

  async run(): Promise<void> {
    const parsed = await this.parse(Explain)
    const { args } = parsed
    const flags = withDemo(parsed.flags)
    const input = flags.event ? await readInput(flags.event, 'a CloudTrail event file') : args.text && args.text !== '-' ? { text: args.text, name: 'the message' } : await readInput(undefined, 'an AccessDenied message')
    // An --event file is a CloudTrail event, so its errors speak of CloudTrail, not of messages.
    const intakes = flags.event ? parseCloudTrail(input.text) : detectAndParse(input.text)
    const debug = flags.debug ? (line: string) => process.stderr.write(`aws: ${line}\n`) : undefined
    const services = await explainServicesFor(flags, debug)
    const options = {
      ...(await requestParts(flags)),
      assumeAbsent: flags['assume-absent'],
      allowUnknownAction: flags['allow-unknown-action'],
      configuredRegion: await configuredRegionFor(flags),
      account: accountFlag(flags.account),
    }
    const results = []
    for (const intake of intakes) results.push(await explainIntake(intake, services, options))
    this.print(renderExplained(results, this.outputFormat(flags), this.useColor(flags), { ...reportLayout(flags), lang: this.language(flags) }))
    const status = worstStatus(results.map((r) => (r.verdict ? exitStatusFor(r.verdict.decision) : EXIT.failed)))
    if (status !== EXIT.allowed) this.exit(status)
  }
}
