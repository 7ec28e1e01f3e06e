/**
 * Every sentence denydoctor says to people in English, by key; ja.ts has the same keys (a test
 * fails when one language has a message the other lacks). JSON output never goes through here:
 * its keys and values are the contract's and stay English whatever the language.
 */
import { enEvaluate } from './en-evaluate.js'
import { enReport } from './en-report.js'
import { enSourcesText } from './en-sources-text.js'
import { enCli } from './en-cli.js'
import { enNumbered } from './en-numbered.js'

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** The audit's counts of checks that did not hold, as its summary words them. */
export interface AuditCounts {
  readonly failed: number
  readonly undetermined: number
  readonly error: number
}

export const en = {
  // The command line: errors, usage, progress.
  'cli.unexpected': (message: string) => `unexpected failure: ${message}`,
  'cli.reportIt': 'Run again with --debug for the stack trace, and please report it.',
  'cli.seeHelp': (command: string) => `See \`denydoctor ${command} --help\`.`,
  'cli.collectingPolicies': 'Collecting policies…',
  'cli.notDiagnosed': (why: string) => `NOT DIAGNOSED — ${why}`,
  'cli.readFromInput': 'Read from the input:',
  'cli.profileMissing': (where: string, name: string, files: readonly string[], known: readonly string[]) =>
    `${where}: profile ${name} is not in ${files[0]} or ${files[1]}${known.length ? ` (profiles there: ${known.join(', ')})` : ''}. Check the name, or set it up with \`aws configure --profile ${name}\` (or \`aws configure sso\`).`,
  'cli.snapshotNotCase': (name: string, gzip: boolean) =>
    `${name} ${gzip ? 'is gzip-compressed, as a snapshot written by `denydoctor collect --out FILE.json.gz` is' : 'is a snapshot written by `denydoctor collect`'}, not a case file. Diagnose from it with \`denydoctor principal ARN --action SERVICE:ACTION --snapshot ${name}\` (or \`explain … --snapshot\`, \`audit AUDIT_FILE --snapshot\`); evaluate reads case files (see \`denydoctor evaluate --help\`).`,
  'cli.jsonAndFormat': (format: string) => `--json and --format ${format} contradict each other: give one of them (--json is --format json).`,
  'cli.nonexistentFlags': (named: readonly { readonly flag: string; readonly guess: string | null }[]) =>
    `Nonexistent flag${named.length === 1 ? '' : 's'}: ${named.map((n) => (n.guess ? `${n.flag} (did you mean ${n.guess}?)` : n.flag)).join(', ')}`,
  'cli.notACommand': (typed: string, bin: string, guess: string | null) =>
    `\`${typed}\` is not a ${bin} command.${guess ? ` Did you mean \`${bin} ${guess}\`?` : ''}\nSee \`${bin} --help\` for the commands.`,
  'cli.flagsExclusive': (given: string, other: string) => `${given} cannot also be provided when using ${other}`,
  'flag.notKeyValue': (text: string) => `--context ${text} is not KEY=VALUE (for example --context aws:SourceVpce=vpce-11111).`,
  'flag.notIp': (value: string) => `--source-ip ${value} is not an IP address (for example 203.0.113.7 or 2001:db8::7).`,
  'flag.notVpce': (value: string) => `--source-vpce ${value} is not a VPC endpoint ID (vpce- and hexadecimal digits, for example vpce-0a1b2c3d).`,
  'flag.notConditionKey': (value: string) => `--unknown ${value} is not a condition key (for example --unknown aws:SourceVpce).`,
  'flag.notPrincipalArn': (value: string) =>
    `${value} is not the ARN of an IAM user, role, assumed-role session, federated user or root user (for example arn:aws:iam::111111111111:role/NAME).`,
  'flag.notAccount': (flag: string, value: string) => `${flag} ${value} is not a 12-digit account ID.`,
  'flag.notArn': (value: string) => `--resource ${value} is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE; a bucket is arn:aws:s3:::NAME).`,
  'flag.sessionPolicyUnreadable': (file: string, why: string) => `Cannot read the session policy file ${file}: ${why}.`,
  'progress.collecting': (calls: number) => `Collecting… ${plural(calls, 'AWS call')}`,
  'progress.accounts': (bar: string, done: number, total: number, calls: number) =>
    `${bar} ${done}/${total} ${total === 1 ? 'account' : 'accounts'} · ${plural(calls, 'AWS call')}`,
  // The summary's words, zeros left out, so that the counters agree with it.
  'progress.audit': (done: number, total: number, failing: number, outcomes?: AuditCounts) =>
    `audit: ${done}/${total} checks${
      outcomes
        ? ([[outcomes.failed, 'failed'], [outcomes.undetermined, 'undetermined'], [outcomes.error, 'could not be run']] as const)
            .filter(([n]) => n > 0)
            .map(([n, words]) => `, ${n} ${words}`)
            .join('')
        : failing
          ? `, ${failing} failing`
          : ''
    }`,

  // collect: the summary once the snapshot is written, and the gaps on stderr.
  'collect.wrote': (file: string, takenAt: string, by: string | null) => `Wrote ${file} (taken ${takenAt}${by ? ` by ${by}` : ''}).`,
  'collect.row': {
    accounts: 'accounts', users: 'users', groups: 'groups', roles: 'roles', policies: 'policies', organization: 'organization', buckets: 'buckets', endpoints: 'endpoints', gaps: 'gaps',
  } as Readonly<Record<'accounts' | 'users' | 'groups' | 'roles' | 'policies' | 'organization' | 'buckets' | 'endpoints' | 'gaps', string>>,
  'collect.withoutIam': (n: number) => ` (${n} without IAM data: see the gaps)`,
  'collect.policies': (managed: number, org: { readonly scps: number; readonly rcps: number } | null) =>
    `${managed} managed polic${managed === 1 ? 'y' : 'ies'}${org ? `, ${plural(org.scps, 'SCP')}, ${plural(org.rcps, 'RCP')}` : ''}`,
  'collect.organization': (org: { readonly id: string; readonly ous: number; readonly accounts: number } | null) =>
    org ? `${org.id}: ${plural(org.ous, 'OU')}, ${plural(org.accounts, 'account')}` : 'none',
  'collect.gapsListed': ' (listed on stderr; every diagnosis from this snapshot carries them)',
  'collect.incomplete': (n: number) => `the snapshot is incomplete (${plural(n, 'gap')}); no diagnosis from it can come out Allowed:`,
  'collect.failed': (call: string, account: string | null, error: string) => `${call}${account ? ` (account ${account})` : ''} failed: ${error}`,
  'collect.unread': (source: string, account: string | null, error: string) => `${source}${account ? ` (account ${account})` : ''}: ${error}`,
  'collect.note': (note: string) => `note: ${note}`,

  // audit: text, markdown and JUnit.
  'audit.passedInShard': (counted: number) => `AUDIT PASSED — the ${plural(counted, 'expectation')} with checks in this shard held`,
  'audit.passedOne': 'AUDIT PASSED — the expectation held',
  'audit.passedAll': (total: number) => `AUDIT PASSED — all ${total} expectations held`,
  'audit.failed': (failed: number, counted: number) => `AUDIT FAILED — ${failed} of ${plural(counted, 'expectation')} did not hold`,
  'audit.countsExpectations': (total: number, held: number, failed: number, notInShard: number) =>
    `${total} expectations: ${held} held, ${failed} failed${notInShard ? `, ${notInShard} with no check in this shard` : ''}`,
  'audit.countsChecks': (total: number, held: number, failed: number, undetermined: number, allowed: boolean, error: number) =>
    `${total} checks: ${held} held, ${failed} failed, ${undetermined} undetermined${allowed ? ' (allowed)' : ''}, ${error} could not be run`,
  'audit.countsJoin': (parts: readonly string[]) => `${parts.join('. ')}.`,
  'audit.shard': (indices: string, count: number) => ` · shard ${indices} of ${count}`,
  'audit.provenance': (file: string) => `audit ${file}`,
  'audit.column.expectation': 'expectation',
  'audit.column.principal': 'principal',
  'audit.column.action': 'action',
  'audit.column.resource': 'resource',
  'audit.column.expected': 'expected',
  'audit.column.actual': 'actual',
  'audit.column.deciding': 'deciding statement',
  'audit.noCheck': 'No check in this run.',
  'audit.expectedParen': (expected: string) => ` (expected ${expected})`,
  'audit.on': (resource: string) => ` on ${resource}`,
  'audit.couldNotCheck': 'could not be checked',
  'audit.notRead': (gap: string) => `not read: ${gap}`,
  'audit.warnings': 'Warnings',
  'audit.drift': (count: number) => `Changed since the baseline (${count})`,
  'audit.noDrift': 'nothing: every verdict is as before',
  'audit.noDriftSentence': 'Nothing: every verdict is as before.',
  'audit.driftNew': (what: string, after: string) => `${what}: new check, ${after}`,
  'audit.driftGone': (what: string, before: string) => `${what}: no longer checked (was ${before})`,
  'audit.driftBy': (deciding: string) => ` by ${deciding}`,
  'audit.md.didNotHold': 'What did not hold',
  'audit.md.expected': (expected: string) => `Expected: **${expected}**.`,
  'audit.md.column': {
    expectation: 'Expectation', principal: 'Principal', action: 'Action', resource: 'Resource', expected: 'Expected', actual: 'Actual', deciding: 'Deciding statement',
    checks: 'Checks', held: 'Held', failed: 'Failed',
  } as Readonly<Record<string, string>>,
  'audit.md.summary': 'Summary',
  'audit.md.checks': 'Every check',
  'audit.md.noAllowIn': (layer: string) => `✗ no Allow in ${layer}`,
  'audit.md.notRead': (gap: string) => `⚠ not read: ${gap}`,
  'junit.expected': (expected: string) => `Expected: ${expected}`,
  'junit.actual': (actual: string) => `Actual: ${actual}`,
  'junit.deciding': (label: string) => `Deciding statement: ${label}`,
  'junit.summary': (summary: string) => `Summary: ${summary}`,
  'junit.policyArn': (arn: string) => `Policy ARN: ${arn}`,
  'junit.noAllowIn': (label: string) => `No Allow in: ${label}`,
  'junit.notRead': (gap: string) => `Not read: ${gap}`,
  'junit.principal': (arn: string) => `Principal: ${arn}`,
  'junit.action': (action: string) => `Action: ${action}`,
  'junit.resource': (resource: string) => `Resource: ${resource}`,
  'junit.notGiven': '(not given)',
  'junit.undeterminedAllowed': (summary: string) => `Undetermined (allowed): ${summary}`,
  'junit.failure': (expected: string, got: string, label: string) => `expected ${expected}, got ${got}: ${label}`,
  'junit.expectationItself': '(the expectation itself)',
  /** A check's summary as the audit's judge writes it (English; the JSON keeps it). */
  'audit.summary': (summary: string) => summary,
  ...enReport,
  ...enEvaluate,
  ...enSourcesText,
  ...enCli,
  ...enNumbered,
}

type Message = string | ((...args: never[]) => string) | Readonly<Record<string, string>>
/** The shape every language's catalogue has: the same keys, the same arguments. */
export type Catalogue = { readonly [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K] }
export type MessageKey = keyof Catalogue
// Checked here so that a value that is neither a string nor a function fails to compile.
en satisfies Readonly<Record<string, Message>>
