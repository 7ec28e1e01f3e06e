/** The seed article's message, character for character (https://repost.aws/ja/knowledge-center/iam-explicit-deny-errors). */
export const SEED_MESSAGE =
  'エラー: RunInstances オペレーションを呼び出すときにエラーが発生 (AccessDenied) しました: ユーザー: arn:aws:iam::XXXXXXXX:user/tester は実行する権限がありません: リソースの ec2:RunInstances: ロール TestReadOnly (明示的な拒否)'
