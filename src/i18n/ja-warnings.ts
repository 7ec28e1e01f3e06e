/**
 * 警告 (ポリシーの lint、リクエストについての警告) と、Allow がない理由 (missingAllows[].explanation)
 * を日本語で。英語の文はコードと引数のテンプレートから書かれ (model/coded-text.ts)、同じテンプレートで
 * コードと引数を読み戻して日本語で言い直す。どのテンプレートにも当てはまらない文は英語のまま全体を
 * 表示し、半分だけ訳すことはしない。JSON は英語のまま変わらない。
 * 用語: https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_elements.html
 * (単一値のコンテキストキー、条件集合演算子: https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html)
 */
import { readCoded } from '../model/coded-text.js'
import { POLICY_TYPE_MESSAGE_WORDS, type PolicyType } from '../model/index.js'
import { MISSING_TEXTS, NEED_TEXTS, type NeedCode } from '../model/need-texts.js'
import { REQUEST_WARNING_TEXTS } from '../model/request-warning-texts.js'
import { LINT_STATEMENT_TEXTS, LINT_TEXTS, type LintStatementCode } from '../model/lint-texts.js'
import { caseWarningInJapanese } from './ja-case-warnings.js'
import { JA_POLICY_TYPES } from './ja-suggestions.js'

type Say = (...args: string[]) => string

/** "statement 2" / "statement \"X\"" (policy/site.ts) → "ステートメント 2" / "ステートメント \"X\"". */
const statementJa = (label: string): string => label.replace(/^statement /, 'ステートメント ')

const LINT_STATEMENT: Readonly<Record<LintStatementCode, Say>> = {
  variableNoVersion: (variable) =>
    `${variable} はここではリテラルの文字列です。ポリシー変数は "Version": "2012-10-17" でのみ機能しますが、このポリシーには Version がありません。`,
  variable2008: (variable) =>
    `${variable} はここではリテラルの文字列です。ポリシー変数は "Version": "2012-10-17" でのみ機能しますが、このポリシーは "Version": "2008-10-17" です。`,
  wildcardPrefix: (element, action) =>
    `"${element}": "${action}" のサービスプレフィックスにワイルドカードがあります — サービスを正確に指定する (例: "ec2:…") か、すべてのアクションなら "*" と書いてください。`,
  spacesAction: (action, guess) =>
    `"Action": "${action}" には空白が含まれていますが、空白を含むアクション名はありません — どのアクションにも一致しないため、このエントリは何も許可せず、何も拒否しません。${guess ? `"${guess}" のことですか?` : ''}`,
  spacesNotAction: (action, guess) =>
    `"NotAction": "${action}" には空白が含まれていますが、空白を含むアクション名はありません — どのアクションにも一致しないため、NotAction として何も除外しません。${guess ? `"${guess}" のことですか?` : ''}`,
  allowNotAction: () =>
    'Allow と NotAction の組み合わせは、指定されたリソースに対して、すべてのサービスのリストにないすべてのアクションを許可します — 許可の範囲が広すぎます。代わりに "Action" にアクションを列挙してください。',
  allowNotResource: () =>
    'Allow と NotResource の組み合わせは、リストにあるリソースを除くすべてのリソースに対してアクションを許可します — 許可の範囲が広すぎます。代わりに "Resource" にリソースを列挙してください。',
  denyNotResource: () =>
    'Deny と NotResource の組み合わせは、リストにあるリソースを除くすべてのリソースに対してアクションを拒否します — アクセスできる必要のあるリソースがすべてリストに含まれていることを確認してください。',
  notPrincipalAllow: (doc) =>
    `NotPrincipal と Allow の組み合わせは、匿名ユーザーを含め、リストにあるプリンシパル以外の全員にアクセスを許可します。AWS はこの組み合わせをサポートしていません — 代わりに "Principal" と aws:PrincipalArn の条件を使ってください (${doc})。`,
  notPrincipalDeny: (doc) =>
    `NotPrincipal と Deny の組み合わせにアカウント (arn:aws:iam::ACCOUNT:root または 12 桁のアカウント ID) がありません — AWS が呼び出し元のアカウントを別に評価して拒否し、それとともにリストにある全員を拒否する可能性があります。リストにある各プリンシパルのアカウント ARN を追加するか、"Principal": "*" と aws:PrincipalArn に対する ArnNotEquals を使ってください (${doc})。`,
  forAllValuesAllow: (operator, key) =>
    `Allow の "${key}" に対する ${operator} は、リクエストに "${key}" がまったくない場合にも true になるため、意図した以上に許可する可能性があります — "Null": {"${key}": "false"} を追加してください。`,
  setOnSingleValued: (operator, key, single) =>
    `"${key}" に対する ${operator}: "${key}" は単一値のコンテキストキーです — 条件集合演算子は複数値のコンテキストキー向けであり、ここでは許可が広くなりすぎる可能性があります。"${single}" を使ってください。`,
}

