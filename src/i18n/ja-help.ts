/**
 * The commands' --help texts in Japanese, by their English text (the commands' static
 * descriptions, which oclif.manifest.json keeps in English). A text this table lacks is
 * shown in English; test/i18n/cli-no-english.test.ts runs every command's --help under
 * --lang ja and fails on one. Terms are AWS's Japanese ones (IAM ユーザーガイド).
 */
const EXIT_FAILED = 'the program failed (bad input, an AWS error it could not work around); stderr says why'

export const JA_HELP_TEXT: Readonly<Record<string, string>> = {
  // The root, and oclif's own commands.
  'Tells an AWS user exactly why an API call was denied: the deciding statement and what to change.':
    'AWS の API 呼び出しが拒否された理由 (決定したステートメントと変更すべき点) を正確に伝えます。',
  'Display help for denydoctor.': 'denydoctor のヘルプを表示します。',
  'Display help for <%= config.bin %>.': 'denydoctor のヘルプを表示します。',
  'Include all nested commands in the output.': 'ネストしたコマンドもすべて出力に含めます。',
  'Command to show help for.': 'ヘルプを表示するコマンド。',
  'Show CLI version.': 'CLI のバージョンを表示します。',
  'Show help.': 'ヘルプを表示します。',
  'Show additional information about the CLI.': 'CLI の追加情報を表示します。',
  'Additionally shows the architecture, node version, operating system, and versions of plugins that the CLI is using.':
    'CLI が使用しているアーキテクチャ、Node のバージョン、オペレーティングシステム、プラグインのバージョンも表示します。',

  // Summaries.
  'Check a list of expectations ("role X can / cannot do Y on Z") in one run, for schedulers and CI.':
    '期待 (「ロール X は Z に対して Y を実行できる / できない」) の一覧を 1 回の実行でチェックします。スケジューラーや CI 向けです。',
  'Read an account (or several accounts of an organization) into a snapshot file for offline diagnosis.':
    'アカウント (または組織の複数のアカウント) を読み取り、オフライン診断用のスナップショットファイルに保存します。',
  'Evaluate a request against policies given in a case file: no AWS account needed.':
    'ケースファイルで指定したポリシーに対してリクエストを評価します。AWS アカウントは不要です。',
  'Read an AccessDenied error, an EC2 encoded message or a CloudTrail event, rebuild the request and diagnose it.':
    'AccessDenied エラー、EC2 のエンコードされたメッセージ、または CloudTrail イベントを読み取り、リクエストを再構成して診断します。',
  'Collect every policy that applies to a request and say which statement decides it.':
    'リクエストに適用されるすべてのポリシーを収集し、どのステートメントが決定しているかを示します。',
  "Join the JSON results of an audit's shards into one report.": '監査の各シャードの JSON 結果を 1 つのレポートにまとめます。',

  // Descriptions.
  'AUDIT_FILE (YAML or JSON, see docs/audit.md) lists expectations: principals (ARNs or selectors such as {roles: "Deploy*"}), actions, resources, context, and what must hold (allow, deny, implicit-deny, explicit-deny, or explicit-deny by a policy type). Each principal\'s policies and each organization level are read once, however many checks use them. Exit status 0 when every expectation held, 6 when any did not, 1 when the audit could not run.':
    'AUDIT_FILE (YAML または JSON。docs/audit.md を参照) には期待を列挙します: プリンシパル (ARN、または {roles: "Deploy*"} のようなセレクター)、アクション、リソース、コンテキスト、そして成り立つべき結果 (allow、deny、implicit-deny、explicit-deny、またはポリシーの種類を指定した explicit-deny)。各プリンシパルのポリシーと組織の各階層は、いくつのチェックで使われても 1 回だけ読み取ります。終了ステータスは、すべての期待が成立すれば 0、成立しないものがあれば 6、監査を実行できなければ 1 です。',
  'Reads IAM (GetAccountAuthorizationDetails), the organization with its SCPs and RCPs, bucket policies and VPC endpoint policies, read-only, and writes them to FILE (mode 0600; gzip for .json.gz). `principal … --snapshot FILE` then diagnoses without touching AWS. What could not be read is listed on stderr and kept in the file, so that no diagnosis from it can come out Allowed.':
    'IAM (GetAccountAuthorizationDetails)、組織とその SCP および RCP、バケットポリシー、VPC エンドポイントポリシーを読み取り専用で読み取り、FILE に書き込みます (モード 0600。.json.gz なら gzip)。その後 `principal … --snapshot FILE` で AWS にアクセスせずに診断できます。読み取れなかったものは標準エラー出力に一覧表示され、ファイルにも記録されるため、そのファイルからの診断が許可 (Allowed) になることはありません。',
  'CASE_FILE holds one case, a JSON array of cases, or one case per line (JSON Lines); without it (or with -) the case is read from standard input. With --json, JSON Lines are read, evaluated and written one case at a time, so input of any size runs in little memory. Exit status: 0 allowed, 3 explicit deny, 4 implicit deny, 5 undetermined, 1 a case could not be evaluated; with several cases, the worst.':
    'CASE_FILE には 1 つのケース、ケースの JSON 配列、または 1 行に 1 つのケース (JSON Lines) を記載します。指定しない場合 (または - の場合) は標準入力から読み取ります。--json を付けると JSON Lines を 1 ケースずつ読み取り、評価し、書き出すため、どんな大きさの入力も少ないメモリで処理できます。終了ステータス: 0 許可、3 明示的な拒否、4 暗黙的な拒否、5 未確定、1 評価できないケースがあった。複数のケースでは最も悪いものになります。',
  'TEXT is the error as you have it (quote it), or pipe it on standard input. --event reads a CloudTrail event, a Records file or `aws cloudtrail lookup-events` output, and explains every denied call in it. Context the input does not carry stays unknown: a deny that depends on it is reported as Undetermined, with what to check.':
    'TEXT には手元のエラーをそのまま (引用符で囲んで) 渡すか、標準入力にパイプで渡します。--event は CloudTrail イベント、Records ファイル、または `aws cloudtrail lookup-events` の出力を読み取り、その中の拒否された呼び出しをすべて説明します。入力に含まれないコンテキストは不明のままとし、それに依存する拒否は未確定 (Undetermined) として、確認すべき点とともに報告します。',
  'Reads the live account through the standard AWS SDK configuration (or a snapshot with --snapshot): identity policies, groups, permissions boundary, the SCPs and RCPs at every level of the organization, the bucket policy, the VPC endpoint policy and the session policy. Read-only.':
    '標準の AWS SDK 設定でライブのアカウントを (--snapshot ならスナップショットを) 読み取ります: アイデンティティベースのポリシー、グループ、アクセス許可の境界、組織の各階層の SCP と RCP、バケットポリシー、VPC エンドポイントポリシー、セッションポリシー。読み取り専用です。',
  'Each FILE is the JSON result of `denydoctor audit --shard K/N --json` (or --out). The merged result is the one an unsharded run would have given, in any format. Results of different audit files, of different splits, or with overlapping shards are refused. Exit status 0 when every expectation held, 6 when any did not, 1 when the results cannot be merged.':
    '各 FILE は `denydoctor audit --shard K/N --json` (または --out) の JSON 結果です。まとめた結果は、シャードに分けずに実行した場合と同じものになり、どの形式でも出力できます。異なる監査ファイルの結果、異なる分割の結果、シャードが重複する結果は受け付けません。終了ステータスは、すべての期待が成立すれば 0、成立しないものがあれば 6、結果をまとめられなければ 1 です。',

  // Arguments.
  'The audit file (YAML or JSON); - or nothing with a pipe for standard input.': '監査ファイル (YAML または JSON)。標準入力から読むには - を指定するか、パイプで渡して省略します。',
  'Case file (JSON or JSON Lines); - for standard input.': 'ケースファイル (JSON または JSON Lines)。標準入力なら -。',
  'The AccessDenied message (or - for standard input).': 'AccessDenied メッセージ (標準入力なら -)。',
  'ARN of the user, role, assumed-role session, federated user or root.': 'ユーザー、ロール、引き受けたロールのセッション、フェデレーティッドユーザー、またはルートの ARN。',
  'JSON results of the shards.': '各シャードの JSON 結果。',

  // Flags.
  'Print the verdict as JSON (one object per line for several).': '判定を JSON で出力します (複数ある場合は 1 行に 1 オブジェクト)。',
  'Output format (--output is the same flag, as in the AWS CLI).': '出力形式 (AWS CLI と同じく --output も同じフラグです)。',
  'Colour the text report (default: on a terminal, unless NO_COLOR is set).': 'テキストレポートを色付けします (デフォルト: 端末では有効。NO_COLOR が設定されている場合を除く)。',
  'Show stack traces and, for live diagnosis, every AWS call.': 'スタックトレースと、ライブ診断ではすべての AWS 呼び出しを表示します。',
  'Language of reports and messages for people (default: from LC_ALL, LC_MESSAGES or LANG; ja_JP.UTF-8 → ja). JSON never changes.':
    'レポートと人向けメッセージの言語 (デフォルト: LC_ALL、LC_MESSAGES、LANG から決定。ja_JP.UTF-8 → ja)。JSON は変わりません。',
  'Print the audit result as JSON (the format of --out and of `audit merge`), not verdicts.': '判定ではなく監査結果を JSON で出力します (--out および `audit merge` の形式)。',
  'Also write a JUnit XML report to this file (one test case per check).': 'このファイルに JUnit XML レポートも書き込みます (チェックごとに 1 テストケース)。',
  "Also write the JSON result to this file (the next run's --baseline, or input of `audit merge`).": 'このファイルに JSON 結果も書き込みます (次回の --baseline、または `audit merge` の入力)。',
  'A previous JSON result: report every verdict that changed since (drift), even where the expectation still holds.': '以前の JSON 結果: 期待が成立したままでも、それ以降に変わった判定 (ドリフト) をすべて報告します。',
  'The answer in at most ten lines: verdict, deciding statement, the one thing to change, the assumptions.': '最大 10 行の回答: 判定、決定したステートメント、変更すべき 1 点、前提。',
  'Do not fit the report to the terminal: keep long lines, every audit column and whole ARNs.': 'レポートを端末の幅に合わせません: 長い行、監査のすべての列、ARN 全体をそのまま表示します。',
  'Undetermined checks (the verdict hangs on unknown context) do not fail their expectation.': '未確定のチェック (判定が不明なコンテキスト次第のもの) で期待を不成立にしません。',
  'Run one part of the checks: K/N (1-based), or auto (AWS Batch array index or Kubernetes JOB_COMPLETION_INDEX).':
    'チェックの一部だけを実行します: K/N (1 始まり)、または auto (AWS Batch の配列インデックスか Kubernetes の JOB_COMPLETION_INDEX)。',
  'The number of shards for --shard auto (default: AWS_BATCH_JOB_ARRAY_SIZE).': '--shard auto のシャード数 (デフォルト: AWS_BATCH_JOB_ARRAY_SIZE)。',
  "Role to assume in each principal's account for a live audit (overrides the file's assumeRoleName).": 'ライブ監査で各プリンシパルのアカウントで引き受けるロール (ファイルの assumeRoleName より優先)。',
  "AWS region for the SDK clients (an expectation gives its request's region with region:).": 'SDK クライアントの AWS リージョン (期待ごとのリクエストのリージョンは region: で指定)。',
  'Diagnose offline from a snapshot file written by `denydoctor collect`.': '`denydoctor collect` が書き込んだスナップショットファイルからオフラインで診断します。',
  'Audit the demo organisation shipped with denydoctor (no AWS account needed); without AUDIT_FILE, with its demo audit.':
    'denydoctor に同梱のデモ組織を監査します (AWS アカウント不要)。AUDIT_FILE を指定しなければデモの監査を使います。',
  'AWS profile for the account (default: the standard SDK chain, AWS_PROFILE).': 'アカウントの AWS プロファイル (デフォルト: 標準の SDK チェーン、AWS_PROFILE)。',
  'Profile that can read AWS Organizations (management account or delegated administrator).': 'AWS Organizations を読み取れるプロファイル (管理アカウントまたは委任された管理者)。',
  'Role to assume for reading AWS Organizations.': 'AWS Organizations を読み取るために引き受けるロール。',
  'Profile for reading a resource policy in another account.': '別のアカウントのリソースポリシーを読み取るためのプロファイル。',
  'Role to assume for reading a resource policy in another account.': '別のアカウントのリソースポリシーを読み取るために引き受けるロール。',
  'Treat every context key not given as absent, as AWS does at request time (keys every call carries stay present).':
    '指定されていないコンテキストキーを、リクエスト時の AWS と同じく存在しないものとして扱います (すべての呼び出しに含まれるキーは存在のまま)。',
  'Leave this context key unknown on purpose, whatever a direct call would carry (repeatable).': '直接の呼び出しで含まれる値にかかわらず、このコンテキストキーを意図的に不明のままにします (複数指定可)。',
  'Diagnose an action the IAM action catalogue does not know (a brand-new API).': 'IAM のアクション一覧にないアクション (新しい API) も診断します。',
  'Worker threads for a snapshot audit (default: the processor cores available). The report is the same with any number; a live audit runs in one.':
    'スナップショット監査のワーカースレッド数 (デフォルト: 使用可能なプロセッサコア数)。レポートはスレッド数によらず同じです。ライブ監査は 1 スレッドで実行します。',
  'Threads for a long JSON Lines input with --json (default: one, plus the cores left idle by other work). The output is the same with any number.':
    '--json で長い JSON Lines の入力を評価するスレッド数 (デフォルト: 1 に、ほかの処理で使われていないコア数を加えた数)。出力はスレッド数によらず同じです。',
  'Print the summary of what was written (counts, gaps, notes) as one JSON object; collect prints no verdict.': '書き込んだ内容の概要 (件数、欠落、注記) を 1 つの JSON オブジェクトで出力します。collect は判定を出力しません。',
  'Show stack traces, and every AWS call with its duration, on stderr.': 'スタックトレースと、すべての AWS 呼び出しとその所要時間を標準エラー出力に表示します。',
  'Snapshot file to write (.json, or .json.gz for gzip).': '書き込むスナップショットファイル (.json、gzip なら .json.gz)。',
  'AWS profile of the caller (default: the standard SDK chain, AWS_PROFILE).': '呼び出し元の AWS プロファイル (デフォルト: 標準の SDK チェーン、AWS_PROFILE)。',
  'Region whose VPC endpoints are read (repeatable; default: the configured region).': 'VPC エンドポイントを読み取るリージョン (複数指定可。デフォルト: 設定されたリージョン)。',
  'Read VPC endpoints in every region enabled in each account.': '各アカウントで有効なすべてのリージョンの VPC エンドポイントを読み取ります。',
  "Accounts to collect, ID,ID (default: the caller's own account).": '収集するアカウント、ID,ID (デフォルト: 呼び出し元自身のアカウント)。',
  'Collect every active account of the organization.': '組織のすべてのアクティブなアカウントを収集します。',
  "Role assumed in each account other than the caller's (arn:aws:iam::ID:role/NAME).": '呼び出し元以外の各アカウントで引き受けるロール (arn:aws:iam::ID:role/NAME)。',
  'Accounts collected at once, 1 to 32 (default 4).': '同時に収集するアカウント数、1～32 (デフォルト 4)。',
  'Print the verdict as JSON: one object for one case, one per line (JSON Lines) for several.': '判定を JSON で出力します: 1 ケースなら 1 オブジェクト、複数なら 1 行に 1 つ (JSON Lines)。',
  'Show stack traces. evaluate makes no AWS calls: everything comes from the case file.': 'スタックトレースを表示します。evaluate は AWS を呼び出しません: すべてケースファイルから読み取ります。',
  'Treat every context key the case does not give as absent, even with "contextComplete": false.': '"contextComplete": false であっても、ケースが指定しないコンテキストキーを存在しないものとして扱います。',
  'CloudTrail event file (one event, Records, or lookup-events output); - for standard input.': 'CloudTrail イベントファイル (1 つのイベント、Records、または lookup-events の出力)。標準入力なら -。',
  "Fetch AWS's own evaluation for the authorization ID in the message (IAM Access Troubleshooter, preview).": 'メッセージ内の認可 ID について AWS 自身の評価を取得します (IAM Access Troubleshooter、プレビュー)。',
  "The caller's account ID, for a message that masks it (arn:aws:iam::XXXXXXXX:user/tester).": 'メッセージで伏せられている場合の呼び出し元のアカウント ID (arn:aws:iam::XXXXXXXX:user/tester)。',
  'Resource ARN (repeatable). Without it the resource is unknown, not *.': 'リソース ARN (複数指定可)。指定しない場合、リソースは * ではなく不明として扱います。',
  'Context key, KEY=VALUE (repeatable; a key given several times is multi-valued).': 'コンテキストキー、KEY=VALUE (複数指定可。同じキーを複数回指定すると複数値)。',
  'The call was made with MFA (aws:MultiFactorAuthPresent); --no-mfa: without.': '呼び出しは MFA 付きで行われた (aws:MultiFactorAuthPresent)。--no-mfa: MFA なし。',
  "The caller's public IP address (aws:SourceIp).": '呼び出し元のパブリック IP アドレス (aws:SourceIp)。',
  'The VPC endpoint the call went through (aws:SourceVpce); its policy is read too.': '呼び出しが経由した VPC エンドポイント (aws:SourceVpce)。そのポリシーも読み取ります。',
  'Region of the call (aws:RequestedRegion) and of the VPC endpoint lookup.': '呼び出しのリージョン (aws:RequestedRegion) と、VPC エンドポイントを調べるリージョン。',
  'File holding the session policy passed to AssumeRole.': 'AssumeRole に渡したセッションポリシーのファイル。',
  'Account that owns the resource, when its ARN does not say (S3).': 'ARN に記載がない場合のリソースを所有するアカウント (S3)。',
  'Diagnose the demo organisation shipped with denydoctor (no AWS account needed) instead of an account or a snapshot.':
    'アカウントやスナップショットの代わりに、denydoctor に同梱のデモ組織を診断します (AWS アカウント不要)。',
  'The action, service:Action (e.g. ec2:RunInstances).': 'アクション、service:Action (例: ec2:RunInstances)。',
  'Print the merged audit result as JSON (the format of --out).': 'まとめた監査結果を JSON で出力します (--out の形式)。',
  "Merge even when some shards' results are missing (the report says which shards it holds).": '一部のシャードの結果がなくてもまとめます (レポートに含まれるシャードを示します)。',

  // Exit statuses.
  'every expectation held': 'すべての期待が成立した',
  [EXIT_FAILED]: 'プログラムが失敗した (不正な入力、回避できなかった AWS のエラー)。理由は標準エラー出力に表示',
  [`${EXIT_FAILED}; with several inputs, also when one could not be diagnosed (the worst status wins: 1, then 3, 5, 4, 0)`]:
    'プログラムが失敗した (不正な入力、回避できなかった AWS のエラー)。理由は標準エラー出力に表示。複数の入力では、診断できないものがあった場合も (最も悪いステータスを返す: 1、3、5、4、0 の順)',
  'the command line was wrong': 'コマンドラインが誤っていた',
  'at least one expectation did not hold': '成立しない期待が 1 つ以上あった',
  'the snapshot was written, complete': 'スナップショットを完全に書き込んだ',
  'the snapshot was written, but some sources could not be read (listed on stderr and in the file)': 'スナップショットを書き込んだが、読み取れない情報源があった (標準エラー出力とファイルに記載)',
  'the request is allowed': 'リクエストは許可される',
  'explicit deny': '明示的な拒否',
  'implicit deny': '暗黙的な拒否',
  'undetermined: the answer hangs on context nobody gave': '未確定: 答えが指定されていないコンテキスト次第',
}

/** oclif's section headings. */
export const JA_HELP_HEADERS: Readonly<Record<string, string>> = {
  USAGE: '使用法',
  ARGUMENTS: '引数',
  FLAGS: 'フラグ',
  'GLOBAL FLAGS': 'グローバルフラグ',
  DESCRIPTION: '説明',
  EXAMPLES: '例',
  ALIASES: 'エイリアス',
  'FLAG DESCRIPTIONS': 'フラグの説明',
  'EXIT STATUS': '終了ステータス',
  COMMANDS: 'コマンド',
  TOPICS: 'トピック',
  VERSION: 'バージョン',
}
