/**
 * 未確定の判定の「何で決まるか」の行と、AWS のメッセージから分かったことの文を、判定の構造化
 * データ (branches[].outcomes, messageEvidence) から日本語で組み立てる。JSON の英語の summary は
 * そのまま残る。用語は AWS の日本語ドキュメントに合わせる (拒否、許可、明示的な拒否、暗黙的な拒否)。
 * https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { DECISION_SEVERITY, isAlwaysPresent, joinList, type Branch, type BranchOutcome, type Decision, type MessageEvidence, type UncountableReason } from '../model/index.js'
import type { EvidenceParts } from './en-report.js'
import { JA_POLICY_TYPES, triggerInJapanese } from './ja-suggestions.js'

const WORD: Readonly<Record<Decision, string>> = {
  ExplicitDeny: '拒否',
  ImplicitDeny: '拒否 (許可するポリシーがない)',
  Allowed: '許可',
  Undetermined: '未確定',
}

const orList = (items: readonly string[]) => joinList(items, '、', 'または')
const andList = (items: readonly string[]) => joinList(items, '、', 'と')

/** For an Undetermined outcome: what it still depends on. */
function still(o: BranchOutcome): string {
  if (o.decision !== 'Undetermined') return ''
  return o.dependsOn.length > 0 ? ` (さらに ${andList(o.dependsOn)} 次第)` : ' (このキー以外にも依存)'
}

/** The named values and patterns ("vpce-11111", "vpce-1* に一致する任意の値"), and "その他の値" when asked. */
function itemsOf(o: BranchOutcome, withOther = false): string[] {
  return [...o.values, ...o.matching.map((p) => `${p} に一致する任意の値`), ...(withOther && o.other ? ['その他の値'] : [])]
}

/** "false の場合", "false の場合または存在しない場合", "存在しない場合". */
function when(items: readonly string[], absent: boolean): string {
  if (items.length === 0) return absent ? '存在しない場合' : ''
  return `${orList(items)} の場合${absent ? 'または存在しない場合' : ''}`
}

/** "aws:MultiFactorAuthPresent が false または存在しない場合は拒否、true の場合は許可". */
function outcomesInJapanese(key: string, outcomes: readonly BranchOutcome[]): string {
  if (outcomes.length === 1) return `${key} の値にかかわらず${WORD[outcomes[0]!.decision]}${still(outcomes[0]!)}`
  const byDecision = [...outcomes].sort((a, b) => DECISION_SEVERITY[b.decision] - DECISION_SEVERITY[a.decision])
  const fallback = byDecision.find((o) => o.other)
  const named = byDecision.filter((o) => o !== fallback)
  if (fallback && (fallback.absent || isAlwaysPresent(key)) && named.length === 1) {
    const only = named[0]!
    const values = orList([...itemsOf(only), ...(only.absent ? ['存在しない'] : [])])
    const rest = only.dependsOn.length > 0 ? andList(only.dependsOn) : 'このキー以外'
    const then = only.decision === 'Undetermined' ? `。${values} の場合は、さらに ${rest} 次第` : ` (${values} の場合は${WORD[only.decision]})`
    return `${key} が ${values} でない限り${WORD[fallback.decision]}${still(fallback)}${then}`
  }
  const parts = named.map((o, i) => `${i === 0 ? `${key} が ` : ''}${when(itemsOf(o), o.absent)}は${WORD[o.decision]}${still(o)}`)
  if (fallback) parts.push(`${when(itemsOf(fallback, true), fallback.absent)}は${WORD[fallback.decision]}${still(fallback)}`)
  return parts.join('、')
}

/** The condition operator families that compare ranges (AWS's Japanese guide: 数値、日付、IP アドレス、バイナリ). */
const FAMILY: Readonly<Record<string, string>> = { numeric: '数値', date: '日付', ip: 'IP アドレス', binary: 'バイナリ' }

/** Why the values of a key cannot be listed (model/branch-case.ts), as the English summary gives it. */
function reasonInJapanese(reason: UncountableReason): string {
  switch (reason.code) {
    case 'policyVariable': return 'ポリシーがこのキーをポリシー変数として使っています'
    case 'notNamedDirectly': return 'このキーを直接指定している条件がありません'
    case 'operator': return `演算子 ${reason.operator} では場合分けできません`
    case 'multiValued': return '複数値のコンテキストキーとして条件集合演算子で使われています'
    case 'ranges': return `このキーの${FAMILY[reason.family] ?? reason.family}の条件は値の範囲を比較します`
    case 'variablesInConditions': return 'このキーの条件がポリシー変数を使っています'
    case 'patterns': return `ポリシーがこのキーに ${reason.count} 個のワイルドカードパターンを指定しています`
    case 'values': return `ポリシーがこのキーに ${reason.count} 個の値を指定しています`
    case 'sampleClash': return `指定された値が ${reason.pattern} の例と同じ形です`
    case 'matchesEverything': return `パターン ${reason.pattern} がすべての値に一致します`
    case 'firstKeysOnly': return `場合分けするのは最初の ${reason.max} 個のキーだけです`
  }
}

/** "true (許可)": an outcome AWS's message ruled out, named with what it would have decided. */
const ruledOutItem = (o: BranchOutcome): string => `${orList([...itemsOf(o, true), ...(o.absent ? ['存在しない'] : [])])} (${WORD[o.decision]})`

/**
 * One branch line in Japanese, from its case and outcomes (model/branch-case.ts; the English
 * summary says the same in JSON). A branch without its case (one read back from JSON) is
 * worded from its outcomes when it has some, else shown as its English summary, whole.
 */
