/**
 * A live audit over mocked AWS clients: however many expectations share a principal, a
 * managed policy or a level of the organization, each is read from AWS once.
 */
import { GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolesCommand, type Role } from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { parseAuditText } from '../../src/audit/read-audit-file.js'
import { perAccountReach, singleReach } from '../../src/audit/reach.js'
import { runAudit } from '../../src/audit/run.js'
import { rcpServices } from '../../src/catalogue/index.js'
import { createAccountReach } from '../../src/sources/aws/account-provider.js'
import { givenOrganization, type OrganizationFixture } from '../sources/aws/given-organization.js'
import { allow, givenManagedPolicy, iamDocument, MANAGEMENT_ACCOUNT, mockAws, type MockedAws } from '../sources/aws/helpers.js'
import { FIXED_NOW, lines } from './helpers.js'

const ROOT = 'r-live'
const OU = 'ou-live-prod1111'
const SHARED = 'arn:aws:iam::aws:policy/SharedReadAndDescribe'
const DENY_RUN = { Version: '2012-10-17', Statement: [{ Sid: 'NoLaunches', Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] }

function role(account: string, name: string, path = '/'): Role {
  return { RoleName: name, Path: path, Arn: `arn:aws:iam::${account}:role${path}${name}`, RoleId: `AROA${name.toUpperCase().replace(/[^A-Z]/g, '')}00001`, CreateDate: new Date('2024-01-01T00:00:00Z') }
}

/** The Marker of each ListRoles request, as sent (the paginator reuses its input object). */
const markers: (string | null)[] = []

/** Roles answered by GetRole and ListRoles (two pages, as IAM pages with Marker), each with the shared managed policy. */
function givenRoles(aws: MockedAws, account: string, roles: readonly Role[]): void {
  const [firstPage, secondPage] = [roles.slice(0, 2), roles.slice(2)]
  aws.iam.on(ListRolesCommand).callsFake((input: { Marker?: string }) => {
    markers.push(input.Marker ?? null)
    return input.Marker === 'page-2' ? { Roles: secondPage, IsTruncated: false } : { Roles: firstPage, IsTruncated: true, Marker: 'page-2' }
  })
  for (const r of roles) {
    aws.iam.on(GetRoleCommand, { RoleName: r.RoleName }).resolves({ Role: { ...r, AssumeRolePolicyDocument: iamDocument({ Version: '2012-10-17', Statement: [] }) } })
    aws.iam.on(ListAttachedRolePoliciesCommand, { RoleName: r.RoleName }).resolves({ AttachedPolicies: [{ PolicyName: 'SharedReadAndDescribe', PolicyArn: SHARED }], IsTruncated: false })
  }
  givenManagedPolicy(aws, SHARED, allow('ec2:Describe*'))
  void account
}

/** root → OU Prod → the accounts; FullAWSAccess everywhere, DenyRunInstances on the OU; SCPs only. */
const ACCOUNTS = ['111111111111', '222222222222', MANAGEMENT_ACCOUNT]
const ORGANIZATION: OrganizationFixture = {
  id: 'o-live111111',
  rootId: ROOT,
  policyTypes: ['SERVICE_CONTROL_POLICY'],
  parents: { [OU]: ROOT, ...Object.fromEntries(ACCOUNTS.map((account) => [account, OU])) },
  names: { [OU]: 'Prod' },
  policies: { 'p-full': { name: 'FullAWSAccess', content: allow('*') }, 'p-norun': { name: 'DenyRunInstances', content: DENY_RUN } },
  attached: {
    [`SERVICE_CONTROL_POLICY|${ROOT}`]: [['p-full']],
    [`SERVICE_CONTROL_POLICY|${OU}`]: [['p-full', 'p-norun']],
    ...Object.fromEntries(ACCOUNTS.map((account) => [`SERVICE_CONTROL_POLICY|${account}`, [['p-full']]])),
  },
}

function counts(operations: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const op of operations) out[op] = (out[op] ?? 0) + 1
  return out
}

