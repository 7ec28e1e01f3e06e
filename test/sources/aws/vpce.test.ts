import { DescribeVpcEndpointsCommand } from '@aws-sdk/client-ec2'
import { describe, expect, it } from 'vitest'
import { ACCOUNT, awsError, givenRole, mockAws, query } from './helpers.js'

const ROLE = `arn:aws:iam::${ACCOUNT}:role/Reader`
const VPCE = 'vpce-0a1b2c3d4e5f60718'

const ENDPOINT_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'OnlyReports', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
}

describe('VPC endpoint policy', () => {
  // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
  it('reads the endpoint\'s policy and knows aws:SourceVpc', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.ec2.on(DescribeVpcEndpointsCommand).resolves({
      VpcEndpoints: [
        {
          VpcEndpointId: VPCE,
          VpcEndpointType: 'Gateway',
          VpcId: 'vpc-0123456789abcdef0',
          ServiceName: 'com.amazonaws.eu-west-1.s3',
          PolicyDocument: JSON.stringify(ENDPOINT_POLICY),
          OwnerId: ACCOUNT,
        },
      ],
    })
    const gathered = await aws.provider().gather(query(ROLE, { sourceVpce: VPCE, region: 'eu-west-1' }))
    expect(gathered.incomplete).toEqual([])
    expect(gathered.policies.vpce?.source).toEqual({
      type: 'vpce',
      name: VPCE,
      arn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc-endpoint/${VPCE}`,
      attachedTo: VPCE,
      origin: `policy of VPC endpoint \`${VPCE}\` (com.amazonaws.eu-west-1.s3 in vpc-0123456789abcdef0)`,
    })
    expect(gathered.policies.vpce?.policy.statements[0]?.sid).toBe('OnlyReports')
    expect(gathered.knownContext).toContainEqual(['aws:SourceVpc', ['vpc-0123456789abcdef0']])
    expect(aws.ec2.commandCalls(DescribeVpcEndpointsCommand)[0]?.args[0].input).toMatchObject({ VpcEndpointIds: [VPCE] })
  })

  it('turns an endpoint that does not exist (in that region) into a gap that mentions --region', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.ec2.on(DescribeVpcEndpointsCommand).rejects(awsError('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${VPCE}' does not exist`))
    const gathered = await aws.provider().gather(query(ROLE, { sourceVpce: VPCE, region: 'us-east-1' }))
    expect(gathered.policies.vpce).toBeNull()
    expect(gathered.incomplete).toEqual([
      {
        source: 'ec2',
        error: `InvalidVpcEndpointId.NotFound: The Vpc Endpoint Id '${VPCE}' does not exist`,
        effect: expect.stringContaining('pass --region for the endpoint\'s region (looked in region us-east-1'),
      },
    ])
  })

  it('turns UnauthorizedOperation into a gap', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    aws.ec2.on(DescribeVpcEndpointsCommand).rejects(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403))
    const gathered = await aws.provider().gather(query(ROLE, { sourceVpce: VPCE }))
    expect(gathered.incomplete[0]).toMatchObject({ source: 'ec2', error: expect.stringMatching(/^UnauthorizedOperation/) })
  })

  it('asks EC2 nothing when the request did not go through an endpoint', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    const gathered = await aws.provider().gather(query(ROLE))
    expect(gathered.policies.vpce).toBeNull()
    expect(aws.ec2.calls()).toHaveLength(0)
  })
})