export function branchInJapanese(branch: Branch): string {
  const key = branch.key
  const kase = branch.case ?? (branch.outcomes.length > 0 ? { kind: 'outcomes' as const } : null)
  if (!kase) return branch.summary
  switch (kase.kind) {
    case 'uncountable':
      return `${key} 次第ですが、結果を左右する値をここでは正確に列挙できません (${reasonInJapanese(kase.reason)})。--context ${key}=VALUE で値を指定してください`
    case 'noValueSettles':
      return `${key} の値だけでは結果が決まりません`
    case 'narrowed': {
      // The outcomes left are those AWS's message did not rule out; the ruled-out ones are named too.
      const parts = branch.outcomes.map((o, i) => `${i === 0 ? `${key} が ` : ''}${when(itemsOf(o, true), o.absent)}は${WORD[o.decision]}${still(o)}`)
      return `${parts.join('、')}。AWS のメッセージにより ${orList(kase.ruledOut.map(ruledOutItem))} は除外されます`
    }
    case 'outcomes':
      return outcomesInJapanese(key, branch.outcomes)
  }
}


const DISAGREE_REASONS =
  'エラーの後にポリシーが変更されたか、これらが呼び出しを拒否したアカウントのポリシーではない (別のアカウント、プロファイル、スナップショット) 可能性があります。'

/** What AWS's message said: "アイデンティティベースのポリシーによる明示的な拒否 (arn:…)". */
function saysInJapanese(e: MessageEvidence): string {
  const type = e.policyType ? JA_POLICY_TYPES[e.policyType] : null
  const arn = e.policyArn ? ` (${e.policyArn})` : ''
  if (e.denyKind === 'implicit') return `「${type ?? 'ポリシー'}で許可されていない (暗黙的な拒否)${arn}」`
  return `「${type ? `${type}による` : ''}明示的な拒否${arn}」`
}

/** The evidence sentence in Japanese, from the evidence's data and the report's titles. */
export function evidenceInJapanese(e: MessageEvidence, parts: EvidenceParts): string {
  // Without what it was worked out from (read back from JSON), the English summary, whole.
  const detail = e.detail
  if (!detail) return e.summary
  const implied = e.implies.map(impliedInJapanese)
  if (e.denyKind === 'explicit' && e.outcome === 'settled' && !implied.every((t): t is string => t !== null)) return e.summary
  const says = saysInJapanese(e)
  const type = e.policyType ? JA_POLICY_TYPES[e.policyType] : 'ポリシー'
  // message-evidence.ts: the message names an ARN that is not among the policies read.
  const unread = detail.namedPolicy === 'unread'
    ? `メッセージが挙げている ${e.policyArn ?? ''} は読み取ったポリシーに含まれていません。該当し得るのは ARN のないポリシー (インラインポリシー) だけです。`
    : ''
  const names = parts.statements.map((s) => `${s.policy} の${s.statement}`)
  const titles = names.join('、')
  if (e.denyKind === 'explicit') {
    if (e.outcome === 'disagrees') {
      const what = detail.namedPolicy === 'read'
        ? `メッセージが挙げているポリシー (${e.policyArn ?? ''}) には、このリクエストに適用され得る Deny ステートメントがありません`
        : `ここで読み取った${type}には、このリクエストに適用され得る Deny ステートメントがありません${e.policyType === 'scp' ? '。また、すべての SCP 階層が許可しています' : ''}`
      return `AWS のメッセージとポリシーが一致しません: メッセージは${says}を示していますが、${what}。${unread}${DISAGREE_REASONS}`
    }
    if (e.outcome === 'settled') {
      const so = implied.length > 0 ? ` — つまり、${implied.join('、かつ ')}` : ''
      return `AWS のメッセージで確定しました: メッセージは${says}を示しており、ここでこのリクエストを拒否できるのは ${titles} だけです${so}。${unread}`
    }
    const alsoScp = detail.scpGateOpen ? ' (または Allow のない SCP 階層。AWS は同じ表現で示します)' : ''
    const alsoUnread = detail.sourceUnread ? ' (または読み取れなかった情報源のポリシー)' : ''
    const which = parts.dependsOn.length > 0 ? `どれかは ${parts.dependsOn.join(', ')} 次第です。` : ''
    const only = names.length === 1 ? ' だけです' : ' のいずれかだけです'
    return `AWS のメッセージで絞り込まれました: メッセージは${says}を示しており、ここで該当し得るのは ${titles}${alsoScp}${alsoUnread}${only}。${which}${unread}`
  }
  if (e.outcome === 'disagrees') {
    const what = detail.certainAllow
      ? `${names[0] ?? ''} がリクエストの内容にかかわらず許可しています`
      : `denydoctor は、ここで許可する必要のある${type}を見つけられません`
    return `AWS のメッセージとポリシーが一致しません: メッセージは${says}を示していますが、${what}。${DISAGREE_REASONS}`
  }
  if (e.outcome === 'settled') {
    return `AWS のメッセージで確定しました: メッセージは${says}を示しているため、${titles} は呼び出しを許可しておらず、ほかに許可できるものもありません。`
  }
  const why =
    parts.decision !== 'Undetermined' ? '' : parts.anyDeny ? '。いずれにせよ呼び出しは拒否されており、Deny も適用されたかどうかはまだ未確定です' : '。残りはまだ未確定です'
  return `AWS のメッセージで絞り込まれました: メッセージは${says}を示しているため、${titles} は呼び出しを許可していません${why}。`
}

/**
 * An implied condition (evaluate/suggestions.ts denyTrigger, message-evidence.ts impliedBy) in
 * Japanese, or null when no rule knows it (the evidence is then shown in English, whole).
 */
function impliedInJapanese(text: string): string | null {
  const covers = /^the resource was one it covers \((.+)\)$/.exec(text)
  if (covers) return `リソースがこのステートメントの対象だった (${covers[1]})`
  return triggerInJapanese(text)
}
