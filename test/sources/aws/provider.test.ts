import { DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2'
import { ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam'
import { ListParentsCommand } from '@aws-sdk/client-organizations'
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { givenOrganization, type OrganizationFixture } from './given-organization.js'
import { ACCOUNT, allow, awsError, givenManagedPolicy, givenRole, mockAws, query } from './helpers.js'

const ORG = 'o-zzz9999999'
const ROOT = 'r-zz99'
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/Boundary`
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/App/i-0abc`
/** The full-access policy EC2 gives a new endpoint (no Version), as DescribeVpcEndpoints returns it. */
const DEFAULT_ENDPOINT_POLICY = '{\n  "Statement": [\n    {\n      "Action": "*",\n      "Effect": "Allow",\n      "Principal": "*",\n      "Resource": "*"\n    }\n  ]\n}'

/** A flat organization: the account sits right under the root, with one SCP and one RCP there. */
const FLAT: OrganizationFixture = {
  id: ORG,
  rootId: ROOT,
  parents: { [ACCOUNT]: ROOT },
  names: { [ACCOUNT]: 'workloads' },
  policies: {
    'p-scp': { name: 'FullAWSAccess', content: allow('*') },
    'p-rcp': { name: 'RCPFullAWSAccess', content: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] } },
  },
  attached: { [`SERVICE_CONTROL_POLICY|${ROOT}`]: [['p-scp']], [`RESOURCE_CONTROL_POLICY|${ROOT}`]: [['p-rcp']] },
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
    givenOrganization(aws, FLAT)
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
    givenOrganization(aws, FLAT)
    aws.organizations.on(ListParentsCommand).rejects(awsError('AccessDeniedException', 'denied', 400))
    const provider = aws.provider()
    const gathered = await provider.gather(query(`arn:aws:iam::${ACCOUNT}:role/App`, { resourceAccount: ACCOUNT }))
    const keys = gathered.incomplete.map((g) => JSON.stringify(g))
    expect(new Set(keys).size).toBe(keys.length)
    expect(gathered.incomplete.every((g) => g.source === 'organizations')).toBe(true)
  })
})
