import { readFileSync } from 'node:fs'
import { expect } from 'vitest'

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/intake/${name}`, import.meta.url), 'utf8')
}

export const CT = {
  longTermKeys: expect.stringContaining('long-term access keys (no sessionContext), so aws:MultiFactorAuthPresent is absent'),
  inferred: (keys: string) => `Context derived by inference, not logged as such: ${keys}. Override with --context if it is wrong.`,
  heuristic: (action: string) => expect.stringContaining(`The action ${action} was derived from`),
  bareS3:
    "CloudTrail logged only 'Access Denied': S3 gives the reason only to callers in the same account or organization, " +
    'and never for denials by a VPC endpoint policy or on directory buckets, so the policy type is not known.',
  vpce: expect.stringContaining('The call went through VPC endpoint vpce-0a1b2c3d4e5f6a7b8: aws:SourceIp is absent'),
  crossAccount: expect.stringContaining('Cross-account call: the caller is in account 444455556666 and this event was logged in account 111122223333'),
  cutEncoded: expect.stringContaining('CloudTrail keeps only the first 1 KB of errorMessage'),
  runInstances: expect.stringContaining('RunInstances is authorized against several resources'),
  viaService: (service: string) => expect.stringContaining(`The call was made by ${service} on the caller's behalf`),
}

// A direct call from a public address: no VPC endpoint and no service in between.
export const DIRECT_ABSENT = ['aws:SourceVpce', 'aws:SourceVpc', 'aws:VpcSourceIp', 'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast']

