import { contextFromEvent, invokedByOf } from './cloudtrail-context.js'
import { actionFromEvent, multiPermissionNote, s3VersionedAction, servicePrefix } from './event-actions.js'
import { JsonInputError, readJsonText } from '../policy/read-json-text.js'
import { list, parseJson, parseJsonLines, record, str, type JsonObject } from './json.js'
import { parseDeniedMessage } from './message.js'
import { isBareAccessDenied, S3_NO_REASON } from './message-unreadable.js'
import { emptyIntake, excerpt, IntakeError, readableInput, type Intake } from './types.js'

export { actionFromEvent } from './event-actions.js'

/**
 * Reads CloudTrail records of access denials: one event, a `{"Records":[…]}` log file, a JSON
 * array or JSON Lines of events, or `aws cloudtrail lookup-events` output (whose events are JSON
 * strings in `CloudTrailEvent`).
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */

const EXPECTED_EVENTS =
  'a CloudTrail event (a JSON object with eventSource and eventName), a {"Records":[…]} log file, ' +
  "or the output of 'aws cloudtrail lookup-events'"

const DENIAL_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError'])

export function isDenialCode(code: string | null): boolean {
  return code !== null && DENIAL_CODES.has(code.replace(/^Client\./, ''))
}

function collectEvents(value: unknown, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectEvents(item, into)
    return
  }
  if (typeof value === 'string') {
    const parsed = parseJson(value)
    if (parsed !== undefined && typeof parsed !== 'string') collectEvents(parsed, into)
    return
  }
  const o = record(value)
  if (!o) return
  if (Array.isArray(o.Records)) collectEvents(o.Records, into)
  else if (Array.isArray(o.Events)) collectEvents(o.Events, into)
  else if ('CloudTrailEvent' in o) collectEvents(o.CloudTrailEvent, into)
  else if ('eventName' in o || 'eventSource' in o) into.push(o)
}

/**
 * Why CloudTrail text is not JSON, in the words and with the line and column that case and
 * snapshot files get (readJsonText). In JSON Lines, the first line that is not JSON is named.
 */
export function cloudTrailJsonError(text: string): IntakeError {
  const lines = text.split(/\r?\n/)
  const filled = lines.filter((line) => line.trim() !== '')
  const jsonLines = filled.length > 1 && parseJson(filled[0]!) !== undefined
  const bad = jsonLines ? lines.findIndex((line) => line.trim() !== '' && parseJson(line) === undefined) : -1
  try {
    if (bad >= 0) readJsonText(lines[bad]!, `The CloudTrail input line ${bad + 1}`)
    else readJsonText(text, 'The CloudTrail input')
  } catch (error) {
    if (!(error instanceof JsonInputError)) throw error
    const [headline, ...excerptLines] = error.message.split('\n')
    return new IntakeError([`${headline} Expected ${EXPECTED_EVENTS}.`, ...excerptLines].join('\n'))
  }
  return new IntakeError(`The CloudTrail input is not valid JSON. Expected ${EXPECTED_EVENTS}.`)
}

function readEvents(value: unknown, text: string): JsonObject[] {
  const events: JsonObject[] = []
  collectEvents(value, events)
  if (events.length === 0) {
    throw new IntakeError(`The input is JSON but holds no CloudTrail event ("${excerpt(text)}"). Expected ${EXPECTED_EVENTS}.`)
  }
  return events
}

function partitionOf(region: string | null): string {
  if (region?.startsWith('cn-')) return 'aws-cn'
  if (region?.startsWith('us-gov-')) return 'aws-us-gov'
  return 'aws'
}

function resourcesFromEvent(event: JsonObject, prefix: string): string[] {
  const params = record(event.requestParameters)
  const bucket = str(params?.bucketName)
  if (prefix === 's3' && bucket) {
    const key = str(params?.key)
    return [`arn:${partitionOf(str(event.awsRegion))}:s3:::${bucket}${key ? `/${key}` : ''}`]
  }
  return list(event.resources)
    .map((r) => str(record(r)?.ARN) ?? str(record(r)?.arn))
    .filter((arn): arn is string => arn !== null && arn.startsWith('arn:'))
}

function principalFromIdentity(event: JsonObject, fromMessage: string | null, notes: string[]): string | null {
  const identity = record(event.userIdentity) ?? {}
  const type = str(identity.type)
  const arn = str(identity.arn)
  if (arn) return arn
  if (type === 'AWSService' && invokedByOf(event)) return invokedByOf(event)
  if (fromMessage) return fromMessage
  const account = str(identity.accountId)
  if (type === 'AWSAccount') {
    notes.push(
      `The caller is another AWS account (userIdentity type AWSAccount, account ${account ?? 'unknown'}, principal id ` +
        `${str(identity.principalId) ?? 'unknown'}); this copy of the event does not name the principal.`,
    )
  } else {
    notes.push(`The event's userIdentity (type ${type ?? 'missing'}) carries no ARN, so the caller is not named.`)
  }
  return null
}

