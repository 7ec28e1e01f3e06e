import { diagnose } from '../diagnose.js'
import { reconcileWithMessage } from '../evaluate/message-evidence.js'
import { intakeFromDecodedMessage, type Intake } from '../intake/index.js'
import { principalFromArn, type Verdict } from '../model/index.js'
import type { PolicySourceProvider, PrincipalQuery } from '../sources/types.js'
import { compareWithMessage } from './compare.js'
import { fillMaskedAccount, type MaskedAccountResolver } from './masked-account.js'
import { mergeDecoded } from './merge.js'

/** The AWS-side helpers explain may use; absent ones are skipped with a note. */
export interface ExplainServices {
  readonly provider: PolicySourceProvider
  /** STS DecodeAuthorizationMessage: encoded text → the decoded JSON. */
  readonly decode: ((encoded: string) => Promise<string>) | null
  /** IAM Access Troubleshooter: authorization ID → its request context and matched statements. */
  readonly authorizationDetails: ((id: string, consoleUrl: string | null) => Promise<AuthorizationFindings>) | null
  /** Finds the account a published message masks (XXXXXXXX): the snapshot's, or the credentials'. */
  readonly maskedAccount?: MaskedAccountResolver | null
}

/** What the Access Troubleshooter said about one denied request. */
export interface AuthorizationFindings {
  readonly context: Readonly<Record<string, string | readonly string[]>>
  /** "EXPLICIT_DENY: statement DenyEC2 of …", one line per matched statement. */
  readonly matched: readonly string[]
  /** AWS's decision per action and resource (an implicit deny matches no statement). */
  readonly evaluations: readonly { readonly action: string; readonly resource: string; readonly effect: string | null }[]
  readonly notes: readonly string[]
}

export interface ExplainOptions {
  readonly assumeAbsent: boolean
  readonly allowUnknownAction: boolean
  /** Context given on the command line; it overrides what the input said. */
  readonly context: readonly (readonly [string, string])[]
  readonly sessionPolicy: PrincipalQuery['sessionPolicy']
  readonly resourceAccount: string | null
  readonly region: string | null
  /** `--unknown KEY`: keys left unknown on purpose. */
  readonly unknownKeys?: readonly string[]
  /** The SDK's configured region (live runs), for aws:RequestedRegion when nothing else says it. */
  readonly configuredRegion?: string | null
  /** `--account`: the caller's account, for a message that masks it. */
  readonly account?: string | null
}

/** One explained input: the contract's `intake` object, and the verdict or why there is none. */
export interface Explained {
  readonly intake: Intake
  readonly intakeObject: Record<string, unknown>
  readonly verdict: Verdict | null
  readonly error: string | null
  readonly origin: string | null
}

/** The contract's `intake` object plus what the user should see next to it. */
function intakeObject(intake: Intake, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    source: intake.source,
    principal: intake.principal,
    action: intake.action,
    resources: intake.resources,
    reportedPolicyType: intake.reportedPolicyType,
    reportedPolicyArn: intake.reportedPolicyArn,
    context: intake.context,
    ...(intake.authorizationId ? { authorizationId: intake.authorizationId, authorizationUrl: intake.authorizationUrl } : {}),
    ...(intake.notes.length ? { notes: intake.notes } : {}),
    ...extra,
  }
}

async function enrich(intake: Intake, services: ExplainServices): Promise<{ intake: Intake; extra: Record<string, unknown> }> {
  let current = intake
  const extra: Record<string, unknown> = {}
  if (intake.encodedMessage) {
    if (services.decode) {
      try {
        current = mergeDecoded(current, intakeFromDecodedMessage(await services.decode(intake.encodedMessage)))
      } catch (error) {
        current = { ...current, notes: [...current.notes, `Encoded message not decoded: ${(error as Error).message}`] }
      }
    } else {
      current = { ...current, notes: [...current.notes, 'The encoded authorization message was not decoded (offline); decode it with `aws sts decode-authorization-message` for the exact context AWS saw.'] }
    }
  }
  if (intake.authorizationId && services.authorizationDetails) {
    try {
      const found = await services.authorizationDetails(intake.authorizationId, intake.authorizationUrl)
      current = { ...current, context: { ...current.context, ...found.context }, notes: [...current.notes, ...found.notes] }
      extra.accessTroubleshooter = found.matched.length ? found.matched : found.evaluations.map((e) => `${e.effect ?? 'unknown'}: ${e.action} on ${e.resource}`)
    } catch (error) {
      current = { ...current, notes: [...current.notes, `Authorization details not fetched: ${(error as Error).message}`] }
    }
  }
  return { intake: current, extra }
}

function queryFor(intake: Intake, options: ExplainOptions): PrincipalQuery {
  const given = new Set(options.context.map(([k]) => k.toLowerCase()))
  const fromInput = Object.entries(intake.context)
    .filter(([k]) => !given.has(k.toLowerCase()))
    .flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as const] : v.map((one) => [k, one] as const)))
  const context = [...fromInput, ...options.context]
  // The last pair wins: --context comes after what the input said.
  const lookup = (key: string) => context.findLast(([k]) => k.toLowerCase() === key)?.[1] ?? null
  return {
    principalArn: intake.principal!,
    action: intake.action!,
    resources: intake.resources.filter((r) => r.startsWith('arn:') || r === '*'),
    context,
    absentKeys: intake.absentKeys.filter((k) => !given.has(k.toLowerCase())),
    unknownKeys: options.unknownKeys ?? [],
    time: intake.eventTime ?? null,
    sessionPolicy: options.sessionPolicy,
    resourceAccount: options.resourceAccount,
    sourceVpce: lookup('aws:sourcevpce'),
    region: options.region ?? lookup('aws:requestedregion'),
  }
}

/** Reads what the user had, rebuilds the request, and diagnoses it like `principal`. */
export async function explainIntake(input: Intake, services: ExplainServices, options: ExplainOptions): Promise<Explained> {
  const enriched = await enrich(input, services)
  const { extra } = enriched
  const filled = await fillMaskedAccount(enriched.intake, options.account ?? null, services.maskedAccount ?? null)
  const intake = filled.intake
  const fail = (error: string): Explained => ({ intake, intakeObject: intakeObject(intake, extra), verdict: null, error, origin: null })
  if (filled.error !== null) return fail(filled.error)
  if (!intake.principal || !intake.action) {
    const missing = [!intake.principal ? 'who made the call' : null, !intake.action ? 'which action was denied' : null].filter(Boolean).join(' or ')
    return fail(`The input does not say ${missing}. Diagnose it directly with \`denydoctor principal ARN --action service:Action\`.`)
  }
  if (!principalFromArn(intake.principal)) {
    return fail(`The input names the caller as ${intake.principal}, which is not an ARN denydoctor can look up (user, role, assumed-role session, federated user or root).`)
  }
  const diagnosis = await diagnose(queryFor(intake, options), services.provider, options)
  const { gathered } = diagnosis
  // What AWS's message says denied is evidence: it can settle, narrow or contradict the verdict.
  const reported = { denyKind: intake.reportedDenyKind, policyType: intake.reportedPolicyType, policyArn: intake.reportedPolicyArn }
  const verdict = reconcileWithMessage(diagnosis.verdict, reported, gathered.policies)
  // The evidence line says it all when there is one; otherwise the comparison says whether they agree.
  const comparison = verdict.messageEvidence ? null : compareWithMessage(intake, verdict)
  return { intake, intakeObject: intakeObject(intake, comparison ? { ...extra, comparison: comparison.note } : extra), verdict, error: null, origin: gathered.origin }
}
