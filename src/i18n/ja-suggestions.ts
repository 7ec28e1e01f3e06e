/**
 * "What to change" in Japanese. The evaluator writes its suggestions in English from a few
 * templates (src/evaluate/suggestions.ts); the Verdict's JSON keeps them so. A Japanese report
 * reads each template back and says it in Japanese; a sentence no rule knows is shown as it
 * is, never half translated.
 */
import { POLICY_TYPE_NAMES } from '../model/index.js'
import { gapEffectInJapanese, gapSourceInJapanese } from './ja-gaps.js'
import { originInJapanese } from './ja-sources.js'
import { needInJapanese } from './ja-warnings.js'

type Rule = readonly [RegExp, (...groups: string[]) => string]

/** AWS's Japanese names of the policy types, as its Japanese IAM guide writes them. */
export const JA_POLICY_TYPES: Readonly<Record<string, string>> = {
  identity: 'アイデンティティベースのポリシー',
  boundary: 'アクセス許可の境界',
  scp: 'SCP',
  rcp: 'RCP',
  resource: 'リソースベースのポリシー',
  vpce: 'VPC エンドポイントポリシー',
  session: 'セッションポリシー',
}

function statement(text: string): string {
  return text.replace(/\bstatement (\d+)(?: \(Sid ([^)]+)\))?/g, (_m, n: string, sid?: string) => (sid ? `ステートメント ${n} (Sid ${sid})` : `ステートメント ${n}`))
}

const TYPE_OF_NAME = new Map(Object.entries(POLICY_TYPE_NAMES).map(([type, name]) => [name, type]))

/**
 * Where a statement is (evaluate/explain.ts describePolicy): a source's origin sentence, or
 * "identity-based policy `NAME` attached to X" when the source gave none. Null when unknown.
 */
function policyWhereInJapanese(text: string): string | null {
  const origin = originInJapanese(text)
  if (origin !== text) return origin
  const match = /^(identity-based policy|permissions boundary|SCP|RCP|resource-based policy|VPC endpoint policy|session policy)( `[^`]+`)?(?: attached to (.+))?$/.exec(text)
  const type = match ? TYPE_OF_NAME.get(match[1]!) : undefined
  if (!match || !type) return null
  return `${match[3] ? `${match[3]} にアタッチされた` : ''}${JA_POLICY_TYPES[type]}${match[2] ?? ''}`
}

/** "statement 1 (Sid X) of ORIGIN" → "ORIGIN の ステートメント 1 (Sid X)". */
function head(text: string): string {
  const match = /^(statement \d+(?: \(Sid [^)]+\))?) of (.+)$/.exec(text)
  const where = match ? policyWhereInJapanese(match[2]!) : null
  return match && where ? `${where} の${statement(match[1]!)}` : text
}

const whereJa = (where: string): string => policyWhereInJapanese(where) ?? where

/** Whether `head` could say it in Japanese. */
const headKnown = (text: string): boolean => head(text) !== text

const LIFTS: readonly Rule[] = [
  [/^call with MFA: use credentials from (`[^`]+`) \(or an MFA sign-in\) so that aws:MultiFactorAuthPresent is true$/, (command) =>
    `MFA を使用して呼び出す: ${command} (または MFA を使用したサインイン) の認証情報を使い、aws:MultiFactorAuthPresent を true にする`],
  [/^change (\S+) so that (\S+) no longer holds$/, (key, op) => `${op} が成り立たないように ${key} を変える`],
  [/^send (\S+) with the request$/, (key) => `リクエストに ${key} を含める`],
  [/^leave (\S+) out of the request$/, (key) => `リクエストに ${key} を含めない`],
  [/^include at least one value of (\S+) matching (.+?)( \(add that tag key to the request\))?$/, (key, values, tag) =>
    `${key} に ${values} に一致する値を少なくとも 1 つ含める${tag ? ' (リクエストにそのタグキーを追加する)' : ''}`],
  [/^make the call through VPC endpoint (.+)$/, (ids) => `VPC エンドポイント ${ids.replace(/ or /g, ' または ')} を経由して呼び出す`],
  [/^use a principal whose ARN matches (.+) \(for a role session, the role ARN with its path\)$/, (values) =>
    `ARN が ${values} に一致するプリンシパルを使う (ロールセッションの場合は、パスを含むロールの ARN)`],
  [/^call from an address in (.+)$/, (ranges) => `${ranges} の範囲内のアドレスから呼び出す`],
  [/^make the call in (.+)$/, (regions) => `${regions.replace(/ or /g, ' または ')} で呼び出す`],
  [/^make (\S+) one of (.+)$/, (key, values) => `${key} を ${values} のいずれかにする`],
  [/^send (\S+) with a value other than (.+)$/, (key, values) => `${key} を ${values} 以外の値で送る`],
  [/^use a (\S+) other than (.+?)(?: \(the request has (.+)\))?$/, (key, values, actual) => `${values} 以外の ${key} を使う${actual ? ` (リクエストの値は ${actual})` : ''}`],
]

