/**
 * fast-check generators of small, valid case files over a tiny vocabulary, so that random
 * statements often hit the request (and often deny it) and the properties get exercised.
 */
import fc from 'fast-check'

export const ACCOUNT = '111111111111'
export const OTHER_ACCOUNT = '222222222222'
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/AppRole`
export const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/AppRole/s1`
export const ROOT_USER = `arn:aws:iam::${ACCOUNT}:root`

export type Values = string | string[]
export interface Statement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal?: unknown
  Action?: Values
  NotAction?: Values
  Resource?: Values
  NotResource?: Values
  Condition?: Record<string, Record<string, Values>>
}
export interface NamedPolicy {
  name: string
  document: { Version: '2012-10-17'; Statement: Statement[] }
}
export interface Policies {
  identity: NamedPolicy[]
  boundary: NamedPolicy | null
  scps: NamedPolicy[][]
  rcps: NamedPolicy[][]
  resource: NamedPolicy | null
  vpce: NamedPolicy | null
  session: NamedPolicy | null
}
export interface Case {
  request: { principal: string; action: string; resource: string; context: Record<string, Values> }
  resourceAccount: string
  isManagementAccount: boolean
  contextComplete: boolean
  policies: Policies
}
/** Where a statement can be added. */
export type Target = 'identity' | 'boundary' | 'scp' | 'rcp' | 'resource' | 'vpce' | 'session'

