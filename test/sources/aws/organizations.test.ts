import { DescribeOrganizationCommand, DescribePolicyCommand, ListParentsCommand, ListPoliciesForTargetCommand } from '@aws-sdk/client-organizations'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { describe, expect, it } from 'vitest'
import type { OrgLevel } from '../../../src/model/index.js'
import { SourceError } from '../../../src/sources/errors.js'
import { givenOrganization, type OrganizationFixture } from './given-organization.js'
import { ACCOUNT, allow, awsError, deny, givenRole, MANAGEMENT_ACCOUNT, mockAws, OTHER_ACCOUNT, query } from './helpers.js'

const ORG = 'o-abc123def4'
const ROOT = 'r-ab12'
const OU_WORKLOADS = 'ou-ab12-11111111'
const OU_PROD = 'ou-ab12-22222222'
const OU_DATA = 'ou-ab12-33333333'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/TestReadOnly`

/** A policy as DescribePolicy names it, with the ARN of a policy of this organization. */
const policy = (id: string, name: string, type: string, content: object) =>
  [id, { name, content, arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:policy/${ORG}/${type.toLowerCase()}/${id}` }] as const

const TREE: OrganizationFixture = {
  id: ORG,
  rootId: ROOT,
  parents: { [ACCOUNT]: OU_PROD, [OU_PROD]: OU_WORKLOADS, [OU_WORKLOADS]: ROOT, [OTHER_ACCOUNT]: OU_DATA, [OU_DATA]: ROOT, [MANAGEMENT_ACCOUNT]: ROOT },
  names: { [OU_WORKLOADS]: 'Workloads', [OU_PROD]: 'Prod', [OU_DATA]: 'Data' },
  policies: Object.fromEntries([
    policy('p-FullAWSAccess', 'FullAWSAccess', 'SERVICE_CONTROL_POLICY', allow('*', 'FullAWSAccess')),
    policy('p-denyleave', 'DenyLeaveOrg', 'SERVICE_CONTROL_POLICY', deny('organizations:LeaveOrganization', 'DenyLeave')),
    policy('p-denyec2', 'DenyRunInstances', 'SERVICE_CONTROL_POLICY', deny('ec2:RunInstances', 'DenyEC2')),
    policy('p-RCPFullAWSAccess', 'RCPFullAWSAccess', 'RESOURCE_CONTROL_POLICY', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }),
    policy('p-tls', 'EnforceTLS', 'RESOURCE_CONTROL_POLICY', { Version: '2012-10-17', Statement: [{ Sid: 'DenyNoTLS', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }] }),
  ]),
  // The root's SCPs come in two pages (NextToken).
  attached: {
    [`SERVICE_CONTROL_POLICY|${ROOT}`]: [['p-FullAWSAccess'], ['p-denyleave']],
    [`SERVICE_CONTROL_POLICY|${OU_WORKLOADS}`]: [['p-FullAWSAccess']],
    [`SERVICE_CONTROL_POLICY|${OU_PROD}`]: [['p-FullAWSAccess', 'p-denyec2']],
    [`SERVICE_CONTROL_POLICY|${ACCOUNT}`]: [['p-FullAWSAccess']],
    [`RESOURCE_CONTROL_POLICY|${ROOT}`]: [['p-RCPFullAWSAccess']],
    [`RESOURCE_CONTROL_POLICY|${OU_WORKLOADS}`]: [['p-tls']],
    [`RESOURCE_CONTROL_POLICY|${OU_DATA}`]: [['p-tls']],
  },
}

function shape(levels: readonly OrgLevel[]) {
  return levels.map((level) => ({ id: level.id, name: level.name, policies: level.policies.map((p) => p.source.name) }))
}