const ADVICE: readonly Rule[] = [
  [/^or change the SCP: remove or narrow (.+?) of (.+), detach it from (.+?), or add an exception condition \(e\.g\. ArnNotLike aws:PrincipalArn\) for this principal$/, (stmt, where, from) =>
    `または SCP を変更する: ${whereJa(where)} の${statement(stmt)} を削除するか範囲を狭める、${from} からデタッチする、またはこのプリンシパル向けの例外条件 (例: ArnNotLike aws:PrincipalArn) を追加する`],
  [/^or change the permissions boundary \((.+)\), (.+?): a boundary caps every identity allow, so editing the role's own policies will not help$/, (where, stmt) =>
    `またはアクセス許可の境界 (${whereJa(where)}) の${statement(stmt)} を変更する: 境界はアイデンティティベースのポリシーによる許可の上限を決めるため、ロール自身のポリシーを編集しても解決しません`],
  [/^or start a new session without this session policy, or with one that does not deny it \((.+)\)$/, (stmt) =>
    `またはこのセッションポリシーなしで、あるいはこれを拒否しないセッションポリシーで新しいセッションを開始する (${statement(stmt)})`],
  [/^or edit (.+?) of the endpoint policy \((.+)\), or make the call without that endpoint$/, (stmt, where) =>
    `またはエンドポイントポリシー (${whereJa(where)}) の${statement(stmt)} を編集するか、そのエンドポイントを経由せずに呼び出す`],
  [/^or remove or narrow (.+?) of (.+)$/, (stmt, where) => `または ${whereJa(where)} の${statement(stmt)} を削除するか範囲を狭める`],
]

const GATES: Readonly<Record<string, string>> = {
  "attach an identity-based policy that allows it to the user or role (or to one of the user's groups)": 'それを許可するアイデンティティベースのポリシーをユーザーまたはロール (またはユーザーのグループのいずれか) にアタッチする',
  'the permissions boundary must allow it too: add it to the boundary policy': 'アクセス許可の境界も許可している必要があります: 境界のポリシーに追加する',
  'add an SCP that allows it at that level (FullAWSAccess, or an allow-list that includes it)': 'その階層にそれを許可する SCP を追加する (FullAWSAccess、またはそれを含む許可リスト)',
  'add an RCP that allows it at that level (RCPFullAWSAccess)': 'その階層にそれを許可する RCP を追加する (RCPFullAWSAccess)',
  'grant the principal in the resource policy (bucket policy, key policy or trust policy)': 'リソースポリシー (バケットポリシー、キーポリシー、信頼ポリシー) でプリンシパルに許可する',
  'allow it in the VPC endpoint policy, or make the call without the endpoint': 'VPC エンドポイントポリシーで許可するか、エンドポイントを経由せずに呼び出す',
  'pass a session policy that allows it when creating the session': 'セッションの作成時に、それを許可するセッションポリシーを渡す',
}

function one(rules: readonly Rule[], text: string): string | null {
  for (const [pattern, render] of rules) {
    const match = pattern.exec(text)
    if (match) return render(...match.slice(1).map((g) => g ?? ''))
  }
  return null
}

/** Each part through its rules; null when any part is unknown (then the sentence stays English). */
function all(rules: readonly Rule[], parts: readonly string[]): string[] | null {
  const out = parts.map((part) => one(rules, part))
  return out.every((p): p is string => p !== null) ? out : null
}

/** What makes an open condition of a Deny true (evaluate/suggestions.ts denyTrigger), said before 「場合」. */
const TRIGGERS: readonly Rule[] = [
  [/^the call was made without MFA \(aws:MultiFactorAuthPresent false or absent\)$/, () => 'MFA を使用せずに呼び出された (aws:MultiFactorAuthPresent が false または存在しない)'],
  [/^the call was made without MFA \(aws:MultiFactorAuthPresent false\)$/, () => 'MFA を使用せずに呼び出された (aws:MultiFactorAuthPresent が false)'],
  [/^the resource is one its Resource patterns cover$/, () => 'リソースが Resource のパターンに含まれる'],
  [/^(\S+) satisfies (\S+)$/, (key, op) => `${key} が ${op} を満たす`],
  [/^(\S+) is absent$/, (key) => `${key} が存在しない`],
  [/^(\S+) is present$/, (key) => `${key} が存在する`],
  [/^no value of (\S+) matches (.+) \(or it is absent\)$/, (key, values) => `${key} のどの値も ${values} に一致しない (または存在しない)`],
  [/^some value of (\S+) does not match (.+)$/, (key, values) => `${key} のいずれかの値が ${values} に一致しない`],
  [/^some value of (\S+) matches (.+)$/, (key, values) => `${key} のいずれかの値が ${values} に一致する`],
  [/^(\S+) is not (.+?)( or absent)?$/, (key, values, absent) => `${key} が ${values} ではない${absent ? '、または存在しない' : ''}`],
  [/^(\S+) is (.+?)( or absent)?$/, (key, values, absent) => `${key} が ${values} である${absent ? '、または存在しない' : ''}`],
]

