/**
 * Whether a collected account belongs to an organization the snapshot does not hold. A
 * snapshot gives an account outside its organization no SCP or RCP chain at all, so an
 * account of another organization (or of none that was read) would silently lose its SCPs.
 * DescribeOrganization, asked with the account's own credentials, settles it.
 */
import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations'
import type { CollectionGap } from '../../model/index.js'
import type { SnapshotOrganization } from '../snapshot/format.js'
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

/** A gap when the account is in an organization other than the one read; null when it is in none. */
export async function membershipGap(clients: AccountClients, account: string, organization: SnapshotOrganization | null): Promise<CollectionGap | null> {
  const read = organization ? `organization ${organization.id}, which was read, does not list it` : 'no organization was read'
  try {
    const { Organization } = await clients.organizations().send(new DescribeOrganizationCommand({}))
    const id = Organization?.Id ?? '(unknown)'
    return {
      source: 'organizations',
      error: `account ${account} is in organization ${id}, but ${read}`,
      effect: `The SCPs and RCPs that govern account ${account} are not in the snapshot, so no diagnosis of its principals or resources can rule them out; collect it separately, and for its organization ${ORG_COLLECT_HELP}.`,
    }
  } catch (error) {
    if (classifyAwsError(error) === 'org-not-in-use') return null
    return gapFor(
      error,
      'organizations',
      `Whether account ${account} belongs to an organization is unknown (${read}), so SCPs and RCPs that govern it may be missing from the snapshot; its credentials need organizations:DescribeOrganization.`,
    )
  }
}
