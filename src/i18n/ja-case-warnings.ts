/**
 * The warnings that sources write (the case reader, sources/case/load-case.ts; a bucket's
 * region that was not read, sources/aws/bucket-region.ts, as diagnose.ts warns of it) in Japanese, as template pairs
 * (templates.ts): the English side is the sentence exactly as the reader writes it, so the
 * Verdict's JSON keeps it and only a Japanese report shows this. A sentence no row knows is
 * shown as it is.
 * RCPFullAWSAccess: https://docs.aws.amazon.com/ja_jp/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 */
import { translators, type TemplateRow } from './templates.js'
import { gapErrorInJapanese } from './ja-gaps.js'

const CASE_WARNING: readonly TemplateRow[] = [
  ['The resource ARN does not name its account; it is taken to be the principal\'s ({account}). Give "resourceAccount" if it is another account.',
    'リソース ARN にアカウントが含まれていないため、プリンシパルのアカウント ({account}) とみなします。別のアカウントの場合は "resourceAccount" を指定してください。'],
  ['principalAccount {given} differs from the account in the principal ARN ({account}); the ARN\'s account is used.',
    'principalAccount {given} はプリンシパル ARN のアカウント ({account}) と異なります。ARN のアカウントを使用します。'],
  ['policies.rcps[{i}] ({level}) does not hold RCPFullAWSAccess; AWS attaches it to every root, OU and account and it cannot be detached, so the level is evaluated as if it were there.',
    'policies.rcps[{i}] ({level}) に RCPFullAWSAccess がありません。AWS は RCPFullAWSAccess をすべてのルート、OU、アカウントにアタッチし、デタッチすることはできないため、この階層にはアタッチされているものとして評価します。'],

  // diagnose.ts: the bucket's region, which aws:RequestedRegion is, could not be read.
  ["{why|regionWhy}, so aws:RequestedRegion is unknown; pass --region with the bucket's region.",
    '{why}。そのため aws:RequestedRegion は不明です。--region でバケットのリージョンを指定してください。'],
]

/** Why a bucket's region is unknown (sources/aws/bucket-region.ts). */
const REGION_WHY: readonly TemplateRow[] = [
  ['The region of bucket `{bucket}` was not read (it is in account {account}, the credentials in account {reader})',
    'バケット `{bucket}` のリージョンは読み取っていません (バケットはアカウント {account} にあり、認証情報はアカウント {reader} のものです)'],
  ['The region of bucket `{bucket}` was not read (GetBucketLocation gave no answer)', 'バケット `{bucket}` のリージョンは読み取っていません (GetBucketLocation が応答を返しませんでした)'],
  ['The region of bucket `{bucket}` was not read ({error|awsError}; the credentials need s3:GetBucketLocation on it)',
    'バケット `{bucket}` のリージョンは読み取っていません ({error}。認証情報にはこのバケットに対する s3:GetBucketLocation が必要です)'],
]

const T = translators({ caseWarning: CASE_WARNING, regionWhy: REGION_WHY }, { awsError: (error: string) => gapErrorInJapanese(error) })

/** A case reader's warning in Japanese, or as it is. */
export function caseWarningInJapanese(warning: string): string {
  return T.caseWarning(warning)
}
