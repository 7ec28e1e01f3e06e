import { POLICY_TYPE_MESSAGE_WORDS, type PolicyType } from '../model/index.js'
import { foldWidth, hasJapanese } from './japanese-width.js'
import {
  JA_CLI_WRAPPER,
  JA_EXPLICIT,
  JA_IMPLICIT,
  JA_NOT_ALLOWED,
  JA_NOT_AUTHORIZED,
  JA_RESOURCE_WORDS,
  JA_TOPIC,
  JA_USER,
  JAPANESE_POLICY_PHRASES,
} from './japanese-phrases.js'

/**
 * Reads a Japanese AccessDenied message (the seed article's, a console's, a translated page's)
 * by rewriting it into the English template the message parser already reads, so that one
 * parser decides principal, action, resource, reason and suffixes for both languages:
 *
 *   ユーザー: ARN は実行する権限がありません: リソースの ACTION: ロール NAME (明示的な拒否)
 *   ユーザー: ARN は、リソース: RES に対して ACTION を実行する権限がありません (…)
 *   →  User: ARN is not authorized to perform: ACTION on resource: RES with an explicit deny in a …
 *
 * Seed: https://repost.aws/ja/knowledge-center/iam-explicit-deny-errors
 */
export interface JapaneseReading {
  /** The message in the English template (or the folded text when no Japanese core was found). */
  readonly text: string
  /** A Japanese "User: … 実行する権限がありません" core was read. */
  readonly read: boolean
  /** What was understood, in the English template's words (for the intake's note). */
  readonly understood: string
  /** 暗黙的な拒否 without a policy type: the English template has no words for it. */
  readonly implicitWithoutType: boolean
}

const ARN = '("[^"]+"|(?:arn|ARN):[A-Za-z0-9:/_+=,.@*\\-]+)'
const ACTION = '([A-Za-z0-9-]+:[A-Za-z0-9*_-]+)'
const RESOURCE_WORD = Object.keys(JA_RESOURCE_WORDS).sort((a, b) => b.length - a.length).join('|')
const RESOURCE = `("[^"]*"|arn:[A-Za-z0-9:/_+=,.@*\\-]+|\\*|(?:${RESOURCE_WORD}|[a-z][a-z-]*)\\s*[A-Za-z0-9_+=,.@/\\-]+|この\\s*リソース)`
const ON = '\\s*(?:に\\s*対して|に\\s*対する|で|の)\\s*,?\\s*'
const ACTION_OBJECT = '\\s*(?:アクション\\s*)?(?:を|の)\\s*'

// ユーザー: ARN は実行する権限がありません: リソースの ACTION[: RES]   (the seed's word order)
const AUTHORIZED_FIRST = new RegExp(
  `${JA_USER}${ARN}${JA_TOPIC}${JA_NOT_AUTHORIZED}\\s*:?\\s*(?:リソース\\s*の\\s*)?${ACTION}(?:\\s*:\\s*(?:リソース\\s*:?\\s*)?${RESOURCE})?`,
)
// ユーザー: ARN は[、][リソース: RES に対して] ACTION を実行する権限がありません
const RESOURCE_FIRST = new RegExp(`${JA_USER}${ARN}${JA_TOPIC}(?:(?:リソース\\s*:?\\s*)?${RESOURCE}${ON})?${ACTION}${ACTION_OBJECT}${JA_NOT_AUTHORIZED}`)
// ユーザー: ARN は ACTION を[リソース: ]RES に対して実行する権限がありません
const ACTION_FIRST = new RegExp(`${JA_USER}${ARN}${JA_TOPIC}${ACTION}\\s*を\\s*(?:リソース\\s*:?\\s*)?${RESOURCE}${ON}${JA_NOT_AUTHORIZED}`)

const ENCODED_JA = /エンコード\s*された\s*(?:認可|認証|承認)\s*(?:失敗|エラー)?\s*メッセージ\s*:/g
const POLICY_ARN = /arn:[A-Za-z0-9:/_+=,.@*-]+/

interface Core {
  readonly principal: string
  readonly action: string
  readonly resource: string | null
  readonly start: number
  readonly end: number
}

/** Each word order, with the groups holding the principal, the action and the resource. */
const CORE_ORDERS: readonly (readonly [RegExp, number, number, number])[] = [
  [AUTHORIZED_FIRST, 1, 2, 3],
  [RESOURCE_FIRST, 1, 3, 2],
  [ACTION_FIRST, 1, 2, 3],
]

