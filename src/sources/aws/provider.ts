/**
 * The live-account policy source: everything that applies to one request, read from AWS with
 * read-only calls. Reads run in parallel under a concurrency limit per service, each starting as
 * soon as what it needs is known, and nothing is asked twice during the provider's lifetime (an
 * `audit` run reuses every answer).
 */
import { dedupeGaps } from '../gaps.js'
import type { CollectionGap, PrincipalInfo } from '../../model/index.js'
import type { Gathered, PolicySourceProvider, PrincipalQuery } from '../types.js'
import { BucketRegions } from './bucket-region.js'
import { AwsClientPool, type AwsClients, type CallRecord, type ClientSettings } from './clients.js'
import { GroupPolicies } from './groups.js'
import { IdentityPolicies } from './identity.js'
import { createServiceLimits } from './limit.js'
import { PrincipalLister } from './list-principals.js'
import { ManagedPolicies } from './managed-policies.js'
import { MembershipReader } from './membership.js'
import { OrgPolicyReader } from './org-policies.js'
import { OrganizationReader } from './organizations.js'
import { holderOf, PrincipalReader, type ResolvedPrincipal } from './principal.js'
import { readResourceSide, resourceAccountOf } from './resources.js'
import { BucketPolicies } from './s3.js'
import { CallerIdentities, decodeAuthorizationMessage } from './sts.js'
import { parseSessionPolicy, sessionPolicySource } from '../session-policy.js'
import { TrustPolicies } from './trust.js'
import { EndpointPolicies } from './vpce.js'

export interface AwsProviderOptions {
  readonly profile?: string | null
  readonly region?: string | null
  /** Read Organizations with other credentials: a profile, or a role to assume. */
  readonly orgProfile?: string | null
  readonly orgRoleArn?: string | null
  /** Read a bucket policy in another account: a profile, or a role to assume. */
  readonly resourceProfile?: string | null
  readonly resourceRoleArn?: string | null
  /**
   * Requests in flight at once to each AWS service; default 8. Kept per service because AWS
   * throttles each service on its own (Organizations early, at a few calls a second), and the 8
   * a service saw before stays the most it sees now; the ListParents walk is not held back.
   */
  readonly concurrency?: number
  /** Called after each request with its duration (`--debug` prints these). */
  readonly onCall?: (call: CallRecord) => void
  /** Clients to use instead of building them (tests). */
  readonly clients?: Partial<AwsClients>
  /**
   * Service prefixes RCPs govern (from the IAM action catalogue). Without it every service
   * is taken to be governed, so an unknown resource account is always reported.
   */
  readonly rcpServices?: ReadonlySet<string>
}

export function settingsOf(options: AwsProviderOptions): ClientSettings {
  return {
    profile: options.profile ?? null,
    region: options.region ?? null,
    orgProfile: options.orgProfile ?? null,
    orgRoleArn: options.orgRoleArn ?? null,
    resourceProfile: options.resourceProfile ?? null,
    resourceRoleArn: options.resourceRoleArn ?? null,
  }
}

/** The client pool a provider would use; shared with the authorization-message decoder. */
export function createClientPool(options: AwsProviderOptions): AwsClientPool {
  return new AwsClientPool(settingsOf(options), createServiceLimits(options.concurrency ?? 8), options.onCall, options.clients)
}

type Context = readonly (readonly [string, readonly string[]])[]

/** Parsed before anything is asked of AWS: a bad file is bad input (PolicyInputError, with line and column), not a gap. */
function sessionGaps(query: PrincipalQuery, principal: PrincipalInfo): CollectionGap[] {
  if (principal.kind !== 'federated-user' || query.sessionPolicy) return []
  return [
    {
      source: 'sts',
      error: 'AWS does not store the session policy passed to GetFederationToken',
      effect: `What federated user \`${principal.name}\` may do is limited by that session policy, which was not given; pass it with --session-policy.`,
    },
  ]
}

/** The live source; it also tells the account of the caller's credentials (asked once, shared with its own reads). */
export interface AwsPolicySource extends PolicySourceProvider {
  callerAccount(): Promise<string>
}

