import { DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2'
import { ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam'
import {
  DescribeAccountCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations'
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import {
  ACCOUNT,
  allow,
  awsError,
  givenManagedPolicy,
  givenRole,
  MANAGEMENT_ACCOUNT,
  mockAws,
  query,
  type MockedAws,
} from './helpers.js'

const ORG = 'o-zzz9999999'
const ROOT = 'r-zz99'
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/Boundary`
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/App/i-0abc`
/** The full-access policy EC2 gives a new endpoint (no Version), as DescribeVpcEndpoints returns it. */
const DEFAULT_ENDPOINT_POLICY = '{\n  "Statement": [\n    {\n      "Action": "*",\n      "Effect": "Allow",\n      "Principal": "*",\n      "Resource": "*"\n    }\n  ]\n}'

/** A flat organization: the account sits right under the root, with one SCP and one RCP there. */
function givenFlatOrganization(aws: MockedAws): void {
  aws.organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: ORG, MasterAccountId: MANAGEMENT_ACCOUNT } })
  aws.organizations.on(ListRootsCommand).resolves({
    Roots: [{ Id: ROOT, Name: 'Root', PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }, { Type: 'RESOURCE_CONTROL_POLICY', Status: 'ENABLED' }] }],
  })
  aws.organizations.on(ListParentsCommand).resolves({ Parents: [{ Id: ROOT, Type: 'ROOT' }] })
  aws.organizations.on(ListPoliciesForTargetCommand).callsFake((input: { TargetId: string; Filter: string }) => ({
    Policies:
      input.TargetId === ROOT
        ? [{ Id: input.Filter === 'SERVICE_CONTROL_POLICY' ? 'p-scp' : 'p-rcp', Name: input.Filter === 'SERVICE_CONTROL_POLICY' ? 'FullAWSAccess' : 'RCPFullAWSAccess' }]
        : [],
  }))
  aws.organizations.on(DescribePolicyCommand).callsFake((input: { PolicyId: string }) => ({
    Policy: {
      PolicySummary: { Id: input.PolicyId, Name: input.PolicyId === 'p-scp' ? 'FullAWSAccess' : 'RCPFullAWSAccess' },
      Content: JSON.stringify(
        input.PolicyId === 'p-scp' ? allow('*') : { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
      ),
    },
  }))
  aws.organizations.on(DescribeAccountCommand).resolves({ Account: { Id: ACCOUNT, Name: 'workloads' } })
}

describe('createAwsProvider: one request, every source', () => {
  it('gathers identity, boundary, SCPs, RCPs, bucket, endpoint and session policies with their facts', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'App', path: '/apps/', roleId: 'AROAAPP', boundaryArn: BOUNDARY })
    aws.iam.on(ListAttachedRolePoliciesCommand, { RoleName: 'App' }).resolves({
      AttachedPolicies: [{ PolicyName: 'AppAccess', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/AppAccess` }],
      IsTruncated: false,
    })
    givenManagedPolicy(aws, `arn:aws:iam::${ACCOUNT}:policy/AppAccess`, allow('s3:GetObject'))
    givenManagedPolicy(aws, BOUNDARY, allow('s3:*'))
    givenFlatOrganization(aws)
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::data/*' }] }) })
    aws.ec2.on(DescribeVpcEndpointsCommand).resolves({
      VpcEndpoints: [{ VpcEndpointId: 'vpce-1111', VpcId: 'vpc-2222', ServiceName: 'com.amazonaws.us-east-1.s3', OwnerId: ACCOUNT, PolicyDocument: DEFAULT_ENDPOINT_POLICY }],
    })
    const sessionText = JSON.stringify(allow('s3:*'))

    const gathered = await aws.provider().gather(
      query(SESSION, { resources: ['arn:aws:s3:::data/report.csv'], sourceVpce: 'vpce-1111', region: 'us-east-1', sessionPolicy: { name: 'session.json', text: sessionText } }),
    )

    expect(gathered.incomplete).toEqual([])
    const { policies } = gathered
    expect(policies.identity.map((p) => p.source.name)).toEqual(['AppAccess'])
    expect(policies.boundary?.source.name).toBe('Boundary')
    expect(policies.scps.map((l) => [l.id, l.policies.map((p) => p.source.name)])).toEqual([
      [ROOT, ['FullAWSAccess']],
      [ACCOUNT, []],
    ])
    // The bucket's account came from S3, and its RCP chain was read for it.
    expect(gathered.resourceAccount).toBe(ACCOUNT)
    expect(policies.rcps.map((l) => [l.id, l.policies.map((p) => p.source.name)])).toEqual([
      [ROOT, ['RCPFullAWSAccess']],
      [ACCOUNT, []],
    ])
    expect(policies.resource?.source.type).toBe('resource')
    expect(policies.vpce?.source.name).toBe('vpce-1111')
    expect(policies.session?.source.name).toBe('session.json')
    expect(gathered.principal).toMatchObject({ principalArn: `arn:aws:iam::${ACCOUNT}:role/apps/App`, sessionName: 'i-0abc', uniqueId: 'AROAAPP' })
    expect(gathered.isManagementAccount).toBe(false)
    expect(gathered.resourceInManagementAccount).toBe(false)
    expect(Object.fromEntries(gathered.knownContext)).toEqual({
      'aws:userid': ['AROAAPP:i-0abc'],
      'aws:PrincipalOrgID': [ORG],
      'aws:PrincipalOrgPaths': [`${ORG}/${ROOT}/`],
      'aws:ResourceOrgID': [ORG],
      'aws:ResourceOrgPaths': [`${ORG}/${ROOT}/`],
      'aws:SourceVpc': ['vpc-2222'],
      'aws:ResourceAccount': [ACCOUNT],
    })
    expect(gathered.origin).toBe(`live account ${ACCOUNT}`)
  })

  it('reports one gap per distinct problem, even when several reads fail the same way', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'App' })
    givenFlatOrganization(aws)
    aws.organizations.on(ListParentsCommand).rejects(awsError('AccessDeniedException', 'denied', 400))
    const provider = aws.provider()
    const gathered = await provider.gather(query(`arn:aws:iam::${ACCOUNT}:role/App`, { resourceAccount: ACCOUNT }))
    const keys = gathered.incomplete.map((g) => JSON.stringify(g))
    expect(new Set(keys).size).toBe(keys.length)
    expect(gathered.incomplete.every((g) => g.source === 'organizations')).toBe(true)
  })
})
