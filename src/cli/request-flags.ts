import { Flags } from '@oclif/core'
import { demoFlag } from './demo.js'

/** Flags that describe the request and where its policies come from (principal, explain). */
export const requestFlags = {
  resource: Flags.string({ description: 'Resource ARN (repeatable). Without it the resource is unknown, not *.', multiple: true }),
  context: Flags.string({ description: 'Context key, KEY=VALUE (repeatable; a key given several times is multi-valued).', multiple: true }),
  mfa: Flags.boolean({ description: 'The call was made with MFA (aws:MultiFactorAuthPresent); --no-mfa: without.', allowNo: true }),
  'source-ip': Flags.string({ description: 'The caller\'s public IP address (aws:SourceIp).' }),
  'source-vpce': Flags.string({ description: 'The VPC endpoint the call went through (aws:SourceVpce); its policy is read too.' }),
  region: Flags.string({ description: 'Region of the call (aws:RequestedRegion) and of the VPC endpoint lookup.' }),
  unknown: Flags.string({ description: 'Leave this context key unknown on purpose, whatever a direct call would carry (repeatable).', multiple: true }),
  'assume-absent': Flags.boolean({ description: 'Treat every context key not given as absent, as AWS does at request time (keys every call carries stay present).', default: false }),
  'session-policy': Flags.string({ description: 'File holding the session policy passed to AssumeRole.' }),
  'resource-account': Flags.string({ description: 'Account that owns the resource, when its ARN does not say (S3).' }),
  snapshot: Flags.string({ description: 'Diagnose offline from a snapshot file written by `denydoctor collect`.' }),
  demo: demoFlag,
  profile: Flags.string({ description: 'AWS profile for the account (default: the standard SDK chain, AWS_PROFILE).' }),
  'org-profile': Flags.string({ description: 'Profile that can read AWS Organizations (management account or delegated administrator).' }),
  'org-role-arn': Flags.string({ description: 'Role to assume for reading AWS Organizations.' }),
  'resource-profile': Flags.string({ description: 'Profile for reading a resource policy in another account.' }),
  'resource-role-arn': Flags.string({ description: 'Role to assume for reading a resource policy in another account.' }),
  'allow-unknown-action': Flags.boolean({ description: 'Diagnose an action the IAM action catalogue does not know (a brand-new API).', default: false }),
}