export function createAwsProvider(options: AwsProviderOptions): AwsPolicySource {
  const pool = createClientPool(options)
  const identities = new CallerIdentities(pool)
  const identity = new IdentityPolicies(pool, new ManagedPolicies(pool))
  const groups = new GroupPolicies(pool, identity)
  const principals = new PrincipalReader(pool, () => identities.requireAccountOf('caller'))
  const organizationReader = new OrganizationReader(pool)
  const organizations = new OrgPolicyReader(organizationReader)
  const memberships = new MembershipReader(pool, identities)
  const resourceReaders = { buckets: new BucketPolicies(pool, identities), regions: new BucketRegions(pool, identities), trust: new TrustPolicies(pool, identities) }
  const endpoints = new EndpointPolicies(pool)

  /**
   * The principal's identity policies and boundary. The listings need only the name in the ARN,
   * so they start as soon as the credentials are known to be the principal's account, alongside
   * GetRole / GetUser; only the boundary waits for those, which name it.
   */
  async function identitySide(base: PrincipalInfo, resolved: Promise<ResolvedPrincipal>) {
    const holder = holderOf(base)
    if (!holder) return { identity: [], boundary: null, gaps: [] }
    await principals.sameAccount(base)
    const [own, fromGroups, boundary] = await Promise.all([
      identity.of(holder),
      holder.kind === 'user' ? groups.of(holder.name) : Promise.resolve({ value: [], gaps: [] }),
      resolved.then((read) => identity.boundary(holder, read.entity?.boundaryArn ?? null)),
    ])
    return { identity: [...own.value, ...fromGroups.value], boundary: boundary.value, gaps: [...own.gaps, ...fromGroups.gaps, ...boundary.gaps] }
  }

  async function gather(query: PrincipalQuery): Promise<Gathered> {
    // Bad input (a session policy file, a text that is no principal ARN) is refused before AWS is asked anything.
    const sessionParsed = parseSessionPolicy(query)
    const base = principals.parse(query.principalArn)
    const region = query.region ?? options.region ?? null
    const iamPrincipal = base.kind !== 'service' && base.kind !== 'anonymous'

    // Every side starts at once; each waits inside for what it needs and nothing else.
    const resolvedP = principals.resolve(base)
    let failed = false
    resolvedP.catch(() => (failed = true))
    const identityP = identitySide(base, resolvedP)
    const endpointP = query.sourceVpce ? endpoints.read(query.sourceVpce, region, base.partition || 'aws') : null
    const resourceP = readResourceSide(resourceReaders, query)
    const orgP = organizations.read({
      principalAccount: iamPrincipal ? base.account : null,
      resourceAccount: resourceAccountOf(query, resourceP),
      // A role's path (service-linked roles live under /aws-service-role/) comes from GetRole;
      // waiting for the principal also keeps SCPs from being listed for one that is refused.
      serviceLinkedRole: resolvedP.then((read) => read.info.isServiceLinkedRole),
      rcpGoverned: options.rcpServices?.has(query.action.split(':')[0]!.toLowerCase()) ?? true,
      separateReader: pool.hasOwnCredentials('org'),
      readerAccount: () => identities.requireAccountOf('org'),
      wanted: () => !failed,
      membership: (account) => memberships.of(account),
    })
    for (const side of [identityP, endpointP, resourceP, orgP]) side?.catch(() => undefined)
    // The principal's own failure (no such role or user, another account) is the one to report,
    // whatever the reads begun alongside it ran into.
    const resolved = await resolvedP
    const principal = resolved.info
    const session = sessionPolicySource(sessionParsed, principal)
    const [ids, endpoint, resource, org] = await Promise.all([identityP, endpointP, resourceP, orgP])

    const knownContext: Context = [
      ...resolved.knownContext,
      ...org.knownContext,
      ...(endpoint?.knownContext ?? []),
      ...(resource.account ? [['aws:ResourceAccount', [resource.account]] as const] : []),
    ]
    const readers = [
      pool.hasOwnCredentials('org') ? `Organizations read with ${pool.describeCredentials('org')}` : null,
      pool.hasOwnCredentials('resource') ? `resource account read with ${pool.describeCredentials('resource')}` : null,
    ].filter((text) => text !== null)
    return {
      principal,
      policies: {
        identity: ids.identity,
        boundary: ids.boundary,
        scps: org.scps,
        rcps: org.rcps,
        resource: resource.policy,
        vpce: endpoint?.policy ?? null,
        session,
      },
      incomplete: dedupeGaps([...resolved.gaps, ...ids.gaps, ...org.gaps, ...resource.gaps, ...(endpoint?.gaps ?? []), ...sessionGaps(query, principal)]),
      isManagementAccount: org.isManagementAccount,
      resourceAccount: resource.account,
      resourceRegion: resource.region,
      ...(resource.regionUnknown ? { resourceRegionUnknown: resource.regionUnknown } : {}),
      resourceInManagementAccount: org.resourceInManagementAccount,
      knownContext,
      absentContext: org.absentContext,
      origin: `live account${principal.account ? ` ${principal.account}` : ''}${readers.length ? ` (${readers.join('; ')})` : ''}`,
    }
  }

  const callerAccount = () => identities.requireAccountOf('caller')
  const lister = new PrincipalLister(pool, callerAccount)
  return { gather, listPrincipals: (filter) => lister.list(filter), callerAccount }
}

/**
 * Decodes EC2-style encoded authorization messages with the caller's credentials (the
 * `explain` command's intake uses it). Failures are SourceErrors with one clear sentence.
 */
export function createAuthorizationMessageDecoder(options: AwsProviderOptions): (encoded: string) => Promise<string> {
  const pool = createClientPool(options)
  return (encoded) => decodeAuthorizationMessage(pool, encoded)
}
