/**
 * The users or roles of a snapshot that a filter selects, for `audit` selectors such as
 * `{roles: "Deploy*"}`: listed the way IAM's ListRoles / ListUsers would list them (a path
 * prefix, every path by default), so that an audit reads the same from a snapshot as live.
 */
import type { PrincipalFilter } from '../types.js'
import { SnapshotError } from './errors.js'
import type { SnapshotIndex } from './snapshot-index.js'

export function listSnapshotPrincipals(index: SnapshotIndex, fileName: string, filter: PrincipalFilter): string[] {
  const accounts = filter.account === null ? index.snapshot.accounts.filter((a) => a.iam !== null) : [index.account(filter.account)]
  const out: string[] = []
  for (const account of accounts) {
    if (!account || account.iam === null) {
      const why = account ? 'its IAM data was not collected' : 'it is not in the snapshot'
      throw new SnapshotError(
        fileName,
        `The ${filter.kind}s of account ${filter.account} cannot be listed from snapshot ${fileName}: ${why}. The snapshot holds IAM data for ${index.describeAccounts()}.`,
      )
    }
    const entities = filter.kind === 'role' ? account.iam.roles : account.iam.users
    for (const entity of entities) {
      if (filter.pathPrefix === null || entity.path.startsWith(filter.pathPrefix)) out.push(entity.arn)
    }
  }
  return out.sort()
}
