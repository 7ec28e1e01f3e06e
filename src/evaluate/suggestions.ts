import { NEGATED_OPERATORS, parseOperator } from '../model/operators.js'
import { isAlwaysPresent, type ConditionTrace, type MissingAllow, type StatementFinding } from '../model/index.js'
import { AWS_OWNED_LEVEL } from './aws-owned.js'
import { describePolicy, statementLabel } from './explain.js'

/**
 * "What to change": sentences that say what would change the outcome. A Deny applies only
 * while all its conditions hold, so undoing any one of them lifts it.
 */

const list = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ')

/** How to make one true condition of a Deny false. */
export function liftCondition(trace: ConditionTrace): string {
  const op = parseOperator(trace.operator)
  const key = trace.key
  const lower = key.toLowerCase()
  const values = trace.policyValues
  if (lower === 'aws:multifactorauthpresent') {
    return 'call with MFA: use credentials from `aws sts get-session-token --serial-number <mfa-arn> --token-code <code>` (or an MFA sign-in) so that aws:MultiFactorAuthPresent is true'
  }
  if (!op) return `change ${key} so that ${trace.operator} no longer holds`
  if (op.base === 'Null') return values[0] === 'true' ? `send ${key} with the request` : `leave ${key} out of the request`
  const negated = NEGATED_OPERATORS.has(op.base)
  if (op.setOperator === 'ForAllValues' && negated) {
    const tag = lower === 'aws:tagkeys' ? ' (add that tag key to the request)' : ''
    return `include at least one value of ${key} matching ${list(values)}${tag}`
  }
  if (negated) {
    if (lower === 'aws:sourcevpce') return `make the call through VPC endpoint ${values.join(' or ')}`
    if (lower === 'aws:principalarn') return `use a principal whose ARN matches ${list(values)} (for a role session, the role ARN with its path)`
    if (lower === 'aws:sourceip') return `call from an address in ${values.join(', ')}`
    if (lower === 'aws:requestedregion') return `make the call in ${values.join(' or ')}`
    return `make ${key} one of ${list(values)}`
  }
  const actual = Array.isArray(trace.requestValues) ? ` (the request has ${list(trace.requestValues)})` : ''
  if (trace.requestValues === null && op.ifExists) return `send ${key} with a value other than ${list(values)}`
  return `use a ${key} other than ${list(values)}${actual}`
}

/** The request values that make an unknown condition of a Deny true, in words. */
export function denyTrigger(trace: ConditionTrace): string {
  const op = parseOperator(trace.operator)
  const key = trace.key
  if (key.toLowerCase() === 'aws:multifactorauthpresent' && trace.policyValues.includes('false')) {
    return op?.ifExists ? 'the call was made without MFA (aws:MultiFactorAuthPresent false or absent)' : 'the call was made without MFA (aws:MultiFactorAuthPresent false)'
  }
  if (!op) return `${key} satisfies ${trace.operator}`
  const orAbsent = op.ifExists || NEGATED_OPERATORS.has(op.base) ? ' or absent' : ''
  if (op.base === 'Null') return trace.policyValues[0] === 'true' ? `${key} is absent` : `${key} is present`
  if (op.setOperator === 'ForAllValues' && NEGATED_OPERATORS.has(op.base)) return `no value of ${key} matches ${list(trace.policyValues)} (or it is absent)`
  if (op.setOperator === 'ForAnyValue') return `some value of ${key} ${NEGATED_OPERATORS.has(op.base) ? 'does not match' : 'matches'} ${list(trace.policyValues)}`
  if (NEGATED_OPERATORS.has(op.base)) return `${key} is not ${list(trace.policyValues)}${orAbsent}`
  return `${key} is ${list(trace.policyValues)}${orAbsent}`
}

function layerAdvice(finding: StatementFinding): string {
  const where = describePolicy({ type: finding.policyType, name: finding.policyName, arn: finding.policyArn, attachedTo: finding.attachedTo, origin: finding.origin })
  const stmt = statementLabel(finding.statementIndex, finding.sid)
  switch (finding.policyType) {
    case 'scp':
      return `or change the SCP: remove or narrow ${stmt} of ${where}, detach it from ${finding.attachedTo ?? 'that level'}, or add an exception condition (e.g. ArnNotLike aws:PrincipalArn) for this principal`
    case 'boundary':
      return `or change the permissions boundary (${where}), ${stmt}: a boundary caps every identity allow, so editing the role's own policies will not help`
    case 'session':
      return `or start a new session without this session policy, or with one that does not deny it (${stmt})`
    case 'vpce':
      return `or edit ${stmt} of the endpoint policy (${where}), or make the call without that endpoint`
    default:
      return `or remove or narrow ${stmt} of ${where}`
  }
}

