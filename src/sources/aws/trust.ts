/**
 * The trust policy of a role, which is the resource policy of `sts:AssumeRole*` on it: it must
 * allow the caller whatever the identity policies say. Read with the credentials of the role's
 * account (the caller's, or --resource-profile / --resource-role-arn).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#term_trust-policy
 */
import { GetRoleCommand } from '@aws-sdk/client-iam'
import { parseArn, type CollectionGap, type SourcedPolicy } from '../../model/index.js'
import type { AwsClientPool } from './clients.js'
import { parseDocument } from './documents.js'
import { attempt, UnexpectedResponseError } from './errors.js'
import { OnceCache } from './limit.js'
import type { CallerIdentities } from './sts.js'

export interface TrustPolicy {
  readonly policy: SourcedPolicy | null
  readonly gaps: readonly CollectionGap[]
}

/** The role a resource ARN names, when the action assumes it; null otherwise. */
export function assumedRole(resourceArn: string, action: string): { account: string; name: string } | null {
  if (!/^sts:AssumeRole/i.test(action)) return null
  const arn = parseArn(resourceArn)
  if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('role/')) return null
  const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1)
  return name && !name.includes('*') ? { account: arn.account, name } : null
}

export class TrustPolicies {
  private readonly cache = new OnceCache<TrustPolicy>()

  constructor(
    private readonly pool: AwsClientPool,
    private readonly identities: CallerIdentities,
  ) {}

  read(roleArn: string, role: { account: string; name: string }): Promise<TrustPolicy> {
    return this.cache.get(roleArn, () => this.readOnce(roleArn, role))
  }

  private async readOnce(roleArn: string, { account, name }: { account: string; name: string }): Promise<TrustPolicy> {
    const notRead = `The trust policy of role \`${name}\` in account ${account} was not read, so whether it lets the caller in is unknown`
    const set = await attempt(() => this.credentialsFor(account), 'sts', `${notRead}.`)
    if (!set.ok) return { policy: null, gaps: [set.gap] }
    if (!set.value) {
      const gap = {
        source: 'iam',
        error: `role \`${name}\` is in account ${account}, which neither the caller's nor the resource credentials belong to`,
        effect: `${notRead}; run with --resource-profile or --resource-role-arn for account ${account}.`,
      }
      return { policy: null, gaps: [gap] }
    }
    const iam = this.pool.iam(set.value)
    const read = await attempt(
      async () => {
        const document = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role?.AssumeRolePolicyDocument
        if (document === undefined) throw new UnexpectedResponseError(`GetRole returned no trust policy for ${name}`)
        return document
      },
      'iam',
      `${notRead}.`,
    )
    if (!read.ok) return { policy: null, gaps: [read.gap] }
    const origin = `trust policy of role \`${name}\``
    const parsed = parseDocument(read.value, { type: 'resource', name, arn: roleArn, attachedTo: name, origin }, 'trust', 'iam')
    return parsed.ok ? { policy: parsed.policy, gaps: [] } : { policy: null, gaps: [parsed.gap] }
  }

  /** Which credentials can read IAM in `account`; null when none can. */
  private async credentialsFor(account: string): Promise<'caller' | 'resource' | null> {
    if ((await this.identities.accountOf('caller')) === account) return 'caller'
    if (this.pool.hasOwnCredentials('resource') && (await this.identities.accountOf('resource')) === account) return 'resource'
    return null
  }
}
