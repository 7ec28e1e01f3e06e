/**
 * The sentences that sources and intake write in English (a policy's origin, the notes on
 * what was read) as a Japanese report shows them. Each pattern is one template of the code
 * that writes the sentence (sources/snapshot/identity.ts, sources/aws/identity.ts,
 * sources/org-levels.ts, intake/…); a sentence no pattern knows is shown as it is, so a new
 * English sentence is never garbled, only left untranslated. JSON keeps the English.
 */
import { moreNoteInJapanese } from './ja-notes.js'

type Rule = readonly [RegExp, (...groups: string[]) => string]

/** "role `X`" → "ロール `X`": the holders and levels inside an origin. */
const HOLDERS: readonly Rule[] = [
  [/^role (`[^`]+`)$/, (name) => `ロール ${name}`],
  [/^user (`[^`]+`)$/, (name) => `ユーザー ${name}`],
  [/^group (`[^`]+`)$/, (name) => `グループ ${name}`],
  [/^the root(?: (`[^`]+`))? \(([^)]+)\)$/, (name, id) => `ルート${name ? ` ${name}` : ''} (${id})`],
  [/^OU(?: (`[^`]+`))? \(([^)]+)\)$/, (name, id) => `OU${name ? ` ${name}` : ''} (${id})`],
  [/^account (`[^`]+`) \(([^)]+)\)$/, (name, id) => `アカウント ${name} (${id})`],
  [/^account (\S+)$/, (id) => `アカウント ${id}`],
]

function holder(text: string): string {
  return apply(HOLDERS, text) ?? text
}

