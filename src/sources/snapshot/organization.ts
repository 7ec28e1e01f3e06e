/**
 * The SCP chain of the principal's account and the RCP chain of the resource's account, root
 * first and account last, with the organization facts the evaluator needs.
 * SCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 * RCPs: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
import type { OrgLevel, SourcedPolicy } from '../../model/index.js'
import { unknownResourceAccountGap } from '../gaps.js'
import { ORG_CONTEXT_KEYS as ORG_KEYS, orgLevelLabel, orgPath } from '../org-levels.js'
import { parseDocument, type Gaps } from './documents.js'
import type { OrgPolicyType } from './format.js'
import { Kept } from './kept.js'
import type { SnapshotIndex } from './snapshot-index.js'

export interface OrgSide {
  readonly scps: readonly OrgLevel[]
  readonly rcps: readonly OrgLevel[]
  readonly knownContext: readonly (readonly [string, readonly string[]])[]
  /** Organization keys certainly absent: those of an account collect found in no organization. */
  readonly absentContext: readonly string[]
  readonly isManagementAccount: boolean
  readonly resourceInManagementAccount: boolean
}

export interface OrgQuery {
  /** null for service principals and anonymous callers, who belong to no organization. */
  readonly principalAccount: string | null
  /** null when nothing says which account owns the resource. */
  readonly resourceAccount: string | null
  readonly serviceLinkedRole: boolean
  /** Whether RCPs govern the action's service at all (only then does an unknown resource account matter). */
  readonly rcpService: boolean
}

const KINDS = {
  scp: { type: 'SERVICE_CONTROL_POLICY', label: 'SCP' },
  rcp: { type: 'RESOURCE_CONTROL_POLICY', label: 'RCP' },
} as const satisfies Record<'scp' | 'rcp', { type: OrgPolicyType; label: string }>

const NO_LEVELS: readonly OrgLevel[] = Object.freeze([])

/**
 * One per provider. An account's chains never change within a snapshot, so each side is read
 * once per query and handed out again: the same frozen `scps` and `rcps` arrays, OrgLevel and
 * SourcedPolicy objects (why the same objects matter: kept.ts). Chains are also kept per
 * account and kind, so principals of one account share one `scps` array whatever resource
 * they ask about. Gaps met (an SCP that does not parse, an unknown resource account) are
 * replayed on every read that reuses the value.
 */
export class OrgReader {
  private readonly sides = new Kept<OrgSide>()
  private readonly chains = new Kept<readonly OrgLevel[]>()

  constructor(private readonly index: SnapshotIndex) {}

  read(query: OrgQuery, gaps: Gaps): OrgSide {
    const key = JSON.stringify([query.principalAccount, query.resourceAccount, query.serviceLinkedRole, query.rcpService])
    return this.sides.read(key, gaps, (own) => this.build(query, own))
  }

  private build(query: OrgQuery, gaps: Gaps): OrgSide {
    const org = this.index.organization
    const isManagementAccount = org !== null && query.principalAccount === org.managementAccountId
    const resourceInManagementAccount = org !== null && query.resourceAccount === org.managementAccountId
    // What collect learned of accounts outside the snapshot's organization (format.ts): in none,
    // their organization keys are absent; in another, its ID is known (its SCPs / RCPs are a gap
    // collect recorded for that account, which the diagnosis carries).
    const knownContext: [string, string[]][] = []
    const absentContext: string[] = []
    const outside = (account: string | null, side: 'principal' | 'resource'): void => {
      const membership = account === null ? undefined : this.index.account(account)?.organizationMembership
      if (membership === 'none') absentContext.push(...ORG_KEYS[side])
      else if (membership) knownContext.push([ORG_KEYS[side][0], [membership.id]])
    }
    outside(query.principalAccount, 'principal')
    outside(query.resourceAccount, 'resource')
    if (!org) return Object.freeze({ scps: NO_LEVELS, rcps: NO_LEVELS, knownContext: Object.freeze(knownContext), absentContext: Object.freeze(absentContext), isManagementAccount, resourceInManagementAccount })

    let scps = NO_LEVELS
    const principalChain = query.principalAccount ? this.index.orgChain(query.principalAccount) : null
    if (principalChain) {
      // aws:PrincipalOrgPaths runs from the organization to the account's parent OU: o-…/r-…/ou-…/
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
      knownContext.push(['aws:PrincipalOrgID', [org.id]], ['aws:PrincipalOrgPaths', [orgPath(org.id, principalChain.slice(0, -1))]])
      // SCPs govern neither the management account nor service-linked roles.
      if (this.enabled(principalChain, 'scp') && !isManagementAccount && !query.serviceLinkedRole) scps = this.chain(principalChain, 'scp', gaps)
    }

    let rcps = NO_LEVELS
    const rcpsMayApply = !query.serviceLinkedRole && query.rcpService && org.roots.some((r) => r.policyTypes.includes(KINDS.rcp.type))
    if (query.resourceAccount === null) {
      if (rcpsMayApply) {
        const { error, effect } = unknownResourceAccountGap(gaps.source)
        gaps.add(error, effect)
      }
    } else {
      const resourceChain = this.index.orgChain(query.resourceAccount)
      if (resourceChain) {
        knownContext.push(['aws:ResourceOrgID', [org.id]], ['aws:ResourceOrgPaths', [orgPath(org.id, resourceChain.slice(0, -1))]])
        // RCPs govern neither resources of the management account nor calls by service-linked roles.
        if (this.enabled(resourceChain, 'rcp') && !resourceInManagementAccount && !query.serviceLinkedRole) rcps = this.chain(resourceChain, 'rcp', gaps)
      }
    }
    return Object.freeze({ scps, rcps, knownContext: Object.freeze(knownContext), absentContext: Object.freeze(absentContext), isManagementAccount, resourceInManagementAccount })
  }

  /** The levels of one account's chain (the account is its last element), kept per account and kind. */
  private chain(chain: readonly string[], kind: 'scp' | 'rcp', gaps: Gaps): readonly OrgLevel[] {
    return this.chains.read(`${kind}\u0000${chain[chain.length - 1]}`, gaps, (own) => Object.freeze(this.levels(chain, kind, own)))
  }

  /** A policy type applies only once enabled on the root. */
  private enabled(chain: readonly string[], kind: 'scp' | 'rcp'): boolean {
    const root = this.index.organization?.roots.find((r) => r.id === chain[0])
    return root?.policyTypes.includes(KINDS[kind].type) ?? false
  }

  private levels(chain: readonly string[], kind: 'scp' | 'rcp', gaps: Gaps): OrgLevel[] {
    return chain.map((id, i) => {
      const name = this.index.nameOf(id)
      const where = orgLevelLabel(id, name, i === 0)
      const policies: SourcedPolicy[] = []
      for (const policy of this.index.attachedPolicies(id, KINDS[kind].type)) {
        const origin = `${KINDS[kind].label} \`${policy.name}\` attached to ${where}`
        const source = { type: kind, name: policy.name, arn: policy.arn, attachedTo: id, origin }
        const parsed = gaps.take(parseDocument(policy.document, source, kind, gaps.source))
        if (parsed) policies.push(parsed)
      }
      return Object.freeze({ id, name, policies: Object.freeze(policies) })
    })
  }
}
