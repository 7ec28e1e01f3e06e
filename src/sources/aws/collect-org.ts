/**
 * The organization for a snapshot: DescribeOrganization, ListRoots, the OU tree walked from
 * the root (ListOrganizationalUnitsForParent and ListAccountsForParent at each level), and the
 * SCPs and RCPs with their content (DescribePolicy) and targets (ListTargetsForPolicy).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 *
 * All or nothing: a tree with a level or a policy missing would silently drop SCPs from the
 * chains a diagnosis builds, so any failure leaves `organization: null` and a gap instead.
 */
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListRoots,
  paginateListTargetsForPolicy,
} from '@aws-sdk/client-organizations'
import type { CollectionGap } from '../../model/index.js'
import type { OrgPolicyType, SnapshotAttachment, SnapshotOrgAccount, SnapshotOrganization, SnapshotOrgPolicy, SnapshotOrgUnit, SnapshotRoot } from '../snapshot/format.js'
import { ORG_POLICY_TYPES } from '../snapshot/format.js'
import type { AwsClientPool } from './clients.js'
import { classifyAwsError, gapFor, UnexpectedResponseError } from './errors.js'

export const ORG_COLLECT_HELP =
  'run with --org-profile or --org-role-arn pointing at the management account or a delegated administrator, which needs organizations:DescribeOrganization, ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent, ListPolicies, DescribePolicy and ListTargetsForPolicy'

export interface CollectedOrganization {
  readonly organization: SnapshotOrganization | null
  readonly gaps: readonly CollectionGap[]
  /** Account ID → state (ACTIVE, SUSPENDED, …), for choosing what --all-accounts collects. */
  readonly states: ReadonlyMap<string, string>
}

/** An organization is at most five OUs deep; the bound only guards against a looping answer. */
const MAX_DEPTH = 8

async function all<P, T>(pages: AsyncIterable<P>, items: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const out: T[] = []
  for await (const page of pages) out.push(...(items(page) ?? []))
  return out
}

/** Types enabled on the root; PENDING_DISABLE still applies (as organizations.ts reads it). */
function enabledTypes(types: readonly { Type?: string | undefined; Status?: string | undefined }[] | undefined): OrgPolicyType[] {
  return ORG_POLICY_TYPES.filter((type) => (types ?? []).some((t) => t.Type === type && t.Status !== 'PENDING_ENABLE'))
}

interface Tree {
  readonly ous: SnapshotOrgUnit[]
  readonly accounts: SnapshotOrgAccount[]
  readonly states: Map<string, string>
}

async function readTree(pool: AwsClientPool, rootIds: readonly string[]): Promise<Tree> {
  const client = { client: pool.organizations() }
  const tree: Tree = { ous: [], accounts: [], states: new Map() }
  let level = [...rootIds]
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > MAX_DEPTH) throw new UnexpectedResponseError('the OU tree is deeper than any organization allows')
    const children = await Promise.all(
      level.map(async (parentId) => {
        const [ous, accounts] = await Promise.all([
          all(paginateListOrganizationalUnitsForParent(client, { ParentId: parentId }), (page) => page.OrganizationalUnits),
          all(paginateListAccountsForParent(client, { ParentId: parentId }), (page) => page.Accounts),
        ])
        return { parentId, ous, accounts }
      }),
    )
    level = []
    for (const { parentId, ous, accounts } of children) {
      for (const ou of ous) {
        if (!ou.Id) throw new UnexpectedResponseError(`ListOrganizationalUnitsForParent returned an OU without an ID under ${parentId}`)
        tree.ous.push({ id: ou.Id, name: ou.Name ?? ou.Id, parentId })
        level.push(ou.Id)
      }
      for (const account of accounts) {
        if (!account.Id) throw new UnexpectedResponseError(`ListAccountsForParent returned an account without an ID under ${parentId}`)
        tree.accounts.push({ id: account.Id, name: account.Name ?? account.Id, parentId })
        tree.states.set(account.Id, account.State ?? account.Status ?? 'ACTIVE')
      }
    }
  }
  return tree
}