/** A trigger in Japanese, or null when no rule knows it. */
export function triggerInJapanese(text: string): string | null {
  return one(TRIGGERS, text)
}

/** "--mfa (or --no-mfa) and --source-vpce X" → "--mfa (または --no-mfa) と --source-vpce X". */
const flagsJa = (flags: string): string => flags.replace(/ \(or (--[\w-]+)\)/g, ' (または $1)').replace(/ and /g, ' と ')

const SENTENCES: readonly Rule[] = [
  [/^To get past (.+?): (.+); (or .+)\.$/, (target, lifts, advice) => {
    const liftParts = all(LIFTS, lifts.split('; or '))
    const adviceText = one(ADVICE, advice)
    if (!liftParts || !adviceText || !headKnown(target)) return ''
    return `${head(target)} を回避するには: ${liftParts.join('、または ')}。${adviceText}。`
  }],
  [/^(.+?) denies unconditionally: (.+)\.$/, (target, advice) => {
    const adviceText = one(ADVICE, `or ${advice}`)
    return adviceText && headKnown(target) ? `${head(target)} は無条件に拒否しています: ${adviceText.replace(/^または\s*/, '')}。` : ''
  }],
  [/^(.+?) denies if (.+); the request context does not say whether it did\. Once you know, re-run with (.+?)( \(or --assume-absent if the call did not send it: AWS treats a key the call did not send as absent\))?\.$/, (target, when, keys, absence) => {
    const triggers = when.split(' and ').map(triggerInJapanese)
    if (!headKnown(target) || !triggers.every((t): t is string => t !== null)) return ''
    const assume = absence ? ' (呼び出しがそのキーを送らなかった場合は --assume-absent: AWS は呼び出しが送らなかったキーを存在しないものとして扱います)' : ''
    return `${head(target)} は、${triggers.join('、かつ ')} 場合に拒否します。リクエストコンテキストからはそうだったかどうかがわかりません。わかったら ${flagsJa(keys)} を付けて再実行してください${assume}。`
  }],
  [/^No policy can allow this: (.+)\.$/, (need) => {
    const said = needInJapanese(need)
    return said ? `どのポリシーでも許可できません: ${said}。` : ''
  }],
  [/^The (\w+) layer allows (\S+) only for some resources: give the resource with --resource ARN to decide\.$/, (type, action) =>
    `${JA_POLICY_TYPES[type] ?? type}が ${action} を許可するのは一部のリソースに対してだけです: 判断するには --resource ARN でリソースを指定してください。`],
  [/^The (\w+) layer allows (\S+) only under conditions the request context does not settle \((.+)\): re-run with (.+) to decide\.$/, (type, action, keys, flags) =>
    `${JA_POLICY_TYPES[type] ?? type}が ${action} を許可するのは、リクエストコンテキストからは決まらない条件 (${keys}) の下でだけです: 判断するには ${flagsJa(flags)} を付けて再実行してください。`],
  [/^Nothing in the (\w+) layer(?: \((.+)\))? allows (\S+): (.+)\.$/, (type, level, action, gate) => {
    const advice = GATES[gate]
    if (!advice) return ''
    return `${level ? `${level} の` : ''}${JA_POLICY_TYPES[type] ?? type}で ${action} を許可しているものがありません: ${advice}。`
  }],
  // evaluate/verdict.ts: a gap (sources' `incomplete`) as a suggestion; its effect is the sources' sentence (ja-gaps.ts).
  [/^Not everything could be read \((.+?)\): (.+)$/s, (source, effect) => {
    const said = gapEffectInJapanese(effect)
    return said === effect ? '' : `読み取れなかったもの (${gapSourceInJapanese(source)}): ${said}`
  }],
  [/^The policies allow (\S+); if S3 still denies it, look at what S3 checks besides policies, which denydoctor does not read: .+ — (https:\S+)\.$/, (action, url) =>
    `ポリシーは ${action} を許可しています。それでも S3 が拒否する場合は、denydoctor が読み取らない、ポリシー以外の S3 のチェックを確認してください: ` +
    'ブロックパブリックアクセス (RestrictPublicBuckets または IgnorePublicAcls が有効な場合、全員に許可するバケットポリシーや ACL は無視されます)、' +
    'オブジェクト所有者 (ACL が有効な場合、別のアカウントがアップロードしたオブジェクトはそのオブジェクトの ACL でのみ許可されます)、' +
    'SSE-KMS 暗号化 (オブジェクトの読み取りには KMS キーが kms:Decrypt を、書き込みには kms:GenerateDataKey を許可している必要があります)、' +
    `オブジェクトロック (ロックされたオブジェクトバージョンは削除も上書きもできません) — ${url}。`],
]

/** A suggestion of the Verdict in Japanese, or as it is when a part of it is not a known template. */
export function suggestionInJapanese(suggestion: string): string {
  const translated = one(SENTENCES, suggestion)
  return translated ? translated : suggestion
}
