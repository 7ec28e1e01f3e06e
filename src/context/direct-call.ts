/**
 * The direct-call profile: the context every direct SDK, CLI or console call by a principal
 * carries, which `principal`, `explain` and `audit` assume instead of leaving unknown
 * (cli-contract.md, "Unknown is not absent — and a direct call is not unknown"). Each value
 * says why; what the user or the input gave always wins.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * (each key's "Availability")
 */
import type { ActionInfo } from '../catalogue/index.js'
import { parseArn, type Assumption, type PartialValue, type PrincipalInfo } from '../model/index.js'
import { requestedRegion } from './region.js'

export interface DirectCallInput {
  readonly principal: PrincipalInfo
  readonly action: string
  readonly resources: readonly string[]
  /** What the action catalogue says of the action (null when it does not know it). */
  readonly catalogue: ActionInfo | null
  /** `--region`, when given. */
  readonly region: string | null
  /** The resource's region when the source knows it and the ARN does not say (an S3 bucket's). */
  readonly resourceRegion?: string | null
  /** The region the SDK is configured with (AWS_REGION, the profile), handed in by the CLI. */
  readonly configuredRegion: string | null
  /** The time of the call: now, or the event's time. */
  readonly now: Date
}

/** The profile: values assumed, keys certainly absent, keys present with a value nobody knows. */
export interface DirectCallProfile {
  readonly assumptions: readonly Assumption[]
  /** Keys a direct call does not carry; listed among the assumptions too. */
  readonly absent: readonly string[]
  /** Keys every such call carries whose value is not known (never absent, even with --assume-absent). */
  readonly partial: ReadonlyMap<string, PartialValue>
}

const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html'

/** Keys only present when an AWS service makes the call (a service principal, or a forward access session). */
const SERVICE_ONLY = [
  ['aws:CalledVia', 'only present when an AWS service makes the call on the principal\'s behalf'],
  ['aws:CalledViaFirst', 'only present when an AWS service makes the call on the principal\'s behalf'],
  ['aws:CalledViaLast', 'only present when an AWS service makes the call on the principal\'s behalf'],
  ['aws:SourceArn', 'only present when an AWS service principal makes the call for a resource'],
  ['aws:SourceAccount', 'only present when an AWS service principal makes the call for a resource'],
  ['aws:SourceOrgID', 'only present when an AWS service principal makes the call for a resource'],
  ['aws:SourceOrgPaths', 'only present when an AWS service principal makes the call for a resource'],
  ['aws:PrincipalServiceName', 'only present when an AWS service principal makes the call'],
  ['aws:PrincipalServiceNamesList', 'only present when an AWS service principal makes the call'],
] as const

/** The last time written, and its text: an audit's checks share one `now`. */
let lastTime: { readonly ms: number; readonly text: string } | null = null

/** The time as aws:CurrentTime writes it (ISO 8601, seconds). */
function isoSeconds(time: Date): string {
  const ms = time.getTime()
  if (lastTime?.ms !== ms) lastTime = { ms, text: time.toISOString().replace(/\.\d{3}Z$/, 'Z') }
  return lastTime.text
}

function sessionOf(principal: PrincipalInfo): string {
  return principal.kind === 'assumed-role' && principal.name ? `session of role ${principal.name}` : principal.kind === 'role' ? `session of role ${principal.name ?? principal.arn}` : `call by ${principal.arn}`
}

export function directCallProfile(input: DirectCallInput): DirectCallProfile {
  const { principal, catalogue } = input
  const assumptions: Assumption[] = []
  const absent: string[] = []
  const partial = new Map<string, PartialValue>()
  const assume = (key: string, value: string, why: string) => assumptions.push({ key, value, why })
  const none = (key: string, why: string) => {
    absent.push(key)
    assumptions.push({ key, value: [], why: `absent: ${why}` })
  }

  assume('aws:SecureTransport', 'true', `every AWS SDK, CLI and console call is made over HTTPS (${DOC}#condition-keys-securetransport)`)
  const region = requestedRegion(input.action, input.resources.map(parseArn), input.region, input.configuredRegion, principal.partition || 'aws', input.resourceRegion ?? null)
  if (region.value) {
    // A region given with --region is the user's word, not an assumption.
    if (region.source !== 'flag') assume('aws:RequestedRegion', region.value, region.why)
  } else {
    partial.set('aws:requestedregion', { prefix: '', completions: 'call' })
  }
  assume('aws:CurrentTime', isoSeconds(input.now), `the time of the call (${DOC}#condition-keys-currenttime)`)
  assume('aws:EpochTime', String(Math.floor(input.now.getTime() / 1000)), `the time of the call (${DOC}#condition-keys-epochtime)`)

  if (principal.kind !== 'service' && principal.kind !== 'anonymous') {
    assume('aws:ViaAWSService', 'false', `the principal calls AWS itself; no AWS service calls on its behalf (${DOC}#condition-keys-viaawsservice)`)
    for (const [key, why] of SERVICE_ONLY) none(key, `${why}, not on a direct call (${DOC})`)
    // Temporary credentials always carry aws:MultiFactorAuthPresent (true or false); an IAM
    // user's or the root user's call may use long-term keys (key absent) or a session (present),
    // so for them it stays unknown.
    if (principal.kind === 'role' || principal.kind === 'assumed-role') {
      partial.set('aws:multifactorauthpresent', { prefix: '', completions: sessionOf(principal) })
      partial.set('aws:tokenissuetime', { prefix: '', completions: sessionOf(principal) })
    }
  }

  // Service keys whose value on a direct call is fixed, where the action carries them.
  const carries = (key: string) => catalogue?.conditionKeys.has(key.toLowerCase()) ?? false
  const KMS_DOC = 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html'
  if (carries('kms:GrantIsForAWSResource')) assume('kms:GrantIsForAWSResource', 'false', `true only when an AWS service integrated with KMS creates the grant for the principal (${KMS_DOC}#conditions-kms-grant-is-for-aws-resource)`)
  if (carries('kms:ViaService')) none('kms:ViaService', `only present when an AWS service calls KMS on the principal's behalf (${KMS_DOC}#conditions-kms-via-service)`)
  if (carries('kms:CallerAccount') && principal.account) assume('kms:CallerAccount', principal.account, `the account of the principal making the call (${KMS_DOC}#conditions-kms-caller-account)`)
  return { assumptions, absent, partial }
}