describe('organizations: the SCP chain of the principal\'s account', () => {
  it('lists every level root first, account last, with names, every page of attachments, and origins', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    const gathered = await aws.provider().gather(query(ROLE, { resourceAccount: ACCOUNT }))
    expect(gathered.incomplete).toEqual([])
    expect(shape(gathered.policies.scps)).toEqual([
      { id: ROOT, name: 'Root', policies: ['FullAWSAccess', 'DenyLeaveOrg'] },
      { id: OU_WORKLOADS, name: 'Workloads', policies: ['FullAWSAccess'] },
      { id: OU_PROD, name: 'Prod', policies: ['FullAWSAccess', 'DenyRunInstances'] },
      { id: ACCOUNT, name: 'acct-111', policies: ['FullAWSAccess'] },
    ])
    const denyEc2 = gathered.policies.scps[2]!.policies[1]!
    expect(denyEc2.source).toEqual({
      type: 'scp',
      name: 'DenyRunInstances',
      arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT}:policy/${ORG}/service_control_policy/p-denyec2`,
      attachedTo: OU_PROD,
      origin: `SCP \`DenyRunInstances\` attached to OU \`Prod\` (${OU_PROD})`,
    })
    expect(denyEc2.policy.statements[0]?.sid).toBe('DenyEC2')
    expect(gathered.isManagementAccount).toBe(false)
  })

  it('knows aws:PrincipalOrgID and aws:PrincipalOrgPaths (o-…/r-…/ou-…/ou-…/)', async () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    const { knownContext } = await aws.provider().gather(query(ROLE, { resourceAccount: ACCOUNT }))
    expect(knownContext).toContainEqual(['aws:PrincipalOrgID', [ORG]])
    expect(knownContext).toContainEqual(['aws:PrincipalOrgPaths', [`${ORG}/${ROOT}/${OU_WORKLOADS}/${OU_PROD}/`]])
  })

  it('fetches each policy once and walks the chain once, even when SCPs and RCPs share it', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    const provider = aws.provider()
    await provider.gather(query(ROLE, { resourceAccount: ACCOUNT }))
    await provider.gather(query(ROLE, { resourceAccount: ACCOUNT, action: 'ec2:RunInstances' }))
    const described = aws.organizations.commandCalls(DescribePolicyCommand).map((c) => c.args[0].input.PolicyId)
    expect(described.filter((id) => id === 'p-FullAWSAccess')).toHaveLength(1)
    expect(new Set(described).size).toBe(described.length)
    expect(aws.organizations.commandCalls(ListParentsCommand)).toHaveLength(3)
    expect(aws.organizations.commandCalls(DescribeOrganizationCommand)).toHaveLength(1)
  })

  it('reads no SCPs for the management account, which they do not govern', async () => {
    // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
    const aws = mockAws(MANAGEMENT_ACCOUNT)
    givenRole(aws, { name: 'Admin' }, MANAGEMENT_ACCOUNT)
    givenOrganization(aws, TREE)
    const gathered = await aws.provider().gather(query(`arn:aws:iam::${MANAGEMENT_ACCOUNT}:role/Admin`, { resourceAccount: MANAGEMENT_ACCOUNT }))
    expect(gathered.isManagementAccount).toBe(true)
    expect(gathered.resourceInManagementAccount).toBe(true)
    expect(gathered.policies.scps).toEqual([])
    expect(gathered.policies.rcps).toEqual([])
    expect(aws.organizations.commandCalls(ListPoliciesForTargetCommand)).toHaveLength(0)
    expect(gathered.knownContext).toContainEqual(['aws:PrincipalOrgPaths', [`${ORG}/${ROOT}/`]])
  })

  it('reads no SCPs for a service-linked role', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/' })
    givenOrganization(aws, TREE)
    const gathered = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/AWSServiceRoleForSupport`, { resourceAccount: ACCOUNT }))
    expect(gathered.policies.scps).toEqual([])
    expect(gathered.policies.rcps).toEqual([])
  })

  it('has an empty chain when SCPs are not enabled in the root (nothing governs the account)', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, { ...TREE, policyTypes: ['RESOURCE_CONTROL_POLICY'] })
    const gathered = await aws.provider().gather(query(ROLE, { resourceAccount: ACCOUNT }))
    expect(gathered.policies.scps).toEqual([])
    expect(gathered.policies.rcps.length).toBeGreaterThan(0)
    expect(gathered.incomplete).toEqual([])
  })
})

describe('organizations: when they cannot be read', () => {
  it('turns AccessDeniedException into a gap that says which flags and permissions help', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    aws.organizations.on(ListParentsCommand).rejects(awsError('AccessDeniedException', 'You don\'t have permissions to access this resource.', 400))
    const gathered = await aws.provider().gather(query(ROLE, { resourceAccount: ACCOUNT }))
    expect(gathered.policies.scps).toEqual([])
    expect(gathered.incomplete).toHaveLength(2)
    expect(gathered.incomplete[0]).toEqual({
      source: 'organizations',
      error: 'AccessDeniedException: You don\'t have permissions to access this resource.',
      effect: `The SCPs that govern account ${ACCOUNT} were not read; run with --org-profile or --org-role-arn pointing at the management account or a delegated administrator, which needs organizations:DescribeOrganization, ListRoots, ListParents, ListPoliciesForTarget and DescribePolicy.`,
    })
    expect(gathered.incomplete[1]!.effect).toContain(`The RCPs that govern account ${ACCOUNT} were not read`)
    // DescribeOrganization answered for the caller's own account, so the org ID is still known.
    expect(gathered.knownContext).toContainEqual(['aws:PrincipalOrgID', [ORG]])
  })

  it('turns a denied DescribeOrganization into one gap for SCPs and RCPs', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    aws.organizations.on(DescribeOrganizationCommand).rejects(awsError('AccessDeniedException', 'not authorized', 400))
    const gathered = await aws.provider().gather(query(ROLE))
    expect(gathered.policies.scps).toEqual([])
    expect(gathered.incomplete).toHaveLength(1)
    expect(gathered.incomplete[0]!.effect).toMatch(/^SCPs and RCPs were not read; run with --org-profile or --org-role-arn/)
  })

  it('treats AWSOrganizationsNotInUseException as "no organization": no SCPs, no RCPs, no gap', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    const gathered = await aws.provider().gather(query(ROLE))
    expect(gathered.policies.scps).toEqual([])
    expect(gathered.policies.rcps).toEqual([])
    expect(gathered.incomplete).toEqual([])
    expect(gathered.isManagementAccount).toBe(false)
  })

  it('a separate organization reader whose own identity cannot be read stops the diagnosis with one sentence naming it', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    aws.organizations.on(ListParentsCommand).rejects(awsError('AccessDeniedException', 'You don\'t have permissions to access this resource.', 400))
    aws.orgSts.on(GetCallerIdentityCommand).rejects(awsError('InternalFailure', 'We encountered an internal error.', 500))
    const error = await aws.provider({ orgProfile: 'org-admin' }).gather(query(ROLE, { resourceAccount: ACCOUNT })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect((error as Error).message).toBe('The identity of profile `org-admin` could not be read (InternalFailure: We encountered an internal error.), so nothing could be diagnosed.')
  })

  it('with a separate organization reader that is in no organization, says so in a gap', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    const gathered = await aws.provider({ orgProfile: 'org-admin' }).gather(query(ROLE))
    expect(gathered.incomplete).toHaveLength(1)
    expect(gathered.incomplete[0]!.error).toContain('organization reader is not in an organization')
    expect(gathered.origin).toBe(`live account ${ACCOUNT} (Organizations read with profile \`org-admin\`)`)
  })
})

