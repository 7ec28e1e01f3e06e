/**
 * Problems in the files people give (policy, case, audit and snapshot files) in Japanese, by
 * the readers' own templates (templates.ts): the headline naming the file, line and column,
 * and the reason (src/policy/syntax-errors.ts, json-positions.ts, validate*.ts). The excerpt
 * under the headline is the file's own text and stays as it is. A reason no template knows
 * stays English inside the Japanese headline.
 */
import { translators, type TemplateRow } from './templates.js'

const STRAIGHT = 'JSON needs straight double quotes (")'
const STRAIGHT_JA = 'JSON ではまっすぐな二重引用符 (") が必要です'

/** What the parser found where it expected something else (syntax-errors.ts, describeFound). */
const FOUND: readonly TemplateRow[] = [
  ['the end of the text', 'テキストの終わり'],
  ['a comment ({c}) — JSON does not allow comments; remove it', 'コメント ({c})。JSON ではコメントを使えません。削除してください'],
  [`{quote|quote} — ${STRAIGHT}`, `{quote}。${STRAIGHT_JA}`],
  [`a single quote (') — ${STRAIGHT} around strings and keys`, `一重引用符 (')。JSON では文字列とキーをまっすぐな二重引用符 (") で囲む必要があります`],
  [`a backtick (\`) — ${STRAIGHT} around strings and keys`, 'バッククォート (`)。JSON では文字列とキーをまっすぐな二重引用符 (") で囲む必要があります'],
  ['{space|space} — JSON allows only ordinary spaces, tabs and line breaks; retype it as a space', '{space}。JSON で使えるのは通常のスペース、タブ、改行だけです。スペースとして入力し直してください'],
  ['the full-width character {ch} ({cp}) — use the ordinary {ascii} instead', '全角文字 {ch} ({cp})。代わりに通常の {ascii} を使ってください'],
  ['the string {s}', '文字列 {s}'],
  ['{word} — JSON writes it in lower case: {lower}', '{word}。JSON では小文字で {lower} と書きます'],
  ['{word}, which JSON does not have — use a string in double quotes', '{word} (JSON にはない値)。二重引用符で囲んだ文字列を使ってください'],
  ['{word} without quotes — text must be in double quotes: "{shown}"', '引用符のない {word}。テキストは二重引用符で囲む必要があります: "{shown}"'],
  ['the character {ch} ({cp})', '文字 {ch} ({cp})'],
  ['{token}', '{token}'],
]

const QUOTE: readonly TemplateRow[] = [
  ['the curly quote {q} ({cp})', '曲がった引用符 {q} ({cp})'],
  ['the low curly quote {q} ({cp})', '下付きの曲がった引用符 {q} ({cp})'],
  ['the guillemet {q} ({cp})', 'ギュメ {q} ({cp})'],
  ['the double prime {q} ({cp})', '二重プライム {q} ({cp})'],
  ['the character {q} ({cp})', '文字 {q} ({cp})'],
]

const SPACE: readonly TemplateRow[] = [
  ['a non-breaking space (U+00A0)', 'ノーブレークスペース (U+00A0)'],
  ['a full-width space (U+3000)', '全角スペース (U+3000)'],
  ['a zero-width space (U+200B)', 'ゼロ幅スペース (U+200B)'],
  ['a zero-width no-break space (U+FEFF)', 'ゼロ幅ノーブレークスペース (U+FEFF)'],
  ['the space character {cp}', '空白文字 {cp}'],
]

const EXPECTED_TOKEN: readonly TemplateRow[] = [
  ['a value', '値'],
  ['a key in double quotes', '二重引用符で囲んだキー'],
  ['":" after the key "{key}"', 'キー "{key}" の後に ":"'],
  ['a comma or "{closer}" after {previous}', '{previous} の後にカンマか "{closer}"'],
  ['{what}', '{what}'],
]

