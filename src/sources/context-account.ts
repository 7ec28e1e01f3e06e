import { ACCOUNT_ID } from '../model/index.js'

/**
 * The resource's account as `aws:ResourceAccount` in the given context says it (one 12-digit
 * value), for a resource whose ARN names none (an S3 bucket): the key is the account that owns
 * the resource, so the sources read that account's RCPs and the evaluator applies the
 * cross-account rules. null when the context does not say.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount
 */
export function resourceAccountInContext(context: readonly (readonly [string, string])[]): string | null {
  const values = context.filter(([key]) => key.toLowerCase() === 'aws:resourceaccount').map(([, value]) => value)
  return values.length === 1 && ACCOUNT_ID.test(values[0]!) ? values[0]! : null
}
