/**
 * A user's groups and their policies: group policies are identity policies of every member.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html
 */
import { paginateListGroupsForUser } from '@aws-sdk/client-iam'
import type { CollectionGap, SourcedPolicy } from '../../model/index.js'
import type { AwsClientPool } from './clients.js'
import type { Collected } from './documents.js'
import { attempt } from './errors.js'
import type { IdentityPolicies } from './identity.js'
import { OnceCache } from './limit.js'

export class GroupPolicies {
  private readonly memberships = new OnceCache<string[]>()

  constructor(
    private readonly pool: AwsClientPool,
    private readonly identity: IdentityPolicies,
  ) {}

  /** The names of the user's groups, in IAM's order. */
  groupsOf(userName: string): Promise<string[]> {
    return this.memberships.get(userName, async () => {
      const names: string[] = []
      for await (const page of paginateListGroupsForUser({ client: this.pool.iam() }, { UserName: userName })) {
        for (const group of page.Groups ?? []) if (group.GroupName) names.push(group.GroupName)
      }
      return names
    })
  }

  /** Every policy of every group of the user (each group read once per provider). */
  async of(userName: string): Promise<Collected<SourcedPolicy[]>> {
    const listed = await attempt(
      () => this.groupsOf(userName),
      'iam',
      `The groups of user \`${userName}\` were not read, so their policies (and any Deny in them) are missing.`,
    )
    if (!listed.ok) return { value: [], gaps: [listed.gap] }
    const perGroup = await Promise.all(listed.value.map((name) => this.identity.of({ kind: 'group', name })))
    const value: SourcedPolicy[] = []
    const gaps: CollectionGap[] = []
    for (const group of perGroup) {
      value.push(...group.value)
      gaps.push(...group.gaps)
    }
    return { value, gaps }
  }
}