/**
 * `present` says which keys the call certainly carries (AWS's always-present keys, and keys
 * whose value is partly known): for those, absence is never suggested.
 */
export function denySuggestion(finding: StatementFinding, present: (key: string) => boolean = isAlwaysPresent): string {
  // Pushed onto a list of its own: a list that map() makes is, to V8, of another kind in
  // optimized code than in the interpreter, and the join below was compiled again for each.
  const lifts: string[] = []
  for (const c of finding.conditions) if (c.result === true) lifts.push(liftCondition(c))
  const head = `${statementLabel(finding.statementIndex, finding.sid)} of ${describePolicy({ type: finding.policyType, name: finding.policyName, arn: finding.policyArn, attachedTo: finding.attachedTo, origin: finding.origin })}`
  if (finding.certain) {
    const escape = lifts.length ? `To get past ${head}: ${lifts.join('; or ')}; ${layerAdvice(finding)}.` : `${head} denies unconditionally: ${layerAdvice(finding).replace(/^or /, '')}.`
    return escape
  }
  const triggers = finding.conditions.filter((c) => c.result === 'unknown').map(denyTrigger)
  const when = triggers.length ? triggers.join(' and ') : 'the resource is one its Resource patterns cover'
  const keys = finding.unknownKeys.map((k) => settleFlag(k, finding.conditions)).join(' and ')
  // A key every call carries is never absent, so absence is no answer for it (cli-contract.md).
  const mayBeAbsent = finding.unknownKeys.length > 0 && !finding.unknownKeys.some(present)
  const absence = mayBeAbsent ? ' (or --assume-absent if the call did not send it: AWS treats a key the call did not send as absent)' : ''
  return `${head} denies if ${when}; the request context does not say whether it did. Once you know, re-run with ${keys || '--resource ARN'}${absence}.`
}

/** The flag that states a key's value, with a value the policy names where it names one. */
export function settleFlag(key: string, conditions: readonly ConditionTrace[]): string {
  const lower = key.toLowerCase()
  const named = conditions
    .filter((c) => c.key.toLowerCase() === lower && parseOperator(c.operator)?.base !== 'Null')
    .flatMap((c) => c.policyValues)
    .find((v) => v !== '' && !/[*?$]/.test(v))
  switch (lower) {
    case 'aws:multifactorauthpresent':
      return '--mfa (or --no-mfa)'
    case 'aws:sourcevpce':
      return `--source-vpce ${named ?? 'VPCE_ID'}`
    case 'aws:sourceip':
      return '--source-ip ADDRESS'
    case 'aws:requestedregion':
      return `--region ${named ?? 'REGION'}`
    default:
      return `--context ${key}=${named ?? 'VALUE'}`
  }
}

const GATE_ADVICE: Record<MissingAllow['policyType'], string> = {
  identity: 'attach an identity-based policy that allows it to the user or role (or to one of the user\'s groups)',
  boundary: 'the permissions boundary must allow it too: add it to the boundary policy',
  scp: 'add an SCP that allows it at that level (FullAWSAccess, or an allow-list that includes it)',
  rcp: 'add an RCP that allows it at that level (RCPFullAWSAccess)',
  resource: 'grant the principal in the resource policy (bucket policy, key policy or trust policy)',
  vpce: 'allow it in the VPC endpoint policy, or make the call without the endpoint',
  session: 'pass a session policy that allows it when creating the session',
}

export function missingAllowSuggestion(missing: MissingAllow, action: string): string {
  // No policy change helps with a resource only AWS may change (aws-owned.ts).
  if (missing.level === AWS_OWNED_LEVEL) return `No policy can allow this: ${missing.explanation}`
  const where = missing.level ? ` (${missing.level})` : ''
  return `Nothing in the ${missing.policyType} layer${where} allows ${action}: ${GATE_ADVICE[missing.policyType]}.`
}

/**
 * For an S3 request the policies allow: what else S3 checks, which no policy shows and
 * denydoctor does not read. https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html
 * (Block Public Access, ACL and Object Ownership, encryption, Object Lock sections).
 */
export function s3BeyondPoliciesSuggestion(action: string): string | null {
  if (!action.toLowerCase().startsWith('s3:')) return null
  return (
    `The policies allow ${action}; if S3 still denies it, look at what S3 checks besides policies, which denydoctor does not read: ` +
    'Block Public Access (with RestrictPublicBuckets or IgnorePublicAcls on, a bucket policy or ACL that grants to everyone is ignored), ' +
    'Object Ownership (with ACLs enabled, an object another account uploaded is granted only by its own ACL), ' +
    'SSE-KMS encryption (the KMS key must also allow kms:Decrypt to read the object, kms:GenerateDataKey to write it) ' +
    'and Object Lock (a locked object version cannot be deleted or overwritten) — https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html.'
  )
}
