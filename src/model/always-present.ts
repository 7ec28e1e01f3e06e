/**
 * Keys AWS documents as present in every request an IAM principal makes ("This key is always
 * included in the request context"): `--assume-absent` never makes them absent, and no
 * suggestion ever recommends treating them as absent.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export const ALWAYS_PRESENT_KEYS: readonly string[] = [
  'aws:SecureTransport',
  'aws:RequestedRegion',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:ViaAWSService',
  'aws:PrincipalArn',
  'aws:PrincipalAccount',
  'aws:PrincipalType',
  'aws:PrincipalIsAWSService',
  'aws:userid',
]

const LOWER: ReadonlySet<string> = new Set(ALWAYS_PRESENT_KEYS.map((k) => k.toLowerCase()))

export function isAlwaysPresent(key: string): boolean {
  return LOWER.has(key.toLowerCase())
}
