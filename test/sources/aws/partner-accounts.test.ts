/**
 * Accounts outside the organization the reader sees (partners, contractors, vendors): whether
 * such an account is in any organization is asked with credentials that belong to it (the
 * caller's or --resource-role-arn's). In none (AWSOrganizationsNotInUseException)
 * no SCP or RCP governs it and aws:PrincipalOrgID / aws:ResourceOrgID are absent; in another
 * organization its SCPs / RCPs are a gap naming the management account whose role reads them.
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html
 */
import { ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam'
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations'
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { describe, expect, it } from 'vitest'
import { rcpServices } from '../../../src/catalogue/index.js'
import { diagnose } from '../../../src/diagnose.js'
import type { CollectionGap } from '../../../src/model/index.js'
import { givenOrganization, type OrganizationFixture } from './given-organization.js'
import { allow, awsError, config, givenManagedPolicy, givenRole, mockAws, query } from './helpers.js'

const PARTNER = '444455556666'
const DATA_LAKE = '111122223333'
const LAKE_MANAGEMENT = '999999999999'
const PARTNER_MANAGEMENT = '555555555555'
const ORG = 'o-datalake11'
const ROOT = 'r-lake'
const OU_DATA = 'ou-lake-11111111'
const PARTNER_ROLE = `arn:aws:iam::${PARTNER}:role/PartnerAnalytics`
const OBJECT = 'arn:aws:s3:::example-data-lake/curated/part-0001.parquet'

const RCP_FULL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }
const TREE: OrganizationFixture = {
  id: ORG,
  rootId: ROOT,
  managementAccount: LAKE_MANAGEMENT,
  parents: { [DATA_LAKE]: OU_DATA, [OU_DATA]: ROOT },
  policies: {
    'p-FullAWSAccess': { name: 'FullAWSAccess', content: allow('*') },
    'p-RCPFullAWSAccess': { name: 'RCPFullAWSAccess', content: RCP_FULL },
  },
  attached: {
    [`SERVICE_CONTROL_POLICY|${ROOT}`]: [['p-FullAWSAccess']],
    [`RESOURCE_CONTROL_POLICY|${ROOT}`]: [['p-RCPFullAWSAccess']],
    [`RESOURCE_CONTROL_POLICY|${OU_DATA}`]: [['p-RCPFullAWSAccess']],
    [`RESOURCE_CONTROL_POLICY|${DATA_LAKE}`]: [['p-RCPFullAWSAccess']],
  },
}

const BUCKET_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'PartnerRead', Effect: 'Allow', Principal: { AWS: PARTNER_ROLE }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-data-lake/curated/*' }],
}

/** An Organizations client of one credential set, answering DescribeOrganization for its own account. */
function organizationsOf(answer: { id: string; management: string } | 'none') {
  const client = new OrganizationsClient(config)
  const stub = mockClient(client)
  if (answer === 'none') stub.on(DescribeOrganizationCommand).rejects(awsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'))
  else stub.on(DescribeOrganizationCommand).resolves({ Organization: { Id: answer.id, MasterAccountId: answer.management, FeatureSet: 'ALL' } })
  return { client, stub }
}

/**
 * The partner's role, diagnosed with the partner's own credentials (IAM is read in its own
 * account), Organizations read as the data lake's management account (--org-profile) and the
 * bucket policy read in the data-lake account (--resource-role-arn).
 */
function partnerWorld(callerOrganization: { id: string; management: string } | 'none') {
  const aws = mockAws(PARTNER)
  givenRole(aws, { name: 'PartnerAnalytics' }, PARTNER)
  givenManagedPolicy(aws, `arn:aws:iam::${PARTNER}:policy/PartnerAnalyticsPolicy`, allow('s3:GetObject'))
  aws.iam.on(ListAttachedRolePoliciesCommand, { RoleName: 'PartnerAnalytics' }).resolves({
    AttachedPolicies: [{ PolicyName: 'PartnerAnalyticsPolicy', PolicyArn: `arn:aws:iam::${PARTNER}:policy/PartnerAnalyticsPolicy` }],
    IsTruncated: false,
  })
  givenOrganization(aws, TREE)
  aws.orgSts.on(GetCallerIdentityCommand).resolves({ Account: LAKE_MANAGEMENT, Arn: `arn:aws:iam::${LAKE_MANAGEMENT}:user/org-reader`, UserId: 'AIDAORG' })
  aws.resourceSts.on(GetCallerIdentityCommand).resolves({ Account: DATA_LAKE, Arn: `arn:aws:sts::${DATA_LAKE}:assumed-role/LakeReader/denydoctor-resource`, UserId: 'AROALAKE:denydoctor-resource' })
  aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: JSON.stringify(BUCKET_POLICY) })
  const callerOrgs = organizationsOf(callerOrganization)
  const provider = aws.provider({
    orgProfile: 'datalake-management',
    resourceRoleArn: `arn:aws:iam::${DATA_LAKE}:role/LakeReader`,
    rcpServices: rcpServices(),
    clients: { ...aws.clients, callerOrganizations: callerOrgs.client },
  })
  return { aws, provider, callerOrgs }
}

