/**
 * Every suggestion the demo organisation's scenarios give, in Japanese: the templates of
 * src/evaluate/suggestions.ts read back whole, and an unknown sentence left as it is.
 */
import { describe, expect, it } from 'vitest'
import { suggestionInJapanese } from '../../src/i18n/ja-suggestions.js'

const SCP = 'statement 1 (Sid DenyRunInstancesExceptCloudOps) of SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)'

describe('suggestions in Japanese', () => {
  it.each([
    [
      `To get past ${SCP}: use a principal whose ARN matches "arn:aws:iam::*:role/CloudOps" (for a role session, the role ARN with its path); or change the SCP: remove or narrow statement 1 (Sid DenyRunInstancesExceptCloudOps) of SCP \`DenyRunInstances\` attached to OU \`Prod\` (ou-demo-prod11), detach it from ou-demo-prod11, or add an exception condition (e.g. ArnNotLike aws:PrincipalArn) for this principal.`,
      'OU `Prod` (ou-demo-prod11) にアタッチされた SCP `DenyRunInstances` のステートメント 1 (Sid DenyRunInstancesExceptCloudOps) を回避するには: ARN が "arn:aws:iam::*:role/CloudOps" に一致するプリンシパルを使う (ロールセッションの場合は、パスを含むロールの ARN)。または SCP を変更する: OU `Prod` (ou-demo-prod11) にアタッチされた SCP `DenyRunInstances` のステートメント 1 (Sid DenyRunInstancesExceptCloudOps) を削除するか範囲を狭める、ou-demo-prod11 からデタッチする、またはこのプリンシパル向けの例外条件 (例: ArnNotLike aws:PrincipalArn) を追加する。',
    ],
    [
      'statement 1 (Sid DenyAllEC2) of permissions boundary `DevBoundary` of role `BoundedDeveloper` denies unconditionally: change the permissions boundary (permissions boundary `DevBoundary` of role `BoundedDeveloper`), statement 1 (Sid DenyAllEC2): a boundary caps every identity allow, so editing the role\'s own policies will not help.',
      'ロール `BoundedDeveloper` のアクセス許可の境界 `DevBoundary` のステートメント 1 (Sid DenyAllEC2) は無条件に拒否しています: アクセス許可の境界 (ロール `BoundedDeveloper` のアクセス許可の境界 `DevBoundary`) のステートメント 1 (Sid DenyAllEC2) を変更する: 境界はアイデンティティベースのポリシーによる許可の上限を決めるため、ロール自身のポリシーを編集しても解決しません。',
    ],
    [
      'Nothing in the resource layer allows s3:GetObject: grant the principal in the resource policy (bucket policy, key policy or trust policy).',
      'リソースベースのポリシーで s3:GetObject を許可しているものがありません: リソースポリシー (バケットポリシー、キーポリシー、信頼ポリシー) でプリンシパルに許可する。',
    ],
    [
      'statement 2 (Sid DenyAllExceptListedIfNoMFA) of inline policy `ForceMFA` of group `Developers` denies if the call was made without MFA (aws:MultiFactorAuthPresent false or absent); the request context does not say whether it did. Once you know, re-run with --mfa (or --no-mfa) (or --assume-absent if the call did not send it: AWS treats a key the call did not send as absent).',
      'グループ `Developers` のインラインポリシー `ForceMFA` のステートメント 2 (Sid DenyAllExceptListedIfNoMFA) は、MFA を使用せずに呼び出された (aws:MultiFactorAuthPresent が false または存在しない) 場合に拒否します。リクエストコンテキストからはそうだったかどうかがわかりません。わかったら --mfa (または --no-mfa) を付けて再実行してください (呼び出しがそのキーを送らなかった場合は --assume-absent: AWS は呼び出しが送らなかったキーを存在しないものとして扱います)。',
    ],
    [
      'statement 1 of identity-based policy `Guard` denies if aws:SourceVpce is not "vpce-1", "vpce-2" or absent and aws:PrincipalTag/team is "ops"; the request context does not say whether it did. Once you know, re-run with --source-vpce vpce-1 and --context aws:PrincipalTag/team=ops.',
      'アイデンティティベースのポリシー `Guard` のステートメント 1 は、aws:SourceVpce が "vpce-1", "vpce-2" ではない、または存在しない、かつ aws:PrincipalTag/team が "ops" である 場合に拒否します。リクエストコンテキストからはそうだったかどうかがわかりません。わかったら --source-vpce vpce-1 と --context aws:PrincipalTag/team=ops を付けて再実行してください。',
    ],
    [
      'No policy can allow this: `arn:aws:iam::aws:policy/ReadOnlyAccess` is an AWS managed policy: only AWS creates, changes and deletes it, so IAM refuses iam:DeletePolicy on it whatever the caller\'s policies allow.',
      'どのポリシーでも許可できません: `arn:aws:iam::aws:policy/ReadOnlyAccess` は AWS 管理ポリシーです: 作成、変更、削除ができるのは AWS だけなので、呼び出し元のポリシーが何を許可していても IAM はこのポリシーに対する iam:DeletePolicy を拒否します。',
    ],
    [
      'The identity layer allows s3:GetObject only for some resources: give the resource with --resource ARN to decide.',
      'アイデンティティベースのポリシーが s3:GetObject を許可するのは一部のリソースに対してだけです: 判断するには --resource ARN でリソースを指定してください。',
    ],
    [
      'The boundary layer allows ec2:RunInstances only under conditions the request context does not settle (aws:SourceVpce): re-run with --source-vpce vpce-1 to decide.',
      'アクセス許可の境界が ec2:RunInstances を許可するのは、リクエストコンテキストからは決まらない条件 (aws:SourceVpce) の下でだけです: 判断するには --source-vpce vpce-1 を付けて再実行してください。',
    ],
  ])('%s', (english, japanese) => {
    expect(suggestionInJapanese(english)).toBe(japanese)
  })

  it('leaves a deny suggestion whose trigger or policy is unknown in English, whole', () => {
    const odd = 'statement 1 of identity-based policy `G` denies if the moon is full; the request context does not say whether it did. Once you know, re-run with --resource ARN.'
    expect(suggestionInJapanese(odd)).toBe(odd)
  })

  it('leaves a sentence with an unknown part in English, whole', () => {
    const odd = `To get past ${SCP}: do something new; or remove or narrow statement 1 of bucket policy of \`b\`.`
    expect(suggestionInJapanese(odd)).toBe(odd)
  })
})
