/**
 * Managed policy documents, each fetched once per provider however many users, groups and
 * roles use it: the cache holds the promise, so requests made at the same time share it.
 */
import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam'
import type { AwsClientPool } from './clients.js'
import { UnexpectedResponseError } from './errors.js'
import { OnceCache } from './limit.js'

export interface ManagedPolicyDocument {
  readonly arn: string
  readonly name: string
  readonly versionId: string
  /** The default version's document, as IAM returns it (URL-encoded JSON). */
  readonly document: string
}

export class ManagedPolicies {
  private readonly cache = new OnceCache<ManagedPolicyDocument>()

  constructor(private readonly pool: AwsClientPool) {}

  /** The default version of the managed policy `arn`. Rejects with the SDK's error. */
  fetch(arn: string): Promise<ManagedPolicyDocument> {
    return this.cache.get(arn, async () => {
      const iam = this.pool.iam()
      const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }))
      const versionId = Policy?.DefaultVersionId
      if (!versionId) throw new UnexpectedResponseError(`IAM returned no default version for ${arn}`)
      const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }))
      const document = PolicyVersion?.Document
      if (document === undefined) throw new UnexpectedResponseError(`IAM returned no document for ${arn} version ${versionId}`)
      return { arn, name: Policy?.PolicyName ?? arn.slice(arn.lastIndexOf('/') + 1), versionId, document }
    })
  }
}
