/**
 * The region of an S3 bucket, read live with GetBucketLocation. An S3 ARN names no region, and
 * the AWS CLI and SDKs follow a bucket to its own region, so that region is the
 * aws:RequestedRegion AWS evaluates for a call on the bucket.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion
 */
import { GetBucketLocationCommand } from '@aws-sdk/client-s3'
import type { AwsClientPool } from './clients.js'
import { SourceError } from '../errors.js'
import { classifyAwsError, describeAwsError } from './errors.js'
import { OnceCache } from './limit.js'
import type { CallerIdentities } from './sts.js'

/**
 * GetBucketLocation's answer as a region: us-east-1 answers with no constraint, and the
 * oldest EU buckets with `EU`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
 */
export function regionOfLocation(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1'
  if (constraint === 'EU') return 'eu-west-1'
  return constraint
}

/** The bucket's region, or null with why it is not known. */
export type BucketRegion = { readonly region: string; readonly why: null } | { readonly region: null; readonly why: string }

export class BucketRegions {
  private readonly cache = new OnceCache<BucketRegion>()

  constructor(
    private readonly pool: AwsClientPool,
    private readonly identities: CallerIdentities,
  ) {}

  /**
   * Rejects only for what stops the run (a SourceError: credentials, region) or a program bug:
   * a bucket whose location cannot be read leaves aws:RequestedRegion unknown, which already
   * keeps a region condition undetermined, so that failure is no CollectionGap.
   */
  read(bucket: string, statedAccount: string | null): Promise<BucketRegion> {
    return this.cache.get(`${bucket}|${statedAccount ?? ''}`, () => this.readOnce(bucket, statedAccount))
  }

  private async readOnce(bucket: string, statedAccount: string | null): Promise<BucketRegion> {
    const notRead = `The region of bucket \`${bucket}\` was not read`
    try {
      // As for its policy (s3.ts), S3 is not asked about another account's bucket with these credentials.
      const reader = statedAccount ? await this.identities.accountOf('resource') : null
      if (reader && reader !== statedAccount) {
        return { region: null, why: `${notRead} (it is in account ${statedAccount}, the credentials in account ${reader})` }
      }
      const answer = await this.pool.s3().send(new GetBucketLocationCommand({ Bucket: bucket }))
      // A real answer is always an object; anything else says nothing about the region.
      if (typeof answer !== 'object' || answer === null) return { region: null, why: `${notRead} (GetBucketLocation gave no answer)` }
      return { region: regionOfLocation(answer.LocationConstraint), why: null }
    } catch (error) {
      if (error instanceof SourceError || classifyAwsError(error) === 'program') throw error
      return { region: null, why: `${notRead} (${describeAwsError(error)}; the credentials need s3:GetBucketLocation on it)` }
    }
  }
}
