/**
 * The sources' gap sentences (what could not be read, what that leaves out, what to pass) in
 * Japanese, as template pairs (templates.ts): the English side is the sentence exactly as
 * src/sources writes it, so JSON and snapshots keep the English and only people see this.
 * Terms are AWS's Japanese ones: バケットポリシー, 信頼ポリシー, VPC エンドポイントポリシー,
 * アクセスポイントポリシー, リソースベースのポリシー, 管理アカウント, 委任された管理者, 認証情報.
 */
import { translators, type TemplateRow } from './templates.js'
import { originInJapanese } from './ja-sources.js'

const ORG_READER_HELP =
  'run with --org-profile or --org-role-arn pointing at the management account or a delegated administrator, which needs organizations:DescribeOrganization, ListRoots, ListParents, ListPoliciesForTarget and DescribePolicy'
const ORG_READER_HELP_JA =
  '管理アカウントまたは委任された管理者を指す --org-profile か --org-role-arn を付けて再実行してください (organizations:DescribeOrganization、ListRoots、ListParents、ListPoliciesForTarget、DescribePolicy が必要です)'
const ORG_COLLECT_HELP =
  'run with --org-profile or --org-role-arn pointing at the management account or a delegated administrator, which needs organizations:DescribeOrganization, ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent, ListPolicies, DescribePolicy and ListTargetsForPolicy'
const ORG_COLLECT_HELP_JA =
  '管理アカウントまたは委任された管理者を指す --org-profile か --org-role-arn を付けて再実行してください (organizations:DescribeOrganization、ListRoots、ListOrganizationalUnitsForParent、ListAccountsForParent、ListPolicies、DescribePolicy、ListTargetsForPolicy が必要です)'

/** Who a credential set is (sources/aws/clients.ts, describeCredentials). */
const CREDENTIALS: readonly TemplateRow[] = [
  ['the role `{arn}` assumed for --org-role-arn', '--org-role-arn で引き受けたロール `{arn}`'],
  ['the role `{arn}` assumed for --resource-role-arn', '--resource-role-arn で引き受けたロール `{arn}`'],
  ['profile `{name}`', 'プロファイル `{name}`'],
  ['the default credentials (environment variables or the default profile)', 'デフォルトの認証情報 (環境変数またはデフォルトプロファイル)'],
]

