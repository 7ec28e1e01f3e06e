import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListGroupsForUserCommand,
} from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { ACCOUNT, allow, delay, givenRole, iamDocument, mockAws, query, type MockedAws } from './helpers.js'

const SHARED = `arn:aws:iam::${ACCOUNT}:policy/SharedGuardrails`
const ROLE = `arn:aws:iam::${ACCOUNT}:role/App`
const USER = `arn:aws:iam::${ACCOUNT}:user/dana`

/** GetPolicy / GetPolicyVersion answers that take `ms` and count how many are in flight at once. */
function slowManagedPolicies(aws: MockedAws, ms: number) {
  const state = { inFlight: 0, peak: 0 }
  const slow = async <T>(answer: T): Promise<T> => {
    state.inFlight++
    state.peak = Math.max(state.peak, state.inFlight)
    await delay(ms)
    state.inFlight--
    return answer
  }
  aws.iam.on(GetPolicyCommand).callsFake((input: { PolicyArn: string }) =>
    slow({ Policy: { PolicyName: input.PolicyArn.split('/').pop(), Arn: input.PolicyArn, DefaultVersionId: 'v1' } }),
  )
  aws.iam.on(GetPolicyVersionCommand).callsFake(() => slow({ PolicyVersion: { Document: iamDocument(allow('s3:*')), VersionId: 'v1', IsDefaultVersion: true } }))
  return state
}

function givenSharedPolicy(aws: MockedAws): void {
  givenRole(aws, { name: 'App' })
  aws.iam.on(ListAttachedRolePoliciesCommand, { RoleName: 'App' }).resolves({ AttachedPolicies: [{ PolicyName: 'SharedGuardrails', PolicyArn: SHARED }], IsTruncated: false })
  aws.iam.on(GetUserCommand, { UserName: 'dana' }).resolves({ User: { Path: '/', UserName: 'dana', UserId: 'AIDADANA', Arn: USER, CreateDate: new Date() } })
  aws.iam.on(ListGroupsForUserCommand, { UserName: 'dana' }).resolves({
    Groups: ['Devs', 'Ops'].map((name) => ({ GroupName: name, GroupId: `AGPA${name}`, Arn: `arn:aws:iam::${ACCOUNT}:group/${name}`, Path: '/', CreateDate: new Date() })),
    IsTruncated: false,
  })
  for (const group of ['Devs', 'Ops']) {
    aws.iam.on(ListAttachedGroupPoliciesCommand, { GroupName: group }).resolves({ AttachedPolicies: [{ PolicyName: 'SharedGuardrails', PolicyArn: SHARED }], IsTruncated: false })
  }
}

describe('each managed policy is fetched once per provider', () => {
  it('a policy shared by a role and two groups is fetched once, even when both are diagnosed at the same time', async () => {
    const aws = mockAws()
    givenSharedPolicy(aws)
    slowManagedPolicies(aws, 15)
    const provider = aws.provider()
    const [role, user] = await Promise.all([provider.gather(query(ROLE)), provider.gather(query(USER))])
    expect(role.policies.identity.map((p) => p.source.origin)).toEqual(['managed policy `SharedGuardrails` attached to role `App`'])
    expect(user.policies.identity.map((p) => p.source.origin)).toEqual([
      'managed policy `SharedGuardrails` attached to group `Devs`',
      'managed policy `SharedGuardrails` attached to group `Ops`',
    ])
    expect(aws.iam.commandCalls(GetPolicyCommand)).toHaveLength(1)
    expect(aws.iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(1)
  })

  it('asks nothing again when the same request is diagnosed twice', async () => {
    const aws = mockAws()
    givenSharedPolicy(aws)
    slowManagedPolicies(aws, 1)
    const provider = aws.provider()
    await provider.gather(query(USER))
    const first = aws.operations().length
    await provider.gather(query(USER))
    expect(aws.operations()).toHaveLength(first)
  })
})

describe('independent calls run in parallel, within the limit', () => {
  function givenManyPolicies(aws: MockedAws, count: number): void {
    givenRole(aws, { name: 'App' })
    aws.iam.on(ListAttachedRolePoliciesCommand, { RoleName: 'App' }).resolves({
      AttachedPolicies: Array.from({ length: count }, (_, i) => ({ PolicyName: `P${i}`, PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/P${i}` })),
      IsTruncated: false,
    })
  }

  it('has several requests in flight at once', async () => {
    const aws = mockAws()
    givenManyPolicies(aws, 6)
    const state = slowManagedPolicies(aws, 20)
    const gathered = await aws.provider().gather(query(ROLE))
    expect(gathered.policies.identity).toHaveLength(6)
    expect(state.peak).toBe(6)
  })

  it('never has more in flight than the concurrency limit', async () => {
    const aws = mockAws()
    givenManyPolicies(aws, 6)
    const state = slowManagedPolicies(aws, 10)
    const gathered = await aws.provider({ concurrency: 2 }).gather(query(ROLE))
    expect(gathered.policies.identity).toHaveLength(6)
    expect(state.peak).toBe(2)
  })

  it('reports every call to onCall with its service, operation, duration and outcome', async () => {
    const aws = mockAws()
    givenManyPolicies(aws, 1)
    slowManagedPolicies(aws, 5)
    const calls: { service: string; operation: string; ms: number; ok: boolean }[] = []
    await aws.provider({ onCall: (call) => calls.push(call) }).gather(query(ROLE))
    // ListRoots and the account's ListParents go out with DescribeOrganization, before it says
    // there is no organization (the mock answers them with nothing): asked once, then unused.
    expect(calls.map((c) => `${c.service}:${c.operation}`).sort()).toEqual(
      [
        'iam:GetPolicy',
        'iam:GetPolicyVersion',
        'iam:GetRole',
        'iam:ListAttachedRolePolicies',
        'iam:ListRolePolicies',
        'organizations:DescribeOrganization',
        'organizations:ListParents',
        'organizations:ListRoots',
        'sts:GetCallerIdentity',
      ].sort(),
    )
    expect(calls.find((c) => c.operation === 'GetPolicy')!.ms).toBeGreaterThanOrEqual(4)
    expect(calls.find((c) => c.operation === 'DescribeOrganization')!.ok).toBe(false)
    expect(calls.filter((c) => c.service !== 'organizations').every((c) => c.ok)).toBe(true)
  })
})
