/**
 * The bucket policy of an S3 bucket or object ARN, and the bucket's account when S3 vouches
 * for it. S3 hands a bucket policy only to identities of the bucket owner's account (405
 * otherwise), and `ExpectedBucketOwner` makes it refuse (403) when the owner differs, so a
 * policy read (or NoSuchBucketPolicy) with credentials of account A proves the bucket is A's.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
 */
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3'
import { parseArn, type CollectionGap, type SourcedPolicy } from '../../model/index.js'
import type { AwsClientPool } from './clients.js'
import { parseDocument } from './documents.js'
import { attempt, classifyAwsError, gapFor } from './errors.js'
import { OnceCache } from './limit.js'
import type { CallerIdentities } from './sts.js'

export interface BucketPolicy {
  readonly bucket: string
  readonly policy: SourcedPolicy | null
  /** The bucket's account, as S3 vouched for it; null when the policy could not be read. */
  readonly ownerAccount: string | null
  readonly gaps: readonly CollectionGap[]
}

export interface BucketRef {
  readonly partition: string
  readonly bucket: string
}

/** `arn:aws:s3:::bucket` and `arn:aws:s3:::bucket/key` → the bucket; null for anything else (access points too). */
export function bucketOf(resourceArn: string): BucketRef | null {
  const arn = parseArn(resourceArn)
  if (!arn || arn.service !== 's3' || arn.region !== '' || arn.account !== '') return null
  const bucket = arn.resource.split('/')[0]
  return bucket ? { partition: arn.partition, bucket } : null
}

const OTHER_ACCOUNT_HELP = 'if the bucket belongs to another account, run with --resource-profile or --resource-role-arn for that account (and --resource-account)'

export class BucketPolicies {
  private readonly cache = new OnceCache<BucketPolicy>()

  constructor(
    private readonly pool: AwsClientPool,
    private readonly identities: CallerIdentities,
  ) {}

  /** `statedAccount`: the account the user says owns the bucket (--resource-account), if any. */
  read(ref: BucketRef, statedAccount: string | null): Promise<BucketPolicy> {
    return this.cache.get(`${ref.partition}|${ref.bucket}|${statedAccount ?? ''}`, () => this.readOnce(ref, statedAccount))
  }

  private async readOnce({ partition, bucket }: BucketRef, statedAccount: string | null): Promise<BucketPolicy> {
    const notRead = `The bucket policy of \`${bucket}\` was not read`
    const account = await attempt(() => this.identities.accountOf('resource'), 'sts', `${notRead}: the account of the credentials is unknown.`)
    if (!account.ok) return { bucket, policy: null, ownerAccount: null, gaps: [account.gap] }
    const readerAccount = account.value
    const credentials = this.pool.describeCredentials('resource')
    if (statedAccount && statedAccount !== readerAccount) {
      const gap = {
        source: 's3',
        error: `bucket \`${bucket}\` is in account ${statedAccount}, but ${credentials} belong to account ${readerAccount}`,
        effect: `${notRead}: S3 gives a bucket policy only to its own account; run with --resource-profile or --resource-role-arn for account ${statedAccount}.`,
      }
      return { bucket, policy: null, ownerAccount: null, gaps: [gap] }
    }
    let text: string | undefined
    try {
      const answer = await this.pool.s3().send(new GetBucketPolicyCommand({ Bucket: bucket, ExpectedBucketOwner: readerAccount }))
      text = answer.Policy
    } catch (error) {
      const kind = classifyAwsError(error)
      if (kind === 'no-bucket-policy') return { bucket, policy: null, ownerAccount: readerAccount, gaps: [] }
      const effect =
        kind === 'not-found'
          ? `${notRead}: S3 says there is no such bucket; check the bucket name in the resource ARN.`
          : kind === 'access-denied' || kind === 'not-bucket-owner'
            ? `${notRead} with ${credentials} (account ${readerAccount}); ${OTHER_ACCOUNT_HELP}, otherwise the credentials need s3:GetBucketPolicy on it.`
            : `${notRead}.`
      return { bucket, policy: null, ownerAccount: null, gaps: [gapFor(error, 's3', effect)] }
    }
    if (text === undefined) {
      const error = `GetBucketPolicy returned no policy text for ${bucket}`
      return { bucket, policy: null, ownerAccount: readerAccount, gaps: [{ source: 's3', error, effect: `${notRead}.` }] }
    }
    const origin = statedAccount
      ? `bucket policy of \`${bucket}\``
      : `bucket policy of \`${bucket}\` (account ${readerAccount}: S3 returns a bucket policy only to its owner's account)`
    const parsed = parseDocument(text, { type: 'resource', name: bucket, arn: `arn:${partition}:s3:::${bucket}`, attachedTo: bucket, origin }, 'resource', 's3')
    return parsed.ok
      ? { bucket, policy: parsed.policy, ownerAccount: readerAccount, gaps: [] }
      : { bucket, policy: null, ownerAccount: readerAccount, gaps: [parsed.gap] }
  }
}