const ACCOUNT = '111111111111'
const APP = `arn:aws:iam::${ACCOUNT}:role/App`
const INSTANCES = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`

const AUDIT = `
expectations:
  - name: App launches nothing
    principal: ${APP}
    action: ec2:RunInstances
    resource: "${INSTANCES}"
    expect: {explicit-deny: scp}
  - name: App describes instances and images
    principal: ${APP}
    actions: [ec2:DescribeInstances, ec2:DescribeImages]
    expect: allow
  - name: App cannot delete roles
    principal: ${APP}
    action: iam:DeleteRole
    resource: arn:aws:iam::${ACCOUNT}:role/App
    expect: deny
  - name: Deployers launch nothing
    principal: {roles: "Deploy*"}
    action: ec2:RunInstances
    resource: "${INSTANCES}"
    expect: {explicit-deny: scp}
  - name: Deployers describe instances
    principal: {roles: {path: /deploy/}}
    action: ec2:DescribeInstances
    expect: allow
`

describe('a live audit reads each thing once', () => {
  it('principals, the shared managed policy, the role listing and each organization level, whatever the number of expectations', async () => {
    const aws = mockAws(ACCOUNT)
    markers.length = 0
    givenRoles(aws, ACCOUNT, [role(ACCOUNT, 'App'), role(ACCOUNT, 'Deploy-api', '/deploy/'), role(ACCOUNT, 'Deploy-web', '/deploy/'), role(ACCOUNT, 'AWSServiceRoleForECS', '/aws-service-role/ecs.amazonaws.com/')])
    givenOrganization(aws, ORGANIZATION)
    const file = parseAuditText(AUDIT, 'live.yaml')
    const result = await runAudit(file, singleReach(aws.provider({ rcpServices: rcpServices() })), { allowUndetermined: false, assumeAbsent: false, shard: null, now: () => FIXED_NOW, sourceLabel: 'live' })

    expect(lines(result).map((l) => l.replace(/ \| [^|]*$/, ''))).toEqual([
      `App launches nothing | ${APP} ec2:RunInstances | explicit-deny: scp → ExplicitDeny (held)`,
      `App describes instances and images | ${APP} ec2:DescribeInstances | allow → Allowed (held)`,
      `App describes instances and images | ${APP} ec2:DescribeImages | allow → Allowed (held)`,
      `App cannot delete roles | ${APP} iam:DeleteRole | deny → ImplicitDeny (held)`,
      `Deployers launch nothing | arn:aws:iam::${ACCOUNT}:role/deploy/Deploy-api ec2:RunInstances | explicit-deny: scp → ExplicitDeny (held)`,
      `Deployers launch nothing | arn:aws:iam::${ACCOUNT}:role/deploy/Deploy-web ec2:RunInstances | explicit-deny: scp → ExplicitDeny (held)`,
      `Deployers describe instances | arn:aws:iam::${ACCOUNT}:role/deploy/Deploy-api ec2:DescribeInstances | allow → Allowed (held)`,
      `Deployers describe instances | arn:aws:iam::${ACCOUNT}:role/deploy/Deploy-web ec2:DescribeInstances | allow → Allowed (held)`,
    ])
    expect(result.expectations[0]!.checks[0]!.deciding?.label).toBe('SCP `DenyRunInstances` attached to OU `Prod` (ou-live-prod1111), statement 1 (Sid NoLaunches)')
    expect(result.source).toBe(`live account ${ACCOUNT}`)

    expect(counts(aws.operations())).toEqual({
      'sts:GetCallerIdentity': 1,
      // Two pages of one listing, shared by both selectors.
      'iam:ListRoles': 2,
      'iam:GetRole': 3,
      'iam:ListAttachedRolePolicies': 3,
      'iam:ListRolePolicies': 3,
      'iam:GetPolicy': 1,
      'iam:GetPolicyVersion': 1,
      'organizations:DescribeOrganization': 1,
      'organizations:ListRoots': 1,
      // The account's parent, then the OU's.
      'organizations:ListParents': 2,
      // Root, OU and account: one listing each.
      'organizations:ListPoliciesForTarget': 3,
      'organizations:DescribePolicy': 2,
      'organizations:DescribeOrganizationalUnit': 1,
      'organizations:DescribeAccount': 1,
    })
    expect(markers).toEqual([null, 'page-2'])
  })

  it('with assumeRoleName, reaches each account through that role and still reads the organization once', async () => {
    const management = mockAws(MANAGEMENT_ACCOUNT)
    givenOrganization(management, ORGANIZATION)
    const accounts = { '111111111111': mockAws('111111111111'), '222222222222': mockAws('222222222222') }
    for (const [id, aws] of Object.entries(accounts)) givenRoles(aws, id, [role(id, 'App'), role(id, 'Builder')])
    const assumed: string[] = []
    const reach = createAccountReach({ assumeRoleName: 'DenyDoctorAuditor', rcpServices: rcpServices(), clients: { organizations: management.clients.organizations, sts: management.clients.sts, iam: management.clients.iam } }, (account, roleArn) => {
      assumed.push(roleArn)
      const { sts, iam, ec2, s3 } = accounts[account as keyof typeof accounts].clients
      return { sts, iam, ec2, s3, resourceSts: sts, resourceIam: iam }
    })
    givenRoles(management, MANAGEMENT_ACCOUNT, [role(MANAGEMENT_ACCOUNT, 'App')])
    const file = parseAuditText(
      ['accounts: ["111111111111", "222222222222", "999999999999"]', 'assumeRoleName: DenyDoctorAuditor', 'expectations:', '  - name: No App launches', '    principal: {roles: App}', '    action: ec2:RunInstances', '    expect: {explicit-deny: scp}'].join('\n'),
      'accounts.yaml',
    )
    const result = await runAudit(file, perAccountReach(reach.own, (account) => reach.forAccount(account), () => reach.ownAccount()), { allowUndetermined: false, assumeAbsent: false, shard: null, now: () => FIXED_NOW, sourceLabel: 'live' })
    expect(result.expectations[0]!.checks.map((c) => `${c.principal} ${c.decision} ${c.outcome}`)).toEqual([
      'arn:aws:iam::111111111111:role/App ExplicitDeny held',
      'arn:aws:iam::222222222222:role/App ExplicitDeny held',
      // The management account is exempt from SCPs: no explicit deny, only nothing that allows.
      'arn:aws:iam::999999999999:role/App ImplicitDeny failed',
    ])
    // The caller's own account (999999999999) is read with its own credentials, as collect does.
    expect(assumed).toEqual(['arn:aws:iam::111111111111:role/DenyDoctorAuditor', 'arn:aws:iam::222222222222:role/DenyDoctorAuditor'])
    expect(counts(management.operations())).toMatchObject({ 'iam:ListRoles': 2, 'iam:GetRole': 1 })
    for (const aws of Object.values(accounts)) expect(counts(aws.operations())).toMatchObject({ 'iam:ListRoles': 2, 'iam:GetRole': 1, 'iam:GetPolicy': 1 })
    const org = counts(management.operations().filter((op) => op.startsWith('organizations:')))
    // Root and OU are shared by both member accounts: their SCPs are listed and fetched once.
    expect(org).toEqual({
      'organizations:DescribeOrganization': 1,
      'organizations:ListRoots': 1,
      'organizations:ListParents': 4,
      'organizations:ListPoliciesForTarget': 4,
      'organizations:DescribePolicy': 2,
      'organizations:DescribeOrganizationalUnit': 1,
      'organizations:DescribeAccount': 2,
    })
  })
})
