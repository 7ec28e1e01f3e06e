/** How both sources name organization levels and paths, so a live and an offline report read alike. */

/** "the root `Root` (r-…)", "OU `Prod` (ou-…)", "account `Data` (222222222222)". */
export function orgLevelLabel(id: string, name: string | null, isRoot: boolean): string {
  if (isRoot) return `the root${name ? ` \`${name}\`` : ''} (${id})`
  if (id.startsWith('ou-')) return `OU${name ? ` \`${name}\`` : ''} (${id})`
  return name ? `account \`${name}\` (${id})` : `account ${id}`
}

/**
 * `o-…/r-…/ou-…/ou-…/`: aws:PrincipalOrgPaths / aws:ResourceOrgPaths of an account whose
 * parents, root first and the account itself excluded, are `parents`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
 */
export function orgPath(orgId: string, parents: readonly string[]): string {
  return `${orgId}/${parents.join('/')}/`
}

/**
 * The organization keys of each side of a request: absent for an account in no organization,
 * `…OrgID` known for one in an organization whose tree was not read.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
 */
export const ORG_CONTEXT_KEYS = {
  principal: ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths'],
  resource: ['aws:ResourceOrgID', 'aws:ResourceOrgPaths'],
} as const