/** A gap's `effect`: what the diagnosis lacks and what to do. */
const EFFECT: readonly TemplateRow[] = [
  // gapFor's composition (sources/aws/errors.ts): what is left out, then advice.
  ['{leftOut|clause}; AWS answered with an error that is not about permission, so changing the credentials\' policy will not help: run again, and check the endpoint (AWS_ENDPOINT_URL) and the service\'s health if it persists.',
    '{leftOut}。AWS が返したエラーはアクセス許可に関するものではないため、認証情報のポリシーを変更しても解決しません。再実行し、続く場合はエンドポイント (AWS_ENDPOINT_URL) とサービスの状態を確認してください。'],
  ['Bucket {bucket} is not in the snapshot: its bucket policy was not read, so a Deny in it (or, across accounts, the Allow it must give) cannot be checked, and the account that owns it is unknown (pass --resource-account).',
    'バケット {bucket} はスナップショットにありません。バケットポリシーを読み取っていないため、その Deny (クロスアカウントの場合はバケットポリシーが与えるべき Allow) を確認できません。また、バケットを所有するアカウントも不明です (--resource-account を指定してください)。'],
  ['Bucket {bucket} is not in the snapshot: its bucket policy was not read, so a Deny in it (or, across accounts, the Allow it must give) cannot be checked.',
    'バケット {bucket} はスナップショットにありません。バケットポリシーを読み取っていないため、その Deny (クロスアカウントの場合はバケットポリシーが与えるべき Allow) を確認できません。'],
  ["RCPs were not read, because they are those of the resource's account; pass --resource-account.",
    'RCP は読み取っていません。RCP はリソースを所有するアカウントのものだからです。--resource-account を指定してください。'],
  ['The {origin|origin} was left out: its document {where|where} could not be read as a policy, so a Deny in it cannot be checked.',
    '{origin} は除外しました。{where}のドキュメントをポリシーとして読み取れなかったため、その Deny を確認できません。'],
  ['The policies of that IAM user limit what federated user `{name}` may do and were not read; diagnose that IAM user with the same action as well.',
    'フェデレーティッドユーザー `{name}` に許可される操作はその IAM ユーザーのポリシーで制限されますが、それらは読み取っていません。同じアクションでその IAM ユーザーも診断してください。'],
  ['What federated user `{name}` may do is limited by that session policy, which was not given; pass it with --session-policy.',
    'フェデレーティッドユーザー `{name}` に許可される操作はそのセッションポリシーで制限されますが、指定されていません。--session-policy で渡してください。'],
  ['The policies of group `{group}` were not read, so a Deny in them cannot be checked; collect the snapshot again.',
    'グループ `{group}` のポリシーを読み取っていないため、その Deny を確認できません。スナップショットを取り直してください。'],
  ['The {origin|origin} was not read, so a Deny in it cannot be checked; collect the snapshot again.',
    '{origin} を読み取っていないため、その Deny を確認できません。スナップショットを取り直してください。'],
  ['The {origin|origin} was not read, so what it allows and denies cannot be checked; collect the snapshot again.',
    '{origin} を読み取っていないため、それが許可・拒否するものを確認できません。スナップショットを取り直してください。'],
  ['The policy of VPC endpoint `{id}` was not read, so whether it allows the request is unknown; check the endpoint ID, or collect the snapshot again with its region.',
    'VPC エンドポイント `{id}` のポリシーを読み取っていないため、リクエストを許可するかどうかは不明です。エンドポイント ID を確認するか、そのリージョンを含めてスナップショットを取り直してください。'],
  ['The access point policy of `{resource}` (if it has one) was not read, so a Deny in it cannot be checked; put it in a case file for `denydoctor evaluate`.',
    '`{resource}` のアクセスポイントポリシー (ある場合) を読み取っていないため、その Deny を確認できません。`denydoctor evaluate` 用のケースファイルに記載してください。'],
  ['The {what|policyKind} of `{resource}` (if it has one) was not read, so a Deny in it, or a missing Allow where the service requires one, cannot be checked; put it in a case file for `denydoctor evaluate`.',
    '`{resource}` の{what} (ある場合) を読み取っていないため、その Deny や、サービスが Allow を必要とする場合の Allow の欠如を確認できません。`denydoctor evaluate` 用のケースファイルに記載してください。'],
  // A case file's own `incomplete` entries say the same in one sentence (test/fixtures/cases).
  ['The {what|policyKind} of `{resource}` (if it has one) was not read.', '`{resource}` の{what} (ある場合) は読み取っていません。'],
  ['The bucket policy of `{bucket}` was not read.', '`{bucket}` のバケットポリシーは読み取っていません。'],
  ["Only the RCPs and resource policy for account {account} were considered; diagnose each account's resource separately.",
    'アカウント {account} の RCP とリソースポリシーだけを考慮しました。各アカウントのリソースを個別に診断してください。'],
  ['Only the {what} policy was considered; diagnose the others separately.', '{what} のポリシーだけを考慮しました。その他は個別に診断してください。'],
  ['Only the bucket policy of `{bucket}` was read; diagnose the other buckets separately.', '`{bucket}` のバケットポリシーだけを読み取りました。その他のバケットは個別に診断してください。'],
  ['The RCPs and cross-account rules were applied for account {account}; check --resource-account.',
    'RCP とクロスアカウントのルールはアカウント {account} として適用しました。--resource-account を確認してください。'],
  ['{notRead|clause}; collect a snapshot of account {account}.', '{notRead}。アカウント {account} のスナップショットを取得してください。'],
  ['{notRead|clause}; collect the snapshot again.', '{notRead}。スナップショットを取り直してください。'],
  ['{notRead|clause}; run with --resource-profile or --resource-role-arn for account {account}.',
    '{notRead}。アカウント {account} 用の --resource-profile または --resource-role-arn を付けて実行してください。'],
  ["{notRead|clause}; pass --region for the endpoint's region.", '{notRead}。--region でエンドポイントのリージョンを指定してください。'],
  ['{notRead|clause}: S3 gives a bucket policy only to its own account; run with --resource-profile or --resource-role-arn for account {account}.',
    '{notRead}。S3 はバケットポリシーを所有アカウントにしか返しません。アカウント {account} 用の --resource-profile または --resource-role-arn を付けて実行してください。'],
  ['{notRead|clause} with {who|credentials} (account {account}); if the bucket belongs to another account, run with --resource-profile or --resource-role-arn for that account (and --resource-account), otherwise the credentials need s3:GetBucketPolicy on it.',
    '{notRead} ({who}、アカウント {account} を使用)。バケットが別のアカウントのものなら、そのアカウント用の --resource-profile または --resource-role-arn (と --resource-account) を付けて実行してください。そうでなければ、認証情報にはそれに対する s3:GetBucketPolicy が必要です。'],
  ['{notRead|clause}: S3 says there is no such bucket; check the bucket name in the resource ARN.', '{notRead}。S3 はそのようなバケットはないと応答しました。リソース ARN のバケット名を確認してください。'],
  ['{notRead|clause}: the account of the credentials is unknown.', '{notRead}。認証情報のアカウントが不明です。'],
  ['SCPs and RCPs were not read; ' + ORG_READER_HELP + '.', 'SCP と RCP は読み取っていません。' + ORG_READER_HELP_JA + '。'],
  ['The RCPs that govern account {other} were not read; ' + ORG_READER_HELP + ' for the organization of account {account}.',
    'アカウント {other} に適用される RCP は読み取っていません。アカウント {account} の組織について、' + ORG_READER_HELP_JA + '。'],
  ['The {what|orgKind} that govern account {account} were not read; run again with --org-role-arn for a role in account {management}, the management account of {org} (or a delegated administrator of it), which needs organizations:DescribeOrganization, ListRoots, ListParents, ListPoliciesForTarget and DescribePolicy; whether account {account2} is in any organization is unknown: {why}.',
    'アカウント {account} に適用される {what} は読み取っていません。{org} の管理アカウント {management} (またはその委任された管理者) のロールを --org-role-arn に指定して再実行してください (organizations:DescribeOrganization、ListRoots、ListParents、ListPoliciesForTarget、DescribePolicy が必要です)。アカウント {account2} がいずれかの組織に属しているかは不明です: {why}。'],
  ['The {what|orgKind} that govern account {account} were not read; run again with --org-role-arn for a role in account {management}, the management account of {org} (or a delegated administrator of it), which needs organizations:DescribeOrganization, ListRoots, ListParents, ListPoliciesForTarget and DescribePolicy.',
    'アカウント {account} に適用される {what} は読み取っていません。{org} の管理アカウント {management} (またはその委任された管理者) のロールを --org-role-arn に指定して再実行してください (organizations:DescribeOrganization、ListRoots、ListParents、ListPoliciesForTarget、DescribePolicy が必要です)。'],
  ['The {what|orgKind} that govern account {account} were not read: it is not in organization {org}, which the organization reader sees; ' + ORG_READER_HELP + ' for the organization of account {account2}.',
    'アカウント {account} に適用される {what} は読み取っていません。このアカウントは組織リーダーから見える組織 {org} に属していません。アカウント {account2} の組織について、' + ORG_READER_HELP_JA + '。'],
  ['The SCPs and RCPs that govern account {account} are not in the snapshot, so no diagnosis of its principals or resources can rule them out; collect it separately, and for its organization ' + ORG_COLLECT_HELP + '.',
    'アカウント {account} に適用される SCP と RCP はスナップショットにないため、そのプリンシパルやリソースの診断ではそれらを除外できません。このアカウントを個別に収集し、その組織について' + ORG_COLLECT_HELP_JA + '。'],
  // collect's reads: leftOut; permission.
  ['{leftOut|clause}; {permission|permission}.', '{leftOut}。{permission}。'],
  ['{leftOut|clause}.', '{leftOut}。'],
]

