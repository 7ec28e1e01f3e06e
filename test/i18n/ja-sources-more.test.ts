/**
 * The rarer sentences of the sources in Japanese, each through the template pair that reads the
 * English exactly as the source writes it: the case reader's warnings, a case file's own gap
 * effects and the suggestion that carries them, the stops of --authorization-details,
 * --all-accounts and the audit's principal lists, and the reason inside an explain note.
 */
import { describe, expect, it } from 'vitest'
import { messages } from '../../src/i18n/index.js'
import { sourceErrorInJapanese } from '../../src/i18n/ja-gaps.js'
import { englishSentences } from './english-sentences.js'

const ja = messages('ja')
const en = messages('en')

describe('warnings that sources write', () => {
  it.each([
    ['The resource ARN does not name its account; it is taken to be the principal\'s (111111111111). Give "resourceAccount" if it is another account.',
      'リソース ARN にアカウントが含まれていないため、プリンシパルのアカウント (111111111111) とみなします。別のアカウントの場合は "resourceAccount" を指定してください。'],
    ['principalAccount 222222222222 differs from the account in the principal ARN (111111111111); the ARN\'s account is used.',
      'principalAccount 222222222222 はプリンシパル ARN のアカウント (111111111111) と異なります。ARN のアカウントを使用します。'],
    ['policies.rcps[1] (account) does not hold RCPFullAWSAccess; AWS attaches it to every root, OU and account and it cannot be detached, so the level is evaluated as if it were there.',
      'policies.rcps[1] (account) に RCPFullAWSAccess がありません。AWS は RCPFullAWSAccess をすべてのルート、OU、アカウントにアタッチし、デタッチすることはできないため、この階層にはアタッチされているものとして評価します。'],
    ["The region of bucket `b` was not read (AccessDenied: Access Denied; the credentials need s3:GetBucketLocation on it), so aws:RequestedRegion is unknown; pass --region with the bucket's region.",
      'バケット `b` のリージョンは読み取っていません (AWS のエラー AccessDenied: "Access Denied"。認証情報にはこのバケットに対する s3:GetBucketLocation が必要です)。そのため aws:RequestedRegion は不明です。--region でバケットのリージョンを指定してください。'],
  ])('%s', (english, japanese) => {
    expect(ja['report.warning'](english)).toBe(japanese)
    expect(en['report.warning'](english)).toBe(english)
  })

  it('keeps a warning no template knows whole', () => {
    const odd = 'The region of bucket `b` was not read (the moon), so aws:RequestedRegion is unknown; pass --region with the bucket\'s region.'
    expect(ja['report.warning'](odd)).toBe(odd)
  })
})

describe('a case file\'s gaps, alone and in the suggestion that carries them', () => {
  it.each([
    ['The resource-based policy of `arn:aws:kms:us-east-1:111111111111:key/k` (if it has one) was not read.', '`arn:aws:kms:us-east-1:111111111111:key/k` のリソースベースのポリシー (ある場合) は読み取っていません。'],
    ['The bucket policy of `partner-exports` was not read.', '`partner-exports` のバケットポリシーは読み取っていません。'],
  ])('%s', (effect, japanese) => {
    expect(ja['source.gapEffect'](effect)).toBe(japanese)
    expect(ja['report.suggestion'](`Not everything could be read (kms): ${effect}`)).toBe(`読み取れなかったもの (kms): ${japanese}`)
  })

  it('names the demo snapshot in Japanese, and keeps a suggestion whose gap is unknown in English', () => {
    const rcps = "RCPs were not read, because they are those of the resource's account; pass --resource-account."
    expect(ja['report.suggestion'](`Not everything could be read (snapshot demo-snapshot.json (the demo organisation, --demo)): ${rcps}`)).toBe(
      '読み取れなかったもの (スナップショット demo-snapshot.json (デモの組織、--demo)): RCP は読み取っていません。RCP はリソースを所有するアカウントのものだからです。--resource-account を指定してください。',
    )
    const odd = 'Not everything could be read (s3): The moon was not read.'
    expect(ja['report.suggestion'](odd)).toBe(odd)
  })
})

