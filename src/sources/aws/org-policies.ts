/**
 * The SCP chain of the principal's account and the RCP chain of the resource's account,
 * root first and account last, with the organization facts the evaluator needs.
 * SCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 * RCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
import type { CollectionGap, OrgLevel, SourcedPolicy } from '../../model/index.js'
import { parseDocument } from './documents.js'
import { attempt } from './errors.js'
import type { OrganizationFacts, OrganizationReader, OrganizationRoot, OrgPolicyKind } from './organizations.js'

export const ORG_READER_HELP =
  'run with --org-profile or --org-role-arn pointing at the management account or a delegated administrator, which needs organizations:DescribeOrganization, ListRoots, ListParents, ListPoliciesForTarget and DescribePolicy'

export interface OrgQuery {
  /** The principal's account; null for service principals and anonymous callers (outside any organization). */
  readonly principalAccount: string | null
  /** The resource's account; null when unknown. */
  readonly resourceAccount: string | null
  /** Service-linked roles are governed by neither SCPs nor RCPs. */
  readonly serviceLinkedRole: boolean
  /** Whether RCPs govern the action's service at all (EC2, IAM and Lambda, for example, are outside them). */
  readonly rcpGoverned: boolean
  /** Whether the organization reader uses credentials of its own (--org-profile / --org-role-arn). */
  readonly separateReader: boolean
  /** The account of the organization reader's credentials (asked only when needed). */
  readonly readerAccount: () => Promise<string>
}

export interface OrgPolicies {
  readonly scps: readonly OrgLevel[]
  readonly rcps: readonly OrgLevel[]
  readonly gaps: readonly CollectionGap[]
  readonly knownContext: readonly (readonly [string, readonly string[]])[]
  readonly isManagementAccount: boolean
  readonly resourceInManagementAccount: boolean
}

const EMPTY: OrgPolicies = { scps: [], rcps: [], gaps: [], knownContext: [], isManagementAccount: false, resourceInManagementAccount: false }

const LABEL: Readonly<Record<OrgPolicyKind, string>> = { scp: 'SCP', rcp: 'RCP' }

function levelLabel(id: string, name: string | null, root: OrganizationRoot): string {
  if (id === root.id) return `the root${name ? ` \`${name}\`` : ''} (${id})`
  if (id.startsWith('ou-')) return `OU${name ? ` \`${name}\`` : ''} (${id})`
  return name ? `account \`${name}\` (${id})` : `account ${id}`
}

/** `o-…/r-…/ou-…/ou-…/`: the value of aws:PrincipalOrgPaths / aws:ResourceOrgPaths for an account. */
export function orgPath(org: OrganizationFacts, parents: readonly string[]): string {
  return `${org.id}/${parents.join('/')}/`
}

export class OrgPolicyReader {
  constructor(private readonly reader: OrganizationReader) {}

  async read(query: OrgQuery): Promise<OrgPolicies> {
    const org = await attempt(() => this.reader.organization(), 'organizations', `SCPs and RCPs were not read; ${ORG_READER_HELP}.`)
    if (!org.ok) return { ...EMPTY, gaps: [org.gap] }
    if (org.value === null) return this.noOrganization(query)
    const facts = org.value
    const isManagementAccount = query.principalAccount === facts.managementAccountId
    const resourceInManagementAccount = query.resourceAccount === facts.managementAccountId
    const base = { ...EMPTY, isManagementAccount, resourceInManagementAccount }
    const root = await attempt(() => this.reader.root(), 'organizations', `SCPs and RCPs were not read; ${ORG_READER_HELP}.`)
    if (!root.ok) return { ...base, gaps: [root.gap] }

    const [principal, resource] = await Promise.all([
      query.principalAccount ? this.principalSide(query, facts, root.value, query.principalAccount, isManagementAccount) : null,
      this.resourceSide(query, facts, root.value, resourceInManagementAccount),
    ])
    return {
      ...base,
      scps: principal?.levels ?? [],
      rcps: resource.levels,
      gaps: [...(principal?.gaps ?? []), ...resource.gaps],
      knownContext: [...(principal?.context ?? []), ...resource.context],
    }
  }

  private async noOrganization(query: OrgQuery): Promise<OrgPolicies> {
    if (query.separateReader) {
      const gap = {
        source: 'organizations',
        error: 'AWSOrganizationsNotInUseException: the account of the organization reader is not in an organization',
        effect: `SCPs and RCPs were not read; ${ORG_READER_HELP}.`,
      }
      return { ...EMPTY, gaps: [gap] }
    }
    // The caller's own account is in no organization: no SCPs or RCPs govern it. A resource in
    // another account may still be governed by its own organization's RCPs.
    const other = query.resourceAccount && query.resourceAccount !== (await query.readerAccount()) ? query.resourceAccount : null
    if (!other) return EMPTY
    const gap = {
      source: 'organizations',
      error: `the credentials' account is in no organization, so the organization of account ${other} could not be read`,
      effect: `The RCPs that govern account ${other} were not read; ${ORG_READER_HELP} for the organization of account ${other}.`,
    }
    return { ...EMPTY, gaps: [gap] }
  }