/** A problem's reason, without its final period. */
const REASON: readonly TemplateRow[] = [
  // JSON syntax (json-positions.ts, syntax-errors.ts).
  ['expected a comma between {previous} and {next} — a comma is probably missing at the end of line {line}', '{previous} と {next} の間にカンマが必要です。{line} 行目の末尾にカンマがないようです'],
  ['expected a comma between {previous} and {next} — a comma is probably missing before {before}', '{previous} と {next} の間にカンマが必要です。{before} の前にカンマがないようです'],
  [`found {quote|quote} where the string "{s}" should end — ${STRAIGHT}; replace it with a straight "`, `文字列 "{s}" の終わりに{quote} があります。${STRAIGHT_JA}。まっすぐな " に置き換えてください`],
  ['a comma right before "{closer}" — JSON does not allow a comma after the last property; remove this comma', '"{closer}" の直前にカンマがあります。JSON では最後のプロパティの後にカンマを置けません。このカンマを削除してください'],
  ['a comma right before "{closer}" — JSON does not allow a comma after the last element; remove this comma', '"{closer}" の直前にカンマがあります。JSON では最後の要素の後にカンマを置けません。このカンマを削除してください'],
  ['the text ends before the object opened at line {line}, column {column} is closed — a "{closer}" is probably missing', '{line} 行 {column} 列で始まったオブジェクトが閉じられる前にテキストが終わっています。"{closer}" がないようです'],
  ['the text ends before the list opened at line {line}, column {column} is closed — a "{closer}" is probably missing', '{line} 行 {column} 列で始まったリストが閉じられる前にテキストが終わっています。"{closer}" がないようです'],
  ['the JSON ends at line {line}, column {column}, but more text follows: found {found|found}', 'JSON は {line} 行 {column} 列で終わっていますが、その後にテキストが続いています: {found}'],
  ['expected {expected|token}, found the end of the text', '{expected} が必要ですが、テキストが終わっています'],
  ['expected {expected|token}, found {found|found}', '{expected} が必要ですが、{found} があります'],
  ['the JSON is nested more than {n} levels deep, which no policy is — check that it was copied correctly', 'JSON の入れ子が {n} 階層を超えています (そのようなポリシーはありません)。正しくコピーされたか確認してください'],
  ['{word} is not a valid JSON number — put it in double quotes if it is text', '{word} は有効な JSON の数値ではありません。テキストなら二重引用符で囲んでください'],
  ['the string "{s}" is not closed before the end of the line — a closing double quote (") is probably missing', '文字列 "{s}" が行末までに閉じられていません。閉じる二重引用符 (") がないようです'],
  ['the string "{s}" is not closed before the end of the text — a closing double quote (") is probably missing', '文字列 "{s}" がテキストの終わりまでに閉じられていません。閉じる二重引用符 (") がないようです'],
  ['a tab character inside a string is not allowed in JSON — write it as an escape (\\t for a tab) or remove it', 'JSON では文字列内にタブ文字を置けません。エスケープ (タブは \\t) で書くか、削除してください'],
  ['the control character {cp} inside a string is not allowed in JSON — write it as an escape (\\t for a tab) or remove it', 'JSON では文字列内に制御文字 {cp} を置けません。エスケープで書くか、削除してください'],
  ['"{escape}" is not a valid escape in a JSON string — a backslash must be written as \\\\ (valid escapes: {valid})', '"{escape}" は JSON 文字列の有効なエスケープではありません。バックスラッシュは \\\\ と書く必要があります (有効なエスケープ: {valid})'],
  ['the key "{key}" appears twice in the same object (first at line {line}, column {column}) — AWS rejects duplicate keys; keep one', 'キー "{key}" が同じオブジェクト内に 2 回あります (最初は {line} 行 {column} 列)。AWS は重複したキーを拒否します。1 つだけ残してください'],
  ['expected a JSON policy such as {example}', '{example} のような JSON ポリシーが必要です'],
  // The policy grammar (validate*.ts).
  ['"Effect": "{effect}" is not valid — Effect is case-sensitive; use "{use}"', '"Effect": "{effect}" は無効です。Effect は大文字と小文字を区別します。"{use}" を使ってください'],
  ['"Effect": "{effect}" is not valid — remove the spaces; use "{use}"', '"Effect": "{effect}" は無効です。スペースを削除して "{use}" を使ってください'],
  ['"Effect": "{effect}" is not valid — use "Allow" or "Deny"', '"Effect": "{effect}" は無効です。"Allow" か "Deny" を使ってください'],
  ['it has no "Effect" — add "Effect": "Allow" or "Effect": "Deny"', '"Effect" がありません。"Effect": "Allow" か "Effect": "Deny" を追加してください'],
  ['"Effect" must be "Allow" or "Deny", found {found}', '"Effect" は "Allow" か "Deny" でなければなりませんが、{found} があります'],
  ['unknown condition operator "{op}" — operator names are case-sensitive; use "{use}"', '不明な条件演算子 "{op}"。演算子名は大文字と小文字を区別します。"{use}" を使ってください'],
  ['unknown condition operator "{op}" — did you mean "{use}"?', '不明な条件演算子 "{op}"。"{use}" ではありませんか?'],
  ['unknown condition operator "{op}" — see {doc}', '不明な条件演算子 "{op}"。{doc} を参照してください'],
  ['"{op}" is not a condition operator — Null already tests whether the key exists and cannot take IfExists; use "Null"', '"{op}" は条件演算子ではありません。Null はキーの有無を調べる演算子で、IfExists は付けられません。"Null" を使ってください'],
  ['unknown statement element "{key}" — element names are case-sensitive; use "{use}"', '不明なステートメント要素 "{key}"。要素名は大文字と小文字を区別します。"{use}" を使ってください'],
  ['unknown statement element "{key}" — did you mean "{use}"?', '不明なステートメント要素 "{key}"。"{use}" ではありませんか?'],
  ['unknown statement element "{key}" — a statement holds Sid, Effect, Action or NotAction, Resource or NotResource, Principal or NotPrincipal, and Condition',
    '不明なステートメント要素 "{key}"。ステートメントに書けるのは Sid、Effect、Action または NotAction、Resource または NotResource、Principal または NotPrincipal、Condition です'],
  ['unknown element "{key}" — element names are case-sensitive; use "{use}"', '不明な要素 "{key}"。要素名は大文字と小文字を区別します。"{use}" を使ってください'],
  ['unknown element "{key}" — did you mean "{use}"?', '不明な要素 "{key}"。"{use}" ではありませんか?'],
  ['unknown element "{key}" — a policy holds only "Version", "Id" and "Statement"', '不明な要素 "{key}"。ポリシーに書けるのは "Version"、"Id"、"Statement" だけです'],
  ['"{key}" belongs at the top of the policy, not inside a statement', '"{key}" はステートメント内ではなく、ポリシーの最上位に書きます'],
  ['it has both "{a}" and "{b}" — a statement uses one or the other', '"{a}" と "{b}" の両方があります。ステートメントではどちらか一方を使います'],
  ['it has neither "{a}" nor "{b}" — {missing}', '"{a}" も "{b}" もありません — {missing}'],
  ['"{element}" is an empty list — name at least one entry', '"{element}" が空のリストです。少なくとも 1 つ指定してください'],
  ['"{element}" must be a string or a list of strings, found {found} in it', '"{element}" は文字列か文字列のリストでなければなりませんが、{found} が含まれています'],
  ['"{element}" must be a string or a list of strings, found {found}', '"{element}" は文字列か文字列のリストでなければなりませんが、{found} があります'],
  ['"{action}" is not an action — write it as "service:Action"{example}', '"{action}" はアクションではありません。"service:Action" の形で書いてください{example}'],
  ['"{element}" holds an empty string — write an ARN or "*"', '"{element}" に空の文字列があります。ARN か "*" を書いてください'],
  ['"Sid" must be a string, found {found}', '"Sid" は文字列でなければなりませんが、{found} があります'],
]

