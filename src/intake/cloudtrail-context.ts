import ipaddr from 'ipaddr.js'
import { requestKeysFromEvent } from './cloudtrail-request-keys.js'
import { record, str, type JsonObject } from './json.js'

/**
 * The request context a CloudTrail record tells, split into known keys, keys known to be
 * absent, and what was inferred (told to the user). Mapping: iam-deny-reference §2.3.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */

export interface EventContext {
  readonly context: Record<string, string | string[]>
  readonly absent: string[]
  readonly inferred: string[]
  readonly notes: string[]
}

const PRINCIPAL_TYPE: Readonly<Record<string, string>> = {
  IAMUser: 'User',
  AssumedRole: 'AssumedRole',
  FederatedUser: 'FederatedUser',
  Root: 'Account',
}
const SERVICE_NAME = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/

class Collector implements EventContext {
  readonly context: Record<string, string | string[]> = {}
  readonly absent: string[] = []
  readonly inferred: string[] = []
  readonly notes: string[] = []
  set(key: string, value: string | string[] | null | undefined, inferred = false): void {
    if (value === null || value === undefined || value === '') return
    this.context[key] = value
    if (inferred) this.inferred.push(key)
  }
  markAbsent(...keys: string[]): void {
    for (const key of keys) if (!(key in this.context) && !this.absent.includes(key)) this.absent.push(key)
  }
}

function identityKeys(event: JsonObject, out: Collector): void {
  const identity = record(event.userIdentity) ?? {}
  const type = str(identity.type)
  const session = record(identity.sessionContext)
  const attributes = record(session?.attributes)
  const issuer = record(session?.sessionIssuer)
  if (type !== 'AWSService') out.set('aws:userid', str(identity.principalId))
  if (type === 'IAMUser') out.set('aws:username', str(identity.userName))
  out.set('aws:PrincipalAccount', str(identity.accountId))
  if (type === 'AssumedRole') out.set('aws:PrincipalArn', str(issuer?.arn))
  else if (type === 'IAMUser' || type === 'Root' || type === 'FederatedUser') out.set('aws:PrincipalArn', str(identity.arn))
  if (type) out.set('aws:PrincipalType', PRINCIPAL_TYPE[type])
  if (type === 'AWSService') {
    out.set('aws:PrincipalIsAWSService', 'true')
    out.set('aws:PrincipalServiceName', invokedByOf(event))
  } else if (type && type in PRINCIPAL_TYPE) {
    out.set('aws:PrincipalIsAWSService', 'false')
  }

  const mfa = str(attributes?.mfaAuthenticated)?.toLowerCase()
  const created = str(attributes?.creationDate)
  if (session) {
    out.set('aws:MultiFactorAuthPresent', mfa)
    out.set('aws:TokenIssueTime', created)
    out.set('aws:SourceIdentity', str(session.sourceIdentity))
    out.set('ec2:RoleDelivery', str(session.ec2RoleDelivery))
    const eventTime = Date.parse(str(event.eventTime) ?? '')
    const issued = Date.parse(created ?? '')
    if (mfa === 'true' && !Number.isNaN(eventTime) && !Number.isNaN(issued)) {
      // Not logged; the session's age is the closest thing CloudTrail offers [inf].
      out.set('aws:MultiFactorAuthAge', String(Math.max(0, Math.floor((eventTime - issued) / 1000))), true)
    }
    if (mfa === 'false') out.markAbsent('aws:MultiFactorAuthAge')
  } else if (!str(identity.accessKeyId)?.startsWith('ASIA') && (type === 'IAMUser' || type === 'Root')) {
    // Long-term access keys: no session, so these keys are not in the request at all.
    out.markAbsent('aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:TokenIssueTime')
    out.notes.push(
      'The call was made with long-term access keys (no sessionContext), so aws:MultiFactorAuthPresent is absent from the request; ' +
        "a 'Bool' condition on it does not match, a 'BoolIfExists' one does.",
    )
  }
}

