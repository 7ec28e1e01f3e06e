/**
 * Global condition keys that carry one value per request. ForAllValues / ForAnyValue on
 * them is a misuse that AWS warns can be over-permissive.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * (Multi-valued, and so absent here: aws:TagKeys, aws:CalledVia, aws:PrincipalOrgPaths,
 * aws:ResourceOrgPaths, aws:SourceOrgPaths, aws:PrincipalServiceNamesList.)
 */
export const SINGLE_VALUED_KEYS: readonly string[] = [
  'aws:username',
  'aws:userid',
  'aws:PrincipalArn',
  'aws:PrincipalAccount',
  'aws:PrincipalOrgID',
  'aws:PrincipalType',
  'aws:PrincipalIsAWSService',
  'aws:PrincipalServiceName',
  'aws:SourceIp',
  'aws:VpcSourceIp',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOrgID',
  'aws:SourceIdentity',
  'aws:MultiFactorAuthPresent',
  'aws:MultiFactorAuthAge',
  'aws:RequestedRegion',
  'aws:SecureTransport',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:TokenIssueTime',
  'aws:ViaAWSService',
  'aws:CalledViaFirst',
  'aws:CalledViaLast',
  'aws:ResourceAccount',
  'aws:ResourceOrgID',
  'aws:FederatedProvider',
  'aws:Referer',
  'aws:UserAgent',
]

/** Tag keys: one value per tag key (`aws:ResourceTag/team`). */
const SINGLE_VALUED_PREFIXES = ['aws:RequestTag/', 'aws:ResourceTag/', 'aws:PrincipalTag/']

const LOWER = new Set(SINGLE_VALUED_KEYS.map((k) => k.toLowerCase()))

/** Key names match case-insensitively, as IAM matches them. */
export function isSingleValuedKey(key: string): boolean {
  const lower = key.toLowerCase()
  return LOWER.has(lower) || SINGLE_VALUED_PREFIXES.some((p) => lower.startsWith(p.toLowerCase()))
}