/** "(statement 2)", "(statement \"DenyNoMFA\")". */
const EXPECTED_MESSAGE =
  "an AWS AccessDenied message of the form 'User: ARN is not authorized to perform: service:Action …' " +
  '(as printed by the AWS console, CLI, an SDK or Terraform), an EC2 encoded authorization message, ' +
  'or a CloudTrail event'
const EXPECTED_MESSAGE_JA =
  "'User: ARN is not authorized to perform: service:Action …' 形式の AWS の AccessDenied メッセージ (AWS コンソール、CLI、SDK、Terraform が表示するもの)、EC2 のエンコードされた認可メッセージ、または CloudTrail イベント"
const EXPECTED_EVENTS =
  'a CloudTrail event (a JSON object with eventSource and eventName), a {"Records":[…]} log file, ' +
  "or the output of 'aws cloudtrail lookup-events'"
const EXPECTED_EVENTS_JA = "CloudTrail イベント (eventSource と eventName を持つ JSON オブジェクト)、{\"Records\":[…]} のログファイル、または 'aws cloudtrail lookup-events' の出力"

/** intake/decoded.ts: what a decoded authorization message looks like. */
const EXPECTED_DECODED =
  "the DecodedMessage of 'aws sts decode-authorization-message' (a JSON object with \"allowed\" and \"context\"), " +
  'or the whole {"DecodedMessage": "…"} output'
const EXPECTED_DECODED_JA = "'aws sts decode-authorization-message' の DecodedMessage (\"allowed\" と \"context\" を持つ JSON オブジェクト)、または {\"DecodedMessage\": \"…\"} の出力全体"

/** Why S3 gives no reason (intake/message-unreadable.ts, S3_NO_REASON). */
const S3_NO_REASON =
  'S3 gives the reason only to callers in the same account or organization, and never for denials by a VPC endpoint policy or on directory buckets'
const S3_NO_REASON_JA = 'S3 が理由を示すのは同じアカウントまたは組織の呼び出し元に対してだけで、VPC エンドポイントポリシーによる拒否やディレクトリバケットでは理由を示しません'

/**
 * S3's bare 'Access Denied' and a HEAD request's bare 403 (intake/message-unreadable.ts), with
 * and without the object's path and the request id, each form written out.
 * https://docs.aws.amazon.com/ja_jp/AmazonS3/latest/userguide/troubleshoot-403-errors.html
 */
const S3_BARE: readonly TemplateRow[] = (['', ' for {path}'] as const).flatMap((what) =>
  (['', ' (request id {rid})'] as const).flatMap((rid): TemplateRow[] => {
    const whatJa = what ? ' ({path})' : ''
    const ridJa = rid ? ' (リクエスト ID {rid})' : ''
    return [
      [`S3 answered with a bare 'Access Denied'${what}${rid}, which names neither the caller nor the action: ${S3_NO_REASON}. To diagnose it, find the request in CloudTrail (S3 data events, by its request id) and pass the event with --event, or run \`denydoctor principal <caller ARN> --action {action} --resource {arn}\`. Expected ${EXPECTED_MESSAGE}.`,
        `S3 は理由のない 'Access Denied' を返しました${whatJa}${ridJa}。呼び出し元もアクションもわかりません: ${S3_NO_REASON_JA}。診断するには、CloudTrail でリクエストを探して (S3 データイベントをリクエスト ID で) そのイベントを --event で渡すか、\`denydoctor principal <caller ARN> --action {action} --resource {arn}\` を実行してください。想定される入力: ${EXPECTED_MESSAGE_JA}。`],
    ]
  }),
).concat((['', ' (request id {rid})'] as const).flatMap((rid): TemplateRow[] => {
  const ridJa = rid ? ' (リクエスト ID {rid})' : ''
  return [
    [`The {operation|headOperation} was refused with a bare 403 'Forbidden'${rid}: HEAD requests have no response body, so S3 cannot say why. Repeat the call as a GET (for example \`aws s3api get-object\` for HeadObject, or \`aws s3api list-objects-v2 --max-items 1\` for HeadBucket) to get a message with the reason, or pass the CloudTrail event with --event. Expected ${EXPECTED_MESSAGE}.`,
      `{operation} は理由のない 403 'Forbidden' で拒否されました${ridJa}。HEAD リクエストにはレスポンス本文がないため、S3 は理由を示せません。理由を含むメッセージを得るには GET として呼び出し直す (HeadObject なら \`aws s3api get-object\`、HeadBucket なら \`aws s3api list-objects-v2 --max-items 1\` など) か、CloudTrail イベントを --event で渡してください。想定される入力: ${EXPECTED_MESSAGE_JA}。`],
  ]
}))

const HEAD_OPERATION: readonly TemplateRow[] = [['HEAD request', 'HEAD リクエスト'], ['{operation}', '{operation}']]

const EXPECTED: readonly TemplateRow[] = [
  [EXPECTED_MESSAGE, EXPECTED_MESSAGE_JA],
  [EXPECTED_EVENTS, EXPECTED_EVENTS_JA],
]

