/**
 * The resource side from the snapshot: which account owns the resource, and its resource
 * policy: an S3 bucket policy, or a role's trust policy for sts:AssumeRole*. Resource
 * policies the snapshot does not hold become gaps, never "no policy".
 */
import { ACCOUNT_ID, parseArn, type SourcedPolicy } from '../../model/index.js'
import { parseDocument, type Gaps } from './documents.js'
import { Kept, QUERY_KEYED_LIMIT } from './kept.js'
import type { SnapshotIndex } from './snapshot-index.js'

/**
 * Services whose resources can carry a resource-based policy that snapshots do not hold.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 */
const UNHELD_RESOURCE_POLICY_SERVICES: ReadonlySet<string> = new Set([
  'kms', 'sqs', 'sns', 'secretsmanager', 'lambda', 'ecr', 'ecr-public', 'glacier', 'events', 'logs', 'backup', 'es',
  'elasticfilesystem', 'dynamodb', 'kinesis', 'execute-api', 'codeartifact', 'glue', 's3express', 's3-object-lambda',
])

export interface ResourceQuery {
  readonly resources: readonly string[]
  readonly resourceAccount: string | null
  readonly action: string
}

export interface ResourceSide {
  readonly account: string | null
  readonly policy: SourcedPolicy | null
  /** The bucket's region, which the snapshot records: a direct S3 call goes there. */
  readonly region?: string | null
}

type Target = { readonly kind: 'bucket'; readonly bucket: string; readonly partition: string } | { readonly kind: 'trust'; readonly account: string; readonly roleName: string }

/** `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/key` → the bucket. */
function bucketOf(arn: ReturnType<typeof parseArn>): string | null {
  if (!arn || arn.service !== 's3' || arn.account !== '' || arn.region !== '') return null
  const bucket = arn.resource.split('/')[0]
  return bucket ? bucket : null
}

/**
 * One per provider. The resource side depends on the resources, the resource account and
 * whether the action is an sts one (a role's trust policy is read only then), and on nothing
 * else of the query: it is kept per those, and the same frozen ResourceSide (and resource
 * SourcedPolicy, which the engine keys its plans by: see kept.ts) is returned with its gaps
 * replayed. Reading more of the query in `readAfresh` means adding it to `keyOf`.
 */
export class ResourceReader {
  private readonly kept = new Kept<ResourceSide>(QUERY_KEYED_LIMIT)

  constructor(private readonly index: SnapshotIndex) {}

  read(query: ResourceQuery, gaps: Gaps): ResourceSide {
    return this.kept.read(keyOf(query), gaps, (own) => Object.freeze(new ResourceRead(this.index, own).read(query)))
  }
}

function readsTrustPolicy(action: string): boolean {
  return /^sts:/i.test(action)
}

function keyOf(query: ResourceQuery): string {
  return JSON.stringify([query.resources, query.resourceAccount, readsTrustPolicy(query.action)])
}

/** One read of the resource side, recording its gaps. */
class ResourceRead {
  constructor(
    private readonly index: SnapshotIndex,
    private readonly gaps: Gaps,
  ) {}

