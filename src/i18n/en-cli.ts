/**
 * The command line's own texts that are not sentences of the catalogue's other parts: --help
 * (the commands' static descriptions, which oclif.manifest.json keeps in English, looked up by
 * their English text) and the problems found in the files people give (policies, case files,
 * audit files, snapshots), which the readers write in English for the JSON and the logs.
 */
const asWritten = (text: string): string => text

export const enCli = {
  /** A --help text (description, flag, argument, exit status) in the language spoken. */
  'help.text': asWritten,
  /** A --help section heading (USAGE, FLAGS…). */
  'help.header': asWritten,
  /** A problem with a file people gave (its message as the reader wrote it). */
  'cli.inputProblem': asWritten,

  // collect's flags and --out, checked before any AWS call (src/cli/collect-options.ts).
  'collect.flag.noAccounts': '--accounts names no account; give 12-digit account IDs separated by commas.',
  'collect.flag.notAccount': (id: string) => `--accounts: \`${id}\` is not a 12-digit AWS account ID.`,
  'collect.flag.accountsAndAll': '--accounts and --all-accounts cannot be used together: name the accounts, or take all of them.',
  'collect.flag.allNeedsRole': '--all-accounts needs --assume-role-name: the role, present in every account, that denydoctor assumes to read it.',
  'collect.flag.roleAlone': '--assume-role-name is used with --accounts or --all-accounts; alone it has nothing to reach.',
  'collect.flag.regionAndAll': '--region and --all-regions cannot be used together.',
  'collect.flag.notRegion': (region: string) => `--region: \`${region}\` is not an AWS region name (such as us-east-1).`,
  'collect.flag.concurrency': (value: string, max: number) => `--concurrency: \`${value}\` is not a whole number from 1 to ${max} (accounts collected at once).`,
  'collect.flag.notRoleName': (name: string) => `--assume-role-name: \`${name}\` is not an IAM role name (give the name, e.g. OrganizationAccountAccessRole, not its ARN).`,
  'collect.flag.notRoleArn': (arn: string) => `--org-role-arn: \`${arn}\` is not the ARN of an IAM role (arn:aws:iam::ACCOUNT:role/NAME).`,
  'collect.flag.orgProfileAndRole': '--org-profile and --org-role-arn cannot be used together: give one way to read the organization.',
  'collect.out.directory': (path: string, example: string) => `--out ${path} is a directory; name the snapshot file to write, such as ${example}.`,
  'collect.out.noDirectory': (path: string, directory: string) => `--out ${path}: the directory ${directory} does not exist; create it first.`,
  'collect.out.notWritable': (path: string, directory: string) => `--out ${path}: the directory ${directory} is not writable.`,
}
