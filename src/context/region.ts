/**
 * aws:RequestedRegion of a direct call: the region whose endpoint received it. AWS documents
 * the key as always present.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion
 *
 * Global services have one endpoint in one region: CloudFront, IAM, Route 53 and Support (and
 * Organizations, Budgets, WAF Classic) answer in us-east-1; Device Farm, Chatbot and Global
 * Accelerator in us-west-2.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html
 */
import type { Arn } from '../model/index.js'

export interface RegionFinding {
  readonly value: string | null
  /** Where it came from; a value from --region is the user's, not assumed. */
  readonly source: 'global' | 'arn' | 'flag' | 'configured' | null
  readonly why: string
}

const GLOBAL_ENDPOINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws: {
    iam: 'us-east-1',
    cloudfront: 'us-east-1',
    route53: 'us-east-1',
    support: 'us-east-1',
    organizations: 'us-east-1',
    budgets: 'us-east-1',
    waf: 'us-east-1',
    devicefarm: 'us-west-2',
    chatbot: 'us-west-2',
    globalaccelerator: 'us-west-2',
  },
  // IAM's one endpoint in the other partitions.
  // https://docs.aws.amazon.com/general/latest/gr/iam-service.html
  'aws-cn': { iam: 'cn-north-1' },
  'aws-us-gov': { iam: 'us-gov-west-1' },
}

const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion'

/**
 * The region of the call: a global service's one endpoint; else the region of the resource's
 * ARN (a call on a regional resource goes to its region); else --region (which the caller
 * passes as given context, so it wins over all of this); else the region the source recorded
 * for the resource (a snapshot's bucket); else the SDK's configured region. An S3 bucket's ARN
 * names no region, and the SDK follows the bucket to its own region, so for S3 the configured
 * region is never assumed: a wrong guess could turn a region guardrail's deny into an Allowed.
 */
export function requestedRegion(
  action: string,
  resources: readonly (Arn | null)[],
  flag: string | null,
  configured: string | null,
  partition: string,
  resourceRegion: string | null = null,
): RegionFinding {
  const service = action.toLowerCase().split(':')[0] ?? ''
  const global = GLOBAL_ENDPOINTS[partition]?.[service]
  if (global) return { value: global, source: 'global', why: `${service} is a global service whose one endpoint is in ${global} (${DOC})` }
  // A wildcard in the ARN's region names no one region.
  const regions = new Set(resources.map((r) => r?.region ?? '').filter((r) => /^[a-z0-9-]+$/.test(r)))
  if (regions.size === 1) {
    const [region] = regions as unknown as [string]
    return { value: region, source: 'arn', why: `the resource's ARN is in ${region}, and a call on it goes to that region (${DOC})` }
  }
  if (flag) return { value: flag, source: 'flag', why: 'given with --region' }
  if (resourceRegion && regions.size === 0) {
    return { value: resourceRegion, source: 'arn', why: `the resource is in ${resourceRegion} (as the source recorded it), and a call on it goes to that region (${DOC})` }
  }
  if (regions.size > 1) return { value: null, source: null, why: 'the resources are in different regions' }
  if (service === 's3') return { value: null, source: null, why: 'an S3 call goes to its bucket\'s region, which the ARN does not say' }
  if (configured) return { value: configured, source: 'configured', why: `the region the AWS SDK is configured with (AWS_REGION or the profile's region), where the call goes (${DOC})` }
  return { value: null, source: null, why: 'no region was given and none is configured' }
}
