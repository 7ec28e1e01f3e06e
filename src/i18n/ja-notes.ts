/**
 * The notes that intake (src/intake) and explain (src/explain) write about what they read, in
 * Japanese, as template pairs (templates.ts) of the English sentences exactly as those files
 * write them. ja-sources.ts's hand-written rules come first; this table takes the rest.
 * https://docs.aws.amazon.com/ja_jp/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
import { translators, type TemplateRow } from './templates.js'
import { sourceErrorInJapanese } from './ja-gaps.js'

const BPA_URL = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html'
const AUTH_ID_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied-authorization-id.html'

/** The policy types as AccessDenied messages word them (model POLICY_TYPE_MESSAGE_WORDS). */
const POLICY_WORDS: readonly TemplateRow[] = [
  ['identity-based policy', 'アイデンティティベースのポリシー'],
  ['permissions boundary', 'アクセス許可の境界'],
  ['service control policy', 'サービスコントロールポリシー'],
  ['resource control policy', 'リソースコントロールポリシー'],
  ['resource-based policy', 'リソースベースのポリシー'],
  ['VPC endpoint policy', 'VPC エンドポイントポリシー'],
  ['session policy', 'セッションポリシー'],
  ['SCP', 'SCP'],
  ['RCP', 'RCP'],
  ['policy', 'ポリシー'],
]

/** What the message said, as explain/compare.ts words it. */
const SAID: readonly TemplateRow[] = [
  ['the message says an explicit deny in an {words|policy} ({arn})', 'メッセージでは{words} ({arn}) による明示的な拒否'],
  ['the message says an explicit deny in a {words|policy} ({arn})', 'メッセージでは{words} ({arn}) による明示的な拒否'],
  ['the message says an explicit deny in an {words|policy}', 'メッセージでは{words}による明示的な拒否'],
  ['the message says an explicit deny in a {words|policy}', 'メッセージでは{words}による明示的な拒否'],
  ['the message says that no {words|policy} allows it ({arn})', 'メッセージでは{words} ({arn}) に許可がない (暗黙的な拒否)'],
  ['the message says that no {words|policy} allows it', 'メッセージでは{words}に許可がない (暗黙的な拒否)'],
]

/** What denydoctor found instead (explain/compare.ts, describe). */
const FOUND: readonly TemplateRow[] = [
  ['an explicit deny in the {words|policy} ({name})', '{words} ({name}) による明示的な拒否'],
  ['no Allow in the {list}', '{list} に Allow がない'],
  ['that the request would be allowed', 'リクエストは許可される'],
  ['that the outcome depends on unknown context', '結果は不明なコンテキスト次第'],
]

const LIKELY: readonly TemplateRow[] = [
  ['S3 Block Public Access, which AWS reports as a resource-based policy denial; or {rest|likely}', 'S3 のブロックパブリックアクセス (AWS はリソースベースのポリシーによる拒否として報告します)、または{rest}'],
  ['context the message could not carry ({keys}); or {rest|likely}', 'メッセージに含められないコンテキスト ({keys})、または{rest}'],
  ['a policy that changed since the error; or {rest|likely}', 'エラーの後に変更されたポリシー、または{rest}'],
  ['context given here that differs from the failed call', 'ここで指定したコンテキストが失敗した呼び出しと異なること'],
]