/** Requests: action, resource and the account owning the resource. */
const REQUESTS = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-a/x.txt', accounts: [ACCOUNT, OTHER_ACCOUNT] },
  { action: 's3:PutObject', resource: 'arn:aws:s3:::bucket-b/y.txt', accounts: [ACCOUNT, OTHER_ACCOUNT] },
  { action: 'ec2:RunInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`, accounts: [ACCOUNT] },
  { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/bob`, accounts: [ACCOUNT] },
  { action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${OTHER_ACCOUNT}:q`, accounts: [OTHER_ACCOUNT] },
  { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`, accounts: [ACCOUNT] },
] as const

const ACTION_PATTERNS = ['*', 's3:*', 's3:Get*', 'S3:getobject', 's3:PutObject', 'ec2:*', 'ec2:RunInstances', 'iam:*', 'sqs:SendMessage', 'kms:*']
const RESOURCE_PATTERNS = [
  '*', 'arn:aws:s3:::bucket-a/*', 'arn:aws:s3:::*', 'arn:aws:s3:::bucket-?/*', 'arn:aws:ec2:*:*:instance/*',
  `arn:aws:kms:*:${ACCOUNT}:key/*`, 'arn:aws:sqs:*:*:q', `arn:aws:iam::${ACCOUNT}:user/*`,
]
const RESOURCE_PRINCIPALS: unknown[] = [
  '*', { AWS: '*' }, { AWS: ACCOUNT }, { AWS: ROOT_USER }, { AWS: ALICE }, { AWS: ROLE }, { AWS: SESSION },
  { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, { Service: 'ec2.amazonaws.com' },
]
export const CALLERS = [ALICE, SESSION, ROLE, ROOT_USER] as const

/** Context keys the conditions use, with the values a request may carry. */
export const CONTEXT_KEYS: Record<string, fc.Arbitrary<Values>> = {
  'aws:RequestedRegion': fc.constantFrom('us-east-1', 'eu-west-1'),
  'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false'),
  'aws:PrincipalTag/team': fc.constantFrom('blue', 'red'),
  'aws:TagKeys': fc.subarray(['Name', 'Owner', 'Production']),
}
export const CONTEXT_KEY_NAMES = Object.keys(CONTEXT_KEYS)

const clause: fc.Arbitrary<[string, string, Values]> = fc.oneof(
  fc.tuple(
    fc.constantFrom('StringEquals', 'StringNotEquals', 'StringLike', 'StringEqualsIfExists', 'StringNotEqualsIfExists'),
    fc.constantFrom('aws:RequestedRegion', 'aws:PrincipalTag/team'),
    fc.subarray(['us-east-1', 'eu-*', 'blue', 'red'], { minLength: 1 }),
  ),
  fc.tuple(fc.constantFrom('Bool', 'BoolIfExists'), fc.constant('aws:MultiFactorAuthPresent'), fc.constantFrom('true', 'false')),
  fc.tuple(
    fc.constantFrom('ForAllValues:StringEquals', 'ForAnyValue:StringEquals', 'ForAllValues:StringNotLike'),
    fc.constant('aws:TagKeys'),
    fc.subarray(['Name', 'Owner', 'Prod*'], { minLength: 1 }),
  ),
  fc.tuple(fc.constant('Null'), fc.constantFrom(...CONTEXT_KEY_NAMES), fc.constantFrom('true', 'false')),
  fc.tuple(fc.constantFrom('ArnLike', 'ArnNotLike'), fc.constant('aws:PrincipalArn'), fc.constantFrom(ROLE, `arn:aws:iam::${ACCOUNT}:user/*`)),
)

const condition = fc.array(clause, { minLength: 1, maxLength: 2 }).map((clauses) => {
  const out: Record<string, Record<string, Values>> = {}
  for (const [op, key, values] of clauses) out[op] = { ...(out[op] ?? {}), [key]: values }
  return out
})

const oneOrMany = (patterns: string[]) => fc.subarray(patterns, { minLength: 1, maxLength: 2 }).map((v) => (v.length === 1 ? v[0]! : v))

/** A statement; `withPrincipal` for resource-based documents (bucket, endpoint, RCP). */
export function statement(opts: { effect?: 'Allow' | 'Deny'; withPrincipal?: boolean } = {}): fc.Arbitrary<Statement> {
  return fc
    .record({
      effect: opts.effect ? fc.constant(opts.effect) : fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Deny'),
      actions: oneOrMany(ACTION_PATTERNS),
      useNotAction: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      resources: oneOrMany(RESOURCE_PATTERNS),
      useNotResource: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      principal: fc.constantFrom(...RESOURCE_PRINCIPALS),
      condition: fc.option(condition, { freq: 2, nil: null }),
    })
    .map((r) => {
      const s: Statement = { Effect: r.effect }
      if (opts.withPrincipal) s.Principal = r.principal
      if (r.useNotAction) s.NotAction = r.actions
      else s.Action = r.actions
      if (r.useNotResource) s.NotResource = r.resources
      else s.Resource = r.resources
      if (r.condition) s.Condition = r.condition
      return s
    })
}

const doc = (name: string, statements: Statement[]): NamedPolicy => ({ name, document: { Version: '2012-10-17', Statement: statements } })
const FULL = (name: string) => doc(name, [{ Effect: 'Allow', Action: '*', Resource: '*' }])
/**
 * Random statements, plus (half the time) a broad Allow that may hang on a condition, so that
 * gates pass often enough for Allowed and Undetermined verdicts to show up.
 */
const policyOf = (name: string, withPrincipal = false) =>
  fc
    .tuple(fc.array(statement({ withPrincipal }), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.option(condition, { nil: null }))
    .map(([st, broad, cond]) => {
      if (!broad) return doc(name, st)
      const extra: Statement = { Effect: 'Allow', Action: '*', Resource: '*' }
      if (withPrincipal) extra.Principal = '*'
      if (cond) extra.Condition = cond
      return doc(name, [...st, extra])
    })
/** Mostly absent: each present gate is one more chance of an implicit deny. */
const sometimes = <T>(arb: fc.Arbitrary<T>, absentWeight: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: absentWeight }, { arbitrary: arb, weight: 1 })

const scpLevel = (level: number) =>
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.array(policyOf('x'), { maxLength: 1 })).map(([full, extra]) => [
    ...(full > 0 ? [FULL(`FullAWSAccess-${level}`)] : []),
    ...extra.map((p, i) => ({ ...p, name: `scp-${level}-${i}` })),
  ])

/** RCP levels: RCPFullAWSAccess plus, sometimes, a Deny-only RCP with Principal "*". */
const rcpLevels = fc.array(
  fc.option(fc.array(statement({ effect: 'Deny' }), { minLength: 1, maxLength: 2 }), { nil: null }),
  { maxLength: 1 },
).map((levels) =>
  levels.map((denies, level) => [
    doc(`RCPFullAWSAccess-${level}`, [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]),
    ...(denies ? [doc(`rcp-${level}`, denies.map((s) => ({ ...s, Principal: '*' })))] : []),
  ]),
)

const context = fc
  .record(CONTEXT_KEYS, { requiredKeys: [] })
  .map((ctx) => Object.fromEntries(Object.entries(ctx).filter(([, v]) => v !== undefined)) as Record<string, Values>)

