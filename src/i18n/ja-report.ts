/**
 * 判定レポートの日本語。AWS の日本語ドキュメントの用語 (明示的な拒否、暗黙的な拒否、
 * アイデンティティベースのポリシー、アクセス許可の境界、サービスコントロールポリシー (SCP)、
 * リソースコントロールポリシー (RCP)、リソースベースのポリシー、VPC エンドポイントポリシー、
 * セッションポリシー、ステートメント、条件キー、リクエストコンテキスト) を使う。
 * https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { Branch, ConditionTrace, MessageEvidence, StatementFinding } from '../model/index.js'
import type { enReport, EvidenceParts } from './en-report.js'
import { branchInJapanese, evidenceInJapanese } from './ja-branches.js'
import { noteInJapanese, originInJapanese } from './ja-sources.js'
import { JA_POLICY_TYPES, suggestionInJapanese } from './ja-suggestions.js'

type Shape = { readonly [K in keyof typeof enReport]: (typeof enReport)[K] }

export const jaReport: Shape = {
  'report.headline': {
    Allowed: '許可 (ALLOWED)',
    ExplicitDeny: '拒否 (明示的な拒否)',
    ImplicitDeny: '拒否 (暗黙的な拒否: 許可するポリシーがありません)',
    Undetermined: '未確定 (リクエストに何が含まれていたかによります)',
  },
  'report.headlineUnread': '未確定 (一部のポリシーを読み取れませんでした)',
  'report.title': { Allowed: '許可', ExplicitDeny: '明示的な拒否', ImplicitDeny: '暗黙的な拒否', Undetermined: '未確定' },
  'report.requestSummary': (action: string, principal: string) => `${principal} による ${action}`,
  'report.policyType': JA_POLICY_TYPES,
  'report.missingLayer': JA_POLICY_TYPES,
  'report.awsOwned': { label: 'AWS が所有するリソース', why: '変更できるのは AWS のみ' },
  'report.assumedAbsent': (keys: readonly string[]) => `存在しない: ${keys.join(', ')}`,
  'report.overrideHint': '(--context KEY=VALUE または --unknown KEY で上書きできます)',
  'report.missingAt': (what: string, level: string) => `${level} の ${what}`,
  'report.policyTitle': (type: string, name: string | null, attachedTo: string | null) =>
    [attachedTo ? `${attachedTo} にアタッチされた` : null, type, name].filter(Boolean).join(' '),
  'report.statement': (n: number, sid: string | null) => (sid ? `ステートメント ${n} (Sid ${sid})` : `ステートメント ${n}`),
  'report.onResource': (resource: string) => ` — リソース ${resource}`,
  'report.verb': { denied: '拒否したポリシー:', mayDeny: '拒否する可能性があるポリシー:', allowed: '許可したポリシー:', mayAllow: '許可する可能性があるポリシー:' },
  'report.mayApply': (what: string) => ` — 適用される可能性あり: ${what} 次第`,
  'report.theResource': 'リソース',
  'report.coversAll': 'このアクションが扱うすべてのリソースタイプ',
  'report.noResourceCovers': (covers: string) => `リクエストはリソースを指定していません。このステートメントの対象: ${covers}。`,
  'report.conditions': '条件:',
  'report.heading': {
    whatToChange: '変更すべき点:',
    ifStillDenied: 'それでも AWS が拒否する場合:',
    nothingAllows: 'ここでは何も許可していません:',
    alsoWithoutAllow: 'Allow がないその他のもの:',
    request: 'リクエスト:',
    otherDenies: 'その他の拒否:',
    otherAllows: 'その他の許可:',
    allowedOverridden: '許可しているもの (拒否が優先されます):',
    allowedNotEnough: '許可しているもの (それだけでは足りません):',
    allowedUnsettled: '許可しているもの (それだけでは決まりません):',
    couldNotRead: '読み取れなかったもの:',
    warnings: '警告:',
    remedies: '貼り付けて使える修正案 (適用前に確認してください):',
  },
  'report.label': { resource: 'リソース', resources: 'リソース', notGiven: '(指定なし)', context: 'コンテキスト', assumed: '直接の呼び出しとして想定', source: '情報源' },
  'report.partial': (sources: string) => `⚠ 部分的な診断: ${sources} を読み取れませんでした。それらに含まれるポリシーはこの判定に含まれていないため、許可とは判定できません。`,
  'report.orgWide': (kinds: string, list: readonly { readonly name: string; readonly levels: number }[]) =>
    `${kinds} のすべての階層が許可しています: ${list.map((p) => `${p.name} (${p.levels} 階層)`).join('、')}。`,
  'report.orgAllows': (kinds: string, list: readonly { readonly name: string; readonly levels: number }[]) =>
    `許可している ${kinds} ポリシー: ${list.map((p) => `${p.name} (${p.levels} 階層)`).join('、')}`,
  'report.orgKinds': (scp: boolean, rcp: boolean) => (scp && rcp ? 'SCP と RCP' : scp ? 'SCP' : 'RCP'),
  'report.assumptions': (pairs: readonly string[]) => (pairs.length > 0 ? `直接の呼び出しとして想定: ${pairs.join(', ')}` : '想定: なし'),
  'report.brief': { action: 'アクション', resource: 'リソース', principal: 'プリンシパル', condition: '条件', change: '変更', notRead: '読み取れなかったもの', noChange: '変更不要: ポリシーは許可しています', request: 'リクエスト' },
  'report.briefMore': (n: number) => `… 決定したステートメントがあと ${n} 件あります (--brief なしで全体を表示)`,
  'report.noAllowIn': (label: string) => `${label} に Allow がありません`,
  'report.remedy': { label: '適用前に確認してください' },
  'report.remedyAddTo': (layer: string, target: string) => `${target} の${layer}に追加:`,
  'report.remedyAddAtLevel': (layer: string, level: string) => `${level} にアタッチされた${layer}に追加:`,
  'report.remedyEdit': (statement: string, policy: string) => `${policy} の${statement} を編集 (JSON Patch。パスはステートメントからの相対パス):`,
  'report.remedyLayer': { identity: 'アイデンティティベースのポリシー', boundary: 'アクセス許可の境界', session: 'セッションポリシー', resource: 'リソースポリシー', vpce: 'VPC エンドポイントポリシー', scp: ' SCP ', rcp: ' RCP ' },
  'report.partialTitle': '⚠ 部分的な診断。',
  'report.partialBody': (sources: string) => `${sources} を読み取れませんでした。それらに含まれるポリシーはこの判定に含まれていないため、許可とは判定できません。`,
  'report.diagramOrganisation': '組織',
  'report.diagramState': { denied: '拒否', 'no-allow': 'Allow なし', allowed: '許可', unknown: '不明', 'not-read': '未読' },
  'report.diagramLayer': { rcp: 'RCP', scp: 'SCP', vpce: 'VPC エンドポイントポリシー', resource: 'リソースポリシー', identity: 'アイデンティティベースのポリシー', boundary: 'アクセス許可の境界', session: 'セッションポリシー' },
  'report.diagramResult': { Allowed: '許可', ExplicitDeny: '拒否 (明示的)', ImplicitDeny: '拒否 (暗黙的)', Undetermined: '未確定' },
  'report.md': {
    decidedBy: '決定したもの',
    path: '評価の流れ',
    whatToChange: '変更すべき点',
    ifStillDenied: 'それでも AWS が拒否する場合',
    nothingAllows: 'ここでは何も許可していません',
    alsoWithoutAllow: 'Allow がないその他のもの',
    request: 'リクエスト',
    denies: '拒否',
    allows: '許可',
    couldNotRead: '読み取れなかったもの',
    warnings: '警告',
    remedies: '貼り付けて使える修正案 (適用前に確認してください)',
    matched: '一致した要素',
    conditions: '条件',
    undetermined: '未確定:',
    resourceTypes: '対象のリソースタイプ',
    condition: '条件',
    yes: 'はい',
    field: '項目',
    value: '値',
    resource: 'リソース',
    resources: 'リソース',
    context: 'コンテキスト',
    source: '情報源',
  },
  'report.mdVerdict': (title: string) => `判定: ${title}`,
  'report.mdPartial': (sources: string) => `**⚠ 部分的な診断。** ${sources} を読み取れませんでした。それらに含まれるポリシーはこの判定に含まれていないため、許可とは判定できません。`,
  'report.mdHangsOn': (what: string) => `${what} 次第`,
  'report.columns': {
    '#': '#',
    policy: 'ポリシー',
    statement: 'ステートメント',
    applies: '適用',
    explanation: '説明',
    operator: '演算子',
    key: 'キー',
    policyValues: 'ポリシーの値',
    requestValues: 'リクエストの値',
    result: '結果',
    why: '理由',
    error: 'エラー',
    effect: '影響',
  },
  'report.values': { unknown: '(不明)', absent: '(なし)', empty: '(空)', none: '(なし)', resultUnknown: '不明', true: 'true', false: 'false' },
  'report.marks': {
    matchedAction: '一致したアクション',
    actionNotListed: 'ここに列挙されていないアクション',
    matchedResource: '一致したリソース',
    resourceNotListed: 'ここに列挙されていないリソース',
    matchedPrincipal: '一致したプリンシパル',
    principalNotListed: 'ここに列挙されていないプリンシパル',
    conditionTrue: '条件 true',
    conditionFalse: '条件 false',
    conditionUnknown: '条件 不明',
  },
  'report.intakeTitle': {
    message: 'AccessDenied メッセージから読み取った内容',
    encoded: 'エンコードされた認可メッセージから読み取った内容',
    cloudtrail: 'CloudTrail イベントから読み取った内容',
    other: '入力から読み取った内容',
  },
  'report.intakeLabel': { principal: 'プリンシパル', action: 'アクション', resource: 'リソース', resources: 'リソース', reported: '報告された種類', context: 'コンテキスト', notes: '注記', comparison: '照合' },
  'report.noTypeGiven': 'ポリシーの種類の記載なし',
  'report.origin': (origin: string) => originInJapanese(origin),
  'report.note': (note: string) => noteInJapanese(note),
  'report.suggestion': (suggestion: string) => suggestionInJapanese(suggestion),
  'report.why': (trace: ConditionTrace) => whyInJapanese(trace),
  'report.explanation': (finding: StatementFinding) => explanationInJapanese(finding),
  'report.branchesTitle': '何で決まるか',
  'report.branch': (branch: Branch) => branchInJapanese(branch),
  'report.evidence': (evidence: MessageEvidence, parts: EvidenceParts) => evidenceInJapanese(evidence, parts),
  'report.cond.verb': { Deny: '拒否します', Allow: '許可します' },
  'report.cond.mfa': 'MFA を使用した呼び出しでない限り',
  'report.cond.anyValue': (key: string) => `${key} のいずれかの値`,
  'report.cond.everyValue': (key: string) => `${key} のすべての値`,
  'report.cond.absent': (key: string, wantsAbsent: boolean) => `${key} が${wantsAbsent ? '存在しない' : '存在する'}場合`,
  'report.cond.unless': (subject: string, predicate: string, values: string) => `${subject} が ${values} ${negative(predicate)}限り`,
  'report.cond.if': (subject: string, predicate: string, values: string, orAbsent: boolean) => `${subject} が ${values} ${predicate}場合${orAbsent ? ' (または存在しない場合)' : ''}`,
  'report.cond.holds': (operator: string, key: string, values: string) => `${operator} ${key} ${values} が成り立つ場合`,
  'report.cond.oneOf': (quoted: readonly string[]) => (quoted.length === 1 ? quoted[0]! : `${quoted.join('、')} のいずれか`),
  'report.cond.clause': (verb: string, phrase: string) => `${phrase}${verb}`,
  'report.cond.predicate': {
    is: 'である',
    isIgnoringCase: 'である (大文字と小文字を区別しない)',
    matches: 'に一致する',
    lessThan: 'より小さい',
    atMost: '以下である',
    greaterThan: 'より大きい',
    atLeast: '以上である',
    before: 'より前である',
    atOrBefore: '以前である',
    after: 'より後である',
    atOrAfter: '以降である',
    isIn: 'の範囲内である',
  },
  'report.hang.sentence': (clauses: readonly string[], unsaid: string) => `${clauses.join('。また、')} — リクエストコンテキストからは${unsaid}がわかりません。`,
  'report.hang.keys': (keys: readonly string[], unsaid: string) => `${keys.join(', ')} 次第です: リクエストコンテキストからは${unsaid}がわかりません。`,
  'report.hang.maybe': (explanation: string) => `適用されるかどうかは不明です: ${explanation}`,
  'report.unsaid.whetherItWas': '、MFA を使用したかどうか',
  'report.unsaid.carried': '、呼び出しに何が含まれていたか',
  'report.unsaid.mfa': '、MFA を使用した呼び出しかどうか',
  'report.unsaid.keys': (keys: readonly string[]) => ` ${keys.join(', ')} の値`,
}

/** "である" → "でない", "に一致する" → "に一致しない": the negated operators read as "unless" + the positive form. */
function negative(predicate: string): string {
  if (predicate.endsWith('である')) return `${predicate.slice(0, -3)}でない`
  if (predicate.endsWith('である (大文字と小文字を区別しない)')) return predicate.replace('である', 'でない')
  if (predicate.endsWith('する')) return `${predicate.slice(0, -2)}しない`
  return `${predicate}ではない`
}

