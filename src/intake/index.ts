import { cloudTrailJsonError, intakesFromCloudTrail } from './cloudtrail.js'
import { intakeFromDecodedMessage } from './decoded.js'
import { parseJson, parseJsonLines, record } from './json.js'
import { parseDeniedMessage } from './message.js'
import { emptyIntake, EXPECTED_MESSAGE, IntakeError, readableInput, type Intake } from './types.js'

export { parseCloudTrail, actionFromEvent } from './cloudtrail.js'
export { intakeFromDecodedMessage } from './decoded.js'
export { parseDeniedMessage } from './message.js'
export { IntakeError, type Intake, type DecodedStatement } from './types.js'

// A bare encoded authorization message: long, base64url-like, no spaces, and no longer than
// STS takes (EncodedMessage, 1 to 10240 characters):
// https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
const BARE_ENCODED = /^[A-Za-z0-9_\-+/=]{64,10240}$/
// Keys only CloudTrail JSON has: text holding them that is not JSON is a damaged event.
const CLOUDTRAIL_KEY = /"(?:eventSource|eventName|Records|CloudTrailEvent)"\s*:/

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

/**
 * Decides what the user gave and reads it: CloudTrail JSON (an event, Records, lookup-events
 * output, an array or JSON Lines of events), a decoded authorization message, a bare encoded
 * authorization message, or an AccessDenied message in any wrapping.
 */
export function detectAndParse(text: string): Intake[] {
  const body = readableInput(text, EXPECTED_MESSAGE)
  const trimmed = body.trim()
  if (BARE_ENCODED.test(trimmed) && !trimmed.startsWith('arn:')) {
    const draft = emptyIntake('encoded')
    draft.encodedMessage = trimmed
    draft.notes = [
      'This is an encoded authorization message; sts:DecodeAuthorizationMessage turns it into the caller, action, resource and context.',
    ]
    return [draft]
  }
  let damagedCloudTrail = false
  if (/^[[{"]/.test(trimmed)) {
    const parsed = parseJson(trimmed)
    let value = parsed !== undefined ? parsed : parseJsonLines(trimmed)
    // A decoded message pasted as a JSON string literal.
    if (typeof value === 'string' && /^\s*\{/.test(value)) value = parseJson(value) ?? value
    const kind = kindOf(value)
    if (kind === 'cloudtrail') return intakesFromCloudTrail(value, trimmed)
    if (kind === 'decoded') return [intakeFromDecodedMessage(JSON.stringify(value))]
    damagedCloudTrail = value === undefined && CLOUDTRAIL_KEY.test(trimmed)
  }
  try {
    return [parseDeniedMessage(text)]
  } catch (error) {
    // A cut or mistyped event: where its JSON breaks says more than "no access-denied error".
    if (damagedCloudTrail && error instanceof IntakeError) throw cloudTrailJsonError(body)
    throw error
  }
}