const partnerQuery = query(`arn:aws:sts::${PARTNER}:assumed-role/PartnerAnalytics/etl`, { resources: [OBJECT], resourceAccount: DATA_LAKE })
const orgGaps = (gaps: readonly CollectionGap[]) => gaps.filter((gap) => gap.source === 'organizations')

describe('a partner account in no organization (AWSOrganizationsNotInUseException)', () => {
  it('has no SCPs and no gap: the data-lake bucket that grants the partner role is Allowed, as AWS says', async () => {
    const { aws, provider, callerOrgs } = partnerWorld('none')
    const gathered = await provider.gather(partnerQuery)
    expect(orgGaps(gathered.incomplete)).toEqual([])
    expect(gathered.policies.scps).toEqual([])
    // The data lake's RCPs are read, from its own organization.
    expect(gathered.policies.rcps.map((level) => level.id)).toEqual([ROOT, OU_DATA, DATA_LAKE])
    expect(gathered.absentContext).toEqual(expect.arrayContaining(['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths']))
    expect(gathered.knownContext).toContainEqual(['aws:ResourceOrgID', [ORG]])
    // Asked with the partner's own credentials, once.
    expect(callerOrgs.stub.commandCalls(DescribeOrganizationCommand)).toHaveLength(1)
    expect(aws.operations()).toContain('organizations:ListParents')

    const { verdict } = await diagnose(partnerQuery, provider, { assumeAbsent: false, allowUnknownAction: false })
    expect(verdict.incomplete).toEqual([])
    expect(verdict.decision).toBe('Allowed')
    expect(verdict.allows.map((a) => [a.policyType, a.sid])).toEqual(expect.arrayContaining([['resource', 'PartnerRead']]))
  })

  it('makes aws:PrincipalOrgID absent, so a data perimeter RCP keyed on it denies a partner it does not list', async () => {
    const { aws, provider } = partnerWorld('none')
    const perimeter = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EnforceOrgIdentities',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: '*',
          Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
        },
      ],
    }
    givenOrganization(aws, { ...TREE, policies: { ...TREE.policies, 'p-perimeter': { name: 'DataPerimeter', content: perimeter } }, attached: { ...TREE.attached, [`RESOURCE_CONTROL_POLICY|${ROOT}`]: [['p-RCPFullAWSAccess', 'p-perimeter']] } })
    const { verdict } = await diagnose(partnerQuery, provider, { assumeAbsent: false, allowUnknownAction: false })
    expect(verdict.decision).toBe('ExplicitDeny')
    expect(verdict.denies[0]).toMatchObject({ policyType: 'rcp', policyName: 'DataPerimeter', certain: true })
  })
})

describe('a partner account in another organization', () => {
  it('leaves its SCPs as a gap that names the management account to read them with, and knows aws:PrincipalOrgID', async () => {
    const { provider } = partnerWorld({ id: 'o-partner111', management: PARTNER_MANAGEMENT })
    const gathered = await provider.gather(partnerQuery)
    const gaps = orgGaps(gathered.incomplete)
    expect(gaps).toHaveLength(1)
    expect(gaps[0]!.error).toBe(`account ${PARTNER} is in organization o-partner111 (asked with the default credentials (environment variables or the default profile)), which the organization reader does not read`)
    expect(gaps[0]!.effect).toContain(`The SCPs that govern account ${PARTNER} were not read; run again with --org-role-arn for a role in account ${PARTNER_MANAGEMENT}, the management account of o-partner111`)
    expect(gathered.knownContext).toContainEqual(['aws:PrincipalOrgID', ['o-partner111']])
    const { verdict } = await diagnose(partnerQuery, provider, { assumeAbsent: false, allowUnknownAction: false })
    expect(verdict.decision).toBe('Undetermined')
  })

  it('keeps ChildNotFoundException as the gap, saying why membership is unknown, when the question fails', async () => {
    const { provider, callerOrgs } = partnerWorld('none')
    callerOrgs.stub.on(DescribeOrganizationCommand).rejects(awsError('AccessDeniedException', 'not authorized to perform organizations:DescribeOrganization'))
    const gaps = orgGaps((await provider.gather(partnerQuery)).incomplete)
    expect(gaps).toHaveLength(1)
    expect(gaps[0]!.error).toMatch(/^ChildNotFoundException/)
    expect(gaps[0]!.effect).toContain(`whether account ${PARTNER} is in any organization is unknown: DescribeOrganization with`)
    expect(gaps[0]!.effect).toContain('they need organizations:DescribeOrganization')
  })
})