/** Clauses that the effects above are built from (a `notRead`, a `leftOut`). */
const CLAUSE: readonly TemplateRow[] = [
  ['The bucket policy of `{bucket}` was not read', '`{bucket}` のバケットポリシーは読み取っていません'],
  ['The region of bucket `{bucket}` was not read', 'バケット `{bucket}` のリージョンは読み取っていません'],
  ['The trust policy of role `{role}` was not read, so whether it lets the caller in cannot be checked',
    'ロール `{role}` の信頼ポリシーを読み取っていないため、呼び出し元がロールを引き受けられるかを確認できません'],
  ['The trust policy of role `{role}` in account {account} was not read, so whether it lets the caller in is unknown',
    'アカウント {account} のロール `{role}` の信頼ポリシーを読み取っていないため、呼び出し元がロールを引き受けられるかは不明です'],
  ['The policy of VPC endpoint `{id}` was not read, so whether it allows the request is unknown',
    'VPC エンドポイント `{id}` のポリシーを読み取っていないため、リクエストを許可するかどうかは不明です'],
  ['{what|clause}, so no SCP or RCP is in the snapshot and no diagnosis from it can rule them out',
    '{what}。そのためスナップショットには SCP も RCP もなく、このスナップショットからの診断ではそれらを除外できません'],
  ['No organization was read: the organization reader is in none', '組織は読み取っていません。組織リーダーはどの組織にも属していません'],
  ['The organization {org} was not read with {who|credentials}', '組織 {org} は読み取っていません ({who} を使用)'],
  ['The organization was not read with {who|credentials}', '組織は読み取っていません ({who} を使用)'],
  ['Bucket `{bucket}` of account {account} was left out of the snapshot: its bucket policy was not read, so a diagnosis on it reports a gap',
    'アカウント {account} のバケット `{bucket}` はスナップショットから除外しました。バケットポリシーを読み取っていないため、このバケットの診断には欠落が含まれます'],
  ['{what}: its bucket policy was not read, so a diagnosis on it reports a gap', '{what}: バケットポリシーを読み取っていないため、このバケットの診断には欠落が含まれます'],
  ['The buckets of account {account} were not listed, so none of them is in the snapshot and a diagnosis on one reports a gap',
    'アカウント {account} のバケットを一覧取得できなかったため、いずれもスナップショットになく、それらの診断には欠落が含まれます'],
  ['The VPC endpoints of account {account} were not read in any region, because its regions were not listed',
    'リージョンを一覧取得できなかったため、アカウント {account} の VPC エンドポイントはどのリージョンでも読み取っていません'],
  ['{effect|clause}; {region} refused the credentials, as a region not enabled for the account does (enable it, or leave it out of --region)',
    '{effect}。{region} は認証情報を拒否しました。アカウントで有効になっていないリージョンはそのように応答します (有効にするか、--region から外してください)'],
  ['The VPC endpoints of account {account} in {region} were not read, so a diagnosis through one of them reports a gap',
    'アカウント {account} の {region} の VPC エンドポイントは読み取っていないため、それらを経由する診断には欠落が含まれます'],
  ['Account {account} was not collected: role `{role}` could not be assumed, so none of its principals, buckets or endpoints is in the snapshot',
    'アカウント {account} は収集していません。ロール `{role}` を引き受けられなかったため、そのプリンシパル、バケット、エンドポイントはいずれもスナップショットにありません'],
  ['IAM of account {account} was not read, so none of its users, groups or roles can be diagnosed from the snapshot',
    'アカウント {account} の IAM を読み取っていないため、そのユーザー、グループ、ロールはいずれもこのスナップショットから診断できません'],
  ['The managed policy `{arn}` used in account {account} was not read, so the principals using it cannot be fully diagnosed',
    'アカウント {account} で使われている管理ポリシー `{arn}` を読み取っていないため、それを使うプリンシパルは完全には診断できません'],
]