describe('organizations: the RCP chain of the resource\'s account', () => {
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
  it('reads the RCPs of the resource\'s account, not the caller\'s, and knows aws:ResourceOrgID', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    const gathered = await aws.provider().gather(query(ROLE, { resources: [`arn:aws:sqs:us-east-1:${OTHER_ACCOUNT}:queue`] }))
    expect(gathered.resourceAccount).toBe(OTHER_ACCOUNT)
    expect(shape(gathered.policies.rcps)).toEqual([
      { id: ROOT, name: 'Root', policies: ['RCPFullAWSAccess'] },
      { id: OU_DATA, name: 'Data', policies: ['EnforceTLS'] },
      { id: OTHER_ACCOUNT, name: 'acct-222', policies: [] },
    ])
    expect(gathered.policies.scps.map((l) => l.id)).toEqual([ROOT, OU_WORKLOADS, OU_PROD, ACCOUNT])
    expect(gathered.knownContext).toContainEqual(['aws:ResourceOrgID', [ORG]])
    expect(gathered.knownContext).toContainEqual(['aws:ResourceOrgPaths', [`${ORG}/${ROOT}/${OU_DATA}/`]])
    expect(gathered.knownContext).toContainEqual(['aws:ResourceAccount', [OTHER_ACCOUNT]])
  })

  it('reads no RCPs for a resource in the management account', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    const gathered = await aws.provider().gather(query(ROLE, { resourceAccount: MANAGEMENT_ACCOUNT }))
    expect(gathered.resourceInManagementAccount).toBe(true)
    expect(gathered.policies.rcps).toEqual([])
  })

  it('turns a resource account outside the organization into a gap', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    const gathered = await aws.provider().gather(query(ROLE, { resourceAccount: '333333333333' }))
    expect(gathered.policies.rcps).toEqual([])
    expect(gathered.incomplete).toHaveLength(1)
    expect(gathered.incomplete[0]!.error).toMatch(/^ChildNotFoundException/)
    expect(gathered.incomplete[0]!.effect).toContain(`account 333333333333 were not read: it is not in organization ${ORG}`)
  })

  it('turns an unknown resource account into a gap when RCPs are enabled', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'TestReadOnly' })
    givenOrganization(aws, TREE)
    const gathered = await aws.provider().gather(query(ROLE))
    expect(gathered.incomplete).toEqual([
      { source: 'organizations', error: 'the account that owns the resource is unknown', effect: expect.stringContaining('pass --resource-account') },
    ])
  })
})