const ORIGINS: readonly Rule[] = [
  [/^managed policy (`[^`]+`) attached to (.+)$/, (name, to) => `${holder(to!)} にアタッチされた管理ポリシー ${name}`],
  [/^inline policy (`[^`]+`) of (.+)$/, (name, of) => `${holder(of!)} のインラインポリシー ${name}`],
  [/^permissions boundary (`[^`]+`) of (.+)$/, (name, of) => `${holder(of!)} のアクセス許可の境界 ${name}`],
  [/^(SCP|RCP) (`[^`]+`) attached to (.+)$/, (kind, name, to) => `${holder(to!)} にアタッチされた ${kind} ${name}`],
  [/^bucket policy of (`[^`]+`)$/, (name) => `バケット ${name} のバケットポリシー`],
  [/^bucket policy of (`[^`]+`) \(account (\d{12}): S3 returns a bucket policy only to its owner's account\)$/, (name, account) =>
    `バケット ${name} のバケットポリシー (アカウント ${account}: S3 はバケットポリシーを所有アカウントにしか返しません)`],
  [/^trust policy of role (`[^`]+`)$/, (name) => `ロール ${name} の信頼ポリシー`],
  [/^policy of VPC endpoint (`[^`]+`)(?: \((\S+) in (\S+)\))?$/, (id, service, vpc) => `VPC エンドポイント ${id} のポリシー${service ? ` (${vpc} の ${service})` : ''}`],
  [/^session policy (`[^`]+`)$/, (name) => `セッションポリシー ${name}`],
  [/^snapshot (\S+) \(the demo organisation, --demo\) taken (\S+)$/, (file, at) => `スナップショット ${file} (デモの組織、--demo、取得日時 ${at})`],
  [/^snapshot (\S+) taken (\S+)$/, (file, at) => `スナップショット ${file} (取得日時 ${at})`],
  [/^live account(?: (\d{12}))?(?: \((.+)\))?$/, (account, readers) => `ライブアカウント${account ? ` ${account}` : ''}${readers ? ` (${readers})` : ''}`],
]

/** Why a masked account could not be filled in (src/explain/masked-account.ts). */
const WHY_NOT_FILLED: readonly Rule[] = [
  [/^(user|role) (\S+) is in (\d+) accounts of snapshot (\S+) \((.+)\)$/, (kind, name, n, file, ids) =>
    `${kind === 'user' ? 'ユーザー' : 'ロール'} ${name} はスナップショット ${file} の ${n} つのアカウント (${ids}) にあります`],
  [/^no account of snapshot (\S+) has a (user|role) named (\S+)$/, (file, kind, name) =>
    `スナップショット ${file} のどのアカウントにも${kind === 'user' ? 'ユーザー' : 'ロール'} ${name} はありません`],
  [/^snapshot (\S+) holds (\d+) accounts and the caller is not a user or role to look for$/, (file, n) =>
    `スナップショット ${file} には ${n} 個のアカウントがあり、呼び出し元は検索できるユーザーやロールではありません`],
]

const NOTES: readonly Rule[] = [
  [/^The message is in Japanese; denydoctor read it as "(.+)"( \(an implicit deny; the message names no policy type\))?\.$/, (read, implicit) =>
    `日本語のメッセージを次のように読み取りました: "${read}"${implicit ? ' (暗黙的な拒否。ポリシーの種類は記載されていません)' : ''}。`],
  [/^The message masks the account ID as (\S+); it was filled in with (\d{12}), given with --account\.$/, (mask, account) =>
    `メッセージではアカウント ID が ${mask} と伏せられています。--account で指定された ${account} を補いました。`],
  [/^The message masks the account ID as (\S+); it was filled in with (\d{12}): user (\S+) is in exactly one account of snapshot (\S+), \d{12}\.$/, (mask, account, name, file) =>
    `メッセージではアカウント ID が ${mask} と伏せられています。ユーザー ${name} はスナップショット ${file} の 1 つのアカウントにだけ存在するため、${account} を補いました。`],
  [/^The message masks the account ID as (\S+); it was filled in with (\d{12}): role (\S+) is in exactly one account of snapshot (\S+), \d{12}\.$/, (mask, account, name, file) =>
    `メッセージではアカウント ID が ${mask} と伏せられています。ロール ${name} はスナップショット ${file} の 1 つのアカウントにだけ存在するため、${account} を補いました。`],
  [/^The message masks the account ID as (\S+); it was filled in with (\d{12}): snapshot (\S+) holds one account, \d{12}\.$/, (mask, account, file) =>
    `メッセージではアカウント ID が ${mask} と伏せられています。スナップショット ${file} のアカウントは 1 つだけなので、${account} を補いました。`],
  [/^The message masks the account ID as (\S+); it was filled in with (\d{12}): the account of the credentials in use \(GetCallerIdentity\), taken to be the ones the denied call was made with\.$/, (mask, account) =>
    `メッセージではアカウント ID が ${mask} と伏せられています。使用中の認証情報のアカウント (GetCallerIdentity) ${account} を補いました (拒否された呼び出しと同じ認証情報とみなしています)。`],
  [/^The message says 'with an explicit deny' but not in which type of policy \(older format\); every layer is checked\.$/, () =>
    'メッセージには明示的な拒否とありますが、ポリシーの種類が書かれていません。すべての層を確認します。'],
  [/^The message says 'service control policy', but AWS uses that wording both for an SCP Deny and for an SCP chain with no Allow, so explicit vs implicit is unreliable for SCPs; every SCP level is checked \((\S+)\)\.$/, (url) =>
    `メッセージにはサービスコントロールポリシーとありますが、AWS は SCP の Deny にも Allow のない SCP の階層にも同じ表現を使うため、明示的か暗黙的かは当てになりません。SCP のすべての階層を確認します (${url})。`],
  [/^The message gives no reason \(the format used before 2021, or a service without enhanced messages\), so it does not say which policy type denied; every layer is checked\.$/, () =>
    'メッセージに理由が書かれていないため (2021 年以前の形式、または詳細なメッセージに対応していないサービス)、どのポリシーの種類が拒否したかはわかりません。すべての層を確認します。'],
  [/^The message masks the caller's account ID as (\S+) \((\S+)\), and denydoctor cannot tell which account it is(?: \((.+)\))?\. Give the account with --account 123456789012, or paste the message with the real account ID\.$/, (mask, arn, why) =>
    `メッセージでは呼び出し元のアカウント ID が ${mask} と伏せられており (${arn})、どのアカウントかを判断できません${why ? ` (${apply(WHY_NOT_FILLED, why) ?? why})` : ''}。--account 123456789012 でアカウントを指定するか、実際のアカウント ID を含むメッセージを貼り付けてください。`],
  [/^The message masks the account ID as (\S+); it has to be filled in before the caller can be looked up\.$/, (mask) =>
    `メッセージではアカウント ID が ${mask} と伏せられています。呼び出し元を調べる前に補う必要があります。`],
]

/** The layers of a missing Allow as the audit names them ("SCPs at ou-…", "identity-based policies"). */
const LAYERS: Readonly<Record<string, string>> = {
  'identity-based policies': 'アイデンティティベースのポリシー',
  'permissions boundary': 'アクセス許可の境界',
  SCPs: 'SCP',
  RCPs: 'RCP',
  'resource-based policy': 'リソースベースのポリシー',
  'VPC endpoint policy': 'VPC エンドポイントポリシー',
  'session policy': 'セッションポリシー',
}

function layer(label: string): string {
  const at = /^(.+?) at (.+)$/.exec(label)
  if (at && LAYERS[at[1]!]) return `${at[2]} の ${LAYERS[at[1]!]}`
  return LAYERS[label] ?? label
}

/** "ORIGIN, statement 1 (Sid X)" → "ORIGIN のステートメント 1 (Sid X)". */
function decidingLabel(label: string): string {
  const match = /^(.+), statement (\d+)(?: \(Sid ([^)]+)\))?$/.exec(label)
  if (!match) return label
  return `${originInJapanese(match[1]!)} のステートメント ${match[2]}${match[3] ? ` (Sid ${match[3]})` : ''}`
}

const SUMMARIES: readonly Rule[] = [
  [/^no Allow in (.+)$/, (layers) => `${layers === 'any layer' ? 'どの層' : layers.split(', ').map(layer).join('、')} に Allow がありません`],
  [/^may be (denied|allowed) by (.+?)(?: \(hangs on (.+)\))?$/, (verb, label, keys) =>
    `${decidingLabel(label)} が${verb === 'denied' ? '拒否' : '許可'}する可能性があります${keys ? ` (${keys} 次第)` : ''}`],
  [/^not every policy could be read: (.+)$/, (error) => `読み取れなかったポリシーがあります: ${error}`],
  [/^the request context does not settle it$/, () => 'リクエストコンテキストからは決まりません'],
  [/^allowed$/, () => '許可'],
  [/^denied$/, () => '拒否'],
  [/^(.+); with (.+)$/, (first, second) => `${decidingLabel(first)} (${decidingLabel(second)} とあわせて)`],
  [/^(.+, statement \d+(?: \(Sid [^)]+\))?)$/, (label) => decidingLabel(label)],
]

/** An audit check's summary (the deciding statement, or the layers without an Allow) in Japanese. */
export function auditSummaryInJapanese(summary: string): string {
  return apply(SUMMARIES, summary) ?? summary
}

function apply(rules: readonly Rule[], text: string): string | null {
  for (const [pattern, render] of rules) {
    const match = pattern.exec(text)
    if (match) return render(...match.slice(1).map((g) => g ?? ''))
  }
  return null
}

/** A policy's origin sentence in Japanese, or as it is when it is not one the sources write. */
export function originInJapanese(origin: string): string {
  return apply(ORIGINS, origin) ?? origin
}

/** An intake note in Japanese, or as it is. */
export function noteInJapanese(note: string): string {
  return apply(NOTES, note) ?? moreNoteInJapanese(note)
}
