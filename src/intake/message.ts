import { emptyIntake, EXPECTED_MESSAGE, readableInput, type Intake, type IntakeDraft } from './types.js'
import { emptyWrapping, unwrapStructured, unwrapText, type Wrapping } from './message-wrappers.js'
import { NO_REASON_NOTE, parseReason, S3_BPA_AS_RESOURCE_NOTE, trimArn } from './policy-phrases.js'
import { joinedCandidates } from './wrapped-lines.js'
import { explainNoPrincipal } from './message-unreadable.js'
import { japaneseNote, readJapanese, type JapaneseReading } from './japanese.js'
import { japaneseUnreadable } from './japanese-unreadable.js'
import { accountMaskOf, maskedAccountNote } from './masked-account.js'

/**
 * Reads an AccessDenied message as AWS, a CLI, an SDK or Terraform prints it:
 * `User: <arn> is not authorized to perform: <svc:Action>[ on resource: <res>] <reason>[<suffixes>]`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */

const CORE =
  /User:\s*(?:"([^"]+)"|([^\s"]+))\s+is\s+not\s+authori[sz]ed\s+to\s+perform\s*:?\s*"?([A-Za-z0-9-]+:[A-Za-z0-9*_-]+)"?/i

const ON_RESOURCE = /^\s+on\s+resource\s*:?\s*/i
const ON_THIS_RESOURCE = /^\s+on\s+this\s+resource\b/i
const QUOTED = /^"([^"]*)"/
const TYPED_ARN = /^([a-z][a-z0-9-]*)\s+("?)(arn:[^\s"']+)\2/
const TYPED_NAME = /^([a-z][a-z0-9-]*)\s+(?!(?:with|because)\b)([^\s"']+)/
const TOKEN = /^([^\s"']+)/

const ENCODED = /Encoded\s+authorization\s+failure\s+message\s*:\s*([A-Za-z0-9_\-+/=]+)(…|\.\.\.)?/i
const TROUBLESHOOTER_URL = /Go\s+to\s+(https?:\/\/\S+?)\s+for\s+complete\s+details/i
const AUTHORIZATION_ID = /authorization\s+id\s*:\s*([A-Za-z0-9_-]+)/i
const URL_ID = /#\/authorization-details\/([A-Za-z0-9_-]+)/

interface ResourcePart {
  readonly resources: string[]
  readonly resourceText: string | null
  readonly length: number
}

function isArnLike(text: string): boolean {
  return /^arn:/i.test(text) || text === '*'
}

/** Reads "on resource: …" (ARN, quoted ARN, IAM-style `role Name` / `policy arn:…`) or "on this resource". */
function readResource(rest: string): ResourcePart {
  const none = { resources: [], resourceText: null, length: 0 }
  const thisResource = ON_THIS_RESOURCE.exec(rest)
  if (thisResource) return { resources: [], resourceText: 'this resource', length: thisResource[0].length }
  const on = ON_RESOURCE.exec(rest)
  if (!on) return none
  const after = rest.slice(on[0].length)
  const quoted = QUOTED.exec(after)
  if (quoted) {
    const value = quoted[1]!.trim()
    const length = on[0].length + quoted[0].length
    return isArnLike(value) ? { resources: [value], resourceText: null, length } : { resources: [], resourceText: value, length }
  }
  const token = TOKEN.exec(after)
  if (token && isArnLike(token[1]!)) {
    return { resources: [trimArn(token[1]!) || '*'], resourceText: null, length: on[0].length + token[0].length }
  }
  const typedArn = TYPED_ARN.exec(after)
  if (typedArn) {
    const arn = trimArn(typedArn[3]!)
    return { resources: [arn], resourceText: `${typedArn[1]} ${arn}`, length: on[0].length + typedArn[0].length }
  }
  const typedName = TYPED_NAME.exec(after)
  if (typedName) {
    const name = trimArn(typedName[2]!)
    return { resources: [], resourceText: `${typedName[1]} ${name}`, length: on[0].length + typedName[0].length }
  }
  if (token) return { resources: [], resourceText: trimArn(token[1]!), length: on[0].length + token[0].length }
  return none
}

/** IAM service prefixes are lower-case; some services log them otherwise (`SNS:Publish`). */
function normaliseAction(action: string): string {
  const colon = action.indexOf(':')
  return action.slice(0, colon).toLowerCase() + action.slice(colon)
}

/** Suffixes that may appear anywhere after the core: encoded message, Access Troubleshooter. */
function readSuffixes(text: string, draft: IntakeDraft, notes: string[]): void {
  const encoded = ENCODED.exec(text)
  if (encoded) {
    draft.encodedMessage = encoded[1]!
    if (encoded[2]) {
      notes.push('The encoded authorization message looks cut off (it ends with an ellipsis), so STS may not be able to decode it.')
    }
  }
  const url = TROUBLESHOOTER_URL.exec(text)
  if (url) draft.authorizationUrl = url[1]!
  const id = AUTHORIZATION_ID.exec(text)?.[1] ?? (url ? URL_ID.exec(url[1]!)?.[1] : undefined)
  if (id) {
    draft.authorizationId = id
    notes.push(
      `AWS recorded its own evaluation of this request (authorization id ${id}); GetRequestAuthorizationDetails returns it ` +
        'for at least 24 hours and is the most authoritative source ' +
        '(https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied-authorization-id.html).',
    )
  }
}

function applyWrapping(draft: IntakeDraft, wrapping: Wrapping): void {
  draft.errorCode = wrapping.errorCode
  draft.operation = wrapping.operation
  draft.requestId = wrapping.requestId
}

function fromCore(text: string, core: RegExpExecArray, wrapping: Wrapping): Intake {
  const draft = emptyIntake('message')
  const notes: string[] = []
  applyWrapping(draft, wrapping)
  draft.principal = (core[1] ?? core[2])!.trim()
  draft.action = normaliseAction(core[3]!)
  const rest = text.slice(core.index + core[0].length)
  const resource = readResource(rest)
  draft.resources = resource.resources
  draft.resourceText = resource.resourceText
  const reason = parseReason(rest.slice(resource.length))
  draft.reportedDenyKind = reason.denyKind
  draft.reportedPolicyType = reason.policyType
  draft.reportedPolicyArn = reason.policyArn
  notes.push(...reason.notes)
  if (reason.policyType === 'resource' && draft.action.startsWith('s3:')) notes.push(S3_BPA_AS_RESOURCE_NOTE)
  readSuffixes(rest, draft, notes)
  draft.notes = notes
  return draft
}

const WELL_FORMED_ARN = /^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:\S+$/

/**
 * How much of the template a reading recognised. Line breaks can be read several ways; the
 * reading that recognises the most (a known reason, well-formed ARNs, wrapper fields) wins.
 */
function plausibility(intake: Intake): number {
  let score = 0
  if (intake.reportedDenyKind) score += 4
  if (intake.reportedPolicyType) score += 2
  if (intake.reportedPolicyArn) score += WELL_FORMED_ARN.test(intake.reportedPolicyArn) ? 2 : -2
  if (intake.resources.length) score += intake.resources.every((r) => r === '*' || WELL_FORMED_ARN.test(r)) ? 2 : -2
  else if (intake.resourceText) score += 1
  if (intake.principal && !/\s/.test(intake.principal)) score += 1
  for (const field of [intake.errorCode, intake.operation, intake.requestId, intake.encodedMessage, intake.authorizationId]) {
    if (field) score += 1
  }
  return score - intake.notes.filter((note) => note.startsWith('The service gives its own reason') || note.startsWith('The message gives no reason')).length * 2
}

/**
 * Parses an AccessDenied message (with any CLI/SDK/Terraform/XML/JSON wrapping, log prefixes
 * and terminal line breaks). Throws IntakeError when no principal and action can be read,
 * unless the message carries an encoded authorization message or an authorization id, which a
 * later layer can resolve.
 */
export function parseDeniedMessage(text: string): Intake {
  const raw = readableInput(text, EXPECTED_MESSAGE)
  const structured = emptyWrapping()
  const body = unwrapStructured(raw, structured)
  const candidates = joinedCandidates(body)
  let best: { intake: Intake; score: number } | null = null
  for (const candidate of candidates) {
    const wrapping = { ...structured }
    const reading = readJapanese(candidate)
    const inner = unwrapText(reading.text, wrapping)
    const core = CORE.exec(inner)
    if (!core) continue
    const parsed = withReading(fromCore(inner, core, wrapping), reading)
    const score = plausibility(parsed)
    if (!best || score > best.score) best = { intake: parsed, score }
  }
  if (best) return withMaskNote(best.intake)
  const wrapping = { ...structured }
  const inner = unwrapText(candidates[0] ?? '', wrapping)
  const draft = emptyIntake('message')
  const notes: string[] = []
  applyWrapping(draft, wrapping)
  readSuffixes(inner, draft, notes)
  if (draft.encodedMessage !== null || draft.authorizationId !== null) {
    notes.unshift(
      draft.encodedMessage !== null
        ? 'The message does not name the caller or the action; they are inside the encoded authorization message, which sts:DecodeAuthorizationMessage can decode.'
        : 'The message does not name the caller or the action; the authorization id leads to them.',
    )
    draft.notes = notes
    return draft
  }
  throw japaneseUnreadable(raw, known(wrapping)) ?? explainNoPrincipal(inner, wrapping, raw)
}

function known(wrapping: Wrapping): Partial<Intake> {
  return { source: 'message', errorCode: wrapping.errorCode, operation: wrapping.operation, requestId: wrapping.requestId }
}

/** What only the Japanese words said: that they were Japanese, and a bare 暗黙的な拒否. */
function withReading(intake: Intake, reading: JapaneseReading): Intake {
  if (!reading.read) return intake
  const notes = [japaneseNote(reading), ...intake.notes]
  if (!reading.implicitWithoutType) return { ...intake, notes }
  return { ...intake, reportedDenyKind: 'implicit', notes: notes.filter((note) => note !== NO_REASON_NOTE) }
}

/** A masked account (`XXXXXXXX`) is kept, with a note, for the caller to fill in. */
function withMaskNote(intake: Intake): Intake {
  const mask = accountMaskOf(intake.principal)
  if (mask === null) return intake
  return { ...intake, maskedAccount: mask, notes: [...intake.notes, maskedAccountNote(mask)] }
}
