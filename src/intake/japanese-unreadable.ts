import { foldWidth, hasJapanese } from './japanese-width.js'
import { excerpt, IntakeError, type Intake } from './types.js'

/** The Japanese template, as the error quotes it. */
const JAPANESE_EXPECTED =
  "'ユーザー: ARN は実行する権限がありません: リソースの service:Action …' or " +
  "'ユーザー: ARN は、リソース: RESOURCE に対して service:Action を実行する権限がありません …'"

/**
 * The error for Japanese text in which no caller and action could be read: it says what was
 * missing in the Japanese wording, instead of "not an access-denied error" for a message that
 * plainly is one. Null when the text is not Japanese (the English errors apply).
 */
export function japaneseUnreadable(raw: string, known: Partial<Intake>): IntakeError | null {
  if (!hasJapanese(raw)) return null
  const text = foldWidth(raw)
  const deniedWords = /権限がありません|権限がない|許可されていません|拒否|AccessDenied|UnauthorizedOperation/.test(text)
  if (!deniedWords) return null
  const hasUser = /(?:ユーザー|ユーザ|User)\s*:/.test(text)
  const hasAction = /[A-Za-z0-9-]+:[A-Z][A-Za-z0-9*_-]*/.test(text.replace(/arn:[^\s]+/g, ''))
  const missing = !hasUser ? "the caller ('ユーザー: arn:…')" : !hasAction ? "the denied action ('service:Action', such as ec2:RunInstances)" : 'the caller and action in an order denydoctor knows'
  return new IntakeError(
    `The input is a Japanese access-denied message, but denydoctor could not find ${missing} in it: "${excerpt(raw)}". ` +
      `Expected ${JAPANESE_EXPECTED}; or run \`denydoctor principal ARN --action SERVICE:ACTION\` with the caller and action.`,
    known,
  )
}
