/**
 * The SCP chain of the principal's account and the RCP chain of the resource's account,
 * root first and account last, with the organization facts the evaluator needs.
 * SCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 * RCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
import type { CollectionGap, OrgLevel, SourcedPolicy } from '../../model/index.js'
import { unknownResourceAccountGap } from '../gaps.js'
import { ORG_CONTEXT_KEYS as ORG_KEYS, orgLevelLabel, orgPath } from '../org-levels.js'
import { parseDocument } from './documents.js'
import { attempt } from './errors.js'
import type { AccountMembership } from './membership.js'
import { LevelChain } from './org-chain.js'
import type { OrganizationFacts, OrganizationReader, OrganizationRoot, OrgPolicyKind } from './organizations.js'

export const ORG_READER_HELP =
  'run with --org-profile or --org-role-arn pointing at the management account or a delegated administrator, which needs organizations:DescribeOrganization, ListRoots, ListParents, ListPoliciesForTarget and DescribePolicy'

export interface OrgQuery {
  /** The principal's account; null for service principals and anonymous callers (outside any organization). */
  readonly principalAccount: string | null
  /** The resource's account; null when unknown. It may come late: an S3 bucket's from reading its policy. */
  readonly resourceAccount: Promise<string | null>
  /**
   * Service-linked roles are governed by neither SCPs nor RCPs (a role's path comes from
   * GetRole). Rejects when the principal is refused: no level's policies are listed before.
   */
  readonly serviceLinkedRole: Promise<boolean>
  /** Whether RCPs govern the action's service at all (EC2, IAM and Lambda, for example, are outside them). */
  readonly rcpGoverned: boolean
  /** Whether the organization reader uses credentials of its own (--org-profile / --org-role-arn). */
  readonly separateReader: boolean
  /** The account of the organization reader's credentials (asked only when needed). */
  readonly readerAccount: () => Promise<string>
  /** False once the diagnosis has failed elsewhere (no such principal): no further reads start. */
  readonly wanted?: () => boolean
  /** Whether an account the reader does not see is in an organization (membership.ts); without it, never asked. */
  readonly membership?: (account: string) => Promise<AccountMembership>
}

export interface OrgPolicies {
  readonly scps: readonly OrgLevel[]
  readonly rcps: readonly OrgLevel[]
  readonly gaps: readonly CollectionGap[]
  readonly knownContext: readonly (readonly [string, readonly string[]])[]
  /** Keys certainly absent: the organization keys of an account in no organization. */
  readonly absentContext: readonly string[]
  readonly isManagementAccount: boolean
  readonly resourceInManagementAccount: boolean
}

const EMPTY: OrgPolicies = { scps: [], rcps: [], gaps: [], knownContext: [], absentContext: [], isManagementAccount: false, resourceInManagementAccount: false }

const LABEL: Readonly<Record<OrgPolicyKind, string>> = { scp: 'SCP', rcp: 'RCP' }

interface LevelRead {
  readonly level: OrgLevel | null
  readonly gaps: CollectionGap[]
}

interface SideRead {
  readonly levels: OrgLevel[]
  readonly gaps: CollectionGap[]
  readonly context: [string, string[]][]
  readonly absent?: readonly string[]
}

/** The chains of one read: begun early when the organization may exist, else when needed. */
interface Chains {
  readonly principal: LevelChain<LevelRead> | null
  readonly resource: Promise<LevelChain<LevelRead> | null>
  begin(account: string, kind: OrgPolicyKind): LevelChain<LevelRead>
}

const ignore = (): undefined => undefined

export class OrgPolicyReader {
  constructor(private readonly reader: OrganizationReader) {}

  async read(query: OrgQuery): Promise<OrgPolicies> {
    // Either may fail (no such principal, a bucket read that stops the run) on a path that never awaits it.
    query.resourceAccount.catch(ignore)
    query.serviceLinkedRole.catch(ignore)
    const wanted = query.wanted ?? (() => true)
    const begun: LevelChain<LevelRead>[] = []
    let finished = false
    const begin = (account: string, kind: OrgPolicyKind): LevelChain<LevelRead> => {
      const chain = new LevelChain<LevelRead>(this.reader, account, (id, root) => this.level(id, kind, root), wanted)
      begun.push(chain)
      return chain
    }
    // The walk up the principal's parents is the longest run of reads in a diagnosis and needs
    // only the account in the ARN, so it begins alongside DescribeOrganization and ListRoots
    // rather than after them (the resource account's as soon as that account is known). Once
    // DescribeOrganization has said there is no organization, or failed, nothing is begun early.
    const early = this.reader.mayBeMember()
    const facts = this.reader.organization()
    if (early) void this.reader.root()
    const principal = query.principalAccount && early ? begin(query.principalAccount, 'scp') : null
    const resource = query.resourceAccount.then((account) => (account && early && !finished ? begin(account, 'rcp') : null))
    resource.catch(ignore)
    try {
      return await this.readWith(query, facts, { principal, resource, begin })
    } finally {
      finished = true
      for (const chain of begun) chain.stop()
    }
  }

