/** en-cli.ts in Japanese. */
import { JA_HELP_HEADERS, JA_HELP_TEXT } from './ja-help.js'
import { inputProblemInJapanese } from './ja-input-problems.js'
import { sourceErrorInJapanese } from './ja-gaps.js'

export const jaCli = {
  'help.text': (text: string) => JA_HELP_TEXT[text] ?? text,
  'help.header': (header: string) => JA_HELP_HEADERS[header] ?? header,
  'cli.inputProblem': (message: string) => {
    const translated = inputProblemInJapanese(message)
    // The demo snapshot's name carries an English aside (src/cli/demo.ts).
    return (translated === message ? sourceErrorInJapanese(message) : translated).replaceAll(' (the demo organisation, --demo)', ' (デモの組織、--demo)')
  },

  'collect.flag.noAccounts': '--accounts にアカウントが指定されていません。12 桁のアカウント ID をカンマ区切りで指定してください。',
  'collect.flag.notAccount': (id: string) => `--accounts: \`${id}\` は 12 桁の AWS アカウント ID ではありません。`,
  'collect.flag.accountsAndAll': '--accounts と --all-accounts は同時に使えません。アカウントを指定するか、すべてを対象にするかのどちらかにしてください。',
  'collect.flag.allNeedsRole': '--all-accounts には --assume-role-name が必要です: すべてのアカウントに存在し、denydoctor が読み取りのために引き受けるロールです。',
  'collect.flag.roleAlone': '--assume-role-name は --accounts か --all-accounts と一緒に使います。単独では対象がありません。',
  'collect.flag.regionAndAll': '--region と --all-regions は同時に使えません。',
  'collect.flag.notRegion': (region: string) => `--region: \`${region}\` は AWS リージョン名 (us-east-1 など) ではありません。`,
  'collect.flag.concurrency': (value: string, max: number) => `--concurrency: \`${value}\` は 1～${max} の整数 (同時に収集するアカウント数) ではありません。`,
  'collect.flag.notRoleName': (name: string) => `--assume-role-name: \`${name}\` は IAM ロール名ではありません (ARN ではなく、OrganizationAccountAccessRole のような名前を指定してください)。`,
  'collect.flag.notRoleArn': (arn: string) => `--org-role-arn: \`${arn}\` は IAM ロールの ARN (arn:aws:iam::ACCOUNT:role/NAME) ではありません。`,
  'collect.flag.orgProfileAndRole': '--org-profile と --org-role-arn は同時に使えません。組織を読み取る方法を 1 つだけ指定してください。',
  'collect.out.directory': (path: string, example: string) => `--out ${path} はディレクトリです。${example} のように、書き込むスナップショットファイルの名前を指定してください。`,
  'collect.out.noDirectory': (path: string, directory: string) => `--out ${path}: ディレクトリ ${directory} が存在しません。先に作成してください。`,
  'collect.out.notWritable': (path: string, directory: string) => `--out ${path}: ディレクトリ ${directory} に書き込めません。`,
}