  private async principalSide(query: OrgQuery, org: OrganizationFacts, root: OrganizationRoot, account: string, isManagement: boolean) {
    // SCPs govern neither the management account nor service-linked roles.
    const scpsApply = root.scpEnabled && !isManagement && !query.serviceLinkedRole
    const effect = `The SCPs that govern account ${account} were not read; ${ORG_READER_HELP}.`
    const parents = await attempt(() => this.reader.parentsOf(account), 'organizations', effect)
    const context: [string, string[]][] = []
    if (parents.ok) {
      context.push(['aws:PrincipalOrgID', [org.id]], ['aws:PrincipalOrgPaths', [orgPath(org, parents.value)]])
    } else if (!query.separateReader || (await query.readerAccount()) === account) {
      // DescribeOrganization answered for the principal's own account.
      context.push(['aws:PrincipalOrgID', [org.id]])
    }
    if (!scpsApply) return { levels: [], gaps: [], context }
    if (!parents.ok) return { levels: [], gaps: [this.notInOrganization(parents.gap, account, org, 'SCPs')], context }
    const chain = await this.levels([...parents.value, account], 'scp', root)
    return { ...chain, context }
  }

  private async resourceSide(query: OrgQuery, org: OrganizationFacts, root: OrganizationRoot, inManagement: boolean) {
    const account = query.resourceAccount
    const context: [string, string[]][] = []
    if (!account) {
      if (!root.rcpEnabled || query.serviceLinkedRole || !query.rcpGoverned) return { levels: [], gaps: [], context }
      const gap = {
        source: 'organizations',
        error: 'the account that owns the resource is unknown',
        effect: 'RCPs were not read, because they are those of the resource\'s account; pass --resource-account.',
      }
      return { levels: [], gaps: [gap], context }
    }
    // RCPs govern neither resources of the management account nor calls by service-linked roles.
    const rcpsApply = root.rcpEnabled && !inManagement && !query.serviceLinkedRole
    const effect = `The RCPs that govern account ${account} were not read; ${ORG_READER_HELP} (the organization reader must see account ${account}).`
    const parents = await attempt(() => this.reader.parentsOf(account), 'organizations', effect)
    if (parents.ok) context.push(['aws:ResourceOrgID', [org.id]], ['aws:ResourceOrgPaths', [orgPath(org, parents.value)]])
    if (!rcpsApply) return { levels: [], gaps: [], context }
    if (!parents.ok) return { levels: [], gaps: [this.notInOrganization(parents.gap, account, org, 'RCPs')], context }
    const chain = await this.levels([...parents.value, account], 'rcp', root)
    return { ...chain, context }
  }

  /** ChildNotFoundException: the account is not in the organization the reader sees. */
  private notInOrganization(gap: CollectionGap, account: string, org: OrganizationFacts, what: string): CollectionGap {
    if (!gap.error.startsWith('ChildNotFoundException')) return gap
    return {
      ...gap,
      effect: `The ${what} that govern account ${account} were not read: it is not in organization ${org.id}, which the organization reader sees; ${ORG_READER_HELP} for the organization of account ${account}.`,
    }
  }

  private async levels(ids: readonly string[], kind: OrgPolicyKind, root: OrganizationRoot): Promise<{ levels: OrgLevel[]; gaps: CollectionGap[] }> {
    const read = await Promise.all(ids.map((id) => this.level(id, kind, root)))
    const levels: OrgLevel[] = []
    const gaps: CollectionGap[] = []
    for (const item of read) {
      if (item.level) levels.push(item.level)
      gaps.push(...item.gaps)
    }
    return { levels, gaps }
  }

  private async level(id: string, kind: OrgPolicyKind, root: OrganizationRoot): Promise<{ level: OrgLevel | null; gaps: CollectionGap[] }> {
    const [name, listed] = await Promise.all([
      id === root.id ? Promise.resolve(root.name) : this.reader.nameOf(id),
      attempt(() => this.reader.attachedTo(id, kind), 'organizations', `The ${LABEL[kind]}s attached to ${id} were not read; ${ORG_READER_HELP}.`),
    ])
    if (!listed.ok) return { level: null, gaps: [listed.gap] }
    const where = levelLabel(id, name, root)
    const gaps: CollectionGap[] = []
    const policies: SourcedPolicy[] = []
    const fetched = await Promise.all(
      listed.value.map(async (summary) => {
        const policyId = summary.Id ?? ''
        const label = `${LABEL[kind]} \`${summary.Name ?? policyId}\` attached to ${where}`
        return { label, result: await attempt(() => this.reader.policy(policyId), 'organizations', `The ${label} was not read.`) }
      }),
    )
    for (const { label, result } of fetched) {
      if (!result.ok) {
        gaps.push(result.gap)
        continue
      }
      const { name: policyName, arn, content } = result.value
      const parsed = parseDocument(content, { type: kind, name: policyName, arn, attachedTo: id, origin: label }, kind, 'organizations')
      if (parsed.ok) policies.push(parsed.policy)
      else gaps.push(parsed.gap)
    }
    return { level: { id, name, policies }, gaps }
  }
}

