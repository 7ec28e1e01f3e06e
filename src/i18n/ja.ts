/**
 * 日本語のメッセージ。用語は AWS の日本語ドキュメント (IAM ユーザーガイド、シード記事
 * https://repost.aws/ja/knowledge-center/iam-explicit-deny-errors) に合わせる: 明示的な拒否、
 * 暗黙的な拒否、アイデンティティベースのポリシー、リソースベースのポリシー、アクセス許可の境界、
 * サービスコントロールポリシー (SCP)、リソースコントロールポリシー (RCP)、セッションポリシー、
 * VPC エンドポイントポリシー、ステートメント、プリンシパル、アクション、リソース、条件キー。
 * Keys, arguments and order are en.ts's; policy JSON, ARNs, Sids and keys are never translated.
 */
import type { AuditCounts, Catalogue } from './en.js'
import { jaEvaluate } from './ja-evaluate.js'
import { jaReport } from './ja-report.js'
import { auditSummaryInJapanese } from './ja-sources.js'
import { jaSourcesText } from './ja-sources-text.js'
import { jaCli } from './ja-cli.js'
import { jaNumbered } from './ja-numbered.js'
import { fileProblemInJapanese } from './ja-input-problems.js'

export const ja: Catalogue = {
  'cli.unexpected': (message: string) => `予期しないエラー: ${message}`,
  'cli.reportIt': '--debug を付けて再実行するとスタックトレースが表示されます。不具合として報告してください。',
  'cli.seeHelp': (command: string) => `\`denydoctor ${command} --help\` を参照してください。`,
  'cli.collectingPolicies': 'ポリシーを収集しています…',
  'cli.notDiagnosed': (why: string) => `診断できませんでした — ${why}`,
  'cli.readFromInput': '入力から読み取った内容:',
  'cli.profileMissing': (where: string, name: string, files: readonly string[], known: readonly string[]) =>
    `${where}: プロファイル ${name} は ${files[0]} にも ${files[1]} にもありません${known.length ? ` (定義されているプロファイル: ${known.join(', ')})` : ''}。名前を確認するか、\`aws configure --profile ${name}\` (または \`aws configure sso\`) で設定してください。`,
  'cli.snapshotNotCase': (name: string, gzip: boolean) =>
    `${name} は${gzip ? ' gzip で圧縮されています (`denydoctor collect --out FILE.json.gz` が書くスナップショットと同じ)。' : ' `denydoctor collect` が書いたスナップショットです。'}ケースファイルではありません。診断するには \`denydoctor principal ARN --action SERVICE:ACTION --snapshot ${name}\` (または \`explain … --snapshot\`、\`audit AUDIT_FILE --snapshot\`) を使ってください。evaluate が読むのはケースファイルです (\`denydoctor evaluate --help\` を参照)。`,
  'cli.jsonAndFormat': (format: string) => `--json と --format ${format} は矛盾しています: どちらか一方を指定してください (--json は --format json と同じです)。`,
  'cli.nonexistentFlags': (named: readonly { readonly flag: string; readonly guess: string | null }[]) =>
    `存在しないフラグ: ${named.map((n) => (n.guess ? `${n.flag} (${n.guess} のことですか?)` : n.flag)).join(', ')}`,
  'cli.notACommand': (typed: string, bin: string, guess: string | null) =>
    `\`${typed}\` は ${bin} のコマンドではありません。${guess ? `\`${bin} ${guess}\` のことですか?` : ''}\nコマンドの一覧は \`${bin} --help\` を参照してください。`,
  'cli.flagsExclusive': (given: string, other: string) => `${given} は ${other} と同時には指定できません`,
  'flag.notKeyValue': (text: string) => `--context ${text} は KEY=VALUE の形式ではありません (例: --context aws:SourceVpce=vpce-11111)。`,
  'flag.notIp': (value: string) => `--source-ip ${value} は IP アドレスではありません (例: 203.0.113.7、2001:db8::7)。`,
  'flag.notVpce': (value: string) => `--source-vpce ${value} は VPC エンドポイント ID ではありません (vpce- と 16 進数字。例: vpce-0a1b2c3d)。`,
  'flag.notConditionKey': (value: string) => `--unknown ${value} は条件キーではありません (例: --unknown aws:SourceVpce)。`,
  'flag.notPrincipalArn': (value: string) =>
    `${value} は IAM ユーザー、ロール、引き受けたロールのセッション、フェデレーティッドユーザー、ルートユーザーの ARN ではありません (例: arn:aws:iam::111111111111:role/NAME)。`,
  'flag.notAccount': (flag: string, value: string) => `${flag} ${value} は 12 桁のアカウント ID ではありません。`,
  'flag.notArn': (value: string) => `--resource ${value} は ARN ではありません (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE。バケットは arn:aws:s3:::NAME)。`,
  'flag.sessionPolicyUnreadable': (file: string, why: string) => `セッションポリシーのファイル ${file} を読み取れません: ${fileProblemInJapanese(why)}。`,
  'progress.collecting': (calls: number) => `収集しています… AWS 呼び出し ${calls.toLocaleString('ja-JP')} 回`,
  'progress.accounts': (bar: string, done: number, total: number, calls: number) => `${bar} アカウント ${done}/${total} · AWS 呼び出し ${calls.toLocaleString('ja-JP')} 回`,
  'progress.audit': (done: number, total: number, failing: number, outcomes?: AuditCounts) =>
    `監査: チェック ${done}/${total}${
      outcomes
        ? ([[outcomes.failed, '不合格'], [outcomes.undetermined, '未確定'], [outcomes.error, '実行できず']] as const)
            .filter(([n]) => n > 0)
            .map(([n, words]) => `、${n} 件が${words}`)
            .join('')
        : failing
          ? `、${failing} 件が不合格`
          : ''
    }`,

  'collect.wrote': (file: string, takenAt: string, by: string | null) => `${file} に書き込みました (取得日時 ${takenAt}${by ? `、取得者 ${by}` : ''})。`,
  'collect.row': {
    accounts: 'アカウント', users: 'ユーザー', groups: 'グループ', roles: 'ロール', policies: 'ポリシー', organization: '組織', buckets: 'バケット', endpoints: 'エンドポイント', gaps: '欠落',
  },
  'collect.withoutIam': (n: number) => ` (うち ${n} 件は IAM データなし: 欠落を参照)`,
  'collect.policies': (managed: number, org: { readonly scps: number; readonly rcps: number } | null) =>
    `管理ポリシー ${managed} 件${org ? `、SCP ${org.scps} 件、RCP ${org.rcps} 件` : ''}`,
  'collect.organization': (org: { readonly id: string; readonly ous: number; readonly accounts: number } | null) =>
    org ? `${org.id}: OU ${org.ous} 件、アカウント ${org.accounts} 件` : 'なし',
  'collect.gapsListed': ' (標準エラー出力に一覧表示。このスナップショットからの診断にはすべて含まれます)',
  'collect.incomplete': (n: number) => `スナップショットは不完全です (欠落 ${n} 件)。このスナップショットからの診断が許可になることはありません:`,
  'collect.failed': (call: string, account: string | null, error: string) => `${call}${account ? ` (アカウント ${account})` : ''} が失敗しました: ${error}`,
  'collect.unread': (source: string, account: string | null, error: string) => `${source}${account ? ` (アカウント ${account})` : ''}: ${error}`,
  'collect.note': (note: string) => `注記: ${note}`,

  'audit.passedInShard': (counted: number) => `監査合格 — このシャードでチェックのある ${counted} 件の期待がすべて成立しました`,
  'audit.passedOne': '監査合格 — 期待が成立しました',
  'audit.passedAll': (total: number) => `監査合格 — ${total} 件の期待がすべて成立しました`,
  'audit.failed': (failed: number, counted: number) => `監査不合格 — ${counted} 件の期待のうち ${failed} 件が成立しませんでした`,
  'audit.countsExpectations': (total: number, held: number, failed: number, notInShard: number) =>
    `期待 ${total} 件: 成立 ${held} 件、不成立 ${failed} 件${notInShard ? `、このシャードにチェックなし ${notInShard} 件` : ''}`,
  'audit.countsChecks': (total: number, held: number, failed: number, undetermined: number, allowed: boolean, error: number) =>
    `チェック ${total} 件: 成立 ${held} 件、不成立 ${failed} 件、未確定 ${undetermined} 件${allowed ? ' (許容)' : ''}、実行できなかったもの ${error} 件`,
  'audit.countsJoin': (parts: readonly string[]) => `${parts.join('。')}。`,
  'audit.shard': (indices: string, count: number) => ` · シャード ${indices} / ${count}`,
  'audit.provenance': (file: string) => `監査ファイル ${file}`,
  'audit.column.expectation': '期待',
  'audit.column.principal': 'プリンシパル',
  'audit.column.action': 'アクション',
  'audit.column.resource': 'リソース',
  'audit.column.expected': '期待値',
  'audit.column.actual': '結果',
  'audit.column.deciding': '決定したステートメント',
  'audit.noCheck': 'この実行ではチェックがありません。',
  'audit.expectedParen': (expected: string) => ` (期待値 ${expected})`,
  'audit.on': (resource: string) => ` (リソース ${resource})`,
  'audit.couldNotCheck': 'チェックできませんでした',
  'audit.notRead': (gap: string) => `読み取れなかったもの: ${gap}`,
  'audit.warnings': '警告',
  'audit.drift': (count: number) => `ベースラインからの変化 (${count})`,
  'audit.noDrift': 'なし: すべての判定が前回と同じです',
  'audit.noDriftSentence': 'なし: すべての判定が前回と同じです。',
  'audit.driftNew': (what: string, after: string) => `${what}: 新しいチェック、${after}`,
  'audit.driftGone': (what: string, before: string) => `${what}: チェック対象外になりました (以前は ${before})`,
  'audit.driftBy': (deciding: string) => ` (${deciding})`,
  'audit.md.didNotHold': '成立しなかった期待',
  'audit.md.expected': (expected: string) => `期待値: **${expected}**。`,
  'audit.md.column': {
    expectation: '期待', principal: 'プリンシパル', action: 'アクション', resource: 'リソース', expected: '期待値', actual: '結果', deciding: '決定したステートメント',
    checks: 'チェック', held: '成立', failed: '不成立',
  },
  'audit.md.summary': '概要',
  'audit.md.checks': 'すべてのチェック',
  'audit.md.noAllowIn': (layer: string) => `✗ ${layer} に Allow がありません`,
  'audit.md.notRead': (gap: string) => `⚠ 読み取れなかったもの: ${gap}`,
  'junit.expected': (expected: string) => `期待値: ${expected}`,
  'junit.actual': (actual: string) => `結果: ${actual}`,
  'junit.deciding': (label: string) => `決定したステートメント: ${label}`,
  'junit.summary': (summary: string) => `概要: ${summary}`,
  'junit.policyArn': (arn: string) => `ポリシー ARN: ${arn}`,
  'junit.noAllowIn': (label: string) => `Allow がないもの: ${label}`,
  'junit.notRead': (gap: string) => `読み取れなかったもの: ${gap}`,
  'junit.principal': (arn: string) => `プリンシパル: ${arn}`,
  'junit.action': (action: string) => `アクション: ${action}`,
  'junit.resource': (resource: string) => `リソース: ${resource}`,
  'junit.notGiven': '(指定なし)',
  'junit.undeterminedAllowed': (summary: string) => `未確定 (許容): ${summary}`,
  'junit.failure': (expected: string, got: string, label: string) => `期待値 ${expected}、結果 ${got}: ${label}`,
  'junit.expectationItself': '(期待そのもの)',
  'audit.summary': (summary: string) => auditSummaryInJapanese(summary),
  ...jaReport,
  ...jaEvaluate,
  ...jaSourcesText,
  ...jaCli,
  ...jaNumbered,
}
