import { DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { describe, expect, it } from 'vitest'
import { rcpServices } from '../../../src/catalogue/index.js'
import { createAccountReach } from '../../../src/sources/aws/account-provider.js'
import { givenOrganization } from './given-organization.js'
import { config, givenRole, MANAGEMENT_ACCOUNT, mockAws, OTHER_ACCOUNT, query } from './helpers.js'

const ROLE = `arn:aws:iam::${OTHER_ACCOUNT}:role/Reader`
const VPCE = 'vpce-0a1b2c3d4e5f60718'
const POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'OnlyReports', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] }

/** An EC2 client of one region, as the assumed role's credentials would build it, answering for one endpoint. */
function regionalEc2(region: string, holdsEndpoint: boolean) {
  const client = new EC2Client({ ...config, region })
  const stub = mockClient(client)
  stub.on(DescribeVpcEndpointsCommand).resolves({
    VpcEndpoints: holdsEndpoint ? [{ VpcEndpointId: VPCE, VpcEndpointType: 'Gateway', VpcId: 'vpc-0123456789abcdef0', ServiceName: `com.amazonaws.${region}.s3`, PolicyDocument: JSON.stringify(POLICY), OwnerId: OTHER_ACCOUNT }] : [],
  })
  return { client, stub }
}

describe('an account reached through an assumed role', () => {
  // With --assume-role-name, each check's endpoint is read in the region the check names,
  // with that account's credentials (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
  it('reads a VPC endpoint in the region each check names, with the clients built for that account', async () => {
    const management = mockAws(MANAGEMENT_ACCOUNT)
    const other = mockAws(OTHER_ACCOUNT)
    givenRole(other, { name: 'Reader' }, OTHER_ACCOUNT)
    const regions = { 'eu-west-1': regionalEc2('eu-west-1', true), 'ap-southeast-2': regionalEc2('ap-southeast-2', false) }
    const asked: (string | null)[] = []
    const reach = createAccountReach(
      { assumeRoleName: 'Auditor', rcpServices: rcpServices(), clients: { organizations: management.clients.organizations, sts: management.clients.sts, iam: management.clients.iam } },
      () => {
        const { sts, iam, s3 } = other.clients
        return {
          sts,
          iam,
          s3,
          resourceSts: sts,
          resourceIam: iam,
          ec2InRegion: (region) => {
            asked.push(region)
            return regions[region as keyof typeof regions].client
          },
        }
      },
    )
    const provider = reach.forAccount(OTHER_ACCOUNT)

    const inIreland = await provider.gather(query(ROLE, { sourceVpce: VPCE, region: 'eu-west-1' }))
    expect(inIreland.incomplete).toEqual([])
    expect(inIreland.policies.vpce?.source.arn).toBe(`arn:aws:ec2:eu-west-1:${OTHER_ACCOUNT}:vpc-endpoint/${VPCE}`)
    expect(inIreland.policies.vpce?.policy.statements[0]?.sid).toBe('OnlyReports')

    // Another region, another client: the endpoint is not there, which is a gap naming that region.
    const inSydney = await provider.gather(query(ROLE, { sourceVpce: VPCE, region: 'ap-southeast-2' }))
    expect(inSydney.policies.vpce).toBeNull()
    expect(inSydney.incomplete).toEqual([expect.objectContaining({ source: 'ec2', error: `DescribeVpcEndpoints did not return \`${VPCE}\`` })])

    expect(asked).toEqual(['eu-west-1', 'ap-southeast-2'])
    expect(regions['eu-west-1'].stub.commandCalls(DescribeVpcEndpointsCommand)).toHaveLength(1)
    expect(regions['ap-southeast-2'].stub.commandCalls(DescribeVpcEndpointsCommand)).toHaveLength(1)
    // The caller's own EC2 client (the management account's) was never used for the other account.
    expect(management.ec2.calls()).toHaveLength(0)
    expect(other.ec2.calls()).toHaveLength(0)
  })
})

describe('the caller\'s own account', () => {
  it('is asked of STS once, whether the reach or its own source asks', async () => {
    const management = mockAws(MANAGEMENT_ACCOUNT)
    givenRole(management, { name: 'Admin' }, MANAGEMENT_ACCOUNT)
    const reach = createAccountReach({ assumeRoleName: 'Auditor', clients: { organizations: management.clients.organizations, sts: management.clients.sts, iam: management.clients.iam } }, () => ({}))
    expect(await reach.ownAccount()).toBe(MANAGEMENT_ACCOUNT)
    await reach.own.gather(query(`arn:aws:iam::${MANAGEMENT_ACCOUNT}:role/Admin`))
    expect(await reach.ownAccount()).toBe(MANAGEMENT_ACCOUNT)
    expect(management.operations().filter((op) => op.startsWith('sts:'))).toEqual(['sts:GetCallerIdentity'])
  })
})

describe('the organization reader (--org-role-arn)', () => {
  it('is asked who it is once for the whole audit, not once per account reached', async () => {
    const management = mockAws(MANAGEMENT_ACCOUNT)
    givenOrganization(management, {
      id: 'o-audit11111',
      rootId: 'r-audit',
      // Neither account is in it: each check then asks which account the reader is in.
      parents: {},
      policies: {},
      attached: {},
    })
    const accounts = [mockAws(OTHER_ACCOUNT), mockAws('333333333333')]
    for (const aws of accounts) givenRole(aws, { name: 'Reader' }, aws === accounts[0] ? OTHER_ACCOUNT : '333333333333')
    const byAccount = new Map(accounts.map((aws, i) => [i === 0 ? OTHER_ACCOUNT : '333333333333', aws]))
    const reach = createAccountReach(
      {
        assumeRoleName: 'Auditor',
        orgRoleArn: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:role/OrgReader`,
        rcpServices: rcpServices(),
        clients: { organizations: management.clients.organizations, sts: management.clients.sts, iam: management.clients.iam, orgSts: management.clients.orgSts },
      },
      (account) => {
        // The account's own Organizations client answers whether it is in an organization (in none, here).
        const { sts, iam, s3, organizations } = byAccount.get(account)!.clients
        return { sts, iam, s3, resourceSts: sts, resourceIam: iam, callerOrganizations: organizations, resourceOrganizations: organizations }
      },
    )
    for (const [account] of byAccount) await reach.forAccount(account).gather(query(`arn:aws:iam::${account}:role/Reader`))
    expect(management.orgSts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1)
  })
})
