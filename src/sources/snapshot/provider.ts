/**
 * Answers a PrincipalQuery from a snapshot alone, as the live source would from AWS: the same
 * policies, origins, organization chains, known context keys and gaps. No AWS client is made.
 */
import { rcpServices as catalogueRcpServices } from '../../catalogue/index.js'
import { parseSessionPolicy, sessionPolicySource } from '../session-policy.js'
import type { Gathered, PolicySourceProvider, PrincipalQuery } from '../types.js'
import { Gaps } from './documents.js'
import type { Snapshot } from './format.js'
import { IdentityReader } from './identity.js'
import { listSnapshotPrincipals } from './list-principals.js'
import { OrgReader } from './organization.js'
import { PrincipalResolver } from './principal.js'
import { ResourceReader } from './resources.js'
import { SnapshotIndex } from './snapshot-index.js'
import { readEndpoint } from './vpce.js'

export interface SnapshotProviderOptions {
  /** The snapshot file as the user named it, for origins, gaps and errors. */
  readonly fileName: string
  /** Service prefixes RCPs govern; by default the IAM action catalogue's list. */
  readonly rcpServices?: ReadonlySet<string>
}

/** The snapshot's own gaps that concern this diagnosis: unscoped ones, and those of the accounts it touches. */
function snapshotGaps(snapshot: Snapshot, accounts: readonly (string | null)[]) {
  return snapshot.incomplete.filter((gap) => gap.account === undefined || accounts.includes(gap.account))
}

function serviceOf(action: string): string {
  return action.slice(0, action.indexOf(':')).toLowerCase()
}

export function createSnapshotProvider(snapshot: Snapshot, options: SnapshotProviderOptions): PolicySourceProvider {
  const index = new SnapshotIndex(snapshot)
  const { fileName } = options
  let rcpServices = options.rcpServices ?? null
  return {
    async gather(query: PrincipalQuery): Promise<Gathered> {
      const gaps = new Gaps(`snapshot ${fileName}`)
      const sessionParsed = parseSessionPolicy(query)
      const resolved = new PrincipalResolver(index, fileName).resolve(query.principalArn)
      const principal = resolved.info
      const { identity, boundary } = new IdentityReader(index, gaps).read(resolved.entity, principal.account)
      const session = sessionPolicySource(sessionParsed, principal)
      const resource = new ResourceReader(index, gaps).read(query)
      rcpServices ??= catalogueRcpServices()
      const org = new OrgReader(index, gaps).read({
        principalAccount: principal.kind === 'service' || principal.kind === 'anonymous' ? null : principal.account,
        resourceAccount: resource.account,
        serviceLinkedRole: principal.isServiceLinkedRole,
        rcpService: rcpServices.has(serviceOf(query.action)),
      })
      const endpoint = query.sourceVpce ? readEndpoint(index, gaps, query.sourceVpce, principal.partition) : null
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
        incomplete: [...snapshotGaps(snapshot, [principal.account, resource.account]), ...resolved.gaps, ...gaps.list],
        isManagementAccount: org.isManagementAccount,
        resourceAccount: resource.account,
        resourceInManagementAccount: org.resourceInManagementAccount,
        knownContext,
        origin: `snapshot ${fileName} taken ${snapshot.takenAt}`,
      }
    },
    async listPrincipals(filter) {
      return listSnapshotPrincipals(index, fileName, filter)
    },
  }
}
