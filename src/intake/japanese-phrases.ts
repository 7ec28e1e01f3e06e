import type { PolicyType } from '../model/index.js'

/**
 * The Japanese words of AccessDenied messages as consoles, SDK wrappers and translated articles
 * show them, with what each means in the English template. Terms are AWS's own Japanese ones:
 * - the seed article, https://repost.aws/ja/knowledge-center/iam-explicit-deny-errors
 *   (明示的な拒否, アイデンティティベースのポリシー, リソースベースのポリシー, アクセス許可の境界,
 *   サービスコントロールポリシー, セッションポリシー, VPC エンドポイントポリシー);
 * - https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html
 *   (明示的な拒否と暗黙的な拒否の違い);
 * - https://docs.aws.amazon.com/ja_jp/organizations/latest/userguide/orgs_manage_policies_rcps.html
 *   (リソースコントロールポリシー (RCP));
 * - https://docs.aws.amazon.com/ja_jp/vpc/latest/privatelink/vpc-endpoints-access.html (エンドポイントポリシー).
 * Other renderings seen in translated pages (ID ベースのポリシー, アクセス許可境界, 信頼ポリシー) read the same.
 * Every pattern runs on text already folded by foldWidth (ASCII punctuation, single spaces).
 */

export interface JapanesePolicyPhrase {
  readonly pattern: RegExp
  readonly type: PolicyType
  readonly trust?: boolean
}

// Spaces are optional between the parts of a compound (translations write both ways).
export const JAPANESE_POLICY_PHRASES: readonly JapanesePolicyPhrase[] = [
  { pattern: /サービス\s*コントロール\s*ポリシー|\bSCPs?\b/, type: 'scp' },
  { pattern: /リソース\s*コントロール\s*ポリシー|\bRCPs?\b/, type: 'rcp' },
  { pattern: /(?:アイデンティティ|ID|IAM\s*ID)\s*ベース\s*の?\s*ポリシー/i, type: 'identity' },
  { pattern: /リソース\s*ベース\s*の?\s*ポリシー/, type: 'resource' },
  { pattern: /(?:アクセス\s*)?許可\s*の?\s*境界|アクセス権限\s*の?\s*境界|権限\s*の?\s*境界/, type: 'boundary' },
  { pattern: /セッション\s*ポリシー/, type: 'session' },
  { pattern: /(?:VPC\s*)?エンドポイント\s*ポリシー/i, type: 'vpce' },
  { pattern: /(?:ロール\s*の\s*)?信頼\s*ポリシー/, type: 'resource', trust: true },
]

/** 明示的な拒否 / 明示的に拒否 (explicit deny). */
export const JA_EXPLICIT = /明示的\s*(?:な|に)\s*拒否/
/** 暗黙的な拒否 / 暗黙的に拒否 (implicit deny). */
export const JA_IMPLICIT = /暗黙的?\s*(?:な|に)\s*拒否/
/** "no … allows it": 許可する … がない, 許可されていない, 許可していない, 許可がない. */
export const JA_NOT_ALLOWED = /許可\s*(?:する\s*\S{0,40}?\s*が\s*(?:ない|ありません)|されていない|されていません|していない|していません|がない|がありません)/

/** "is not authorized to perform": 実行する権限がありません, 実行する権限がない, 実行するアクセス許可がありません, 実行が許可されていません. */
export const JA_NOT_AUTHORIZED = '(?:実行\\s*する\\s*(?:権限|アクセス\\s*許可|許可)\\s*(?:が|を\\s*持って)\\s*(?:ありません|ない|いません)|実行\\s*が\\s*許可\\s*されて\\s*い(?:ません|ない))'
/** ユーザー: / ユーザ: (User:). */
export const JA_USER = '(?:ユーザー|ユーザ|User)\\s*:\\s*'
/** The topic particle after the caller's ARN: は, には, は、 (folded to ", "). */
export const JA_TOPIC = '\\s*(?:に\\s*は|は)\\s*,?\\s*'

/** IAM resource words that stand before a name in "on resource: role TestReadOnly". */
export const JA_RESOURCE_WORDS: Readonly<Record<string, string>> = {
  ロール: 'role',
  ユーザー: 'user',
  ユーザ: 'user',
  グループ: 'group',
  ポリシー: 'policy',
  インスタンスプロファイル: 'instance-profile',
}

/** The AWS CLI's "An error occurred (CODE) when calling the OP operation:" in Japanese. */
export const JA_CLI_WRAPPER =
  /(?:エラー\s*:\s*)?(\w+)\s*オペレーション\s*を\s*呼び出す\s*(?:とき|際)\s*に\s*(?:エラー\s*が\s*発生\s*\(([^)]{1,200})\)\s*しました|エラー\s*\(([^)]{1,200})\)\s*が\s*発生\s*しました)\s*:?\s*/