/** What the credentials need (the second half of a refused read). */
const PERMISSION: readonly TemplateRow[] = [
  ['the credentials need iam:GetAccountAuthorizationDetails (see the collector policy in the README)', '認証情報には iam:GetAccountAuthorizationDetails が必要です (README の収集用ポリシーを参照)'],
  ['the credentials need s3:GetBucketLocation and s3:GetBucketPolicy on it, and its bucket policy must not deny them', '認証情報にはそれに対する s3:GetBucketLocation と s3:GetBucketPolicy が必要で、バケットポリシーがそれらを拒否していてはなりません'],
  ['the credentials need {permissions} on it', '認証情報にはそれに対する {permissions} が必要です'],
  ['the credentials need ec2:DescribeRegions, or pass --region instead of --all-regions', '認証情報には ec2:DescribeRegions が必要です。または --all-regions の代わりに --region を指定してください'],
  ['the credentials need {permissions} there', '認証情報にはそこで {permissions} が必要です'],
  ['the credentials need {permissions}', '認証情報には {permissions} が必要です'],
  ['its trust policy must let {caller} in, and the caller needs sts:AssumeRole on it', 'その信頼ポリシーが {caller} を許可し、呼び出し元がそれに対する sts:AssumeRole を持つ必要があります'],
  [ORG_COLLECT_HELP, ORG_COLLECT_HELP_JA],
  [ORG_READER_HELP, ORG_READER_HELP_JA],
]

