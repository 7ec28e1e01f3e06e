import { availableParallelism } from 'node:os'
import { Args, Flags } from '@oclif/core'
import { executeAudit } from '../audit/execute.js'
import { reachFor } from '../audit/reach-flags.js'
import { auditReportPieces, writePieces } from '../audit/write-report.js'
import { DenyCommand } from '../cli/base-command.js'
import { configuredRegionFor } from '../cli/configured-region.js'
import { EXIT, EXIT_HELP } from '../cli/exit-status.js'
import { DEMO_AUDIT, demoFlag, withDemo } from '../cli/demo.js'
import { reportLayout, reportLayoutFlags } from '../cli/report-flags.js'
import { requestFlags } from '../cli/request-flags.js'

/** The report flags `audit` and `audit merge` share. */
export const auditReportFlags = {
  junit: Flags.string({ description: 'Also write a JUnit XML report to this file (one test case per check).' }),
  out: Flags.string({ description: 'Also write the JSON result to this file (the next run\'s --baseline, or input of `audit merge`).' }),
  baseline: Flags.string({ description: 'A previous JSON result: report every verdict that changed since (drift), even where the expectation still holds.' }),
  ...reportLayoutFlags,
}

export default class Audit extends DenyCommand {
  static override summary = 'Check a list of expectations ("role X can / cannot do Y on Z") in one run, for schedulers and CI.'
  static override description =
    'AUDIT_FILE (YAML or JSON, see docs/audit.md) lists expectations: principals (ARNs or selectors such as {roles: "Deploy*"}), actions, resources, context, and what must hold (allow, deny, implicit-deny, explicit-deny, or explicit-deny by a policy type). Each principal\'s policies and each organization level are read once, however many checks use them. Exit status 0 when every expectation held, 6 when any did not, 1 when the audit could not run.'
  static exitStatuses = EXIT_HELP.audit
  static override examples = [
    '<%= config.bin %> audit --demo',
    '<%= config.bin %> audit audit.yaml --junit audit-junit.xml --out audit.json --baseline last-audit.json',
    '<%= config.bin %> audit audit.yaml --shard 2/4 --json > shard-2.json',
    'AWS_BATCH_JOB_ARRAY_INDEX=0 <%= config.bin %> audit audit.yaml --shard auto --shard-count 4 --out shard.json',
  ]
  // ignoreStdin: oclif would otherwise read a pipe into FILE itself; readInput reads standard input.
  static override args = { file: Args.string({ description: 'The audit file (YAML or JSON); - or nothing with a pipe for standard input.', ignoreStdin: true }) }
  static override flags = {
    json: Flags.boolean({ description: 'Print the audit result as JSON (the format of --out and of `audit merge`), not verdicts.', default: false }),
    ...auditReportFlags,
    'allow-undetermined': Flags.boolean({ description: 'Undetermined checks (the verdict hangs on unknown context) do not fail their expectation.', default: false }),
    shard: Flags.string({ description: 'Run one part of the checks: K/N (1-based), or auto (AWS Batch array index or Kubernetes JOB_COMPLETION_INDEX).' }),
    'shard-count': Flags.string({ description: 'The number of shards for --shard auto (default: AWS_BATCH_JOB_ARRAY_SIZE).' }),
    'assume-role-name': Flags.string({ description: 'Role to assume in each principal\'s account for a live audit (overrides the file\'s assumeRoleName).' }),
    region: Flags.string({ description: 'AWS region for the SDK clients (an expectation gives its request\'s region with region:).' }),
    snapshot: requestFlags.snapshot,
    demo: Flags.boolean({ ...demoFlag, description: 'Audit the demo organisation shipped with denydoctor (no AWS account needed); without AUDIT_FILE, with its demo audit.' }),
    profile: requestFlags.profile,
    'org-profile': requestFlags['org-profile'],
    'org-role-arn': requestFlags['org-role-arn'],
    'resource-profile': requestFlags['resource-profile'],
    'resource-role-arn': requestFlags['resource-role-arn'],
    'assume-absent': requestFlags['assume-absent'],
    unknown: requestFlags.unknown,
    'allow-unknown-action': requestFlags['allow-unknown-action'],
    jobs: Flags.integer({
      description: 'Worker threads for a snapshot audit (default: the processor cores available). The report is the same with any number; a live audit runs in one.',
      min: 1,
    }),
  }

  async run(): Promise<void> {
    const parsed = await this.parse(Audit)
    const flags = withDemo(parsed.flags)
    const args = { file: parsed.args.file ?? (flags.demo ? DEMO_AUDIT : undefined) }
    const format = this.outputFormat(flags)
    const debug = flags.debug ? (line: string) => process.stderr.write(`aws: ${line}\n`) : undefined
    const result = await executeAudit(args.file, { ...flags, jobs: flags.jobs ?? availableParallelism() }, {
      env: process.env,
      progress: format !== 'json',
      now: () => new Date(),
      configuredRegion: flags.region ?? (await configuredRegionFor(flags)),
      reachFor: (file) => reachFor(flags, file, debug),
      lang: this.language(flags),
    })
    // Written as it is made: a large audit's JSON is hundreds of megabytes (audit/write-report.ts).
    await writePieces(process.stdout, auditReportPieces(result, format, { color: this.useColor(flags), ...reportLayout(flags), lang: this.language(flags) }))
    if (!result.passed) this.exit(EXIT.auditFailed)
  }
}
