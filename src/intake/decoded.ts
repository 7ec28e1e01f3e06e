import { parseArn } from '../model/index.js'
import { emptyIntake, excerpt, IntakeError, type DecodedStatement, type Intake } from './types.js'
import { list, parseJson, record } from './json.js'

/**
 * Reads the `DecodedMessage` that sts:DecodeAuthorizationMessage returns for an EC2 (and a few
 * other services') encoded authorization failure message. Every list is `{"items":[…]}` and
 * every scalar `{"value":…}`; older samples use strings ("false") and "" in place of lists.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 * https://github.com/aws/aws-cli/blob/develop/awscli/examples/sts/decode-authorization-message.rst
 */

const EXPECTED =
  "the DecodedMessage of 'aws sts decode-authorization-message' (a JSON object with \"allowed\" and \"context\"), " +
  'or the whole {"DecodedMessage": "…"} output'

// Pseudo keys describe the request itself; they fill action/resources, not the context.
const PSEUDO_KEYS = new Set(['aws:resource', 'aws:type', 'aws:service', 'aws:arn', 'aws:account'])
const RENAMED_KEYS: Readonly<Record<string, string>> = { 'aws:region': 'aws:RequestedRegion' }

/** `{"value":x}`, a string, number or boolean → its text. */
function scalar(value: unknown): string | null {
  const o = record(value)
  if (o && 'value' in o) return scalar(o.value)
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

function strings(value: unknown): string[] {
  return list(value)
    .map(scalar)
    .filter((s): s is string => s !== null)
}

function bool(value: unknown): boolean | null {
  const s = scalar(value)?.trim().toLowerCase()
  return s === 'true' ? true : s === 'false' ? false : null
}

/** Accepts the decoded JSON, a JSON string of it, an escaped copy of it, or `{"DecodedMessage": …}`. */
function readDocument(text: string): Record<string, unknown> | null {
  let value: unknown = parseJson(text.trim())
  // Copied from inside the CLI's JSON output: {\"allowed\":false,…}
  if (value === undefined && text.includes('\\"')) value = parseJson(`"${text.trim().replace(/^"|"$/g, '')}"`)
  for (let depth = 0; depth < 3; depth++) {
    if (typeof value === 'string') value = parseJson(value)
    const o = record(value)
    if (o && 'DecodedMessage' in o) value = o.DecodedMessage
    else break
  }
  if (typeof value === 'string') value = parseJson(value)
  return record(value)
}

function readStatement(value: unknown): DecodedStatement {
  const o = record(value) ?? {}
  return {
    statementId: scalar(o.statementId),
    effect: scalar(o.effect),
    principals: strings(o.principals),
    principalGroups: strings(o.principalGroups),
    actions: strings(o.actions),
    resources: strings(o.resources),
  }
}

function statementNote(s: DecodedStatement): string {
  const attached = s.principals.length ? ` in a policy attached to ${s.principals.join(', ')}` : ''
  const effect = s.effect ? s.effect.charAt(0) + s.effect.slice(1).toLowerCase() : 'unknown effect'
  return `AWS says statement ${s.statementId ?? '(no Sid)'} (${effect})${attached} matched the request.`
}

/** Reads STS DecodeAuthorizationMessage output into an Intake (source 'encoded'). */
export function intakeFromDecodedMessage(decodedJson: string): Intake {
  const doc = readDocument(decodedJson)
  const context = record(doc?.context)
  if (!doc || !context) {
    throw new IntakeError(`This is not a decoded authorization message ("${excerpt(decodedJson)}"): expected ${EXPECTED}.`)
  }
  const draft = emptyIntake('encoded')
  const notes: string[] = []
  const keys: Record<string, string | readonly string[]> = {}
  const pseudo = new Map<string, string[]>()
  for (const item of list(context.conditions)) {
    const entry = record(item)
    const key = scalar(entry?.key)
    if (!entry || !key) continue
    const values = strings(entry.values)
    if (PSEUDO_KEYS.has(key.toLowerCase())) {
      pseudo.set(key.toLowerCase(), values)
      continue
    }
    // A key listed without values says nothing certain; leave it unknown.
    if (values.length === 0) continue
    const name = RENAMED_KEYS[key.toLowerCase()] ?? key
    keys[name] = values.length === 1 ? values[0]! : values
  }

  const principal = record(context.principal)
  draft.principal = scalar(principal?.arn)
  const userId = scalar(principal?.id)
  if (userId) keys['aws:userid'] = userId
  const userName = scalar(principal?.name)
  if (userName && /^arn:[^:]+:iam::\d{12}:user\//.test(draft.principal ?? '')) keys['aws:username'] = userName

  const resource = scalar(context.resource) ?? pseudo.get('aws:arn')?.[0] ?? null
  if (resource !== null) {
    if (resource.startsWith('arn:') || resource === '*') draft.resources = [resource]
    else draft.resourceText = resource
  }

  const action = scalar(context.action)
  if (action?.includes(':')) draft.action = action
  else if (action) {
    const service = pseudo.get('aws:service')?.[0] ?? (resource ? parseArn(resource)?.service : undefined)
    if (service) draft.action = `${service}:${action}`
    else notes.push(`The decoded message names the action '${action}' without its service, and nothing says which service it is.`)
  }

  const allowed = bool(doc.allowed)
  const explicitDeny = bool(doc.explicitDeny)
  if (allowed === false) draft.reportedDenyKind = explicitDeny ? 'explicit' : 'implicit'
  if (allowed === true) notes.push('The decoded message says the request was allowed; the failure came from somewhere else.')

  const statements = list(doc.matchedStatements).map(readStatement)
  draft.matchedStatements = statements
  notes.push(...statements.map(statementNote))
  for (const failure of list(doc.failures)) {
    const text = scalar(failure) ?? JSON.stringify(failure)
    notes.push(`The decoded message lists a failure: ${text}`)
  }
  if (draft.reportedDenyKind === 'implicit' && statements.length === 0) {
    notes.push('No statement matched: no policy allowed the request (implicit deny).')
  }
  draft.context = keys
  draft.notes = notes
  return draft
}
