/**
 * The buckets of one account for a snapshot: ListBuckets, then each bucket's region and policy.
 * `policy: null` must mean "this bucket has no policy" (NoSuchBucketPolicy), so a bucket whose
 * policy could not be read is left out, with a gap: a diagnosis on it then reports the gap
 * rather than "no bucket policy".
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
 */
import { GetBucketLocationCommand, GetBucketPolicyCommand, paginateListBuckets, type Bucket } from '@aws-sdk/client-s3'
import type { CollectionGap } from '../../model/index.js'
import type { SnapshotBucket } from '../snapshot/format.js'
import { regionOfLocation } from './bucket-region.js'
import type { AccountClients } from './collect-accounts.js'
import { attempt, classifyAwsError, gapFor, UnexpectedResponseError } from './errors.js'

export interface CollectedBuckets {
  readonly buckets: readonly SnapshotBucket[]
  readonly gaps: readonly CollectionGap[]
}

/** Asking for pages makes S3 send each bucket's region too (BucketRegion), which saves a GetBucketLocation per bucket. */
const PAGE_SIZE = 1000

async function listBuckets(clients: AccountClients): Promise<Bucket[]> {
  const out: Bucket[] = []
  for await (const page of paginateListBuckets({ client: clients.s3(), pageSize: PAGE_SIZE }, {})) out.push(...(page.Buckets ?? []))
  return out
}

type BucketRead = { readonly bucket: SnapshotBucket } | { readonly gap: CollectionGap } | { readonly gone: true }

async function readBucket(clients: AccountClients, listed: Bucket, account: string): Promise<BucketRead> {
  const name = listed.Name ?? ''
  const leftOut = `Bucket \`${name}\` of account ${account} was left out of the snapshot`
  const denied = `the credentials need s3:GetBucketLocation and s3:GetBucketPolicy on it, and its bucket policy must not deny them`
  try {
    const region =
      listed.BucketRegion ??
      regionOfLocation((await clients.s3().send(new GetBucketLocationCommand({ Bucket: name, ExpectedBucketOwner: account }))).LocationConstraint)
    try {
      const { Policy } = await clients.s3(region).send(new GetBucketPolicyCommand({ Bucket: name, ExpectedBucketOwner: account }))
      if (Policy === undefined) throw new UnexpectedResponseError(`GetBucketPolicy returned no policy text for ${name}`)
      return { bucket: { name, region, policy: Policy } }
    } catch (error) {
      if (classifyAwsError(error) === 'no-bucket-policy') return { bucket: { name, region, policy: null } }
      throw error
    }
  } catch (error) {
    const kind = classifyAwsError(error)
    // Deleted between ListBuckets and now: nothing left to diagnose.
    if (kind === 'not-found') return { gone: true }
    return { gap: gapFor(error, 's3', { leftOut: `${leftOut}: its bucket policy was not read, so a diagnosis on it reports a gap`, permission: denied }) }
  }
}

export async function collectBuckets(clients: AccountClients, account: string): Promise<CollectedBuckets> {
  const listed = await attempt(
    () => listBuckets(clients),
    's3',
    {
      leftOut: `The buckets of account ${account} were not listed, so none of them is in the snapshot and a diagnosis on one reports a gap`,
      permission: 'the credentials need s3:ListAllMyBuckets',
    },
  )
  if (!listed.ok) return { buckets: [], gaps: [listed.gap] }
  // Each read waits for the shared request limit, so starting them all at once is safe.
  const reads = await Promise.all(listed.value.filter((b) => b.Name).map((b) => readBucket(clients, b, account)))
  const buckets: SnapshotBucket[] = []
  const gaps: CollectionGap[] = []
  for (const read of reads) {
    if ('bucket' in read) buckets.push(read.bucket)
    else if ('gap' in read) gaps.push(read.gap)
  }
  return { buckets, gaps }
}
