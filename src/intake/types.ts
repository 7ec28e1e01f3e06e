import type { PolicyType } from '../model/index.js'

/**
 * What could be read from the user's input (an AccessDenied message, a decoded EC2
 * authorization message, or a CloudTrail event) before any AWS call. Nothing here is guessed:
 * a field the input does not state is null (or empty), and inferences are flagged in `notes`.
 */
export interface Intake {
  readonly source: 'message' | 'encoded' | 'cloudtrail'
  /** Caller ARN as written (the session ARN for role sessions). */
  readonly principal: string | null
  /** `service:Action`. */
  readonly action: string | null
  /** ARNs (or `*` when the message says so); [] when none is known. */
  readonly resources: readonly string[]
  /** The raw "on resource: …" text when it is not a plain ARN (`role TestReadOnly`, `this resource`). */
  readonly resourceText: string | null
  readonly reportedPolicyType: PolicyType | null
  readonly reportedDenyKind: 'explicit' | 'implicit' | null
  readonly reportedPolicyArn: string | null
  /** Known context keys. */
  readonly context: Readonly<Record<string, string | readonly string[]>>
  /** Keys known NOT to be in the request. */
  readonly absentKeys: readonly string[]
  /** AccessDenied, AccessDeniedException, UnauthorizedOperation, … */
  readonly errorCode: string | null
  /** API operation (RunInstances). */
  readonly operation: string | null
  /** The opaque EC2 "Encoded authorization failure message" (decoding it needs STS). */
  readonly encodedMessage: string | null
  /** Access Troubleshooter authorization id. */
  readonly authorizationId: string | null
  readonly authorizationUrl: string | null
  /** Things the user should know about the input (unreliable wording, inferences, …). */
  readonly notes: readonly string[]
  readonly eventTime?: string | null
  /** Extra: the request id from an SDK/CLI wrapper, S3 XML body or CloudTrail event. */
  readonly requestId?: string | null
  /** The mask standing for the caller's account in a published message (`XXXXXXXX`); absent when the account is real. */
  readonly maskedAccount?: string | null
  /** Extra: the statements a decoded authorization message says matched. */
  readonly matchedStatements?: readonly DecodedStatement[]
}

/** One entry of `matchedStatements` in a decoded authorization message. */
export interface DecodedStatement {
  readonly statementId: string | null
  /** `ALLOW` / `DENY` as written. */
  readonly effect: string | null
  /** Unique IDs (AIDA…, AROA…) of the entities the policy is attached to. */
  readonly principals: readonly string[]
  readonly principalGroups: readonly string[]
  readonly actions: readonly string[]
  readonly resources: readonly string[]
}

/**
 * Bad or unreadable input. The message is one paragraph that says what was expected.
 * `partial` carries what could be read all the same (an S3 resource, a request id), so a
 * caller can show it or suggest the next step.
 */
export class IntakeError extends Error {
  readonly partial: Partial<Intake> | null
  constructor(message: string, partial: Partial<Intake> | null = null) {
    super(message)
    this.name = 'IntakeError'
    this.partial = partial
  }
}

/** The expected-shape sentence every "cannot read this" error repeats. */
export const EXPECTED_MESSAGE =
  "an AWS AccessDenied message of the form 'User: ARN is not authorized to perform: service:Action …' " +
  '(as printed by the AWS console, CLI, an SDK or Terraform), an EC2 encoded authorization message, ' +
  'or a CloudTrail event'

/** A mutable Intake under construction. */
export type IntakeDraft = { -readonly [K in keyof Intake]: Intake[K] }

export function emptyIntake(source: Intake['source']): IntakeDraft {
  return {
    source,
    principal: null,
    action: null,
    resources: [],
    resourceText: null,
    reportedPolicyType: null,
    reportedDenyKind: null,
    reportedPolicyArn: null,
    context: {},
    absentKeys: [],
    errorCode: null,
    operation: null,
    encodedMessage: null,
    authorizationId: null,
    authorizationUrl: null,
    notes: [],
    requestId: null,
  }
}

// C0 controls other than tab, line breaks and ESC (terminal colours), DEL, and U+FFFD, which
// stands for bytes that were not UTF-8.
const NOT_TEXT = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F\uFFFD]/g

/**
 * The user's input without its byte-order mark, once it is known to be text worth reading:
 * IntakeError when it is empty, or binary (a NUL, or more than one character in ten that is
 * no text), which a UTF-16 file read as UTF-8 also is. `expected` ends the error's sentence.
 */
export function readableInput(text: string, expected: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw new IntakeError(`The input is empty: expected ${expected}.`)
  const body = text.replace(/^\uFEFF/, '')
  const odd = body.match(NOT_TEXT)?.length ?? 0
  if (body.includes('\u0000') || odd * 10 > body.length) {
    throw new IntakeError(
      'The input is not text: it holds NUL bytes or bytes that are not UTF-8, as a binary file or a UTF-16 file ' +
        `(which Windows PowerShell writes) does; save it as UTF-8 text. Expected ${expected}.`,
    )
  }
  return body
}

/** Shortens user input for quoting in an error message. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
