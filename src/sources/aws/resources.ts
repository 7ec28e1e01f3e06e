/**
 * The resource side of a request: which account owns the resource, its resource policy (S3
 * bucket policies are read), and gaps for resource policies the live source does not read.
 */
import { ACCOUNT_ID, parseArn, type CollectionGap, type SourcedPolicy } from '../../model/index.js'
import type { BucketRegions } from './bucket-region.js'
import { bucketOf, type BucketPolicies } from './s3.js'
import { assumedRole, type TrustPolicies } from './trust.js'

/**
 * Services whose resources can carry a resource-based policy that the live source does not
 * read yet. For KMS keys and role trust policies the resource policy must itself allow.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 */
const UNREAD_RESOURCE_POLICY_SERVICES: ReadonlySet<string> = new Set([
  'kms', 'sqs', 'sns', 'secretsmanager', 'lambda', 'ecr', 'ecr-public', 'glacier', 'events', 'logs', 'backup', 'es',
  'elasticfilesystem', 'dynamodb', 'kinesis', 'execute-api', 'codeartifact', 'glue', 's3express', 's3-object-lambda',
])

export interface ResourceSide {
  readonly account: string | null
  readonly policy: SourcedPolicy | null
  readonly gaps: readonly CollectionGap[]
  /** The bucket's region (GetBucketLocation), which its ARN does not say; null when unknown or not a bucket. */
  readonly region: string | null
  /** Why the bucket's region is not known, when a bucket's was asked and not read. */
  readonly regionUnknown: string | null
}

/** The account in the first resource ARN that names one. */
export function accountFromArns(resources: readonly string[]): string | null {
  for (const resource of resources) {
    const account = parseArn(resource)?.account
    if (account && ACCOUNT_ID.test(account)) return account
  }
  return null
}

/**
 * The resource's account as soon as it is known: at once when --resource-account or the ARN
 * says it (as readResourceSide takes it), else from the side's read (an S3 bucket's owner).
 */
export function resourceAccountOf(
  query: { readonly resources: readonly string[]; readonly resourceAccount: string | null },
  side: Promise<ResourceSide>,
): Promise<string | null> {
  const stated = query.resourceAccount ?? accountFromArns(query.resources)
  return stated ? Promise.resolve(stated) : side.then((read) => read.account)
}

function unreadPolicyGap(resource: string, action: string): CollectionGap | null {
  const arn = parseArn(resource)
  if (!arn) return null
  // A named role's trust policy is read (trust.ts); a wildcard role ARN names no single policy.
  const trust = arn.service === 'iam' && arn.resource.startsWith('role/') && /^sts:AssumeRole/i.test(action) && !assumedRole(resource, action)
  const accessPoint = arn.service === 's3' && arn.account !== ''
  if (!trust && !accessPoint && !UNREAD_RESOURCE_POLICY_SERVICES.has(arn.service)) return null
  const what = trust ? 'trust policy' : accessPoint ? 'access point policy' : 'resource-based policy'
  const error = trust
    ? `\`${resource}\` names no single role, so no trust policy was read`
    : accessPoint
      ? 'the live source does not read access point policies'
      : `the live source does not read ${arn.service} resource-based policies`
  return {
    source: arn.service,
    error,
    layer: 'resource',
    effect: `The ${what} of \`${resource}\` (if it has one) was not read, so a Deny in it, or a missing Allow where the service requires one, cannot be checked; put it in a case file for \`denydoctor evaluate\`.`,
  }
}

/** A bucket or trust policy that could not be read leaves the resource policy's Allow unknown (CollectionGap.layer). */
function asResourceGap(gap: CollectionGap): CollectionGap {
  return { ...gap, layer: 'resource' }
}

export async function readResourceSide(
  readers: { readonly buckets: BucketPolicies; readonly regions: BucketRegions; readonly trust: TrustPolicies },
  query: { readonly resources: readonly string[]; readonly resourceAccount: string | null; readonly action: string },
): Promise<ResourceSide> {
  let account = query.resourceAccount ?? accountFromArns(query.resources)
  const gaps: CollectionGap[] = []
  const others = new Set(query.resources.map((r) => parseArn(r)?.account).filter((a): a is string => !!a && ACCOUNT_ID.test(a)))
  if (others.size > 1) {
    gaps.push({
      source: 'organizations',
      error: `the resources are in several accounts (${[...others].join(', ')})`,
      effect: `Only the RCPs and resource policy for account ${account} were considered; diagnose each account's resource separately.`,
    })
  }
  for (const resource of query.resources) {
    const gap = unreadPolicyGap(resource, query.action)
    if (gap) gaps.push(gap)
  }

  const refs = query.resources.map(bucketOf).filter((ref) => ref !== null)
  const first = refs[0]
  let policy: SourcedPolicy | null = null
  let region: string | null = null
  let regionUnknown: string | null = null
  if (first) {
    // The location is read alongside the policy; it never fails (a failure leaves the region unknown).
    const [read, location] = await Promise.all([readers.buckets.read(first, account), readers.regions.read(first.bucket, account)])
    region = location.region
    regionUnknown = location.why
    policy = read.policy
    gaps.push(...read.gaps.map(asResourceGap))
    if (!account && read.ownerAccount) account = read.ownerAccount
    const otherBuckets = [...new Set(refs.map((ref) => ref.bucket))].filter((bucket) => bucket !== first.bucket)
    if (otherBuckets.length > 0) {
      gaps.push({
        source: 's3',
        layer: 'resource',
        error: `the request names several buckets (${[first.bucket, ...otherBuckets].join(', ')})`,
        effect: `Only the bucket policy of \`${first.bucket}\` was read; diagnose the other buckets separately.`,
      })
    }
  }
  const role = query.resources.map((arn) => ({ arn, role: assumedRole(arn, query.action) })).find((r) => r.role !== null)
  if (!first && role?.role) {
    const read = await readers.trust.read(role.arn, role.role)
    policy = read.policy
    gaps.push(...read.gaps.map(asResourceGap))
  }
  return { account, policy, gaps, region, regionUnknown }
}
