/**
 * Each read starts as soon as what it needs is known, not when an earlier stage finishes:
 * every test holds one answer back and checks which reads went out meanwhile (and which did
 * not), then lets it through and checks that the result is the usual one.
 */
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListGroupsForUserCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam'
import { DescribeOrganizationCommand, DescribePolicyCommand, ListParentsCommand, ListPoliciesForTargetCommand, ListRootsCommand } from '@aws-sdk/client-organizations'
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3'
import { describe, expect, it, vi } from 'vitest'
import { SourceError } from '../../../src/sources/errors.js'
import { givenOrganization as givenTree, type OrganizationFixture } from './given-organization.js'
import { ACCOUNT, allow, awsError, deny, givenManagedPolicy, givenRole, mockAws, OTHER_ACCOUNT, query, type MockedAws } from './helpers.js'

const ORG = 'o-ee11ee11ee'
const ROOT = 'r-ee11'
const OU_TOP = 'ou-ee11-11111111'
const OU_LOW = 'ou-ee11-22222222'
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/App/run-1`
const APP_POLICY = `arn:aws:iam::${ACCOUNT}:policy/AppAccess`
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/Boundary`

/** FullAWSAccess at the root and the account, a deny on the top OU. */
const TREE: OrganizationFixture = {
  id: ORG,
  rootId: ROOT,
  parents: { [ACCOUNT]: OU_LOW, [OU_LOW]: OU_TOP, [OU_TOP]: ROOT },
  names: { [OU_TOP]: 'Top', [OU_LOW]: 'Low', [ACCOUNT]: 'app' },
  policies: {
    'p-full': { name: 'p-full', content: allow('*', 'FullAWSAccess') },
    'p-denyleave': { name: 'p-denyleave', content: deny('organizations:LeaveOrganization', 'DenyLeave') },
    'p-rcpfull': { name: 'p-rcpfull', content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] } },
  },
  attached: {
    [`SERVICE_CONTROL_POLICY|${ROOT}`]: [['p-full']],
    [`SERVICE_CONTROL_POLICY|${OU_TOP}`]: [['p-denyleave']],
    [`SERVICE_CONTROL_POLICY|${ACCOUNT}`]: [['p-full']],
    [`RESOURCE_CONTROL_POLICY|${ROOT}`]: [['p-rcpfull']],
  },
}

/** An answer held back until `release()`. */
function held() {
  let release: () => void = () => undefined
  const until = new Promise<void>((resolve) => (release = resolve))
  return { until, release }
}

/** The organization above; `hold` holds back DescribeOrganization, or ListParents for one child. */
function givenOrganization(aws: MockedAws, hold: { describe?: Promise<void>; parentOf?: [string, Promise<void>] } = {}): void {
  givenTree(aws, {
    ...TREE,
    holdBack: (operation, input) => {
      if (operation === 'DescribeOrganization') return hold.describe
      const [child, until] = hold.parentOf ?? []
      return child === input.ChildId ? until : undefined
    },
  })
}

/** `TargetId|Filter` of every ListPoliciesForTarget sent so far. */
function listed(aws: MockedAws): string[] {
  return aws.organizations.commandCalls(ListPoliciesForTargetCommand).map((call) => `${call.args[0].input.TargetId}|${call.args[0].input.Filter}`)
}

function parentsAsked(aws: MockedAws): (string | undefined)[] {
  return aws.organizations.commandCalls(ListParentsCommand).map((call) => call.args[0].input.ChildId)
}

function givenAppPolicy(aws: MockedAws): void {
  aws.iam.on(ListAttachedRolePoliciesCommand, { RoleName: 'App' }).resolves({ AttachedPolicies: [{ PolicyName: 'AppAccess', PolicyArn: APP_POLICY }], IsTruncated: false })
  givenManagedPolicy(aws, APP_POLICY, allow('s3:GetObject'))
}

