import { parseCloudTrail } from './cloudtrail.js'
import { intakeFromDecodedMessage } from './decoded.js'
import { parseJson, record } from './json.js'
import { parseDeniedMessage } from './message.js'
import { emptyIntake, EXPECTED_MESSAGE, IntakeError, type Intake } from './types.js'

export { parseCloudTrail, actionFromEvent } from './cloudtrail.js'
export { intakeFromDecodedMessage } from './decoded.js'
export { parseDeniedMessage } from './message.js'
export { IntakeError, type Intake, type DecodedStatement } from './types.js'

// A bare encoded authorization message: long, base64url-like, no spaces.
const BARE_ENCODED = /^[A-Za-z0-9_\-+/=]{64,}$/

type Kind = 'cloudtrail' | 'decoded' | 'error' | null

function looksLikeCloudTrail(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(looksLikeCloudTrail)
  if (typeof value === 'string') return looksLikeCloudTrail(parseJson(value))
  const o = record(value)
  if (!o) return false
  return 'Records' in o || 'Events' in o || 'CloudTrailEvent' in o || 'eventName' in o || 'eventSource' in o
}

function kindOf(value: unknown): Kind {
  if (looksLikeCloudTrail(value)) return 'cloudtrail'
  const o = record(value)
  if (!o) return null
  if ('DecodedMessage' in o || ('context' in o && ('allowed' in o || 'explicitDeny' in o || 'matchedStatements' in o))) {
    return 'decoded'
  }
  return 'error'
}

function isJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '')
  return lines.length > 1 && lines.every((line) => looksLikeCloudTrail(parseJson(line)))
}

/**
 * Decides what the user gave and reads it: CloudTrail JSON (an event, Records, lookup-events
 * output, an array or JSON Lines of events), a decoded authorization message, a bare encoded
 * authorization message, or an AccessDenied message in any wrapping.
 */
export function detectAndParse(text: string): Intake[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed === '') throw new IntakeError(`The input is empty: expected ${EXPECTED_MESSAGE}.`)
  if (BARE_ENCODED.test(trimmed) && !trimmed.startsWith('arn:')) {
    const draft = emptyIntake('encoded')
    draft.encodedMessage = trimmed
    draft.notes = [
      'This is an encoded authorization message; sts:DecodeAuthorizationMessage turns it into the caller, action, resource and context.',
    ]
    return [draft]
  }
  if (/^[[{"]/.test(trimmed)) {
    let value = parseJson(trimmed)
    // A decoded message pasted as a JSON string literal.
    if (typeof value === 'string' && /^\s*\{/.test(value)) value = parseJson(value) ?? value
    const kind = value === undefined ? (isJsonLines(trimmed) ? 'cloudtrail' : null) : kindOf(value)
    if (kind === 'cloudtrail') return parseCloudTrail(trimmed)
    if (kind === 'decoded') return [intakeFromDecodedMessage(JSON.stringify(value))]
  }
  return [parseDeniedMessage(text)]
}