function coreOf(text: string): Core | null {
  for (const [pattern, principal, action, resource] of CORE_ORDERS) {
    const match = pattern.exec(text)
    if (match) return { principal: match[principal]!, action: match[action]!, resource: match[resource] ?? null, start: match.index, end: match.index + match[0].length }
  }
  return null
}

/** `ロール TestReadOnly` → `role TestReadOnly`; `このリソース` → `this resource` (the parser's own words). */
function resourceInEnglish(resource: string): string {
  if (/^この\s*リソース$/.test(resource)) return 'this resource'
  for (const [word, english] of Object.entries(JA_RESOURCE_WORDS)) {
    if (resource.startsWith(word)) return `${english} ${resource.slice(word.length).trim()}`
  }
  return resource
}

interface ReasonWords {
  readonly english: string
  readonly implicitWithoutType: boolean
}

function policyTypeIn(text: string): { type: PolicyType; trust: boolean; index: number } | null {
  let found: { type: PolicyType; trust: boolean; index: number } | null = null
  for (const phrase of JAPANESE_POLICY_PHRASES) {
    const match = phrase.pattern.exec(text)
    // The first phrase in the text is the one the reason names; a later one is a chained layer or prose.
    if (match && (!found || match.index < found.index)) found = { type: phrase.type, trust: phrase.trust ?? false, index: match.index }
  }
  return found
}

/** The reason in the English template's words: "with an explicit deny in a …", "because no … allows the … action". */
function reasonOf(reasonText: string, action: string): ReasonWords {
  const explicit = JA_EXPLICIT.test(reasonText)
  const implicit = !explicit && (JA_IMPLICIT.test(reasonText) || JA_NOT_ALLOWED.test(reasonText))
  if (!explicit && !implicit) return { english: '', implicitWithoutType: false }
  const phrase = policyTypeIn(reasonText)
  const words = phrase ? (phrase.trust ? 'role trust policy' : POLICY_TYPE_MESSAGE_WORDS[phrase.type]) : null
  const arn = phrase ? POLICY_ARN.exec(reasonText.slice(phrase.index))?.[0] : undefined
  const suffix = arn ? `: ${arn.replace(/[.,;]+$/, '')}` : ''
  if (explicit) return { english: words ? ` with an explicit deny in a ${words}${suffix}` : ' with an explicit deny', implicitWithoutType: false }
  if (words) return { english: ` because no ${words} allows the ${action} action`, implicitWithoutType: false }
  return { english: '', implicitWithoutType: true }
}

/**
 * The message rewritten in the English template when it is a Japanese one; otherwise the text
 * as it was (folded only when it holds full-width forms, so English messages are untouched).
 */
export function readJapanese(text: string): JapaneseReading {
  const wide = /[\u3000\uFF01-\uFF5E]/.test(text)
  if (!hasJapanese(text) && !wide) return { text, read: false, understood: '', implicitWithoutType: false }
  const folded = foldWidth(text).replace(ENCODED_JA, 'Encoded authorization failure message:').replace(/\s+/g, ' ')
  const core = coreOf(folded)
  if (!core) return { text: folded, read: false, understood: '', implicitWithoutType: false }
  const before = folded.slice(0, core.start)
  const after = folded.slice(core.end)
  const wrapper = JA_CLI_WRAPPER.exec(before)
  const wrapperEnglish = wrapper ? `An error occurred (${(wrapper[2] ?? wrapper[3])!.trim()}) when calling the ${wrapper[1]} operation: ` : before
  // The reason may come before the core ("SCP の明示的な拒否により、ユーザー: …") or after it.
  const reason = reasonOf(`${wrapper ? '' : before} ${after}`, core.action)
  const resource = core.resource ? ` on resource: ${resourceInEnglish(core.resource)}` : ''
  const understood = `User: ${core.principal} is not authorized to perform: ${core.action}${resource}${reason.english}`
  // What follows the core stays (after a full stop the reason parser does not read past) for
  // the suffixes: an encoded authorization message, an authorization id.
  const english = `${wrapperEnglish}${understood}. ${after}`.trim()
  return { text: english, read: true, understood, implicitWithoutType: reason.implicitWithoutType }
}

/** The note an intake read from Japanese carries: what denydoctor understood, in the template's words. */
export function japaneseNote(reading: JapaneseReading): string {
  const implicit = reading.implicitWithoutType ? ' (an implicit deny; the message names no policy type)' : ''
  return `The message is in Japanese; denydoctor read it as "${reading.understood}"${implicit}.`
}