function networkKeys(event: JsonObject, out: Collector): void {
  const source = str(event.sourceIPAddress)
  const endpoint = str(event.vpcEndpointId)
  const ip = source && ipaddr.isValid(source) ? ipaddr.parse(source) : null
  if (endpoint) {
    out.set('aws:SourceVpce', endpoint)
    if (ip) out.set('aws:VpcSourceIp', source)
    // Through a VPC endpoint the request carries aws:VpcSourceIp instead of aws:SourceIp.
    out.markAbsent('aws:SourceIp')
    out.notes.push(
      `The call went through VPC endpoint ${endpoint}: aws:SourceIp is absent (aws:VpcSourceIp holds the private address); ` +
        'aws:SourceVpc is not logged and can be read with ec2:DescribeVpcEndpoints.',
    )
  } else if (ip && ip.range() === 'unicast') {
    out.set('aws:SourceIp', source)
    out.markAbsent('aws:SourceVpce', 'aws:SourceVpc', 'aws:VpcSourceIp')
  } else if (ip) {
    out.notes.push(`The source address ${source} is not public and the event names no VPC endpoint; aws:SourceIp is left unknown.`)
  } else if (source && SERVICE_NAME.test(source) && str(record(event.userIdentity)?.type) !== 'AWSService') {
    out.notes.push(`The call was made by ${source} on the caller's behalf; aws:SourceIp would hold that service's address and is unknown.`)
  } else if (source === 'AWS Internal') {
    out.notes.push("The source address is logged as 'AWS Internal', so aws:SourceIp is unknown.")
  }
}

function serviceCallKeys(event: JsonObject, out: Collector): void {
  const identity = record(event.userIdentity) ?? {}
  const type = str(identity.type)
  if (type === 'AWSService') return
  const invokedBy = invokedByOf(event)
  const source = str(event.sourceIPAddress)
  const issuerArn = str(record(record(identity.sessionContext)?.sessionIssuer)?.arn) ?? ''
  if (invokedBy && SERVICE_NAME.test(invokedBy)) {
    if (issuerArn.includes(':role/aws-service-role/')) {
      out.set('aws:ViaAWSService', 'false', true)
      out.notes.push(`A service-linked role made this call for ${invokedBy}; it is not a forward access session.`)
    } else {
      out.set('aws:ViaAWSService', 'true', true)
      out.set('aws:CalledVia', [invokedBy], true)
      out.set('aws:CalledViaFirst', invokedBy, true)
      out.set('aws:CalledViaLast', invokedBy, true)
    }
  } else if (!invokedBy && source && ipaddr.isValid(source)) {
    // Called straight from an address: no service sat in between.
    out.set('aws:ViaAWSService', 'false', true)
    out.markAbsent('aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast')
  }
}

function timeAndTransportKeys(event: JsonObject, out: Collector): void {
  out.set('aws:RequestedRegion', str(event.awsRegion))
  const time = str(event.eventTime)
  const epoch = Date.parse(time ?? '')
  if (time && !Number.isNaN(epoch)) {
    out.set('aws:CurrentTime', time)
    out.set('aws:EpochTime', String(Math.floor(epoch / 1000)))
  }
  if (record(event.tlsDetails)) out.set('aws:SecureTransport', 'true', true)
  else if (str(record(event.additionalEventData)?.CipherSuite)) out.set('aws:SecureTransport', 'true', true)
}

function accountKeys(event: JsonObject, out: Collector): void {
  const caller = str(record(event.userIdentity)?.accountId)
  const recipient = str(event.recipientAccountId)
  if (!caller || !recipient || caller === recipient) return
  // This copy of the event went to an account other than the caller's: the one owning the resource.
  out.set('aws:ResourceAccount', recipient, true)
  const shared = str(event.sharedEventID)
  out.notes.push(
    `Cross-account call: the caller is in account ${caller} and this event was logged in account ${recipient}, which owns the resource. ` +
      `Both the caller's identity policies and the resource's policy must allow it` +
      (shared ? `; the caller's account holds a copy of this event with the same sharedEventID (${shared}).` : '.'),
  )
}

/** `invokedBy` lives in userIdentity; some tools flatten it to the top level. */
export function invokedByOf(event: JsonObject): string | null {
  return str(record(event.userIdentity)?.invokedBy) ?? str(event.invokedBy)
}

/** Everything the event says about the request context. */
export function contextFromEvent(event: JsonObject): EventContext {
  const out = new Collector()
  identityKeys(event, out)
  networkKeys(event, out)
  timeAndTransportKeys(event, out)
  serviceCallKeys(event, out)
  accountKeys(event, out)
  const request = requestKeysFromEvent(event)
  for (const [key, value] of Object.entries(request.context)) out.set(key, value)
  out.notes.push(...request.notes)
  if (out.inferred.length) {
    out.notes.push(
      `Context derived by inference, not logged as such: ${out.inferred.join(', ')}. Override with --context if it is wrong.`,
    )
  }
  return out
}