  private async readWith(query: OrgQuery, facts: Promise<OrganizationFacts | null>, chains: Chains): Promise<OrgPolicies> {
    const org = await attempt(() => facts, 'organizations', `SCPs and RCPs were not read; ${ORG_READER_HELP}.`)
    if (!org.ok) return { ...EMPTY, gaps: [org.gap] }
    if (org.value === null) return this.noOrganization(query)
    const found = org.value
    const isManagementAccount = query.principalAccount === found.managementAccountId
    const resourceInManagement = query.resourceAccount.then((account) => account === found.managementAccountId)
    resourceInManagement.catch(ignore)
    const root = await attempt(() => this.reader.root(), 'organizations', `SCPs and RCPs were not read; ${ORG_READER_HELP}.`)
    if (!root.ok) return { ...EMPTY, isManagementAccount, resourceInManagementAccount: await resourceInManagement, gaps: [root.gap] }

    const account = query.principalAccount
    const [principal, resource] = await Promise.all([
      account ? this.principalSide(query, found, root.value, isManagementAccount, chains.principal ?? chains.begin(account, 'scp')) : null,
      this.resourceSide(query, found, root.value, chains),
    ])
    return {
      ...EMPTY,
      isManagementAccount,
      resourceInManagementAccount: await resourceInManagement,
      scps: principal?.levels ?? [],
      rcps: resource.levels,
      gaps: [...(principal?.gaps ?? []), ...resource.gaps],
      knownContext: [...(principal?.context ?? []), ...resource.context],
      absentContext: [...(principal?.absent ?? []), ...(resource.absent ?? [])],
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
    const resourceAccount = await query.resourceAccount
    const reader = await query.readerAccount()
    const other = resourceAccount && resourceAccount !== reader ? resourceAccount : null
    // Only the reader's own account is known to be in no organization (a root user of another
    // account is diagnosed without IAM reads there).
    const principalKeys = query.principalAccount === reader ? ORG_KEYS.principal : []
    if (!other) return { ...EMPTY, absentContext: [...principalKeys, ...(resourceAccount ? ORG_KEYS.resource : [])] }
    const gap = {
      source: 'organizations',
      error: `the credentials' account is in no organization, so the organization of account ${other} could not be read`,
      effect: `The RCPs that govern account ${other} were not read; ${ORG_READER_HELP} for the organization of account ${other}.`,
    }
    const membership = query.membership ? await query.membership(other) : null
    if (membership?.kind === 'none') return { ...EMPTY, absentContext: [...principalKeys, ...ORG_KEYS.resource] }
    const outside = membership ? this.outside(gap, other, membership, 'RCPs') : gap
    return { ...EMPTY, gaps: [outside], absentContext: principalKeys, knownContext: this.memberContext(membership, 'resource') }
  }

  /**
   * The gap for an account outside the reader's organization, once its membership is known:
   * in another organization, it names the management account whose role would read it; not
   * known, it says why. (In no organization there is no gap: the caller handles that.)
   */
  private outside(gap: CollectionGap, account: string, membership: AccountMembership, what: 'SCPs' | 'RCPs'): CollectionGap {
    if (membership.kind === 'member') {
      const { id, managementAccountId } = membership.organization
      return {
        source: 'organizations',
        error: `account ${account} is in organization ${id} (asked with ${membership.via}), which the organization reader does not read`,
        effect: `The ${what} that govern account ${account} were not read; run again with --org-role-arn for a role in account ${managementAccountId}, the management account of ${id} (or a delegated administrator of it), which needs organizations:DescribeOrganization, ListRoots, ListParents, ListPoliciesForTarget and DescribePolicy.`,
      }
    }
    if (membership.kind === 'unknown') return { ...gap, effect: `${gap.effect.replace(/\.$/, '')}; whether account ${account} is in any organization is unknown: ${membership.why}.` }
    return gap
  }

  /** aws:PrincipalOrgID / aws:ResourceOrgID of an account found in another organization. */
  private memberContext(membership: AccountMembership | null, side: 'principal' | 'resource'): [string, string[]][] {
    return membership?.kind === 'member' ? [[ORG_KEYS[side][0], [membership.organization.id]]] : []
  }

  private async principalSide(query: OrgQuery, org: OrganizationFacts, root: OrganizationRoot, isManagement: boolean, chain: LevelChain<LevelRead>): Promise<SideRead> {
    const account = chain.account
    // SCPs govern neither the management account nor service-linked roles.
    const scpsApply = root.scpEnabled && !isManagement && !(await query.serviceLinkedRole)
    chain.apply(scpsApply ? root : null)
    const effect = `The SCPs that govern account ${account} were not read; ${ORG_READER_HELP}.`
    const parents = await attempt(() => chain.parents, 'organizations', effect)
    const context: [string, string[]][] = []
    if (parents.ok) {
      context.push(['aws:PrincipalOrgID', [org.id]], ['aws:PrincipalOrgPaths', [orgPath(org.id, parents.value)]])
    } else if (!query.separateReader || (await query.readerAccount()) === account) {
      // DescribeOrganization answered for the principal's own account.
      context.push(['aws:PrincipalOrgID', [org.id]])
    }
    if (!parents.ok && isChildNotFound(parents.gap)) return this.elsewhere(query, parents.gap, account, org, 'principal', scpsApply)
    if (!scpsApply) return { levels: [], gaps: [], context }
    if (!parents.ok) return { levels: [], gaps: [this.notInOrganization(parents.gap, account, org, 'SCPs')], context }
    return { ...assemble(await chain.levels(parents.value, root)), context }
  }

  /**
   * An account the reader's organization does not hold (ChildNotFoundException): in no
   * organization, nothing governs it and its organization keys are absent; in another, or not
   * known, its policies are a gap that says what to pass. `applies`: whether the side's policies
   * would apply at all (not for the management account or a service-linked role).
   */
  private async elsewhere(query: OrgQuery, gap: CollectionGap, account: string, org: OrganizationFacts, side: 'principal' | 'resource', applies: boolean): Promise<SideRead> {
    const what = side === 'principal' ? 'SCPs' : 'RCPs'
    const membership = query.membership ? await query.membership(account) : null
    if (membership?.kind === 'none') return { levels: [], gaps: [], context: [], absent: ORG_KEYS[side] }
    const context = this.memberContext(membership, side)
    if (!applies) return { levels: [], gaps: [], context }
    const known = this.notInOrganization(gap, account, org, what)
    return { levels: [], gaps: [membership ? this.outside(known, account, membership, what) : known], context }
  }

  private async resourceSide(query: OrgQuery, org: OrganizationFacts, root: OrganizationRoot, chains: Chains): Promise<SideRead> {
    const account = await query.resourceAccount
    const context: [string, string[]][] = []
    if (!account) {
      if (!root.rcpEnabled || (await query.serviceLinkedRole) || !query.rcpGoverned) return { levels: [], gaps: [], context }
      return { levels: [], gaps: [unknownResourceAccountGap('organizations')], context }
    }
    // RCPs govern neither resources of the management account nor calls by service-linked roles.
    const rcpsApply = root.rcpEnabled && account !== org.managementAccountId && !(await query.serviceLinkedRole)
    const chain = (await chains.resource) ?? chains.begin(account, 'rcp')
    chain.apply(rcpsApply ? root : null)
    const effect = `The RCPs that govern account ${account} were not read; ${ORG_READER_HELP} (the organization reader must see account ${account}).`
    const parents = await attempt(() => chain.parents, 'organizations', effect)
    if (parents.ok) context.push(['aws:ResourceOrgID', [org.id]], ['aws:ResourceOrgPaths', [orgPath(org.id, parents.value)]])
    if (!parents.ok && isChildNotFound(parents.gap)) return this.elsewhere(query, parents.gap, account, org, 'resource', rcpsApply)
    if (!rcpsApply) return { levels: [], gaps: [], context }
    if (!parents.ok) return { levels: [], gaps: [this.notInOrganization(parents.gap, account, org, 'RCPs')], context }
    return { ...assemble(await chain.levels(parents.value, root)), context }
  }

  /** ChildNotFoundException: the account is not in the organization the reader sees. */
  private notInOrganization(gap: CollectionGap, account: string, org: OrganizationFacts, what: string): CollectionGap {
    if (!isChildNotFound(gap)) return gap
    return {
      ...gap,
      effect: `The ${what} that govern account ${account} were not read: it is not in organization ${org.id}, which the organization reader sees; ${ORG_READER_HELP} for the organization of account ${account}.`,
    }
  }

  private async level(id: string, kind: OrgPolicyKind, root: OrganizationRoot): Promise<LevelRead> {
    const listing = attempt(() => this.reader.attachedTo(id, kind), 'organizations', `The ${LABEL[kind]}s attached to ${id} were not read; ${ORG_READER_HELP}.`)
    // Each policy's content is asked for as soon as the listing names it, without waiting for
    // the level's name (a label only); the reads below then find it in the reader's cache.
    listing.then((listed) => {
      if (listed.ok) for (const summary of listed.value) void this.reader.policy(summary.Id ?? '')
    }, ignore)
    const [name, listed] = await Promise.all([id === root.id ? Promise.resolve(root.name) : this.reader.nameOf(id), listing])
    if (!listed.ok) return { level: null, gaps: [listed.gap] }
    const where = orgLevelLabel(id, name, id === root.id)
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

function isChildNotFound(gap: CollectionGap): boolean {
  return gap.error.startsWith('ChildNotFoundException')
}

/** The levels that were read, root first, and every gap, in level order. */
function assemble(read: readonly LevelRead[]): { levels: OrgLevel[]; gaps: CollectionGap[] } {
  const levels: OrgLevel[] = []
  const gaps: CollectionGap[] = []
  for (const item of read) {
    if (item.level) levels.push(item.level)
    gaps.push(...item.gaps)
  }
  return { levels, gaps }
}