describe('identity policies do not wait for GetRole / GetUser', () => {
  it('reads a role session\'s managed policies while GetRole is still on its way (the role name is in the ARN)', async () => {
    const aws = mockAws()
    const getRole = held()
    aws.iam.on(GetRoleCommand).callsFake(async () => {
      await getRole.until
      return { Role: { RoleName: 'App', Path: '/', RoleId: 'AROAAPP', Arn: `arn:aws:iam::${ACCOUNT}:role/App`, CreateDate: new Date() } }
    })
    givenAppPolicy(aws)
    const gathering = aws.provider().gather(query(SESSION))
    await vi.waitFor(() => expect(aws.iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(1))
    expect(aws.iam.commandCalls(ListRolePoliciesCommand)).toHaveLength(1)
    getRole.release()
    const gathered = await gathering
    expect(gathered.policies.identity.map((p) => p.source.origin)).toEqual(['managed policy `AppAccess` attached to role `App`'])
    expect(gathered.principal.uniqueId).toBe('AROAAPP')
  })

  it('reads the permissions boundary only once GetRole has named it', async () => {
    const aws = mockAws()
    const getRole = held()
    givenRole(aws, { name: 'App', boundaryArn: BOUNDARY })
    const answer = { Role: { RoleName: 'App', Path: '/', RoleId: 'AROAAPP', Arn: `arn:aws:iam::${ACCOUNT}:role/App`, CreateDate: new Date(), PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: BOUNDARY } } }
    aws.iam.on(GetRoleCommand).callsFake(async () => (await getRole.until, answer))
    givenAppPolicy(aws)
    givenManagedPolicy(aws, BOUNDARY, allow('s3:*'))
    const gathering = aws.provider().gather(query(SESSION))
    await vi.waitFor(() => expect(aws.iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(1))
    expect(aws.iam.commandCalls(GetPolicyCommand).map((call) => call.args[0].input.PolicyArn)).toEqual([APP_POLICY])
    getRole.release()
    const gathered = await gathering
    expect(gathered.policies.boundary?.source.origin).toBe('permissions boundary `Boundary` of role `App`')
    expect(aws.iam.commandCalls(GetPolicyCommand)).toHaveLength(2)
  })

  it('lists a user\'s groups and their policies while GetUser is still on its way', async () => {
    const aws = mockAws()
    const getUser = held()
    aws.iam.on(GetUserCommand).callsFake(async () => {
      await getUser.until
      return { User: { UserName: 'dana', Path: '/', UserId: 'AIDADANA', Arn: `arn:aws:iam::${ACCOUNT}:user/dana`, CreateDate: new Date() } }
    })
    aws.iam.on(ListGroupsForUserCommand, { UserName: 'dana' }).resolves({ Groups: [{ GroupName: 'Devs', GroupId: 'AGPADEVS', Arn: `arn:aws:iam::${ACCOUNT}:group/Devs`, Path: '/', CreateDate: new Date() }], IsTruncated: false })
    aws.iam.on(ListAttachedGroupPoliciesCommand, { GroupName: 'Devs' }).resolves({ AttachedPolicies: [{ PolicyName: 'AppAccess', PolicyArn: APP_POLICY }], IsTruncated: false })
    givenManagedPolicy(aws, APP_POLICY, allow('s3:GetObject'))
    const gathering = aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:user/dana`))
    await vi.waitFor(() => expect(aws.iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(1))
    getUser.release()
    expect((await gathering).policies.identity.map((p) => p.source.origin)).toEqual(['managed policy `AppAccess` attached to group `Devs`'])
  })
})

describe('the organization is read as its answers come in', () => {
  it('walks the account\'s parents alongside DescribeOrganization and ListRoots, and lists nothing before it answers', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'App' })
    const describe = held()
    givenOrganization(aws, { describe: describe.until })
    const gathering = aws.provider().gather(query(SESSION, { resourceAccount: ACCOUNT }))
    await vi.waitFor(() => expect(parentsAsked(aws)).toEqual([ACCOUNT, OU_LOW, OU_TOP]))
    expect(aws.organizations.commandCalls(ListRootsCommand)).toHaveLength(1)
    // Whether SCPs apply (management account?) is not known yet.
    expect(listed(aws)).toEqual([])
    describe.release()
    const gathered = await gathering
    expect(gathered.policies.scps.map((level) => [level.id, level.policies.map((p) => p.source.name)])).toEqual([
      [ROOT, ['p-full']],
      [OU_TOP, ['p-denyleave']],
      [OU_LOW, []],
      [ACCOUNT, ['p-full']],
    ])
    expect(gathered.knownContext).toContainEqual(['aws:PrincipalOrgPaths', [`${ORG}/${ROOT}/${OU_TOP}/${OU_LOW}/`]])
  })

  it('lists each level\'s SCPs and fetches their content as soon as the level is known, before the chain reaches the root', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'App' })
    const lastStep = held()
    givenOrganization(aws, { parentOf: [OU_TOP, lastStep.until] })
    const gathering = aws.provider().gather(query(SESSION, { resourceAccount: ACCOUNT }))
    // The root comes from ListRoots; the account, OU_LOW and OU_TOP from the answers so far.
    const scps = [ACCOUNT, ROOT, OU_LOW, OU_TOP].map((id) => `${id}|SERVICE_CONTROL_POLICY`)
    await vi.waitFor(() => expect(listed(aws)).toEqual(expect.arrayContaining(scps)))
    await vi.waitFor(() => expect(aws.organizations.commandCalls(DescribePolicyCommand).map((call) => call.args[0].input.PolicyId).sort()).toEqual(['p-denyleave', 'p-full', 'p-rcpfull']))
    lastStep.release()
    const gathered = await gathering
    expect(gathered.policies.scps.map((level) => level.id)).toEqual([ROOT, OU_TOP, OU_LOW, ACCOUNT])
    expect(gathered.policies.rcps.map((level) => level.id)).toEqual([ROOT, OU_TOP, OU_LOW, ACCOUNT])
    expect(gathered.incomplete).toEqual([])
    // Nothing asked twice although SCPs and RCPs walk the same chain.
    expect(parentsAsked(aws)).toEqual([ACCOUNT, OU_LOW, OU_TOP])
    expect(new Set(listed(aws)).size).toBe(listed(aws).length)
  })

  it('reads SCPs without waiting for the bucket policy; RCPs wait for it, which names the bucket\'s account', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'App' })
    givenOrganization(aws)
    const bucket = held()
    aws.s3.on(GetBucketPolicyCommand).callsFake(async () => {
      await bucket.until
      return { Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }] }) }
    })
    const gathering = aws.provider().gather(query(SESSION, { resources: ['arn:aws:s3:::data/report.csv'] }))
    await vi.waitFor(() => expect(listed(aws)).toContain(`${OU_TOP}|SERVICE_CONTROL_POLICY`))
    expect(listed(aws).filter((target) => target.endsWith('RESOURCE_CONTROL_POLICY'))).toEqual([])
    bucket.release()
    const gathered = await gathering
    expect(gathered.resourceAccount).toBe(ACCOUNT)
    expect(gathered.policies.rcps.map((level) => level.id)).toEqual([ROOT, OU_TOP, OU_LOW, ACCOUNT])
  })
})

describe('reads begun early never change what a failure looks like', () => {
  it('no such role: one sentence, no SCPs listed, and no unhandled rejection although the listings begun alongside GetRole fail too', async () => {
    const aws = mockAws()
    givenOrganization(aws)
    const gone = awsError('NoSuchEntityException', 'The role with name Gone cannot be found.', 404)
    aws.iam.on(GetRoleCommand).rejects(gone)
    aws.iam.on(ListAttachedRolePoliciesCommand).rejects(gone)
    aws.iam.on(ListRolePoliciesCommand).rejects(gone)
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const error = await aws.provider().gather(query(`arn:aws:sts::${ACCOUNT}:assumed-role/Gone/s`)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(SourceError)
      expect((error as SourceError).message).toBe(
        'IAM role `Gone` does not exist in account 111111111111 (NoSuchEntityException: The role with name Gone cannot be found.); check the name in the ARN.',
      )
      // Let whatever was still in flight settle.
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled).toEqual([])
      expect(listed(aws)).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('a user of another account is refused before IAM is read, and no SCPs are listed for it', async () => {
    const aws = mockAws(OTHER_ACCOUNT)
    givenOrganization(aws)
    const error = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:user/dana`)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'credentials', message: expect.stringContaining(`belong to account ${OTHER_ACCOUNT}`) })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(aws.iam.calls()).toHaveLength(0)
    expect(listed(aws)).toEqual([])
    expect(aws.organizations.commandCalls(DescribePolicyCommand)).toHaveLength(0)
  })

  it('outside any organization, the reads begun before DescribeOrganization answered are wasted once per provider, not once per diagnosis', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'App' })
    const provider = aws.provider()
    await provider.gather(query(SESSION))
    // The root user of another account: no IAM read, but an account whose parents could be walked.
    const gathered = await provider.gather(query(`arn:aws:iam::${OTHER_ACCOUNT}:root`))
    expect(gathered.policies.scps).toEqual([])
    expect(gathered.incomplete).toEqual([])
    expect(parentsAsked(aws)).toEqual([ACCOUNT])
    expect(aws.organizations.commandCalls(ListRootsCommand)).toHaveLength(1)
    expect(aws.organizations.commandCalls(DescribeOrganizationCommand)).toHaveLength(1)
  })
})