/** What an audit file's reader says of one of its lines (src/audit/read-audit-file.ts and its readers). */
const AUDIT: readonly TemplateRow[] = [
  ['version must be 1, the only audit file version this denydoctor reads', 'version は 1 でなければなりません (この denydoctor が読める監査ファイルのバージョンは 1 だけです)'],
  ['the audit file has no expectations list', '監査ファイルに expectations の一覧がありません'],
  ['expectations must be a list with at least one expectation', 'expectations は期待を 1 つ以上含むリストでなければなりません'],
  ['expectation name {name} is used already at line {line}; names must be unique, reports and shards go by them', '期待の名前 {name} は {line} 行目ですでに使われています。レポートとシャードは名前で区別するため、一意にしてください'],
  ['context key {key} is not a condition key such as aws:SourceIp or ec2:InstanceType', 'コンテキストキー {key} は aws:SourceIp や ec2:InstanceType のような条件キーではありません'],
  ['expect {kind} is not one of allow, deny, implicit-deny, explicit-deny or {explicit-deny: TYPE} with TYPE one of {types}', 'expect {kind} は allow、deny、implicit-deny、explicit-deny、{explicit-deny: TYPE} (TYPE は {types} のいずれか) のいずれでもありません'],
  ['expect {kind} is not one of {choices}', 'expect {kind} は次のいずれでもありません: {choices}'],
  ['{action} is not an action written service:Action, such as s3:GetObject', '{action} は s3:GetObject のような service:Action 形式のアクションではありません'],
  ['{action} is a wildcard; an audit checks real requests, so name each action (s3:GetObject, s3:PutObject, …)', '{action} はワイルドカードです。監査は実際のリクエストをチェックするため、アクションを 1 つずつ指定してください (s3:GetObject、s3:PutObject など)'],
  ['resource {resource} is not an ARN (arn:aws:service:region:account:…)', 'リソース {resource} は ARN (arn:aws:service:region:account:…) ではありません'],
  ['sourceIp {value} is not an IP address', 'sourceIp {value} は IP アドレスではありません'],
  ['sourceVpce {value} is not a VPC endpoint ID (vpce-…)', 'sourceVpce {value} は VPC エンドポイント ID (vpce-…) ではありません'],
  ['region {value} is not an AWS region such as us-east-1', 'region {value} は us-east-1 のような AWS リージョンではありません'],
  ['principal {arn} is not the ARN of an IAM user, role, role session, federated user or root user; to select roles by name write {selector}', 'principal {arn} は IAM ユーザー、ロール、ロールセッション、フェデレーティッドユーザー、ルートユーザーの ARN ではありません。ロールを名前で選ぶには {selector} と書いてください'],
  ['principal {arn} is not the ARN of an IAM user, role, role session, federated user or root user', 'principal {arn} は IAM ユーザー、ロール、ロールセッション、フェデレーティッドユーザー、ルートユーザーの ARN ではありません'],
  ['this expectation has no {missing} (each expectation needs a name, principals, actions and what to expect, unless defaults give them)', 'この期待には {missing} がありません (defaults で与えない限り、各期待には name、principals、actions、expect が必要です)'],
  ['a selector takes either roles or users, not both; write two selectors', 'セレクターには roles か users のどちらか一方を書きます。両方必要なら 2 つのセレクターに分けてください'],
  ['{what} {value} is not a 12-digit account ID', '{what} {value} は 12 桁のアカウント ID ではありません'],
  // The shapes of the audit file's nodes (audit/yaml-nodes.ts) and principal selectors (audit/read-principals.ts).
  ['a key must be a plain word', 'キーは単純な語でなければなりません'],
  ['{what|auditWhat} must be a mapping (key: value lines), not {node|auditNode}', '{what}はマッピング (key: value の行) でなければなりませんが、{node}です'],
  ['{what|auditWhat} must be text, not {node|auditNode}', '{what}はテキストでなければなりませんが、{node}です'],
  ['{what|auditWhat} must be true or false, not {node|auditNode}', '{what}は true か false でなければなりませんが、{node}です'],
  ['{what|auditWhat} is an empty list', '{what}が空のリストです'],
  ['{what|auditWhat} is empty', '{what}が空です'],
  ['unknown key {key} in {where|auditWhat} (did you mean {guess}?); the keys there are {keys}', '{where}に不明なキー {key} があります ({guess} のことですか?)。使えるキーは {keys} です'],
  ['unknown key {key} in {where|auditWhat}; the keys there are {keys}', '{where}に不明なキー {key} があります。使えるキーは {keys} です'],
  ['{where|auditWhat} gives both {earlier} and {key}; use {canonical} with a list', '{where}に {earlier} と {key} の両方があります。{canonical} にリストで指定してください'],
  ['expectation {name} has no {missing} (each expectation needs a name, principals, actions and what to expect, unless defaults give them)', '期待 {name} には {missing} がありません (defaults で与えない限り、各期待には name、principals、actions、expect が必要です)'],
  ['expect must be allow, deny, implicit-deny, explicit-deny or {explicit-deny: TYPE} with TYPE one of {types}, not {node|auditNode}', 'expect は allow、deny、implicit-deny、explicit-deny、{explicit-deny: TYPE} (TYPE は {types} のいずれか) のいずれかでなければなりませんが、{node}です'],
  ['only explicit-deny takes a policy type (expect: {explicit-deny: scp}); found {key}', 'ポリシーの種類を指定できるのは explicit-deny だけです (expect: {explicit-deny: scp})。{key} が指定されています'],
  ['{type} is not a policy type; the types are {types}', '{type} はポリシーの種類ではありません。種類は {types} です'],
  ['assumeRoleName {value} is not an IAM role name', 'assumeRoleName {value} は IAM ロール名ではありません'],
  ['a principal selector needs roles or users, as in {roles: "Deploy*"} or {users: "*"}', 'プリンシパルのセレクターには roles か users が必要です ({roles: "Deploy*"} や {users: "*"} のように)'],
  ['a principal must be an ARN or a selector such as {roles: "Deploy*"}, not {node|auditNode}', 'プリンシパルは ARN か {roles: "Deploy*"} のようなセレクターでなければなりませんが、{node}です'],
  ['the path {path} is not an IAM path: it starts and ends with "/", as in "/ops/"', 'パス {path} は IAM パスではありません。"/ops/" のように "/" で始まり "/" で終わる必要があります'],
  ['{name} is not an IAM name pattern (letters, digits, +=,.@_- and the wildcards * and ?)', '{name} は IAM の名前のパターン (英字、数字、+=,.@_-、ワイルドカード * と ?) ではありません'],
  // An expectation's session policy file (audit/read-expectation.ts).
  ['sessionPolicy {path} cannot be read ({why|fileProblem}: {full})', 'sessionPolicy {path} を読み取れません ({why}: {full})'],
  ['sessionPolicy {path}: {problem|headline}', 'sessionPolicy {path}: {problem}'],
]