/** A gap's `error`: what went wrong, in the sources' words (AWS's own message stays verbatim). */
const ERROR: readonly TemplateRow[] = [
  ['{error|error} (still throttled after the SDK retries; run again later or lower the concurrency)', '{error} (SDK の再試行後もスロットリングされています。後で再実行するか、同時実行数を下げてください)'],
  ['GetBucketPolicy returned no policy text for {bucket}', 'GetBucketPolicy が {bucket} のポリシーテキストを返しませんでした'],
  ['bucket {bucket} is not in the snapshot', 'バケット {bucket} はスナップショットにありません'],
  ['the account that owns the resource is unknown', 'リソースを所有するアカウントが不明です'],
  ['the IAM user that called GetFederationToken for `{name}` is not in the session ARN', '`{name}` の GetFederationToken を呼び出した IAM ユーザーはセッション ARN に含まれていません'],
  ['AWS does not store the session policy passed to GetFederationToken', 'GetFederationToken に渡されたセッションポリシーは AWS に保存されません'],
  ['group `{group}` of user `{user}` is not in the snapshot', 'ユーザー `{user}` のグループ `{group}` はスナップショットにありません'],
  ['role {role} of account {account} is not in the snapshot', 'アカウント {account} のロール {role} はスナップショットにありません'],
  ['the snapshot has no trust policy for role {role}', 'スナップショットにはロール {role} の信頼ポリシーがありません'],
  ['VPC endpoint {id} is not in the snapshot', 'VPC エンドポイント {id} はスナップショットにありません'],
  ['the snapshot holds bucket policies only, not the access point policy of `{resource}`', 'スナップショットにはバケットポリシーしかなく、`{resource}` のアクセスポイントポリシーはありません'],
  ['snapshots do not hold {service} resource-based policies', 'スナップショットには {service} のリソースベースのポリシーは含まれません'],
  ['the request names several resources with resource policies ({list})', 'リクエストはリソースポリシーを持つ複数のリソースを指定しています ({list})'],
  ['the resources are in several accounts ({list})', 'リソースは複数のアカウントにあります ({list})'],
  ['the request names several buckets ({list})', 'リクエストは複数のバケットを指定しています ({list})'],
  ['the resource account is given as {account}, but the snapshot holds bucket {bucket} in account {other}', 'リソースのアカウントは {account} と指定されていますが、スナップショットではバケット {bucket} はアカウント {other} にあります'],
  ['`{resource}` names no single role, so no trust policy was read', '`{resource}` は単一のロールを指定していないため、信頼ポリシーは読み取っていません'],
  ['the live source does not read access point policies', 'ライブの情報源はアクセスポイントポリシーを読み取りません'],
  ['the live source does not read {service} resource-based policies', 'ライブの情報源は {service} のリソースベースのポリシーを読み取りません'],
  ["role `{role}` is in account {account}, which neither the caller's nor the resource credentials belong to", 'ロール `{role}` はアカウント {account} にありますが、呼び出し元の認証情報もリソース側の認証情報もそのアカウントのものではありません'],
  ['bucket `{bucket}` is in account {account}, but {credentials} belong to account {reader}', 'バケット `{bucket}` はアカウント {account} にありますが、{credentials} はアカウント {reader} のものです'],
  ['DescribeVpcEndpoints did not return `{id}`', 'DescribeVpcEndpoints は `{id}` を返しませんでした'],
  ['AWSOrganizationsNotInUseException: the account of the organization reader is not in an organization', 'AWSOrganizationsNotInUseException: 組織リーダーのアカウントは組織に属していません'],
  ["the credentials' account is in no organization, so the organization of account {other} could not be read", '認証情報のアカウントはどの組織にも属していないため、アカウント {other} の組織を読み取れませんでした'],
  ['account {account} is in organization {org} (asked with {via}), which the organization reader does not read', 'アカウント {account} は組織 {org} に属しています ({via} で確認) が、組織リーダーはその組織を読み取りません'],
  ['account {account} is in organization {org}, but organization {read}, which was read, does not list it', 'アカウント {account} は組織 {org} に属していますが、読み取った組織 {read} にはこのアカウントが含まれていません'],
  ['account {account} is in organization {org}, but no organization was read', 'アカウント {account} は組織 {org} に属していますが、組織は読み取っていません'],
  ['{arn} is not in the snapshot', '{arn} はスナップショットにありません'],
  // describeAwsError: AWS's error name and its own message, kept verbatim in quotes.
  ['{name}: {message}', 'AWS のエラー {name}: "{message}"'],
]

/** Small words inside the templates. */
const WORDS: Readonly<Record<string, readonly TemplateRow[]>> = {
  where: [['in the snapshot', 'スナップショット内'], ['as AWS returned it', 'AWS が返した'], ['in the case file', 'ケースファイル内']],
  policyKind: [['trust policy', '信頼ポリシー'], ['access point policy', 'アクセスポイントポリシー'], ['resource-based policy', 'リソースベースのポリシー']],
  orgKind: [['SCPs', 'SCP'], ['RCPs', 'RCP']],
}

const T = translators({
  credentials: [["the caller's credentials", '呼び出し元の認証情報'], ...CREDENTIALS],
  effect: EFFECT,
  clause: CLAUSE,
  permission: PERMISSION,
  error: ERROR,
  ...WORDS,
}, { origin: originInJapanese })

/** An AWS error name as describeAwsError writes it (`AccessDenied`, `InvalidVpcEndpointId.NotFound`). */
const AWS_ERROR_NAME = /^[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)?$/