/**
 * A condition's why in Japanese, from the trace's own data (the evaluator's English sentence
 * stays in the JSON): what the request held for the key, and what the operator came out as.
 */
function whyInJapanese(trace: ConditionTrace): string {
  const op = trace.operator
  if (trace.result === 'unknown' && (trace.requestValues === 'unknown' || trace.requestValues === null)) {
    return `${trace.key} の値はリクエストコンテキストからはわからないため、この条件はどちらにもなり得ます`
  }
  const values = trace.requestValues
  const held = values === 'unknown' ? null : values === null ? `${trace.key} はリクエストに存在しない` : values.length === 0 ? `${trace.key} の値は空` : `${trace.key} は ${values.join(', ')}`
  if (trace.result === 'unknown') return `${held ?? trace.key}。ポリシーの値に不明な変数が含まれるため、この条件はどちらにもなり得ます`
  return `${held}。ポリシーの値 ${trace.policyValues.join(', ')} と照らして、${op} は ${String(trace.result)} です`
}

/** A finding's explanation in Japanese, from its parts: which action, resource, principal and conditions matched. */
function explanationInJapanese(finding: StatementFinding): string {
  const parts = [`アクション ${JSON.stringify(finding.matchedAction)} とリソース ${JSON.stringify(finding.matchedResource)} に一致`]
  if (finding.matchedPrincipal) parts.push(`プリンシパル ${JSON.stringify(finding.matchedPrincipal)} に一致`)
  if (finding.conditions.length === 0) parts.push('条件なし')
  else parts.push(`条件: ${finding.conditions.map((c) => `${c.operator} ${c.key} は ${c.result === 'unknown' ? '不明' : String(c.result)}`).join('、')}`)
  if (!finding.certain) parts.push(`適用されるかどうかは ${finding.unknownKeys.length ? finding.unknownKeys.join(', ') : 'リソース'} 次第です`)
  return `${parts.join('。')}。`
}