/** What an audit file's node is (audit/yaml-nodes.ts, describeNode). */
const AUDIT_NODE: readonly TemplateRow[] = [
  ['nothing', 'なし'],
  ['a mapping', 'マッピング'],
  ['a list', 'リスト'],
  ['the text {text}', 'テキスト {text} '],
  ['number {value}', '数値 {value} '],
  ['boolean {value}', '真偽値 {value} '],
  ['something else', 'その他の値'],
]

/**
 * Which part of an audit file a reader was reading (audit/read-*.ts); the file's keys stay as they are.
 * A Japanese word is followed directly by its particle, a key or a value by a space first.
 */
const AUDIT_WHAT: readonly TemplateRow[] = [
  ['the audit file', '監査ファイル'],
  ['an expectation', '期待'],
  ['a principal selector', 'プリンシパルのセレクター'],
  ['a principal', 'プリンシパル'],
  ['an action', 'アクション'],
  ['a resource', 'リソース'],
  ['the explicit-deny policy type', 'explicit-deny のポリシーの種類'],
  ['context (KEY: value, as --context takes)', 'context (--context と同じ KEY: value 形式) '],
  ['sessionPolicy (a file name)', 'sessionPolicy (ファイル名) '],
  ['the {kind}s selector (a name pattern, or {name, path})', '{kind}s セレクター (名前のパターン、または {name, path}) '],
  ['the {kind}s selector', '{kind}s セレクター'],
  ['the {kind} name pattern', '{kind} の名前のパターン'],
  ['the {kind} path', '{kind} のパス'],
  ['context {key}', 'context {key} '],
  ...['defaults', 'version', 'name', 'description', 'assumeRoleName', 'accounts', 'expect', 'mfa', 'assumeAbsent', 'sourceVpce', 'sourceIp', 'region',
    'principals', 'principal', 'actions', 'action', 'resources', 'resource', 'context'].map((key): TemplateRow => [key, `${key} `]),
]

/** The lines under "Audit file … is not valid (N problems):". */
const AUDIT_LINE: readonly TemplateRow[] = [
  ['  line {line}: {problem|audit}.', '  {line} 行目: {problem}。'],
  ['  … and {n} more.', '  … ほか {n} 件。'],
]

const SNAPSHOT_WHAT: readonly TemplateRow[] = [
  ['an object', 'オブジェクト'],
  ['a list', 'リスト'],
  ['a string', '文字列'],
  ['a number', '数値'],
  ['true or false', 'true か false'],
  ['an ISO 8601 time such as {example}', '{example} のような ISO 8601 形式の時刻'],
  ['{what}', '{what}'],
]

/** src/sources/snapshot/check.ts, describeValue. */
const VALUE: readonly TemplateRow[] = [
  ['nothing (the field is missing)', 'なし (フィールドがありません)'],
  ['null', 'null'],
  ['a list', 'リスト'],
  ['an object', 'オブジェクト'],
  ['the string {s}', '文字列 {s}'],
  ['the number {n}', '数値 {n}'],
  ['{value}', '{value}'],
]

/** src/file-problem.ts's reasons. */
const FILE_PROBLEM: readonly TemplateRow[] = [
  ['no such file', 'そのようなファイルはありません'],
  ['permission denied', 'アクセス権がありません'],
  ['it is a directory', 'ディレクトリです'],
  ['a part of the path is not a directory', 'パスの一部がディレクトリではありません'],
  ['its directory {dir} does not exist', 'ディレクトリ {dir} が存在しません'],
]

const STATEMENT: readonly TemplateRow[] = [
  ['statement {n}', 'ステートメント {n}'],
  ['{other}', '{other}'],
]

const WHAT: readonly TemplateRow[] = [
  ['is not valid JSON after URL-decoding', 'は URL デコード後も有効な JSON ではありません'],
  ['is not valid JSON', 'は有効な JSON ではありません'],
  ['is not valid', 'は有効ではありません'],
  ['is empty', 'は空です'],
]