  read(query: ResourceQuery): ResourceSide {
    const arnAccounts = [...new Set(query.resources.map((r) => parseArn(r)?.account ?? '').filter((a) => ACCOUNT_ID.test(a)))]
    let account = query.resourceAccount ?? arnAccounts[0] ?? null
    if (arnAccounts.length > 1) {
      this.gaps.add(
        `the resources are in several accounts (${arnAccounts.join(', ')})`,
        `Only the RCPs and resource policy for account ${account} were considered; diagnose each account's resource separately.`,
      )
    }
    const targets: Target[] = []
    for (const resource of query.resources) {
      const arn = parseArn(resource)
      if (!arn) continue
      const bucket = bucketOf(arn)
      if (bucket) targets.push({ kind: 'bucket', bucket, partition: arn.partition })
      else if (arn.service === 'iam' && arn.resource.startsWith('role/') && readsTrustPolicy(query.action)) {
        targets.push({ kind: 'trust', account: arn.account, roleName: arn.resource.slice(arn.resource.lastIndexOf('/') + 1) })
      } else if (arn.service === 's3' && arn.account !== '') {
        this.gaps.add(`the snapshot holds bucket policies only, not the access point policy of \`${resource}\``, `The access point policy of \`${resource}\` (if it has one) was not read, so a Deny in it cannot be checked; put it in a case file for \`denydoctor evaluate\`.`, 'resource')
      } else if (UNHELD_RESOURCE_POLICY_SERVICES.has(arn.service)) {
        this.gaps.add(
          `snapshots do not hold ${arn.service} resource-based policies`,
          `The resource-based policy of \`${resource}\` (if it has one) was not read, so a Deny in it, or a missing Allow where the service requires one, cannot be checked; put it in a case file for \`denydoctor evaluate\`.`,
          'resource',
        )
      }
    }
    const first = targets[0]
    if (!first) return { account, policy: null }
    const others = [...new Set(targets.slice(1).map(describe))].filter((d) => d !== describe(first))
    if (others.length > 0) {
      this.gaps.add(`the request names several resources with resource policies (${[describe(first), ...others].join(', ')})`, `Only the ${describe(first)} policy was considered; diagnose the others separately.`, 'resource')
    }
    if (first.kind === 'trust') return { account, policy: this.trustPolicy(first) }
    const located = this.index.bucket(first.bucket)
    if (!located) {
      this.gaps.add(
        `bucket ${first.bucket} is not in the snapshot`,
        `Bucket ${first.bucket} is not in the snapshot: its bucket policy was not read, so a Deny in it (or, across accounts, the Allow it must give) cannot be checked${account ? '' : ', and the account that owns it is unknown (pass --resource-account)'}.`,
        'resource',
      )
      return { account, policy: null }
    }
    if (account === null) account = located.account
    else if (account !== located.account) {
      this.gaps.add(
        `the resource account is given as ${account}, but the snapshot holds bucket ${first.bucket} in account ${located.account}`,
        `The RCPs and cross-account rules were applied for account ${account}; check --resource-account.`,
      )
    }
    const { policy, region } = located.item
    if (policy === null) return { account, policy: null, region }
    const source = { type: 'resource' as const, name: first.bucket, arn: `arn:${first.partition}:s3:::${first.bucket}`, attachedTo: first.bucket, origin: `bucket policy of \`${first.bucket}\`` }
    return { account, policy: this.gaps.take(parseDocument(policy, source, 'resource', this.gaps.source), 'resource'), region }
  }

  /** The role's trust policy, which must itself allow sts:AssumeRole*. */
  private trustPolicy(target: Extract<Target, { kind: 'trust' }>): SourcedPolicy | null {
    const role = this.index.role(target.account, target.roleName)
    const notRead = `The trust policy of role \`${target.roleName}\` was not read, so whether it lets the caller in cannot be checked`
    if (!role) {
      this.gaps.add(`role ${target.roleName} of account ${target.account} is not in the snapshot`, `${notRead}; collect a snapshot of account ${target.account}.`, 'resource')
      return null
    }
    if (role.assumeRolePolicyDocument === null) {
      this.gaps.add(`the snapshot has no trust policy for role ${role.roleName}`, `${notRead}; collect the snapshot again.`, 'resource')
      return null
    }
    const source = { type: 'resource' as const, name: role.roleName, arn: role.arn, attachedTo: role.roleName, origin: `trust policy of role \`${role.roleName}\`` }
    return this.gaps.take(parseDocument(role.assumeRolePolicyDocument, source, 'trust', this.gaps.source), 'resource')
  }
}

function describe(target: Target): string {
  return target.kind === 'bucket' ? `bucket ${target.bucket}` : `role ${target.roleName} trust`
}