/** A lint warning (without set-plan's policy-name prefix) in Japanese, or null. */
function lintInJapanese(text: string): string | null {
  const found = readCoded(LINT_TEXTS, text)
  if (!found) return null
  const [name = '', label = '', body = ''] = found.args
  if (found.code === 'lone') return `ポリシー "${name}" は "Statement" で囲まれていない単独のステートメントです。Version のない、ステートメントが 1 つのポリシーとして読み取ります。`
  if (found.code === 'noVersion') {
    return `ポリシー "${name}" には "Version" がないため、AWS は 2008-10-17 のポリシー言語で読み取ります。この言語では \${…} のポリシー変数はリテラルの文字列です。"Version": "2012-10-17" を追加してください。`
  }
  const inner = readCoded(LINT_STATEMENT_TEXTS, body)
  return inner ? `ポリシー "${name}"、${statementJa(label)}: ${LINT_STATEMENT[inner.code](...inner.args)}` : null
}

const REQUEST_WARNING: Readonly<Record<keyof typeof REQUEST_WARNING_TEXTS, Say>> = {
  unknownAction: (action, guesses) =>
    `IAM アクションカタログに ${action} がありません: スペルが誤っているアクションはどの Allow にも一致しないため、暗黙的な拒否になります。${guesses ? `${guesses} のことですか? ` : ''}(カタログが新しい API に追いついていない場合もあります。)`,
  keyNotSupported: (key, action) => `コンテキストキー ${key} は ${action} がサポートする条件キーではないため、AWS がこのリクエストでこのキーを送ることはありません。`,
  regionSetAside: (region, bucketRegion) =>
    `--region ${region} は使用しませんでした: バケットは ${bucketRegion} にあります。AWS CLI と SDK はバケットのリージョンに合わせて呼び出すため、AWS は aws:RequestedRegion をバケットのリージョンとして評価します。`,
}

/**
 * A verdict warning in Japanese; the English as it is when no template wrote it. The set's lint
 * warnings come prefixed with the policy's name or type ("identity: Policy …", set-plan.ts).
 */
export function warningInJapanese(text: string): string {
  const request = readCoded(REQUEST_WARNING_TEXTS, text)
  if (request) return REQUEST_WARNING[request.code](...request.args)
  const whole = lintInJapanese(text)
  if (whole) return whole
  const cut = text.indexOf(': Policy "')
  if (cut > 0) {
    const prefix = text.slice(0, cut)
    const lint = lintInJapanese(text.slice(cut + 2))
    if (lint) return `${JA_POLICY_TYPES[prefix] ?? prefix}: ${lint}`
  }
  // The case reader's own warnings (sources/case/load-case.ts).
  return caseWarningInJapanese(text)
}

