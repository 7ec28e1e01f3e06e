import { excerpt, EXPECTED_MESSAGE, IntakeError, type Intake } from './types.js'
import type { Wrapping } from './message-wrappers.js'
import { actionFromEvent } from './event-actions.js'

/**
 * The errors for messages that name no caller and no action. Each says what the input was
 * taken for, why it cannot be diagnosed, and how to get a message that can.
 * S3: https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html
 */

const BARE_ACCESS_DENIED = /^\W*access\s*denied\W*$/i
const FORBIDDEN = /^\W*forbidden\W*$/i
const PRINCIPAL_ONLY = /User:\s*"?([^\s"]+)"?\s+is\s+not\s+authori[sz]ed\b/i
const EC2_GENERIC = /You\s+are\s+not\s+authori[sz]ed\s+to\s+perform\s+this\s+operation/i
// The label without an encoded message after it (message.ts reads the well-formed ones).
const ENCODED_LABEL = /Encoded\s+authorization\s+failure\s+message\s*:\s*(\S*)/i

/** Why S3 answers a bare 'Access Denied', for a message and a CloudTrail errorMessage alike. */
export const S3_NO_REASON =
  'S3 gives the reason only to callers in the same account or organization, and never for denials by a VPC endpoint ' +
  'policy or on directory buckets'

/** 'Access Denied' and nothing else, as S3 answers callers it gives no reason to. */
export function isBareAccessDenied(text: string): boolean {
  return BARE_ACCESS_DENIED.test(text)
}

function known(wrapping: Wrapping): Partial<Intake> {
  return {
    source: 'message',
    errorCode: wrapping.errorCode,
    operation: wrapping.operation,
    requestId: wrapping.requestId,
    resourceText: wrapping.s3Resource,
  }
}

function requestIdText(wrapping: Wrapping): string {
  return wrapping.requestId ? ` (request id ${wrapping.requestId})` : ''
}

function s3AccessDenied(wrapping: Wrapping): IntakeError {
  const path = wrapping.s3Resource
  const arn = path?.startsWith('/') ? `arn:aws:s3:::${path.slice(1)}` : 'arn:aws:s3:::BUCKET/KEY'
  const action = wrapping.operation ? actionFromEvent('s3.amazonaws.com', wrapping.operation) : 's3:ACTION'
  const what = path ? ` for ${path}` : ''
  return new IntakeError(
    `S3 answered with a bare 'Access Denied'${what}${requestIdText(wrapping)}, which names neither the caller nor the ` +
      `action: ${S3_NO_REASON}. To diagnose it, find the request in CloudTrail (S3 data events, by its ` +
      `request id) and pass the event with --event, or run \`denydoctor principal <caller ARN> --action ${action} ` +
      `--resource ${arn}\`. Expected ${EXPECTED_MESSAGE}.`,
    known(wrapping),
  )
}

function headForbidden(wrapping: Wrapping): IntakeError {
  const operation = wrapping.operation ?? 'HEAD request'
  return new IntakeError(
    `The ${operation} was refused with a bare 403 'Forbidden'${requestIdText(wrapping)}: HEAD requests have no response ` +
      'body, so S3 cannot say why. Repeat the call as a GET (for example `aws s3api get-object` for HeadObject, or ' +
      '`aws s3api list-objects-v2 --max-items 1` for HeadBucket) to get a message with the reason, or pass the ' +
      `CloudTrail event with --event. Expected ${EXPECTED_MESSAGE}.`,
    known(wrapping),
  )
}

/** Builds the IntakeError for a message without a readable "User: … perform: svc:Action". */
export function explainNoPrincipal(inner: string, wrapping: Wrapping, raw: string): IntakeError {
  if (isBareAccessDenied(inner)) return s3AccessDenied(wrapping)
  if (FORBIDDEN.test(inner) || wrapping.errorCode === '403' || wrapping.errorCode === 'Forbidden') {
    return headForbidden(wrapping)
  }
  const principal = PRINCIPAL_ONLY.exec(inner)
  if (principal) {
    return new IntakeError(
      `The message names the caller (${principal[1]}) but no 'service:Action' after 'is not authorized to perform:', ` +
        `so the request cannot be rebuilt from it: "${excerpt(inner)}". Run \`denydoctor principal ${principal[1]} ` +
        `--action SERVICE:ACTION\` instead. Expected ${EXPECTED_MESSAGE}.`,
      { ...known(wrapping), principal: principal[1]! },
    )
  }
  const encoded = ENCODED_LABEL.exec(inner)
  if (encoded) {
    const after = encoded[1] ? `what follows it ("${excerpt(encoded[1], 40)}") is not` : 'nothing follows it, not'
    return new IntakeError(
      `The message has 'Encoded authorization failure message:' but ${after} an encoded message, which is made of ` +
        'letters, digits and - _ + / = only; copy the whole error again, or pass the CloudTrail event with --event. ' +
        `Expected ${EXPECTED_MESSAGE}.`,
      known(wrapping),
    )
  }
  if (EC2_GENERIC.test(inner)) {
    return new IntakeError(
      "The message says 'You are not authorized to perform this operation' but carries neither the caller and action " +
        "nor the 'Encoded authorization failure message: …' that EC2 adds; copy the whole error, including the encoded " +
        `message, or pass the CloudTrail event with --event. Expected ${EXPECTED_MESSAGE}.`,
      known(wrapping),
    )
  }
  return new IntakeError(
    `Could not find an access-denied error in the input ("${excerpt(raw)}"): expected ${EXPECTED_MESSAGE}.`,
    known(wrapping),
  )
}