/** The first line of the problem: which file, where, why. */
const HEADLINE: readonly TemplateRow[] = [
  ['Policy "{name}" {what|what} at line {line}, column {column} ({statement|statement}): {reason|sentence}', 'ポリシー "{name}" {what} ({line} 行 {column} 列、{statement}): {reason}'],
  ['Policy "{name}" {what|what} at line {line}, column {column}: {reason|sentence}', 'ポリシー "{name}" {what} ({line} 行 {column} 列): {reason}'],
  ['Policy "{name}" {what|what} ({statement|statement}): {reason|sentence}', 'ポリシー "{name}" {what} ({statement}): {reason}'],
  ['Policy "{name}" {what|what}: {reason|sentence}', 'ポリシー "{name}" {what}: {reason}'],
  ['Audit file {file} is not valid at line {line}: {reason|audit}.', '監査ファイル {file} は有効ではありません ({line} 行目): {reason}。'],
  ['Audit file {file} is not valid ({n} problems):', '監査ファイル {file} は有効ではありません (問題 {n} 件):'],
  // The YAML parser's own message stays as it wrote it, in quotes, as AWS's error text does.
  ['Audit file {file} is not valid YAML at line {line}, column {column}: {message}.', '監査ファイル {file} は有効な YAML ではありません ({line} 行 {column} 列)。YAML パーサーのメッセージ: "{message}"'],
  ['Audit file {file} is not valid YAML: {message}.', '監査ファイル {file} は有効な YAML ではありません。YAML パーサーのメッセージ: "{message}"'],
  ['Audit file {file} is not valid JSON at line {line}, column {column}: {reason|sentence}', '監査ファイル {file} は有効な JSON ではありません ({line} 行 {column} 列): {reason}'],
  // A snapshot whose content is not what collect writes (sources/snapshot/check.ts, validate.ts).
  ['Snapshot file {file} is not valid at the top level: expected {what|snapshotWhat}, found {found|value}.', 'スナップショットファイル {file} の最上位が有効ではありません: {what} が必要ですが、実際の値は {found} です。'],
  ['Snapshot file {file} is not valid at {path}: expected {what|snapshotWhat}, found {found|value}.', 'スナップショットファイル {file} の {path} が有効ではありません: {what} が必要ですが、実際の値は {found} です。'],
  // The case file (sources/case/load-case.ts).
  ['A case must be a JSON object with "request" and "policies".', 'ケースは "request" と "policies" を持つ JSON オブジェクトでなければなりません。'],
  ['request is missing: a case needs {shape}.', 'request がありません。ケースには {shape} が必要です。'],
  ['request.principal is missing: give the ARN of the caller.', 'request.principal がありません。呼び出し元の ARN を指定してください。'],
  ['request.principal {value} is not a principal ARN: expected {expected}.', 'request.principal {value} はプリンシパルの ARN ではありません。想定される形式: {expected}。'],
  ['request.action {value} is not an action: expected service:Action, e.g. ec2:RunInstances.', 'request.action {value} はアクションではありません。service:Action の形式 (例: ec2:RunInstances) で指定してください。'],
  ['request.context must be an object of key → string or list of strings.', 'request.context はキー → 文字列または文字列のリストのオブジェクトでなければなりません。'],
  ['{name} must be true or false.', '{name} は true か false でなければなりません。'],
  ['{path} must be a 12-digit account ID, not {value}.', '{path} は 12 桁のアカウント ID でなければなりません ({value} ではありません)。'],
  ['{path} must be a string or a list of strings.', '{path} は文字列か文字列のリストでなければなりません。'],
  ['{path} must be a policy: {shape}, a bare policy document, or its JSON text.', '{path} はポリシー ({shape}、ポリシードキュメントそのもの、またはその JSON テキスト) でなければなりません。'],
  ['policies must be an object with identity, boundary, scps, rcps, resource, vpce and session.', 'policies は identity、boundary、scps、rcps、resource、vpce、session を持つオブジェクトでなければなりません。'],
  ['policies.identity must be a list of policies.', 'policies.identity はポリシーのリストでなければなりません。'],
  ['{path} must be a list of levels (root first, account last), each a list of policies.', '{path} は階層のリスト (ルートが最初、アカウントが最後) で、各階層はポリシーのリストでなければなりません。'],
  ['{path} must be a list of policies attached at that level (use [] for none).', '{path} はその階層にアタッチされたポリシーのリストでなければなりません (ない場合は [])。'],
  // Input longer than the runtime can hold as text (src/cli/case-line.ts).
  ['{where} is {size} MB, more than a case line can hold ({limit} MB).', '{where} は {size} MB あり、ケース 1 行として読める大きさ ({limit} MB) を超えています。'],
  ['{name} is {size} MB, more than one JSON document can be read whole ({limit} MB): give its cases as JSON Lines, one case per line.', '{name} は {size} MB あり、1 つの JSON ドキュメントとして一度に読める大きさ ({limit} MB) を超えています。ケースを JSON Lines (1 行に 1 ケース) で渡してください。'],
  // Files that could not be read or written (src/file-problem.ts says why).
  ['Cannot read a case file {file}: {why|fileProblem}.', 'ケースファイル {file} を読み取れません: {why}。'],
  ['Cannot read the audit file {file}: {why|fileProblem}.', '監査ファイル {file} を読み取れません: {why}。'],
  ['Cannot read an audit file {file}: {why|fileProblem}.', '監査ファイル {file} を読み取れません: {why}。'],
  ['Cannot read a CloudTrail event file {file}: {why|fileProblem}.', 'CloudTrail イベントファイル {file} を読み取れません: {why}。'],
  ['Cannot read an AccessDenied message {file}: {why|fileProblem}.', 'AccessDenied メッセージ {file} を読み取れません: {why}。'],
  ['Cannot read standard input: {why|fileProblem}.', '標準入力を読み取れません: {why}。'],
  ['Cannot read the audit result {file}: {why|fileProblem}.', '監査結果 {file} を読み取れません: {why}。'],
  ['Cannot write the {what} to {path}: {why|fileProblem}.', '{what} を {path} に書き込めません: {why}。'],
  ['Give a case file as an argument, or pipe it on standard input.', 'ケースファイルを引数で指定するか、標準入力にパイプで渡してください。'],
  ['Give the audit file as an argument, or pipe it on standard input.', '監査ファイルを引数で指定するか、標準入力にパイプで渡してください。'],
  ['Give an AccessDenied message as an argument, or pipe it on standard input.', 'AccessDenied メッセージを引数で指定するか、標準入力にパイプで渡してください。'],
  ['Snapshot file {file} cannot be read: {why|fileProblem}. Check the path, or write one with `denydoctor collect --out FILE`.',
    'スナップショットファイル {file} を読み取れません: {why}。パスを確認するか、`denydoctor collect --out FILE` で作成してください。'],
  ['Snapshot file {file} cannot be read: {why|fileProblem}.', 'スナップショットファイル {file} を読み取れません: {why}。'],
  ['Snapshot file {file} could not be written: {why|fileProblem}. Nothing was changed at that path.', 'スナップショットファイル {file} を書き込めませんでした: {why}。そのパスは何も変更されていません。'],
  ['Snapshot file {file} is empty: expected a JSON object with "format": "denydoctor-snapshot".', 'スナップショットファイル {file} は空です。"format": "denydoctor-snapshot" を持つ JSON オブジェクトが必要です。'],
  ['{path} cannot be read ({why|fileProblem}: {full})', '{path} を読み取れません ({why}: {full})'],
  // A snapshot that does not hold the principal (sources/snapshot/principal.ts).
  ['Snapshot file {file} holds nothing about account {account}, the account of `{arn}`: it holds IAM data for accounts {accounts}. Collect a snapshot with credentials for account {account2}, or diagnose it live.',
    'スナップショットファイル {file} には、`{arn}` のアカウント {account} に関する情報がありません (IAM データがあるのはアカウント {accounts})。アカウント {account2} の認証情報でスナップショットを取得するか、ライブで診断してください。'],
  ['Snapshot file {file} holds no IAM data for account {account}, the account of `{arn}` (see its "incomplete" list for why); it holds IAM data for accounts {accounts}. Collect that account again, or diagnose it live.',
    'スナップショットファイル {file} には、`{arn}` のアカウント {account} の IAM データがありません (理由はファイルの "incomplete" 一覧を参照。IAM データがあるのはアカウント {accounts})。そのアカウントを収集し直すか、ライブで診断してください。'],
  ['Snapshot file {file} has no IAM user `{name}` in account {account}, so `{arn}` cannot be diagnosed from it. Did you mean {list}? The snapshot was taken {at} and holds IAM data for accounts {accounts}; a user created since then needs a new snapshot.',
    'スナップショットファイル {file} のアカウント {account} には IAM ユーザー `{name}` がないため、`{arn}` はこのファイルから診断できません。{list} ではありませんか? スナップショットの取得日時は {at} で、IAM データがあるのはアカウント {accounts} です。それ以降に作成したユーザーには新しいスナップショットが必要です。'],
  ['Snapshot file {file} has no IAM user `{name}` in account {account}, so `{arn}` cannot be diagnosed from it. The snapshot was taken {at} and holds IAM data for accounts {accounts}; a user created since then needs a new snapshot.',
    'スナップショットファイル {file} のアカウント {account} には IAM ユーザー `{name}` がないため、`{arn}` はこのファイルから診断できません。スナップショットの取得日時は {at} で、IAM データがあるのはアカウント {accounts} です。それ以降に作成したユーザーには新しいスナップショットが必要です。'],
  ['Snapshot file {file} has no IAM role `{name}` in account {account}, so `{arn}` cannot be diagnosed from it. Did you mean {list}? The snapshot was taken {at} and holds IAM data for accounts {accounts}; a role created since then needs a new snapshot.',
    'スナップショットファイル {file} のアカウント {account} には IAM ロール `{name}` がないため、`{arn}` はこのファイルから診断できません。{list} ではありませんか? スナップショットの取得日時は {at} で、IAM データがあるのはアカウント {accounts} です。それ以降に作成したロールには新しいスナップショットが必要です。'],
  ['Snapshot file {file} has no IAM role `{name}` in account {account}, so `{arn}` cannot be diagnosed from it. The snapshot was taken {at} and holds IAM data for accounts {accounts}; a role created since then needs a new snapshot.',
    'スナップショットファイル {file} のアカウント {account} には IAM ロール `{name}` がないため、`{arn}` はこのファイルから診断できません。スナップショットの取得日時は {at} で、IAM データがあるのはアカウント {accounts} です。それ以降に作成したロールには新しいスナップショットが必要です。'],
  // What explain was given but could not read (src/intake).
  ...S3_BARE,
  ["The message names the caller ({arn}) but no 'service:Action' after 'is not authorized to perform:', so the request cannot be rebuilt from it: {excerpt}. Run `denydoctor principal {arn2} --action SERVICE:ACTION` instead. Expected " + EXPECTED_MESSAGE + '.',
    "メッセージには呼び出し元 ({arn}) がありますが、その後の 'is not authorized to perform:' に 'service:Action' が続いていないため、リクエストを組み立てられません: {excerpt}。代わりに `denydoctor principal {arn2} --action SERVICE:ACTION` を実行してください。想定される入力: " + EXPECTED_MESSAGE_JA + '。'],
  ["The message has 'Encoded authorization failure message:' but what follows it ({after}) is not an encoded message, which is made of letters, digits and - _ + / = only; copy the whole error again, or pass the CloudTrail event with --event. Expected " + EXPECTED_MESSAGE + '.',
    "メッセージには 'Encoded authorization failure message:' がありますが、その後の部分 ({after}) はエンコードされたメッセージではありません (エンコードされたメッセージは英字、数字、- _ + / = だけでできています)。エラー全体をもう一度コピーするか、CloudTrail イベントを --event で渡してください。想定される入力: " + EXPECTED_MESSAGE_JA + '。'],
  ["The message has 'Encoded authorization failure message:' but nothing follows it, not an encoded message, which is made of letters, digits and - _ + / = only; copy the whole error again, or pass the CloudTrail event with --event. Expected " + EXPECTED_MESSAGE + '.',
    "メッセージには 'Encoded authorization failure message:' がありますが、その後にエンコードされたメッセージ (英字、数字、- _ + / = だけでできています) がありません。エラー全体をもう一度コピーするか、CloudTrail イベントを --event で渡してください。想定される入力: " + EXPECTED_MESSAGE_JA + '。'],
  ["The message says 'You are not authorized to perform this operation' but carries neither the caller and action nor the 'Encoded authorization failure message: …' that EC2 adds; copy the whole error, including the encoded message, or pass the CloudTrail event with --event. Expected " + EXPECTED_MESSAGE + '.',
    "メッセージには 'You are not authorized to perform this operation' とありますが、呼び出し元とアクションも、EC2 が付け加える 'Encoded authorization failure message: …' も含まれていません。エンコードされたメッセージを含めてエラー全体をコピーするか、CloudTrail イベントを --event で渡してください。想定される入力: " + EXPECTED_MESSAGE_JA + '。'],
  ['This is not a decoded authorization message ({excerpt}): expected ' + EXPECTED_DECODED + '.', 'これはデコードされた認可メッセージではありません ({excerpt})。想定される入力: ' + EXPECTED_DECODED_JA + '。'],
  ['Could not find an access-denied error in the input ({excerpt}): expected ' + EXPECTED_MESSAGE + '.', '入力にアクセス拒否のエラーが見つかりませんでした ({excerpt})。想定される入力: ' + EXPECTED_MESSAGE_JA + '。'],
  ['The input is empty: expected {expected|expected}.', '入力が空です。想定される入力: {expected}。'],
  ['The input is JSON but holds no CloudTrail event ({excerpt}). Expected ' + EXPECTED_EVENTS + '.', '入力は JSON ですが、CloudTrail イベントが含まれていません ({excerpt})。想定される入力: ' + EXPECTED_EVENTS_JA + '。'],
  ['The CloudTrail input is not valid JSON. Expected ' + EXPECTED_EVENTS + '.', 'CloudTrail の入力は有効な JSON ではありません。想定される入力: ' + EXPECTED_EVENTS_JA + '。'],
  ['The CloudTrail input{line} is not valid JSON at line {l}, column {c}: {reason|sentence} Expected ' + EXPECTED_EVENTS + '.', 'CloudTrail の入力{line} は有効な JSON ではありません ({l} 行 {c} 列): {reason} 想定される入力: ' + EXPECTED_EVENTS_JA + '。'],
  ["Read {n} CloudTrail event{s} but none is an access denial (error codes: {codes}). Expected an event whose errorCode is AccessDenied, AccessDeniedException, UnauthorizedOperation, Client.UnauthorizedOperation or AuthorizationError; look the call up with 'aws cloudtrail lookup-events' or filter the log on errorCode.",
    "CloudTrail イベントを {n} 件読み取りましたが、アクセス拒否のものはありません (エラーコード: {codes})。errorCode が AccessDenied、AccessDeniedException、UnauthorizedOperation、Client.UnauthorizedOperation、AuthorizationError のいずれかのイベントが必要です。'aws cloudtrail lookup-events' で呼び出しを探すか、ログを errorCode で絞り込んでください。"],
  ['The input is a Japanese access-denied message, but denydoctor could not find {missing} in it: {excerpt}. Expected {expected}; or run `denydoctor principal ARN --action SERVICE:ACTION` with the caller and action.',
    '入力は日本語のアクセス拒否メッセージですが、{missing} が見つかりませんでした: {excerpt}。想定される形式: {expected}。または呼び出し元とアクションを指定して `denydoctor principal ARN --action SERVICE:ACTION` を実行してください。'],
  // A file's name or a case's place in front of its problem ("case.json: policies.identity[0]: Policy …").
  ['{where}: {problem|headline}', '{where}: {problem}'],
  ['{label} is not valid JSON at line {line}, column {column}: {reason|sentence}', '{label} は有効な JSON ではありません ({line} 行 {column} 列): {reason}'],
  ['{label} is not valid at line {line}, column {column}: {reason|sentence}', '{label} は有効ではありません ({line} 行 {column} 列): {reason}'],
]