async function readPolicies(pool: AwsClientPool, types: readonly OrgPolicyType[]): Promise<{ policies: SnapshotOrgPolicy[]; attachments: SnapshotAttachment[] }> {
  const client = { client: pool.organizations() }
  const perType = await Promise.all(types.map(async (type) => ({ type, summaries: await all(paginateListPolicies(client, { Filter: type }), (page) => page.Policies) })))
  const read = await Promise.all(
    perType.flatMap(({ type, summaries }) =>
      summaries.map(async (summary) => {
        const id = summary.Id
        if (!id) throw new UnexpectedResponseError(`ListPolicies returned a ${type} without an ID`)
        const [described, targets] = await Promise.all([
          pool.organizations().send(new DescribePolicyCommand({ PolicyId: id })),
          all(paginateListTargetsForPolicy(client, { PolicyId: id }), (page) => page.Targets),
        ])
        const content = described.Policy?.Content
        const arn = described.Policy?.PolicySummary?.Arn ?? summary.Arn
        if (content === undefined || !arn) throw new UnexpectedResponseError(`DescribePolicy returned no content or ARN for ${id}`)
        const policy: SnapshotOrgPolicy = { id, arn, name: described.Policy?.PolicySummary?.Name ?? summary.Name ?? id, type, document: content }
        return { policy, targets: targets.map((t) => t.TargetId).filter((t): t is string => Boolean(t)) }
      }),
    ),
  )
  return {
    policies: read.map((r) => r.policy),
    attachments: read.flatMap((r) => r.targets.map((targetId) => ({ policyId: r.policy.id, targetId }))),
  }
}

async function readOrganization(pool: AwsClientPool, orgId: string, managementAccountId: string): Promise<{ organization: SnapshotOrganization; states: Map<string, string> }> {
  const listed = await all(paginateListRoots({ client: pool.organizations() }, {}), (page) => page.Roots)
  const roots: SnapshotRoot[] = listed.map((root) => {
    if (!root.Id) throw new UnexpectedResponseError('ListRoots returned a root without an ID')
    return { id: root.Id, name: root.Name ?? 'Root', policyTypes: enabledTypes(root.PolicyTypes) }
  })
  if (roots.length === 0) throw new UnexpectedResponseError('ListRoots returned no root')
  const types = ORG_POLICY_TYPES.filter((type) => roots.some((root) => root.policyTypes.includes(type)))
  const [tree, { policies, attachments }] = await Promise.all([readTree(pool, roots.map((r) => r.id)), readPolicies(pool, types)])
  // A target outside the tree just read (an account moved meanwhile) is in no chain of this snapshot.
  const known = new Set([...roots.map((r) => r.id), ...tree.ous.map((o) => o.id), ...tree.accounts.map((a) => a.id)])
  const organization: SnapshotOrganization = {
    id: orgId,
    managementAccountId,
    roots,
    ous: tree.ous,
    accounts: tree.accounts,
    policies,
    attachments: attachments.filter((a) => known.has(a.targetId)),
  }
  return { organization, states: tree.states }
}

/**
 * The organization as the reader's credentials see it. Not in one → null without a gap when
 * those are the caller's own credentials (the account is standalone), with a gap when they
 * are a separate organization reader's (which then says nothing about the collected accounts).
 */
export async function collectOrganization(pool: AwsClientPool): Promise<CollectedOrganization> {
  const none = { organization: null, states: new Map<string, string>() }
  const reader = pool.hasOwnCredentials('org') ? `with ${pool.describeCredentials('org')}` : 'with the caller\'s credentials'
  let orgId: string | null = null
  try {
    const { Organization } = await pool.organizations().send(new DescribeOrganizationCommand({}))
    if (!Organization?.Id || !Organization.MasterAccountId) throw new UnexpectedResponseError('DescribeOrganization returned no organization ID')
    orgId = Organization.Id
    return { ...(await readOrganization(pool, Organization.Id, Organization.MasterAccountId)), gaps: [] }
  } catch (error) {
    const kind = classifyAwsError(error)
    if (kind === 'org-not-in-use' && !pool.hasOwnCredentials('org')) return { ...none, gaps: [] }
    const what = kind === 'org-not-in-use' ? 'No organization was read: the organization reader is in none' : `The organization${orgId ? ` ${orgId}` : ''} was not read ${reader}`
    const effect = { leftOut: `${what}, so no SCP or RCP is in the snapshot and no diagnosis from it can rule them out`, permission: ORG_COLLECT_HELP }
    return { ...none, gaps: [gapFor(error, 'organizations', effect)] }
  }
}