function readMessage(errorMessage: string | null): Intake | null {
  if (!errorMessage) return null
  try {
    return parseDeniedMessage(errorMessage)
  } catch (error) {
    if (error instanceof IntakeError) return null
    throw error
  }
}

/** One denial event → Intake. The errorMessage, when readable, beats the eventName heuristic. */
function intakeFromEvent(event: JsonObject): Intake {
  const draft = emptyIntake('cloudtrail')
  const notes: string[] = []
  const eventSource = str(event.eventSource) ?? ''
  const eventName = str(event.eventName) ?? ''
  const prefix = servicePrefix(eventSource)
  const errorMessage = str(event.errorMessage)
  const message = readMessage(errorMessage)

  draft.principal = principalFromIdentity(event, message?.principal ?? null, notes)
  if (message?.action) {
    draft.action = message.action
  } else if (eventSource && eventName) {
    const base = actionFromEvent(eventSource, eventName)
    draft.action = str(record(event.requestParameters)?.versionId) ? s3VersionedAction(base) : base
    notes.push(
      `The action ${draft.action} was derived from ${eventSource} ${eventName} (a heuristic; the Service Authorization ` +
        'Reference is authoritative, and the error message did not name the action).',
    )
  }
  draft.resources = message?.resources.length ? [...message.resources] : resourcesFromEvent(event, prefix)
  draft.resourceText = message?.resourceText ?? null
  draft.reportedPolicyType = message?.reportedPolicyType ?? null
  draft.reportedDenyKind = message?.reportedDenyKind ?? null
  draft.reportedPolicyArn = message?.reportedPolicyArn ?? null
  draft.encodedMessage = message?.encodedMessage ?? null
  draft.authorizationId = message?.authorizationId ?? null
  draft.authorizationUrl = message?.authorizationUrl ?? null
  draft.errorCode = str(event.errorCode)
  draft.operation = eventName || null
  draft.eventTime = str(event.eventTime)
  draft.requestId = str(event.requestID)

  if (message) notes.push(...message.notes.filter((note) => !note.startsWith('The message does not name the caller')))
  if (!errorMessage) {
    notes.push('The event has no errorMessage, so it does not say which policy type denied.')
  } else if (!message) {
    notes.push(
      isBareAccessDenied(errorMessage)
        ? `CloudTrail logged only 'Access Denied': ${S3_NO_REASON}, so the policy type is not known.`
        : `The errorMessage is not in the usual AccessDenied form, so it does not say which policy type denied: "${excerpt(errorMessage)}".`,
    )
  }
  if (draft.encodedMessage && errorMessage && errorMessage.length >= 1000) {
    notes.push(
      'CloudTrail keeps only the first 1 KB of errorMessage, so this encoded authorization message is probably cut off; ' +
        'decode the one from the original error instead.',
    )
  }
  const multi = multiPermissionNote(eventSource, eventName)
  if (multi) notes.push(multi)

  const derived = contextFromEvent(event)
  draft.context = derived.context
  draft.absentKeys = derived.absent
  draft.notes = [...notes, ...derived.notes]
  return draft
}

/** One Intake per access-denial event; IntakeError when the input is not JSON or holds none. */
export function parseCloudTrail(jsonText: string): Intake[] {
  const text = readableInput(jsonText, EXPECTED_EVENTS)
  const parsed = parseJson(text)
  const value = parsed !== undefined ? parsed : parseJsonLines(text)
  if (value === undefined) throw cloudTrailJsonError(text)
  return intakesFromCloudTrail(value, text)
}

/** parseCloudTrail for JSON already parsed (`value`, read from `text`). */
export function intakesFromCloudTrail(value: unknown, text: string): Intake[] {
  const events = readEvents(value, text)
  const denials = events.filter((event) => isDenialCode(str(event.errorCode)))
  if (denials.length === 0) {
    const counts = new Map<string, number>()
    for (const event of events) {
      const code = str(event.errorCode) ?? 'no error'
      counts.set(code, (counts.get(code) ?? 0) + 1)
    }
    const summary = [...counts].map(([code, n]) => `${code} ×${n}`).join(', ')
    throw new IntakeError(
      `Read ${events.length} CloudTrail event${events.length === 1 ? '' : 's'} but none is an access denial ` +
        `(error codes: ${summary}). Expected an event whose errorCode is AccessDenied, AccessDeniedException, ` +
        'UnauthorizedOperation, Client.UnauthorizedOperation or AuthorizationError; look the call up with ' +
        "'aws cloudtrail lookup-events' or filter the log on errorCode.",
    )
  }
  return denials.map(intakeFromEvent)
}