/** A random case file; `contextComplete` is random unless given. */
export function caseFile(opts: { contextComplete?: boolean } = {}): fc.Arbitrary<Case> {
  return fc
    .record({
      req: fc.constantFrom(...REQUESTS),
      accountPick: fc.nat(),
      principal: fc.constantFrom(...CALLERS),
      isManagementAccount: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      contextComplete: opts.contextComplete === undefined ? fc.boolean() : fc.constant(opts.contextComplete),
      context,
      identity: fc.array(policyOf('p'), { minLength: 1, maxLength: 2 }),
      boundary: sometimes(policyOf('Boundary'), 2),
      scps: fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => scpLevel(i)))),
      rcps: rcpLevels,
      resource: sometimes(policyOf('ResourcePolicy', true), 1),
      vpce: sometimes(policyOf('EndpointPolicy', true), 3),
      session: sometimes(policyOf('SessionPolicy'), 1),
    })
    .map((r) => {
      const isSession = r.principal === SESSION || r.principal === ROLE
      const isRoot = r.principal === ROOT_USER
      return {
        request: { principal: r.principal, action: r.req.action, resource: r.req.resource, context: r.context },
        resourceAccount: r.req.accounts[r.accountPick % r.req.accounts.length]!,
        isManagementAccount: r.isManagementAccount,
        contextComplete: r.contextComplete,
        policies: {
          // The root user has no identity policies, boundary or session policy.
          identity: isRoot ? [] : r.identity.map((p, i) => ({ ...p, name: `identity-${i}` })),
          boundary: isRoot ? null : r.boundary,
          scps: r.scps as NamedPolicy[][],
          rcps: r.rcps,
          resource: r.resource,
          vpce: r.vpce,
          session: isSession ? r.session : null,
        },
      }
    })
}

/** A deep copy, so that a property can change a case and still compare with the original. */
export function clone(c: Case): Case {
  return structuredClone(c)
}

/** Service prefixes from §3.4 of the reference that the vocabulary uses. */
const RCP_SERVICES = new Set(['s3', 'sqs', 'kms', 'sts'])

/** Places where a new statement certainly takes part in the evaluation of `c`. */
export function applicableTargets(c: Case): Target[] {
  const principal = c.request.principal
  const isRoot = principal === ROOT_USER
  const service = c.request.action.split(':')[0] ?? ''
  const targets: Target[] = ['resource']
  if (!isRoot) targets.push('identity', 'boundary')
  if (principal === SESSION || principal === ROLE) targets.push('session')
  if (c.policies.scps.length > 0 && !c.isManagementAccount) targets.push('scp')
  const resourceInManagement = c.isManagementAccount && c.resourceAccount === ACCOUNT
  if (c.policies.rcps.length > 0 && RCP_SERVICES.has(service) && !resourceInManagement) targets.push('rcp')
  if (c.policies.vpce) targets.push('vpce')
  return targets
}

/**
 * Appends `s` to the policy at `target` (creating it when absent, or a new policy at a random
 * existing SCP/RCP level) and returns where it landed: the policy name and statement index.
 */
export function addStatement(c: Case, target: Target, s: Statement, pick: number): { policyName: string; statementIndex: number } {
  const p = c.policies
  const append = (policy: NamedPolicy) => {
    policy.document.Statement.push(s)
    return { policyName: policy.name, statementIndex: policy.document.Statement.length - 1 }
  }
  const single = (key: 'boundary' | 'resource' | 'vpce' | 'session', name: string) => {
    const existing = p[key]
    if (existing) return append(existing)
    p[key] = doc(name, [s])
    return { policyName: name, statementIndex: 0 }
  }
  switch (target) {
    case 'identity': {
      const existing = p.identity[pick % (p.identity.length + 1)]
      if (existing) return append(existing)
      p.identity.push(doc('added-identity', [s]))
      return { policyName: 'added-identity', statementIndex: 0 }
    }
    case 'scp':
    case 'rcp': {
      const levels = target === 'scp' ? p.scps : p.rcps
      const level = levels[pick % levels.length]
      if (!level) throw new Error(`no ${target} level to add to`)
      const name = `added-${target}`
      level.push(doc(name, [s]))
      return { policyName: name, statementIndex: 0 }
    }
    case 'boundary':
      return single('boundary', 'added-boundary')
    case 'resource':
      return single('resource', 'added-resource')
    case 'vpce':
      return single('vpce', 'added-vpce')
    case 'session':
      return single('session', 'added-session')
  }
}

/** Resource-based documents need a Principal. */
export const needsPrincipal = (target: Target) => target === 'resource' || target === 'vpce' || target === 'rcp'