export function gapEffectInJapanese(effect: string): string {
  return T.effect(effect)
}

export function gapErrorInJapanese(error: string): string {
  const translated = T.error(error)
  if (!translated.startsWith('AWS のエラー ')) return translated
  // Only an AWS error name gets the "AWS のエラー" wording; `PolicyInputError: …` and the like are ours.
  const name = /^(\S+?): /.exec(error)?.[1] ?? ''
  return AWS_ERROR_NAME.test(name) && !/Error$/.test(name) ? translated : error
}


const SOURCE = translators({
  source: [
    ['snapshot {file} (the demo organisation, --demo)', 'スナップショット {file} (デモの組織、--demo)'],
    ['snapshot {file}', 'スナップショット {file}'],
  ] as readonly TemplateRow[],
})

/** A gap's `source`: an AWS service name stays as it is; a snapshot is named in Japanese. */
export function gapSourceInJapanese(source: string): string {
  return SOURCE.source(source)
}

const NOTE = translators({
  note: [
    ['account {account} ({name}) was not collected: it is {state|state}', 'アカウント {account} ({name}) は収集していません: {state}'],
  ] as readonly TemplateRow[],
  state: [['suspended', '停止中のアカウントです'], ['pending closure', '閉鎖処理中のアカウントです'], ['{state}', '状態が {state} です']] as readonly TemplateRow[],
})

/** collect's notes (sources/aws/collect.ts). */
export function collectNoteInJapanese(note: string): string {
  return NOTE.note(note)
}

/**
 * Where IAM Access Troubleshooter was asked (authorization-details.ts, where): each form is
 * written out in the row, so that the host and AWS's error in parentheses after it are told apart.
 */
const WHERE_FORMS: readonly TemplateRow[] = [['{host} (from {origin})', '{host} ({origin} による指定)'], ['{host} ({region})', '{host} ({region})']]

function withWhere(row: TemplateRow): TemplateRow[] {
  return WHERE_FORMS.map(([en, ja]): TemplateRow => [row[0].replace('{where}', en), row[1].replace('{where}', ja)])
}

