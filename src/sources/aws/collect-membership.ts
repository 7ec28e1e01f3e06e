/**
 * Whether a collected account belongs to an organization the snapshot does not hold. A
 * snapshot gives an account outside its organization no SCP or RCP chain at all, so an
 * account of another organization (or of none that was read) would silently lose its SCPs.
 * DescribeOrganization, asked with the account's own credentials, settles it.
 */
import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations'
import type { CollectionGap } from '../../model/index.js'
import type { OrganizationMembership, SnapshotOrganization } from '../snapshot/format.js'
import type { AccountClients } from './collect-accounts.js'
import { classifyAwsError, gapFor } from './errors.js'
import { ORG_COLLECT_HELP } from './collect-org.js'

export interface MembershipQuestion {
  readonly organization: SnapshotOrganization | null
  /** Whether reading the organization failed (its gap already covers every account). */
  readonly organizationFailed: boolean
  /** The account whose credentials read the organization (when none was found, it is standalone). */
  readonly readerAccount: string
}

/** Whether the account's organization membership needs asking at all. */
export function needsMembershipCheck(question: MembershipQuestion, account: string): boolean {
  if (question.organizationFailed) return false
  if (question.organization) return !question.organization.accounts.some((a) => a.id === account)
  return account !== question.readerAccount
}

/** What collect learned: the membership to record in the snapshot (format.ts), and a gap when it leaves SCPs / RCPs out. */
export interface MembershipAnswer {
  readonly membership: OrganizationMembership | null
  readonly gap: CollectionGap | null
}

/**
 * Whether the account is in an organization, asked with its own credentials. In none: recorded
 * as `"none"` (no SCP or RCP governs it), no gap. In another: recorded, with a gap scoped to the
 * account (its SCPs and RCPs are not in the snapshot). The question failing: a gap only.
 */
export async function askMembership(clients: AccountClients, account: string, organization: SnapshotOrganization | null): Promise<MembershipAnswer> {
  const read = organization ? `organization ${organization.id}, which was read, does not list it` : 'no organization was read'
  try {
    const { Organization } = await clients.organizations().send(new DescribeOrganizationCommand({}))
    const id = Organization?.Id ?? '(unknown)'
    const management = Organization?.MasterAccountId
    const gap = {
      source: 'organizations',
      error: `account ${account} is in organization ${id}, but ${read}`,
      effect: `The SCPs and RCPs that govern account ${account} are not in the snapshot, so no diagnosis of its principals or resources can rule them out; collect it separately, and for its organization ${ORG_COLLECT_HELP}.`,
      account,
    }
    return { membership: Organization?.Id && management ? { id: Organization.Id, managementAccountId: management } : null, gap }
  } catch (error) {
    if (classifyAwsError(error) === 'org-not-in-use') return { membership: 'none', gap: null }
    const gap = gapFor(
      error,
      'organizations',
      `Whether account ${account} belongs to an organization is unknown (${read}), so SCPs and RCPs that govern it may be missing from the snapshot; its credentials need organizations:DescribeOrganization.`,
    )
    return { membership: null, gap }
  }
}
