/**
 * Answers a PrincipalQuery from a snapshot alone, as the live source would from AWS: the same
 * policies, origins, organization chains, known context keys and gaps. No AWS client is made.
 */
import { rcpServices as catalogueRcpServices } from '../../catalogue/index.js'
import type { CollectionGap } from '../../model/index.js'
import { parseSessionPolicy, sessionPolicySource } from '../session-policy.js'
import type { Gathered, PolicySourceProvider, PrincipalQuery } from '../types.js'
import { Gaps } from './documents.js'
import type { Snapshot } from './format.js'
import { IdentityReader } from './identity.js'
import { QUERY_KEYED_LIMIT } from './kept.js'
import { listSnapshotPrincipals } from './list-principals.js'
import { OrgReader } from './organization.js'
import { PrincipalResolver } from './principal.js'
import { ResourceReader } from './resources.js'
import { SnapshotIndex } from './snapshot-index.js'
import { EndpointReader } from './vpce.js'

export interface SnapshotProviderOptions {
  /** The snapshot file as the user named it, for origins, gaps and errors. */
  readonly fileName: string
  /** Service prefixes RCPs govern; by default the IAM action catalogue's list. */
  readonly rcpServices?: ReadonlySet<string>
}

/** The snapshot's own gaps that concern this diagnosis: unscoped ones, and those of the accounts it touches. */
function snapshotGaps(snapshot: Snapshot, accounts: readonly (string | null)[]): readonly CollectionGap[] {
  return Object.freeze(snapshot.incomplete.filter((gap) => gap.account === undefined || accounts.includes(gap.account)))
}

function serviceOf(action: string): string {
  return action.slice(0, action.indexOf(':')).toLowerCase()
}

/**
 * The readers live as long as the provider and keep what they read, so that gathers for the
 * same inputs return the very same (frozen, read-only) objects with the same gaps: the engine
 * keys its caches by those objects' identity (see kept.ts). Nothing is kept at module level:
 * two providers, over two snapshots, share nothing.
 */
export function createSnapshotProvider(snapshot: Snapshot, options: SnapshotProviderOptions): PolicySourceProvider {
  const index = new SnapshotIndex(snapshot)
  const { fileName } = options
  let rcpServices = options.rcpServices ?? null
  const principals = new PrincipalResolver(index, fileName)
  const identities = new IdentityReader(index)
  const resources = new ResourceReader(index)
  const organization = new OrgReader(index)
  const endpoints = new EndpointReader(index)
  // By account pair: the accounts come from the snapshot or a resource ARN, so they are few.
  const ownGaps = new Map<string, readonly CollectionGap[]>()
  const snapshotGapsFor = (principalAccount: string, resourceAccount: string | null) => {
    const key = JSON.stringify([principalAccount, resourceAccount])
    let found = ownGaps.get(key)
    if (!found) {
      if (ownGaps.size >= QUERY_KEYED_LIMIT) ownGaps.clear()
      found = snapshotGaps(snapshot, [principalAccount, resourceAccount])
      ownGaps.set(key, found)
    }
    return found
  }
  return {
    async gather(query: PrincipalQuery): Promise<Gathered> {
      const gaps = new Gaps(`snapshot ${fileName}`)
      const sessionParsed = parseSessionPolicy(query)
      const resolved = principals.resolve(query.principalArn)
      const principal = resolved.info
      const { identity, boundary } = identities.read(resolved.entity, principal.account, gaps)
      const session = sessionPolicySource(sessionParsed, principal)
      const resource = resources.read(query, gaps)
      rcpServices ??= catalogueRcpServices()
      const org = organization.read({
        principalAccount: principal.kind === 'service' || principal.kind === 'anonymous' ? null : principal.account,
        resourceAccount: resource.account,
        serviceLinkedRole: principal.isServiceLinkedRole,
        rcpService: rcpServices.has(serviceOf(query.action)),
      }, gaps)
      const endpoint = query.sourceVpce ? endpoints.read(query.sourceVpce, principal.partition, gaps) : null
      const vpceGiven = query.context.some(([key]) => key.toLowerCase() === 'aws:sourcevpce')
      const knownContext = [
        ...resolved.knownContext,
        ...org.knownContext,
        ...(query.sourceVpce && !vpceGiven ? [['aws:SourceVpce', [query.sourceVpce]] as const] : []),
        ...(endpoint?.knownContext ?? []),
      ]
      return {
        principal,
        policies: { identity, boundary, scps: org.scps, rcps: org.rcps, resource: resource.policy, vpce: endpoint?.policy ?? null, session },
        incomplete: [...snapshotGapsFor(principal.account, resource.account), ...resolved.gaps, ...gaps.list],
        isManagementAccount: org.isManagementAccount,
        resourceAccount: resource.account,
        resourceInManagementAccount: org.resourceInManagementAccount,
        knownContext,
        absentContext: org.absentContext,
        resourceRegion: resource.region ?? null,
        origin: `snapshot ${fileName} taken ${snapshot.takenAt}`,
      }
    },
    async listPrincipals(filter) {
      return listSnapshotPrincipals(index, fileName, filter)
    },
  }
}
