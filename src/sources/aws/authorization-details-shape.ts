/**
 * The GetRequestAuthorizationDetails answer (IAM Access Troubleshooter, preview), read
 * defensively from JSON and turned into denydoctor's findings. Shapes as the service model
 * `com.amazonaws.iamtoolbox` defines them (restJson1):
 * https://docs.aws.amazon.com/iam-toolbox/latest/APIReference/API_GetRequestAuthorizationDetails.html
 * https://docs.aws.amazon.com/botocore/latest/reference/services/iam-toolbox/client/get_request_authorization_details.html
 * https://www.rubydoc.info/gems/aws-sdk-iamtoolbox/Aws/IAMToolbox/Types/GetRequestAuthorizationDetailsOutput
 *
 * - `requestContext` and `evaluations[].context` map keys to JSON documents (string, number,
 *   boolean, list, null, object); an evaluation's context "is applied on top of" the request's.
 * - `evaluations[].evaluatedEffect` is ALLOW | EXPLICIT_DENY | IMPLICIT_DENY, but a matched
 *   statement's `evaluatedEffect` is ALLOW | DENY (the StatementEffect shape), and "an implicit
 *   denial produces no matched policies".
 * - `matchedPolicies[].uri` cross-references `policies[].uri`: a policy ARN for managed policies,
 *   an opaque identifier for inline ones. A statement without a Sid gets a generated one.
 */

export const EVALUATED_EFFECTS = ['ALLOW', 'EXPLICIT_DENY', 'IMPLICIT_DENY'] as const
export type EvaluatedEffect = (typeof EVALUATED_EFFECTS)[number]

/** What AWS decided for one action on one resource of the denied request. */
export interface AuthorizationEvaluation {
  readonly action: string
  /** Resource ARN (possibly a wildcard ARN); empty for actions that name no resource. */
  readonly resource: string
  /** Null when AWS sent no effect, or one this version does not know. */
  readonly effect: EvaluatedEffect | null
}

/** AWS's own evaluation of a denied request, as denydoctor uses it. */
export interface AuthorizationFindings {
  /** The request context AWS evaluated: becomes known context. Keys AWS evaluated inconsistently are left out. */
  readonly context: Readonly<Record<string, string | readonly string[]>>
  /** One line per matched statement, explicit denies first. */
  readonly matched: readonly string[]
  readonly evaluations: readonly AuthorizationEvaluation[]
  /** Sentences about what could not be used: page cap reached, context keys left unknown. */
  readonly notes: readonly string[]
}

interface RawStatement {
  readonly sid: string | null
  readonly effect: string | null
}
interface RawMatchedPolicy {
  readonly uri: string
  readonly statements: readonly RawStatement[]
}
interface RawEvaluation {
  readonly action: string
  readonly resource: string
  readonly context: Readonly<Record<string, unknown>>
  readonly effect: string | null
  readonly matchedPolicies: readonly RawMatchedPolicy[]
}
interface RawPolicy {
  readonly uri: string
  readonly type: string | null
  readonly inline: boolean
  readonly attachedTo: readonly string[]
}

/** One page of the answer, checked. */
export interface AuthorizationPage {
  readonly requestContext: Readonly<Record<string, unknown>>
  readonly evaluations: readonly RawEvaluation[]
  readonly policies: readonly RawPolicy[]
  readonly nextToken: string | null
}

type Json = Readonly<Record<string, unknown>>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}
function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}

/** A page as the model defines it, or the reason it is not one. */
export function readPage(body: unknown): AuthorizationPage | string {
  if (!isObject(body)) return 'the body is not a JSON object'
  if (!Array.isArray(body['evaluations'])) return 'the body has no `evaluations` list'
  const evaluations: RawEvaluation[] = []
  for (const raw of body['evaluations']) {
    if (!isObject(raw) || text(raw['action']) === null) return 'an evaluation has no `action`'
    evaluations.push({
      action: raw['action'] as string,
      resource: text(raw['resource']) ?? '',
      context: isObject(raw['context']) ? raw['context'] : {},
      effect: text(raw['evaluatedEffect']),
      matchedPolicies: list(raw['matchedPolicies']).filter(isObject).map((policy) => ({
        uri: text(policy['uri']) ?? '(a policy AWS did not identify)',
        statements: list(policy['matchedStatements']).filter(isObject).map((s) => ({ sid: text(s['sid']), effect: text(s['evaluatedEffect']) })),
      })),
    })
  }
  const policies = list(body['policies']).filter(isObject).map((policy) => ({
    uri: text(policy['uri']) ?? '',
    type: text(policy['type']),
    inline: policy['inline'] === true,
    attachedTo: list(policy['attachedTo']).filter(isObject).map((a) => text(a['arn'])).filter((arn): arn is string => arn !== null),
  }))
  const nextToken = text(body['nextToken'])
  return {
    requestContext: isObject(body['requestContext']) ? body['requestContext'] : {},
    evaluations,
    policies,
    nextToken: nextToken === '' ? null : nextToken,
  }
}

/** The words AWS's own AccessDenied messages use for each policy type (iam-deny-reference §1.1). */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  IDENTITY_BASED_POLICY: 'identity-based policy',
  RESOURCE_BASED_POLICY: 'resource-based policy',
  PERMISSIONS_BOUNDARY: 'permissions boundary',
  SESSION_POLICY: 'session policy',
  SERVICE_CONTROL_POLICY: 'service control policy',
  RESOURCE_CONTROL_POLICY: 'resource control policy',
  VPC_ENDPOINT_POLICY: 'VPC endpoint policy',
}