/** A failure that stops the diagnosis (SourceError): the sentence, AWS's own error kept in it. */
const STOP: readonly TemplateRow[] = [
  ['The AWS credentials of {who|credentials} are missing, expired or invalid ({error|error}); log in again with `aws sso login --profile {profile}` (or refresh that profile\'s keys) and run again.',
    '{who} の AWS 認証情報がないか、期限切れか、無効です ({error})。`aws sso login --profile {profile}` で再度ログインして (またはそのプロファイルのキーを更新して) 再実行してください。'],
  ['The AWS credentials of {who|credentials} are missing, expired or invalid ({error|error}); refresh them (`aws sso login` for SSO) or pass --profile and run again.',
    '{who} の AWS 認証情報がないか、期限切れか、無効です ({error})。認証情報を更新する (SSO なら `aws sso login`) か --profile を指定して再実行してください。'],
  ['The AWS credentials were rejected ({error|error}); refresh them and run again.', 'AWS 認証情報が拒否されました ({error})。更新して再実行してください。'],
  ['Could not reach AWS ({error|error}); check the network, proxy and AWS_ENDPOINT_URL settings.', 'AWS に接続できませんでした ({error})。ネットワーク、プロキシ、AWS_ENDPOINT_URL の設定を確認してください。'],
  ['No AWS region is configured; pass --region, set AWS_REGION, or give the profile a region.', 'AWS リージョンが設定されていません。--region を指定するか、AWS_REGION を設定するか、プロファイルにリージョンを設定してください。'],
  ['The AWS region "{region}" is not a region name; pass --region with one such as eu-west-1, or correct AWS_REGION or the profile\'s region.', 'AWS リージョン "{region}" はリージョン名ではありません。--region に eu-west-1 のようなリージョンを指定するか、AWS_REGION またはプロファイルのリージョンを修正してください。'],
  ['No AWS region is configured; pass --region (repeatable) or set AWS_REGION (or a region in the profile).', 'AWS リージョンが設定されていません。--region (複数指定可) を指定するか、AWS_REGION (またはプロファイルのリージョン) を設定してください。'],
  ['{what|entity} does not exist in account {account} ({error|error}); check the name in the ARN.', '{what} はアカウント {account} に存在しません ({error})。ARN の名前を確認してください。'],
  ['{what|entity} in account {account} could not be read ({error|error}); the credentials need {permission} (see the account reader policy in the README).',
    'アカウント {account} の{what} を読み取れませんでした ({error})。認証情報には {permission} が必要です (README のアカウント読み取り用ポリシーを参照)。'],
  ['{what|entity} in account {account} could not be read ({error|error}).', 'アカウント {account} の{what} を読み取れませんでした ({error})。'],
  ['`{arn}` is not the ARN of an IAM user, role, role session, federated user or root user.', '`{arn}` は IAM ユーザー、ロール、ロールセッション、フェデレーティッドユーザー、ルートユーザーの ARN ではありません。'],
  ['`{arn}` is in account {account}, but {who|credentials} belong to account {other}; IAM can only be read in its own account, so run with --profile for account {account2}.',
    '`{arn}` はアカウント {account} にありますが、{who} はアカウント {other} のものです。IAM はそのアカウント内でしか読み取れないため、アカウント {account2} 用の --profile を付けて実行してください。'],
  ['The identity of {who|credentials} could not be read ({error|error}), {consequence|consequence}.', '{who} の ID を読み取れませんでした ({error})。{consequence}。'],
  ['The encoded authorization message could not be decoded with {who|credentials} ({error|error}); they need sts:DecodeAuthorizationMessage, in the account where the request failed.',
    'エンコードされた認可メッセージを {who} でデコードできませんでした ({error})。リクエストが失敗したアカウントで sts:DecodeAuthorizationMessage が必要です。'],
  ['The encoded authorization message is not valid ({error|error}); copy all of it, without line breaks.', 'エンコードされた認可メッセージが有効ではありません ({error})。改行を含めずに全体をコピーしてください。'],
  ['The encoded authorization message could not be decoded ({error|error}).', 'エンコードされた認可メッセージをデコードできませんでした ({error})。'],
  // collect --all-accounts and --accounts (sources/aws/collect.ts).
  ["--all-accounts needs the organization's list of accounts, but {why|allAccountsWhy}; pass --org-profile or --org-role-arn for the management account or a delegated administrator, or name the accounts with --accounts.",
    '--all-accounts には組織のアカウント一覧が必要ですが、{why}。管理アカウントまたは委任された管理者を指す --org-profile か --org-role-arn を指定するか、--accounts でアカウントを指定してください。'],
  ['Account {list} cannot be read with the credentials of account {caller}; pass --assume-role-name with a role that exists in every account and that the caller may assume.',
    'アカウント {list} はアカウント {caller} の認証情報では読み取れません。すべてのアカウントに存在し、呼び出し元が引き受けることのできるロールを --assume-role-name で指定してください。'],
  ['Accounts {list} cannot be read with the credentials of account {caller}; pass --assume-role-name with a role that exists in every account and that the caller may assume.',
    'アカウント {list} はアカウント {caller} の認証情報では読み取れません。すべてのアカウントに存在し、呼び出し元が引き受けることのできるロールを --assume-role-name で指定してください。'],
  // The audit's principal lists (sources/aws/list-principals.ts).
  ['The {kind|kind}s of account {account} cannot be listed with {who|credentials}, which belong to account {own}; IAM lists its own account only, so give the audit a role to assume in each account (assumeRoleName) or run it with --profile for account {account2}.',
    'アカウント {account} の IAM {kind}は、アカウント {own} の{who}では一覧表示できません。IAM は自身のアカウントしか一覧表示しないため、各アカウントで引き受けるロールを監査に指定する (assumeRoleName) か、アカウント {account2} 用の --profile を付けて実行してください。'],
  ['The {kind|kind}s of account {account} could not be listed ({error|error}); the credentials need {operation} (see the account reader policy in the README).',
    'アカウント {account} の IAM {kind}を一覧表示できませんでした ({error})。認証情報には {operation} が必要です (README のアカウント読み取り用ポリシーを参照)。'],
  ['The {kind|kind}s of account {account} could not be listed ({error|error}).', 'アカウント {account} の IAM {kind}を一覧表示できませんでした ({error})。'],
  // explain --authorization-details (sources/aws/authorization-details.ts, authorization-details-http.ts).
  ['AWS refused to show the authorization details {id} to {who|credentials}: the caller needs {action} (IAM Access Troubleshooter is in preview; your account may not have it) and must be in the same account or organization as the denied request ({said|said}).',
    'AWS は認可の詳細 {id} を{who}に表示することを拒否しました。呼び出し元には {action} が必要で (IAM Access Troubleshooter はプレビュー中のため、お使いのアカウントでは利用できない場合があります)、拒否されたリクエストと同じアカウントまたは組織に属している必要があります ({said})。'],
  ...withWhere(['AWS has no authorization details for {id} at {where} ({said|said}): check the id, ask the region where the denial happened (the region of the console link in the message), from the same account or organization; details are kept at least 24 hours and can take a few seconds to appear after the denial.',
    '{where} には {id} の認可の詳細がありません ({said})。ID を確認し、拒否が発生したリージョン (メッセージ内のコンソールリンクのリージョン) に、同じアカウントまたは組織から問い合わせてください。認可の詳細は少なくとも 24 時間保持され、拒否の後に表示されるまで数秒かかることがあります。']),
  ['AWS rejected the request for authorization details {id} as invalid ({said|said}).', 'AWS は認可の詳細 {id} のリクエストを無効として拒否しました ({said})。'],
  ...withWhere(['IAM Access Troubleshooter at {where} kept failing for authorization details {id} after retries ({said|said}); run again in a minute.',
    '{where} の IAM Access Troubleshooter は、再試行しても認可の詳細 {id} の取得に失敗しました ({said})。1 分ほど待ってから再実行してください。']),
  ...withWhere(['IAM Access Troubleshooter at {where} answered HTTP {status} for authorization details {id} ({said|said}).',
    '{where} の IAM Access Troubleshooter は認可の詳細 {id} に対して HTTP {status} を返しました ({said})。']),
  ...withWhere(['IAM Access Troubleshooter at {where} answered authorization details {id} with something denydoctor cannot read ({page}).',
    '{where} の IAM Access Troubleshooter は認可の詳細 {id} に対して denydoctor が読み取れない応答を返しました (`{page}`)。']),
  ['Could not reach IAM Access Troubleshooter at {host} ({detail}); {hint|hint}.', '{host} の IAM Access Troubleshooter に接続できませんでした (`{detail}`)。{hint}。'],
  ['{id} is not an Access Troubleshooter authorization id: AWS\'s ids are lower-case letters and digits only ([0-9a-z]+), as in the message\'s "…with the following authorization id: <id>".',
    '{id} は Access Troubleshooter の認可 ID ではありません。AWS の ID は英小文字と数字だけです ([0-9a-z]+)。メッセージの "…with the following authorization id: <id>" の部分を指定してください。'],
  ['"{region}" is not an AWS region name; pass the region of the denial, for example us-east-1.', '"{region}" は AWS リージョン名ではありません。拒否が発生したリージョン (us-east-1 など) を指定してください。'],
  ['{name} is set to "{value}", which is not a URL; fix or unset it and run again.', '{name} に "{value}" が設定されていますが、URL ではありません。修正するか設定を解除して再実行してください。'],
  ['{name} is set to "{value}", which is not an http(s) URL; fix or unset it and run again.', '{name} に "{value}" が設定されていますが、http(s) の URL ではありません。修正するか設定を解除して再実行してください。'],
  ['GetCallerIdentity returned no account, so the account to collect is unknown.', 'GetCallerIdentity がアカウントを返さなかったため、収集するアカウントがわかりません。'],
  ['--concurrency must be a positive whole number, not {value}.', '--concurrency は正の整数でなければなりません ({value} ではありません)。'],
]