describe('a partner resource reached with --resource-role-arn', () => {
  const LAKE_ROLE = `arn:aws:iam::${DATA_LAKE}:role/LakeWriter`
  const QUEUE = `arn:aws:sqs:us-east-1:${PARTNER}:partner-inbox`

  /** The data lake's role, sending to a partner's queue: RCPs are the partner account's. */
  function lakeWorld(resourceOrganization: { id: string; management: string } | 'none') {
    const aws = mockAws(DATA_LAKE)
    givenRole(aws, { name: 'LakeWriter' }, DATA_LAKE)
    givenOrganization(aws, { ...TREE, managementAccount: LAKE_MANAGEMENT })
    aws.resourceSts.on(GetCallerIdentityCommand).resolves({ Account: PARTNER, Arn: `arn:aws:sts::${PARTNER}:assumed-role/InboxReader/denydoctor-resource`, UserId: 'AROAPARTNER:denydoctor-resource' })
    const resourceOrgs = organizationsOf(resourceOrganization)
    const provider = aws.provider({ resourceRoleArn: `arn:aws:iam::${PARTNER}:role/InboxReader`, rcpServices: rcpServices(), clients: { ...aws.clients, resourceOrganizations: resourceOrgs.client } })
    return { aws, provider, resourceOrgs }
  }

  it('in no organization: no RCPs and no gap for them, aws:ResourceOrgID absent', async () => {
    const { provider, resourceOrgs } = lakeWorld('none')
    const gathered = await provider.gather(query(LAKE_ROLE, { action: 'sqs:SendMessage', resources: [QUEUE] }))
    expect(orgGaps(gathered.incomplete)).toEqual([])
    expect(gathered.policies.rcps).toEqual([])
    expect(gathered.policies.scps.map((level) => level.id)).toEqual([ROOT, OU_DATA, DATA_LAKE])
    expect(gathered.absentContext).toEqual(expect.arrayContaining(['aws:ResourceOrgID', 'aws:ResourceOrgPaths']))
    expect(resourceOrgs.stub.commandCalls(DescribeOrganizationCommand)).toHaveLength(1)
  })

  it('in another organization: its RCPs are a gap naming that organization\'s management account', async () => {
    const { provider } = lakeWorld({ id: 'o-partner111', management: PARTNER_MANAGEMENT })
    const gathered = await provider.gather(query(LAKE_ROLE, { action: 'sqs:SendMessage', resources: [QUEUE] }))
    const gaps = orgGaps(gathered.incomplete)
    expect(gaps).toEqual([
      {
        source: 'organizations',
        error: `account ${PARTNER} is in organization o-partner111 (asked with the role \`arn:aws:iam::${PARTNER}:role/InboxReader\` assumed for --resource-role-arn), which the organization reader does not read`,
        effect: expect.stringContaining(`The RCPs that govern account ${PARTNER} were not read; run again with --org-role-arn for a role in account ${PARTNER_MANAGEMENT}`),
      },
    ])
    expect(gathered.knownContext).toContainEqual(['aws:ResourceOrgID', ['o-partner111']])
  })

  it('with the caller in no organization, a partner resource in none has no gap either', async () => {
    const aws = mockAws(DATA_LAKE)
    givenRole(aws, { name: 'LakeWriter' }, DATA_LAKE)
    aws.resourceSts.on(GetCallerIdentityCommand).resolves({ Account: PARTNER, Arn: `arn:aws:sts::${PARTNER}:assumed-role/InboxReader/x`, UserId: 'AROAPARTNER:x' })
    const provider = aws.provider({ resourceRoleArn: `arn:aws:iam::${PARTNER}:role/InboxReader`, rcpServices: rcpServices() })
    const gathered = await provider.gather(query(LAKE_ROLE, { action: 'sqs:SendMessage', resources: [QUEUE] }))
    expect(orgGaps(gathered.incomplete)).toEqual([])
    expect(gathered.absentContext).toEqual(expect.arrayContaining(['aws:PrincipalOrgID', 'aws:ResourceOrgID']))
    expect(aws.resourceOrganizations.commandCalls(DescribeOrganizationCommand)).toHaveLength(1)
  })

  it('without credentials of the partner account, the gap says how to ask', async () => {
    const aws = mockAws(DATA_LAKE)
    givenRole(aws, { name: 'LakeWriter' }, DATA_LAKE)
    givenOrganization(aws, TREE)
    const gathered = await aws.provider({ rcpServices: rcpServices() }).gather(query(LAKE_ROLE, { action: 'sqs:SendMessage', resources: [QUEUE] }))
    const gaps = orgGaps(gathered.incomplete)
    expect(gaps).toHaveLength(1)
    expect(gaps[0]!.effect).toContain(`none of the credentials given belong to account ${PARTNER}`)
    expect(gaps[0]!.effect).toContain(`pass --resource-role-arn (or --resource-profile) for account ${PARTNER}`)
  })
})
