/**
 * Whether an account the organization reader does not see (a partner's, a contractor's, a
 * vendor's) is in an organization at all. DescribeOrganization answers only for the account of
 * the credentials that ask, so it is asked with whichever credentials given belong to that
 * account: the caller's or the resource account's (--resource-profile / --resource-role-arn).
 * The organization reader's own account is never asked about: it is only asked for an account
 * outside the organization the reader reads (ChildNotFoundException), or for another account
 * when the reader is in no organization.
 * - AWSOrganizationsNotInUseException: the account is in no organization, so no SCP or RCP
 *   governs it and aws:PrincipalOrgID / aws:ResourceOrgID are absent from its requests.
 * - An organization: its SCPs / RCPs were not read, and the gap names the account whose role
 *   would read them (the organization's management account).
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
 */
import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations'
import type { AwsClientPool } from './clients.js'
import { classifyAwsError, describeAwsError, UnexpectedResponseError } from './errors.js'
import { OnceCache } from './limit.js'
import type { OrganizationFacts } from './organizations.js'
import type { CallerIdentities } from './sts.js'

export type AccountMembership =
  | { readonly kind: 'none'; readonly via: string }
  | { readonly kind: 'member'; readonly organization: OrganizationFacts; readonly via: string }
  /** Not asked (no credentials given belong to the account) or the question failed: `why` says which. */
  | { readonly kind: 'unknown'; readonly why: string }

const SETS = ['caller', 'resource'] as const

export class MembershipReader {
  private readonly answers = new OnceCache<AccountMembership>()

  constructor(
    private readonly pool: AwsClientPool,
    private readonly identities: CallerIdentities,
  ) {}

  /** The organization `account` belongs to, asked once per account. */
  of(account: string): Promise<AccountMembership> {
    return this.answers.get(account, () => this.ask(account))
  }

  private async ask(account: string): Promise<AccountMembership> {
    // Without credentials of its own, the resource set is the caller's: asked once.
    const sets = SETS.filter((set) => this.pool.effective(set) === set)
    for (const set of sets) {
      let own: string
      try {
        own = await this.identities.accountOf(set)
      } catch {
        continue // that set's own failure is reported where it is used
      }
      if (own !== account) continue
      const via = this.pool.describeCredentials(set)
      try {
        const facts = await this.describe(set)
        return facts ? { kind: 'member', organization: facts, via } : { kind: 'none', via }
      } catch (error) {
        if (classifyAwsError(error) === 'credentials' || classifyAwsError(error) === 'program') throw error
        return { kind: 'unknown', why: `DescribeOrganization with ${via} failed (${describeAwsError(error)}); they need organizations:DescribeOrganization` }
      }
    }
    return {
      kind: 'unknown',
      why: `none of the credentials given belong to account ${account}, and DescribeOrganization answers only for the credentials' own account; pass --resource-role-arn (or --resource-profile) for account ${account} to ask`,
    }
  }

  private async describe(set: 'caller' | 'resource'): Promise<OrganizationFacts | null> {
    try {
      const { Organization } = await this.pool.ownOrganizations(set).send(new DescribeOrganizationCommand({}))
      if (!Organization?.Id || !Organization.MasterAccountId) throw new UnexpectedResponseError('DescribeOrganization returned no organization ID')
      return { id: Organization.Id, managementAccountId: Organization.MasterAccountId }
    } catch (error) {
      if (classifyAwsError(error) === 'org-not-in-use') return null
      throw error
    }
  }
}
