import { describe, expect, it } from 'vitest'
import { auditSummaryInJapanese, noteInJapanese, originInJapanese } from '../../src/i18n/ja-sources.js'

describe('origins and notes in Japanese', () => {
  it.each([
    ['managed policy `EC2Operator` attached to role `CloudOps`', 'ロール `CloudOps` にアタッチされた管理ポリシー `EC2Operator`'],
    ['inline policy `ForceMFA` of group `Developers`', 'グループ `Developers` のインラインポリシー `ForceMFA`'],
    ['permissions boundary `DevBoundary` of role `BoundedDeveloper`', 'ロール `BoundedDeveloper` のアクセス許可の境界 `DevBoundary`'],
    ['SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)', 'OU `Prod` (ou-demo-prod11) にアタッチされた SCP `DenyRunInstances`'],
    ['RCP `RCPFullAWSAccess` attached to the root `Root` (r-demo)', 'ルート `Root` (r-demo) にアタッチされた RCP `RCPFullAWSAccess`'],
    ['bucket policy of `examplebucket`', 'バケット `examplebucket` のバケットポリシー'],
    ['policy of VPC endpoint `vpce-22222` (com.amazonaws.us-east-1.s3 in vpc-1)', 'VPC エンドポイント `vpce-22222` のポリシー (vpc-1 の com.amazonaws.us-east-1.s3)'],
    ['session policy `examples/session-deny-runinstances.json`', 'セッションポリシー `examples/session-deny-runinstances.json`'],
    ['snapshot examples/demo-snapshot.json taken 2026-11-01T10:00:00Z', 'スナップショット examples/demo-snapshot.json (取得日時 2026-11-01T10:00:00Z)'],
    ['something new a source writes', 'something new a source writes'],
  ])('%s', (english, japanese) => {
    expect(originInJapanese(english)).toBe(japanese)
  })

  it('translates the notes of a Japanese message, and leaves unknown ones as they are', () => {
    expect(noteInJapanese("The message says 'with an explicit deny' but not in which type of policy (older format); every layer is checked.")).toBe(
      'メッセージには明示的な拒否とありますが、ポリシーの種類が書かれていません。すべての層を確認します。',
    )
    expect(noteInJapanese('The message masks the account ID as XXXXXXXX; it was filled in with 111111111111: user tester is in exactly one account of snapshot examples/demo-snapshot.json, 111111111111.')).toBe(
      'メッセージではアカウント ID が XXXXXXXX と伏せられています。ユーザー tester はスナップショット examples/demo-snapshot.json の 1 つのアカウントにだけ存在するため、111111111111 を補いました。',
    )
    expect(noteInJapanese('A note nobody translated.')).toBe('A note nobody translated.')
  })
})

describe('audit summaries in Japanese', () => {
  it.each([
    ['SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11), statement 1 (Sid DenyRunInstancesExceptCloudOps)', 'OU `Prod` (ou-demo-prod11) にアタッチされた SCP `DenyRunInstances` のステートメント 1 (Sid DenyRunInstancesExceptCloudOps)'],
    ['no Allow in resource-based policy, identity-based policies', 'リソースベースのポリシー、アイデンティティベースのポリシー に Allow がありません'],
    ['no Allow in SCPs at ou-demo-prod11', 'ou-demo-prod11 の SCP に Allow がありません'],
    ['may be denied by inline policy `ForceMFA` of group `Developers`, statement 2 (Sid DenyAllExceptListedIfNoMFA) (hangs on aws:MultiFactorAuthPresent)', 'グループ `Developers` のインラインポリシー `ForceMFA` のステートメント 2 (Sid DenyAllExceptListedIfNoMFA) が拒否する可能性があります (aws:MultiFactorAuthPresent 次第)'],
    ['inline policy `ReadDataLake` of role `Analytics`, statement 1 (Sid ReadDataLake); with bucket policy of `data-lake-222`, statement 1 (Sid AnalyticsReadAccess)', 'ロール `Analytics` のインラインポリシー `ReadDataLake` のステートメント 1 (Sid ReadDataLake) (バケット `data-lake-222` のバケットポリシー のステートメント 1 (Sid AnalyticsReadAccess) とあわせて)'],
    ['something else', 'something else'],
  ])('%s', (english, japanese) => {
    expect(auditSummaryInJapanese(english)).toBe(japanese)
  })
})