describe('stops in Japanese', () => {
  it.each([
    "--all-accounts needs the organization's list of accounts, but account 111111111111 is in no organization; pass --org-profile or --org-role-arn for the management account or a delegated administrator, or name the accounts with --accounts.",
    "--all-accounts needs the organization's list of accounts, but it was not read (AccessDeniedException: no); pass --org-profile or --org-role-arn for the management account or a delegated administrator, or name the accounts with --accounts.",
    'Account 222222222222 cannot be read with the credentials of account 111111111111; pass --assume-role-name with a role that exists in every account and that the caller may assume.',
    'Accounts 222222222222, 333333333333 cannot be read with the credentials of account 111111111111; pass --assume-role-name with a role that exists in every account and that the caller may assume.',
    'The roles of account 222222222222 cannot be listed with profile `dev`, which belong to account 111111111111; IAM lists its own account only, so give the audit a role to assume in each account (assumeRoleName) or run it with --profile for account 222222222222.',
    'The users of account 111111111111 could not be listed (AccessDenied: no); the credentials need iam:ListUsers (see the account reader policy in the README).',
    'The identity of profile `dev` could not be read (InternalFailure: boom), so nothing was collected.',
    'AWS refused to show the authorization details abc123 to profile `dev`: the caller needs iam:GetRequestAuthorizationDetails (IAM Access Troubleshooter is in preview; your account may not have it) and must be in the same account or organization as the denied request (AccessDeniedException: denied).',
    'AWS has no authorization details for abc123 at iam.example (from AWS_ENDPOINT_URL_IAM) (ResourceNotFoundException): check the id, ask the region where the denial happened (the region of the console link in the message), from the same account or organization; details are kept at least 24 hours and can take a few seconds to appear after the denial.',
    'IAM Access Troubleshooter at toolbox.us-east-1.amazonaws.com (us-east-1) answered HTTP 418 for authorization details abc123 (Teapot: short and stout).',
    'IAM Access Troubleshooter at toolbox.us-east-1.amazonaws.com (us-east-1) kept failing for authorization details abc123 after retries (ThrottlingException); run again in a minute.',
    'Could not reach IAM Access Troubleshooter at toolbox.eu-west-9.amazonaws.com (ENOTFOUND, TypeError: fetch failed); the preview may not be offered in eu-west-9 (use the region of the console link in the message), or check the network and proxy.',
    '"mars-1" is not an AWS region name; pass the region of the denial, for example us-east-1.',
    'The AWS region "eu west 1" is not a region name; pass --region with one such as eu-west-1, or correct AWS_REGION or the profile\'s region.',
  ])('%s', (english) => {
    const japanese = sourceErrorInJapanese(english)
    expect(japanese).not.toBe(english)
    expect(englishSentences(japanese)).toEqual([])
  })

  it('keeps the host and AWS\'s error apart', () => {
    expect(sourceErrorInJapanese('AWS rejected the request for authorization details abc123 as invalid (ValidationException: bad id).')).toBe(
      'AWS は認可の詳細 abc123 のリクエストを無効として拒否しました (AWS のエラー ValidationException: "bad id")。',
    )
    expect(sourceErrorInJapanese('IAM Access Troubleshooter at iam.example (from AWS_ENDPOINT_URL_IAM) answered HTTP 500 for authorization details abc (InternalError).')).toBe(
      'iam.example (AWS_ENDPOINT_URL_IAM による指定) の IAM Access Troubleshooter は認可の詳細 abc に対して HTTP 500 を返しました (AWS のエラー InternalError)。',
    )
  })

  it('translates the reason inside an explain note', () => {
    const note = 'Encoded message not decoded: The encoded authorization message is not valid (InvalidAuthorizationMessageException: bad); copy all of it, without line breaks.'
    expect(ja['report.note'](note)).toBe('エンコードされたメッセージはデコードしていません: エンコードされた認可メッセージが有効ではありません (AWS のエラー InvalidAuthorizationMessageException: "bad")。改行を含めずに全体をコピーしてください。')
    expect(en['report.note'](note)).toBe(note)
  })
})