const NEED: Readonly<Record<NeedCode, Say>> = {
  vpce: () => 'リクエストは VPC エンドポイントを経由しており、そのエンドポイントポリシーが許可している必要があります',
  servicePrincipal: (service) => `${service} は AWS のサービスプリンシパルであり、アイデンティティベースのポリシーを持ちません: リソースベースのポリシーが許可している必要があります`,
  resourcePolicyRequired: (action) => `${action} では、リソースベースのポリシー (キーポリシーまたは信頼ポリシー) が呼び出し元を許可している必要があります`,
  crossAccount: (resourceAccount, principalAccount) =>
    `リソースはアカウント ${principalAccount} ではなく ${resourceAccount} にあります: クロスアカウントではリソースベースのポリシーも許可している必要があります`,
  identity: () => 'プリンシパルのアイデンティティベースのポリシーが許可している必要があります',
  boundary: () => 'アクセス許可の境界も許可している必要があります',
  session: () => 'セッションの作成時に渡されたセッションポリシーが許可している必要があります',
  federated: () => 'フェデレーティッドユーザーのセッション (GetFederationToken) は、セッションポリシーがなければアクセス許可を持ちません',
  scpLevels: () => '組織のルートからアカウントまでのすべての階層に、これを許可する SCP が必要です',
  managedPolicy: (resource, action) =>
    `\`${resource}\` は AWS 管理ポリシーです: 作成、変更、削除ができるのは AWS だけなので、呼び出し元のポリシーが何を許可していても IAM はこのポリシーに対する ${action} を拒否します`,
  identityCenterRole: (resource, action) =>
    `\`${resource}\` は IAM Identity Center が管理するロールです: IAM はこのロールに対する ${action} を拒否します (UnmodifiableEntity、"this role is only modifiable by AWS")。代わりに IAM Identity Center でアクセス許可セットを変更してください`,
  serviceLinkedRole: (resource, action) =>
    `\`${resource}\` はサービスにリンクされたロールです: 変更や削除ができるのはリンク先のサービスだけなので、呼び出し元のポリシーが何を許可していても IAM は ${action} を拒否します (UnmodifiableEntity)。変更はそのサービスに依頼してください (削除は iam:DeleteServiceLinkedRole)`,
}

/** A gate's need in Japanese, or null when no template wrote it. */
export function needInJapanese(text: string): string | null {
  const found = readCoded(NEED_TEXTS, text)
  return found ? NEED[found.code](...found.args) : null
}

/**
 * What matched a statement's negated element, as the matchers write it (evaluate/match/action.ts,
 * policy-index.ts, resource.ts, principal.ts); a pattern or an ARN is shown as it is.
 */
export function matchedInJapanese(matched: string): string {
  const rules: readonly [RegExp, (...groups: string[]) => string][] = [
    [/^NotAction \((\S+) is not listed\)$/, (action) => `NotAction (${action} はリストにない)`],
    [/^NotResource \((\S+) is not among (.+)\)$/, (resource, patterns) => `NotResource (${resource} は ${patterns} のいずれでもない)`],
    [/^NotPrincipal \((\S+) is not listed\)$/, (arn) => `NotPrincipal (${arn} はリストにない)`],
    [/^NotPrincipal \(exempts some sessions of (\S+)\)$/, (arn) => `NotPrincipal (${arn} の一部のセッションを除外)`],
  ]
  for (const [pattern, render] of rules) {
    const match = pattern.exec(matched)
    if (match) return render(...match.slice(1).map((g) => g ?? ''))
  }
  return matched
}

const TYPE_OF_WORDS = new Map(Object.entries(POLICY_TYPE_MESSAGE_WORDS).map(([type, words]) => [words, type as PolicyType]))

/** A missing Allow's explanation in Japanese; the English as it is when a part of it is not a known template. */
export function missingExplanationInJapanese(text: string): string {
  const found = readCoded(MISSING_TEXTS, text)
  if (!found) return text
  if (found.code === 'messageSaysNone') {
    const [action = '', words = '', which = ''] = found.args
    const type = TYPE_OF_WORDS.get(words)
    if (!type) return text
    const who = which === 'the one that may' ? '許可し得たステートメントも許可していません' : '許可し得たステートメントはいずれも許可していません'
    return `${action} に対する Allow がありません: AWS のメッセージによると、これを許可した${JA_POLICY_TYPES[type] ?? type}はないため、${who}。`
  }
  if (found.code === 'awsOwned') {
    const need = needInJapanese(found.args[0] ?? '')
    return need ? `${need}。` : text
  }
  const [action = '', resource = '', needText = ''] = found.args
  const need = needInJapanese(needText)
  return need ? `${action}${resource ? ` (リソース ${resource})` : ''} に対する Allow がありません: ${need}。` : text
}
