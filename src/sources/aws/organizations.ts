/**
 * Reads of AWS Organizations, each asked once per provider: the organization, its root, an
 * account's chain of parents, the SCPs/RCPs attached at one level, and each policy's content.
 * Assembly into levels and gaps is in org-policies.ts.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  paginateListParents,
  paginateListPoliciesForTarget,
  paginateListRoots,
  type PolicySummary,
} from '@aws-sdk/client-organizations'
import type { AwsClientPool } from './clients.js'
import { classifyAwsError, UnexpectedResponseError } from './errors.js'
import { OnceCache } from './limit.js'

export interface OrganizationFacts {
  readonly id: string
  readonly managementAccountId: string
}

export interface OrganizationRoot {
  readonly id: string
  readonly name: string | null
  /** Whether SCPs / RCPs are enabled in the root; when not, none apply anywhere in the organization. */
  readonly scpEnabled: boolean
  readonly rcpEnabled: boolean
}

export interface OrganizationParent {
  readonly id: string
  readonly isRoot: boolean
}

export type OrgPolicyKind = 'scp' | 'rcp'

const FILTER: Readonly<Record<OrgPolicyKind, 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY'>> = {
  scp: 'SERVICE_CONTROL_POLICY',
  rcp: 'RESOURCE_CONTROL_POLICY',
}

export interface OrgPolicyDocument {
  readonly id: string
  readonly arn: string | null
  readonly name: string
  readonly content: string
}

export class OrganizationReader {
  private readonly facts = new OnceCache<OrganizationFacts | null>()
  private readonly roots = new OnceCache<OrganizationRoot>()
  private readonly parents = new OnceCache<OrganizationParent>()
  private readonly attached = new OnceCache<PolicySummary[]>()
  private readonly documents = new OnceCache<OrgPolicyDocument>()
  private readonly names = new OnceCache<string | null>()

  /** What DescribeOrganization said, once it has answered: 'member', 'none' (no organization) or 'failed'. */
  private membership: 'member' | 'none' | 'failed' | null = null

  constructor(private readonly pool: AwsClientPool) {}

  /**
   * Whether reads that only make sense inside an organization may start before
   * DescribeOrganization answers: yes until it has said there is none (or failed), so that a
   * run outside any organization pays for a wasted read once, not once per diagnosis.
   */
  mayBeMember(): boolean {
    return this.membership === null || this.membership === 'member'
  }

  /** The organization the reader's account belongs to; null when that account is in none. */
  organization(): Promise<OrganizationFacts | null> {
    return this.facts.get('', () => {
      const asked = this.describeOrganization()
      asked.then(
        (facts) => (this.membership = facts ? 'member' : 'none'),
        () => (this.membership = 'failed'),
      )
      return asked
    })
  }

  private async describeOrganization(): Promise<OrganizationFacts | null> {
    try {
      const { Organization } = await this.pool.organizations().send(new DescribeOrganizationCommand({}))
      if (!Organization?.Id || !Organization.MasterAccountId) throw new UnexpectedResponseError('DescribeOrganization returned no organization ID')
      return { id: Organization.Id, managementAccountId: Organization.MasterAccountId }
    } catch (error) {
      if (classifyAwsError(error) === 'org-not-in-use') return null
      throw error
    }
  }

  /** The organization's root (there is exactly one). */
  root(): Promise<OrganizationRoot> {
    return this.roots.get('', async () => {
      for await (const page of paginateListRoots({ client: this.pool.organizations() }, {})) {
        const root = page.Roots?.[0]
        if (root?.Id) {
          const enabled = (type: string): boolean =>
            (root.PolicyTypes ?? []).some((t) => t.Type === type && t.Status !== 'PENDING_ENABLE')
          return {
            id: root.Id,
            name: root.Name ?? null,
            scpEnabled: enabled(FILTER.scp),
            rcpEnabled: enabled(FILTER.rcp),
          }
        }
      }
      throw new UnexpectedResponseError('ListRoots returned no root')
    })
  }

  /** The parent of one account or OU, asked once whatever number of chains pass through it. */
  parentOf(childId: string): Promise<OrganizationParent> {
    return this.parents.get(childId, async () => {
      let parent: { Id?: string | undefined; Type?: string | undefined } | undefined
      for await (const page of paginateListParents({ client: this.pool.organizations() }, { ChildId: childId })) {
        parent ??= page.Parents?.[0]
      }
      if (!parent?.Id) throw new UnexpectedResponseError(`ListParents returned no parent for ${childId}`)
      return { id: parent.Id, isRoot: parent.Type === 'ROOT' }
    })
  }

  /**
   * The IDs from the root down to the account's OU: `[r-…, ou-…, ou-…]` (the account itself
   * excluded). `onParent` hears of each parent as soon as it is known, so that its policies can
   * be listed without waiting for the rest of the chain; `live` stops the walk when its answer
   * is no longer wanted (the diagnosis failed elsewhere).
   */
  async parentsOf(account: string, onParent: (id: string) => void = () => undefined, live: () => boolean = () => true): Promise<string[]> {
    const chain: string[] = []
    let child = account
    // An organization is at most five OUs deep; the bound only guards against a looping answer.
    for (let depth = 0; depth < 10; depth++) {
      if (!live()) throw new Error(`the chain of parents of ${account} is no longer wanted`)
      const parent = await this.parentOf(child)
      chain.unshift(parent.id)
      onParent(parent.id)
      if (parent.isRoot) return chain
      child = parent.id
    }
    throw new UnexpectedResponseError(`the chain of parents of ${account} is deeper than any organization allows`)
  }

  /** The policies of one kind attached directly to a root, OU or account. */
  attachedTo(targetId: string, kind: OrgPolicyKind): Promise<PolicySummary[]> {
    return this.attached.get(`${kind}|${targetId}`, async () => {
      const out: PolicySummary[] = []
      const pages = paginateListPoliciesForTarget({ client: this.pool.organizations() }, { TargetId: targetId, Filter: FILTER[kind] })
      for await (const page of pages) out.push(...(page.Policies ?? []))
      return out
    })
  }

  /** A policy's content (JSON text), fetched once whatever number of levels it is attached to. */
  policy(id: string): Promise<OrgPolicyDocument> {
    return this.documents.get(id, async () => {
      const { Policy } = await this.pool.organizations().send(new DescribePolicyCommand({ PolicyId: id }))
      if (Policy?.Content === undefined) throw new UnexpectedResponseError(`DescribePolicy returned no content for ${id}`)
      const summary = Policy.PolicySummary
      return { id, arn: summary?.Arn ?? null, name: summary?.Name ?? id, content: Policy.Content }
    })
  }

  /** The name of an OU or account, for reports; null when it cannot be read (it is only a label). */
  nameOf(id: string): Promise<string | null> {
    return this.names.get(id, async () => {
      try {
        const client = this.pool.organizations()
        if (id.startsWith('ou-')) {
          return (await client.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: id }))).OrganizationalUnit?.Name ?? null
        }
        return (await client.send(new DescribeAccountCommand({ AccountId: id }))).Account?.Name ?? null
      } catch (error) {
        const kind = classifyAwsError(error)
        if (kind === 'credentials' || kind === 'program' || kind === 'network') throw error
        return null
      }
    })
  }
}