/** A reason with its final period (policyError adds one), translated without it. */
function sentence(text: string): string {
  const bare = text.replace(/\.$/, '')
  const translated = T.reason(bare)
  if (translated === bare) return text
  return /[?？]$/.test(translated) ? translated : `${translated}。`
}

const T = translators(
  { audit: AUDIT, auditLine: AUDIT_LINE, auditNode: AUDIT_NODE, headOperation: HEAD_OPERATION, auditWhat: AUDIT_WHAT, snapshotWhat: SNAPSHOT_WHAT, value: VALUE, fileProblem: FILE_PROBLEM, token: EXPECTED_TOKEN, found: FOUND, quote: QUOTE, space: SPACE, expected: EXPECTED, reason: REASON, statement: STATEMENT, what: WHAT, headline: HEADLINE },
  { sentence },
)

/** A file problem's message in Japanese: its first paragraph translated, the excerpt kept. */
export function inputProblemInJapanese(message: string): string {
  const end = message.indexOf('\n')
  const first = end < 0 ? message : message.slice(0, end)
  // The rest is the file's own text (an excerpt), or an audit file's problems one per line.
  const rest = end < 0 ? '' : message.slice(end).split('\n').map(T.auditLine).join('\n')
  // A translated problem may end a sentence that its line ends again ("。。").
  return `${T.headline(first)}${rest}`.replaceAll('。。', '。')
}

/** Why a file could not be read or written (src/file-problem.ts), in Japanese. */
export function fileProblemInJapanese(why: string): string {
  return T.fileProblem(why)
}