const ENTITY: readonly TemplateRow[] = [
  ['IAM user `{name}`', 'IAM ユーザー `{name}`'],
  ['IAM role `{name}`', 'IAM ロール `{name}`'],
  ['{what}', '{what}'],
]

/** Small parts of the stops above. */
const STOP_PARTS: Readonly<Record<string, readonly TemplateRow[]>> = {
  consequence: [['so nothing could be diagnosed', 'そのため何も診断できませんでした'], ['so nothing was collected', 'そのため何も収集していません']],
  allAccountsWhy: [['it was not read ({error|error})', '組織を読み取れませんでした ({error})'], ['account {account} is in no organization', 'アカウント {account} はどの組織にも属していません']],
  kind: [['role', 'ロール'], ['user', 'ユーザー']],
  // AWS's error name, and its message when it gave one (authorization-details.ts, failureError).
  said: [['{name}: {message}', 'AWS のエラー {name}: "{message}"'], ['{name}', 'AWS のエラー {name}']],
  hint: [
    ['the preview may not be offered in {region} (use the region of the console link in the message), or check the network and proxy',
      'プレビューが {region} で提供されていない可能性があります (メッセージ内のコンソールリンクのリージョンを使ってください)。または、ネットワークとプロキシを確認してください'],
    ['check {origin}', '{origin} を確認してください'],
  ],
}

const STOPS = translators({ stop: STOP, credentials: CREDENTIALS, entity: ENTITY, error: ERROR, ...STOP_PARTS })

/** A SourceError's message in Japanese, or as it is. */
export function sourceErrorInJapanese(message: string): string {
  return STOPS.stop(message)
}