function describePolicy(uri: string, policy: RawPolicy | undefined): string {
  if (!policy) return `policy ${uri}`
  const kind = policy.type ? (TYPE_WORDS[policy.type] ?? policy.type.toLowerCase().replace(/_/g, ' ')) : 'policy'
  const attached = policy.attachedTo.length > 0 ? ` (attached to ${policy.attachedTo.join(', ')})` : ''
  return `${policy.inline ? 'inline ' : ''}${kind} ${uri}${attached}`
}

/** DENY and ALLOW are statement effects; the line names the outcome a DENY statement causes. */
function statementLabel(effect: string | null): string {
  if (effect === 'DENY') return 'EXPLICIT_DENY'
  if (effect === 'ALLOW') return 'ALLOW'
  return effect ?? 'MATCHED'
}

function matchedLines(evaluations: readonly RawEvaluation[], policies: ReadonlyMap<string, RawPolicy>): string[] {
  const lines = new Set<string>()
  for (const evaluation of evaluations) {
    const target = evaluation.resource ? `for ${evaluation.action} on ${evaluation.resource}` : `for ${evaluation.action} (no specific resource)`
    for (const matched of evaluation.matchedPolicies) {
      const policy = describePolicy(matched.uri, policies.get(matched.uri))
      if (matched.statements.length === 0) lines.add(`MATCHED: ${policy}, no statement listed — ${target}`)
      for (const statement of matched.statements) {
        const name = statement.sid ? `statement ${statement.sid}` : 'an unnamed statement'
        lines.add(`${statementLabel(statement.effect)}: ${name} of ${policy} — ${target}`)
      }
    }
  }
  const all = [...lines]
  return [...all.filter((line) => line.startsWith('EXPLICIT_DENY:')), ...all.filter((line) => !line.startsWith('EXPLICIT_DENY:'))]
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value)
  return null
}

/** A context document as condition values; null for what a condition cannot compare (objects, null). */
function contextValue(value: unknown): string | readonly string[] | null {
  if (Array.isArray(value)) {
    const values = value.map(scalar)
    return values.every((v): v is string => v !== null) ? values : null
  }
  return scalar(value)
}

function sameValue(a: string | readonly string[], b: string | readonly string[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The request context plus the evaluations' own keys. An evaluation's context overrides the
 * request's for that evaluation only, so a key is kept only when every evaluation sees the
 * same value; otherwise it stays unknown (never guessed: a wrong value could hide a Deny).
 */
function mergeContext(pages: readonly AuthorizationPage[], notes: string[]): Record<string, string | readonly string[]> {
  const merged = new Map<string, { key: string; value: string | readonly string[] }>()
  const unusable = new Map<string, string>()
  for (const page of pages) {
    for (const [key, raw] of Object.entries(page.requestContext)) {
      const value = contextValue(raw)
      if (value === null) unusable.set(key.toLowerCase(), key)
      else merged.set(key.toLowerCase(), { key, value })
    }
  }
  const evaluations = pages.flatMap((page) => page.evaluations)
  const perKey = new Map<string, { key: string; values: (string | readonly string[] | null | undefined)[] }>()
  evaluations.forEach((evaluation, index) => {
    for (const [key, raw] of Object.entries(evaluation.context)) {
      const lower = key.toLowerCase()
      const entry = perKey.get(lower) ?? { key, values: new Array(evaluations.length).fill(undefined) }
      entry.values[index] = contextValue(raw)
      perKey.set(lower, entry)
    }
  })
  const inconsistent: string[] = []
  for (const [lower, { key, values: own }] of perKey) {
    // An evaluation without the key sees the request's value for it.
    const fallback = unusable.has(lower) ? null : merged.get(lower)?.value
    const values = own.map((v) => (v === undefined ? fallback : v))
    const first = values[0]
    const agreed = first !== undefined && first !== null && values.every((v) => v !== undefined && v !== null && sameValue(v, first))
    if (agreed) {
      merged.set(lower, { key, value: first })
      unusable.delete(lower)
    } else {
      merged.delete(lower)
      if (values.some((v) => v === null)) unusable.set(lower, key)
      else inconsistent.push(key)
    }
  }
  if (unusable.size > 0) {
    notes.push(`AWS reported context key(s) ${[...unusable.values()].join(', ')} with a value a condition cannot compare (an object or null); they are left unknown.`)
  }
  if (inconsistent.length > 0) {
    notes.push(`AWS evaluated context key(s) ${inconsistent.join(', ')} with different values for different actions or resources of this request; they are left unknown.`)
  }
  return Object.fromEntries([...merged.values()].map(({ key, value }) => [key, value]))
}

function knownEffect(effect: string | null): EvaluatedEffect | null {
  return (EVALUATED_EFFECTS as readonly string[]).includes(effect ?? '') ? (effect as EvaluatedEffect) : null
}

/** All pages read, as findings; `notes` carries what the fetch itself had to say. */
export function toFindings(pages: readonly AuthorizationPage[], fetchNotes: readonly string[]): AuthorizationFindings {
  const notes = [...fetchNotes]
  const policies = new Map<string, RawPolicy>()
  for (const policy of pages.flatMap((page) => page.policies)) if (policy.uri) policies.set(policy.uri, policy)
  const evaluations = pages.flatMap((page) => page.evaluations)
  const context = mergeContext(pages, notes)
  const unknownEffects = [...new Set(evaluations.map((e) => e.effect).filter((e) => e !== null && knownEffect(e) === null))]
  if (unknownEffects.length > 0) notes.push(`AWS reported evaluation effect(s) ${unknownEffects.join(', ')}, which this version of denydoctor does not know.`)
  if (evaluations.length === 0) notes.push('AWS returned no evaluations for this authorization id.')
  return {
    context,
    matched: matchedLines(evaluations, policies),
    evaluations: evaluations.map((e) => ({ action: e.action, resource: e.resource, effect: knownEffect(e.effect) })),
    notes,
  }
}
