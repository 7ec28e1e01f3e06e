import { Flags } from '@oclif/core'
import { DenyCommand } from '../cli/base-command.js'
import { EXIT, EXIT_HELP } from '../cli/exit-status.js'
import { checkProfiles } from '../cli/check-profiles.js'
import { checkOutputPath, collectOptionsFromFlags } from '../cli/collect-options.js'
import { CollectProgress } from '../cli/collect-progress.js'
import { renderGaps, renderSummary, summarise, summaryJson } from '../cli/collect-summary.js'
import { messages } from '../i18n/index.js'

export default class Collect extends DenyCommand {
  static override summary = 'Read an account (or several accounts of an organization) into a snapshot file for offline diagnosis.'
  static override description =
    'Reads IAM (GetAccountAuthorizationDetails), the organization with its SCPs and RCPs, bucket policies and VPC endpoint policies, read-only, and writes them to FILE (mode 0600; gzip for .json.gz). `principal … --snapshot FILE` then diagnoses without touching AWS. What could not be read is listed on stderr and kept in the file, so that no diagnosis from it can come out Allowed.'
  static exitStatuses = EXIT_HELP.collect
  static override examples = [
    '<%= config.bin %> collect --out snapshot.json.gz --region us-east-1',
    '<%= config.bin %> collect --out org.json.gz --all-accounts --assume-role-name OrganizationAccountAccessRole --org-profile management --all-regions',
    '<%= config.bin %> collect --out two.json --accounts 111111111111,222222222222 --assume-role-name DenydoctorReader --region eu-west-1 --region us-east-1',
  ]
  static override flags = {
    json: Flags.boolean({ description: 'Print the summary of what was written (counts, gaps, notes) as one JSON object; collect prints no verdict.', default: false }),
    debug: Flags.boolean({ description: 'Show stack traces, and every AWS call with its duration, on stderr.', default: false }),
    out: Flags.string({ char: 'o', description: 'Snapshot file to write (.json, or .json.gz for gzip).', required: true }),
    profile: Flags.string({ description: 'AWS profile of the caller (default: the standard SDK chain, AWS_PROFILE).' }),
    region: Flags.string({ description: 'Region whose VPC endpoints are read (repeatable; default: the configured region).', multiple: true }),
    'all-regions': Flags.boolean({ description: 'Read VPC endpoints in every region enabled in each account.', default: false }),
    'org-profile': Flags.string({ description: 'Profile that can read AWS Organizations (management account or delegated administrator).' }),
    'org-role-arn': Flags.string({ description: 'Role to assume for reading AWS Organizations.' }),
    accounts: Flags.string({ description: 'Accounts to collect, ID,ID (default: the caller\'s own account).', multiple: true }),
    'all-accounts': Flags.boolean({ description: 'Collect every active account of the organization.', default: false }),
    'assume-role-name': Flags.string({ description: 'Role assumed in each account other than the caller\'s (arn:aws:iam::ID:role/NAME).' }),
    concurrency: Flags.string({ description: 'Accounts collected at once, 1 to 32 (default 4).' }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(Collect)
    const options = collectOptionsFromFlags(flags, () => new Date())
    checkProfiles(flags)
    await checkOutputPath(flags.out)
    const json = this.outputFormat(flags) === 'json'
    const progress = new CollectProgress(process.stderr, !json && !flags.debug, undefined, this.language(flags))
    const debug = flags.debug ? (line: string) => process.stderr.write(`aws: ${line}\n`) : undefined
    // Loaded here, so that other commands do not pay for the SDK at start-up.
    const { collectSnapshot } = await import('../sources/aws/collect.js')
    const { writeSnapshot } = await import('../sources/snapshot/file.js')
    let result
    try {
      result = await collectSnapshot({
        ...options,
        onCall: (call) => {
          progress.call()
          debug?.(`${call.ok ? 'ok  ' : 'FAIL'} ${call.service}:${call.operation} ${call.ms} ms`)
        },
        onAccount: ({ done, total }) => progress.account(done, total),
      })
    } finally {
      progress.stop()
    }
    await writeSnapshot(flags.out, result.snapshot)
    const summary = summarise(result.snapshot, flags.out, result.notes)
    this.print(json ? summaryJson(summary) : renderSummary(summary, messages(this.language(flags))))
    const gaps = renderGaps(summary, messages(this.language(flags)))
    if (gaps) process.stderr.write(gaps)
    // Written, but with gaps: a scheduled collect must not pass this off as a complete snapshot.
    if (summary.gaps > 0) this.exit(EXIT.collectIncomplete)
  }
}