const NOTE: readonly TemplateRow[] = [
  // explain/compare.ts: does denydoctor agree with the message?
  ['Consistent: {said|said}; here that policy denies depending on {keys}.', '矛盾なし: {said}とあり、ここではそのポリシーが {keys} 次第で拒否します。'],
  ['Consistent: {said|said}; here it depends on {keys}, which the message could not carry.', '矛盾なし: {said}とあり、ここではメッセージに含められない {keys} 次第です。'],
  ['Differs: {said|said}, but denydoctor finds {found|found}. Likely: {likely|likely}.', '相違: {said}とありますが、denydoctor の判断は「{found}」です。考えられる原因: {likely}。'],
  ['Agrees: {said|said}, and that policy denies it here too.', '一致: {said}とあり、ここでもそのポリシーが拒否しています。'],
  ['Agrees: {said|said}, and denydoctor finds the same layer.', '一致: {said}とあり、denydoctor も同じ層を特定しました。'],
  // intake/policy-phrases.ts.
  ['S3 reports Block Public Access denials (RestrictPublicBuckets, IgnorePublicAcls) as resource-based policy denials; if the bucket policy has no matching Deny, check the Block Public Access settings (' + BPA_URL + ').',
    'S3 はブロックパブリックアクセスによる拒否 (RestrictPublicBuckets、IgnorePublicAcls) をリソースベースのポリシーによる拒否として報告します。バケットポリシーに該当する Deny がない場合は、ブロックパブリックアクセスの設定を確認してください (' + BPA_URL + ')。'],
  ["The message names the role trust policy; denydoctor treats it as the role's resource-based policy (reportedPolicyType 'resource').",
    'メッセージはロールの信頼ポリシーを挙げています。denydoctor はこれをロールのリソースベースのポリシーとして扱います (reportedPolicyType は resource)。'],
  ["The message says 'on this resource … the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access': KMS words it so when the key is in another account. It names no key; give the key ARN as the resource.",
    'メッセージは「このリソースに対して … リソースがこのリージョンに存在しないか、リソースベースのポリシーがアクセスを許可していないか、リソースベースのポリシーがアクセスを明示的に拒否しています」と述べています。KMS はキーが別のアカウントにある場合にこう表現します。キーが示されていないため、キーの ARN をリソースとして指定してください。'],
  ["The message names the denying policy as '{name}' (not an ARN).", "メッセージは拒否したポリシーを '{name}' と挙げています (ARN ではありません)。"],
  ['The service gives its own reason: {reason}.', 'サービス独自の理由が示されています: {reason}。'],
  ["The message names a policy type denydoctor does not know: '{type}'; every layer is checked.", "メッセージは denydoctor が知らないポリシーの種類 '{type}' を挙げています。すべての層を確認します。"],
  ['The message names a {words|policy} reached "transitively through a {second|policy}": AWS reports only one layer, so the {words2|policy} is reported and the {other|policy} is checked too.',
    'メッセージは「{second}を介して推移的に」到達した{words}を挙げています。AWS は 1 つの層しか報告しないため、{words2}として報告し、{other}も確認します。'],
  ['The message names a {words|policy} reached "transitively through a {second|policy}": AWS reports only one layer, so the {words2|policy} is reported and the other layer is checked too.',
    'メッセージは「{second}を介して推移的に」到達した{words}を挙げています。AWS は 1 つの層しか報告しないため、{words2}として報告し、もう一方の層も確認します。'],
  // intake/message.ts.
  ['The encoded authorization message looks cut off (it ends with an ellipsis), so STS may not be able to decode it.', 'エンコードされた認可メッセージが途中で切れているようです (省略記号で終わっています)。STS でデコードできない可能性があります。'],
  ['AWS recorded its own evaluation of this request (authorization id {id}); GetRequestAuthorizationDetails returns it for at least 24 hours and is the most authoritative source (' + AUTH_ID_URL + ').',
    'AWS はこのリクエストの評価を記録しています (認可 ID {id})。GetRequestAuthorizationDetails は少なくとも 24 時間それを返し、最も信頼できる情報源です (' + AUTH_ID_URL + ')。'],
  // intake/decoded.ts.
  ["The decoded message names the action '{action}' without its service, and nothing says which service it is.", "デコードしたメッセージはアクション '{action}' をサービスなしで挙げており、どのサービスかを示すものがありません。"],
  ['The decoded message says the request was allowed; the failure came from somewhere else.', 'デコードしたメッセージではリクエストは許可されています。失敗の原因は別の場所にあります。'],
  ['The decoded message lists a failure: {text}', 'デコードしたメッセージには失敗が記載されています: {text}'],
  ['No statement matched: no policy allowed the request (implicit deny).', '一致したステートメントはありません: どのポリシーもリクエストを許可していません (暗黙的な拒否)。'],
  // intake/cloudtrail*.ts.
  ["The call was made with long-term access keys (no sessionContext), so aws:MultiFactorAuthPresent is absent from the request; a 'Bool' condition on it does not match, a 'BoolIfExists' one does.",
    "呼び出しは長期的なアクセスキーで行われたため (sessionContext なし)、リクエストに aws:MultiFactorAuthPresent はありません。それに対する 'Bool' 条件は一致せず、'BoolIfExists' 条件は一致します。"],
  ['The call went through VPC endpoint {endpoint}: aws:SourceIp is absent (aws:VpcSourceIp holds the private address); aws:SourceVpc is not logged and can be read with ec2:DescribeVpcEndpoints.',
    '呼び出しは VPC エンドポイント {endpoint} を経由しました: aws:SourceIp はありません (aws:VpcSourceIp にプライベートアドレスが入ります)。aws:SourceVpc は記録されないため、ec2:DescribeVpcEndpoints で確認できます。'],
  ['The source address {source} is not public and the event names no VPC endpoint; aws:SourceIp is left unknown.', '送信元アドレス {source} はパブリックではなく、イベントに VPC エンドポイントの記載もないため、aws:SourceIp は不明のままにします。'],
  ["The call was made by {source} on the caller's behalf; aws:SourceIp would hold that service's address and is unknown.", '呼び出しは {source} が呼び出し元に代わって行いました。aws:SourceIp にはそのサービスのアドレスが入るため、不明です。'],
  ["The source address is logged as 'AWS Internal', so aws:SourceIp is unknown.", "送信元アドレスが 'AWS Internal' と記録されているため、aws:SourceIp は不明です。"],
  ['A service-linked role made this call for {service}; it is not a forward access session.', 'サービスにリンクされたロールが {service} のためにこの呼び出しを行いました。転送アクセスセッションではありません。'],
  ["Cross-account call: the caller is in account {caller} and this event was logged in account {recipient}, which owns the resource. Both the caller's identity policies and the resource's policy must allow it; the caller's account holds a copy of this event with the same sharedEventID ({shared}).",
    'クロスアカウントの呼び出し: 呼び出し元はアカウント {caller} にあり、このイベントはリソースを所有するアカウント {recipient} で記録されました。呼び出し元のアイデンティティベースのポリシーとリソースのポリシーの両方が許可する必要があります。呼び出し元のアカウントには同じ sharedEventID ({shared}) のイベントのコピーがあります。'],
  ["Cross-account call: the caller is in account {caller} and this event was logged in account {recipient}, which owns the resource. Both the caller's identity policies and the resource's policy must allow it.",
    'クロスアカウントの呼び出し: 呼び出し元はアカウント {caller} にあり、このイベントはリソースを所有するアカウント {recipient} で記録されました。呼び出し元のアイデンティティベースのポリシーとリソースのポリシーの両方が許可する必要があります。'],
  ['Context derived by inference, not logged as such: {keys}. Override with --context if it is wrong.', '記録された値ではなく推測で導いたコンテキスト: {keys}。誤っている場合は --context で上書きしてください。'],
  ['The event logs no requestParameters, so request condition keys (tags, service keys) are unknown.', 'イベントに requestParameters が記録されていないため、リクエストの条件キー (タグ、サービス固有のキー) は不明です。'],
  ['The caller is another AWS account (userIdentity type AWSAccount, account {account}, principal id {id}); this copy of the event does not name the principal.',
    '呼び出し元は別の AWS アカウントです (userIdentity の type は AWSAccount、アカウント {account}、プリンシパル ID {id})。このイベントのコピーにはプリンシパルが記載されていません。'],
  ["The event's userIdentity (type {type}) carries no ARN, so the caller is not named.", 'イベントの userIdentity (type {type}) に ARN がないため、呼び出し元がわかりません。'],
  ['The action {action} was derived from {source} {name} (a heuristic; the Service Authorization Reference is authoritative, and the error message did not name the action).',
    'アクション {action} は {source} の {name} から推定しました (経験則によるものです。正式な情報源はサービス認可リファレンスで、エラーメッセージにはアクションが記載されていませんでした)。'],
  ['The event has no errorMessage, so it does not say which policy type denied.', 'イベントに errorMessage がないため、どのポリシーの種類が拒否したかはわかりません。'],
  ['CloudTrail keeps only the first 1 KB of errorMessage, so this encoded authorization message is probably cut off; decode the one from the original error instead.',
    'CloudTrail は errorMessage の先頭 1 KB しか保持しないため、このエンコードされた認可メッセージはおそらく途中で切れています。代わりに元のエラーのメッセージをデコードしてください。'],
  // explain/explain.ts and merge.ts.
  ['Encoded message not decoded: {why|stop}', 'エンコードされたメッセージはデコードしていません: {why}'],
  ['The encoded authorization message was not decoded (offline); decode it with `aws sts decode-authorization-message` for the exact context AWS saw.',
    'エンコードされた認可メッセージはデコードしていません (オフライン)。AWS が評価した正確なコンテキストを知るには `aws sts decode-authorization-message` でデコードしてください。'],
  ['Authorization details not fetched: {why|stop}', '認可の詳細は取得していません: {why}'],
  ['Decoded the encoded authorization message: its context is what AWS evaluated.', 'エンコードされた認可メッセージをデコードしました: そのコンテキストは AWS が評価したものです。'],
  // sources/aws/authorization-details*.ts: what AWS's own evaluation held.
  ['AWS reported context key(s) {keys} with a value a condition cannot compare (an object or null); they are left unknown.', 'AWS は条件で比較できない値 (オブジェクトまたは null) のコンテキストキー {keys} を報告しました。不明のままにします。'],
  ['AWS evaluated context key(s) {keys} with different values for different actions or resources of this request; they are left unknown.', 'AWS はこのリクエストのアクションやリソースごとに異なる値でコンテキストキー {keys} を評価しました。不明のままにします。'],
  ['AWS reported evaluation effect(s) {effects}, which this version of denydoctor does not know.', 'AWS はこのバージョンの denydoctor が知らない評価結果 {effects} を報告しました。'],
  ['AWS returned no evaluations for this authorization id.', 'AWS はこの認可 ID の評価を返しませんでした。'],
  ['AWS had more than {max} pages of evaluations for {id}; denydoctor read the first {n}, so the matched statements may be incomplete.', 'AWS には {id} の評価が {max} ページを超えてありました。denydoctor は最初の {n} ページを読み取ったため、一致したステートメントが不完全な可能性があります。'],
  ['AWS repeated a page token for {id}; denydoctor stopped after {n} pages.', 'AWS が {id} のページトークンを繰り返したため、denydoctor は {n} ページで読み取りを止めました。'],
]

// The reason a decoding or fetching stopped is a SourceError's sentence (ja-gaps.ts); one no row knows is kept as it is.
const T = translators({ note: NOTE, said: SAID, found: FOUND, likely: LIKELY, policy: POLICY_WORDS }, { stop: (why: string) => sourceErrorInJapanese(why) })

/** An intake or explain note in Japanese, or as it is. */
export function moreNoteInJapanese(note: string): string {
  return T.note(note)
}
