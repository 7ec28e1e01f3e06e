/**
 * The case reader's warnings (sources/case/load-case.ts) in Japanese, as template pairs
 * (templates.ts): the English side is the sentence exactly as the reader writes it, so the
 * Verdict's JSON keeps it and only a Japanese report shows this. A sentence no row knows is
 * shown as it is.
 * RCPFullAWSAccess: https://docs.aws.amazon.com/ja_jp/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 */
import { translators, type TemplateRow } from './templates.js'

const CASE_WARNING: readonly TemplateRow[] = [
  ['The resource ARN does not name its account; it is taken to be the principal\'s ({account}). Give "resourceAccount" if it is another account.',
    'リソース ARN にアカウントが含まれていないため、プリンシパルのアカウント ({account}) とみなします。別のアカウントの場合は "resourceAccount" を指定してください。'],
  ['principalAccount {given} differs from the account in the principal ARN ({account}); the ARN\'s account is used.',
    'principalAccount {given} はプリンシパル ARN のアカウント ({account}) と異なります。ARN のアカウントを使用します。'],
  ['policies.rcps[{i}] ({level}) does not hold RCPFullAWSAccess; AWS attaches it to every root, OU and account and it cannot be detached, so the level is evaluated as if it were there.',
    'policies.rcps[{i}] ({level}) に RCPFullAWSAccess がありません。AWS は RCPFullAWSAccess をすべてのルート、OU、アカウントにアタッチし、デタッチすることはできないため、この階層にはアタッチされているものとして評価します。'],
]

const T = translators({ caseWarning: CASE_WARNING })

/** A case reader's warning in Japanese, or as it is. */
export function caseWarningInJapanese(warning: string): string {
  return T.caseWarning(warning)
}
