import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/sources/aws/collect.js'
import { SourceError } from '../../../src/sources/errors.js'
import { readSnapshot, writeSnapshot } from '../../../src/sources/snapshot/file.js'
import { clock, expectSchemaValid, fakeAws, useFakeEnvironment } from './collect-setup.js'
import { DEV_BOUNDARY_ARN, FORCE_MFA, OU_PAYMENTS, OU_PROD, OU_WORKLOADS, PAYMENTS, READ_ONLY_ARN, ROOT, VPCE_ONLY, world } from './collect-world.js'
import { awsError, iamDocument } from './helpers.js'

useFakeEnvironment()

const decode = (text: unknown) => JSON.parse(decodeURIComponent(String(text)))

describe('collect: one account', () => {
  it('writes what GetAccountAuthorizationDetails, Organizations, S3 and EC2 say, field by field, and reads back valid', async () => {
    const aws = fakeAws(world({ unreadableBucket: true }))
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1', 'eu-west-1'] })
    const dir = await mkdtemp(join(tmpdir(), 'denydoctor-collect-'))
    const file = join(dir, 'snapshot.json')
    await writeSnapshot(file, snapshot)
    const back = await readSnapshot(file)
    expectSchemaValid(JSON.parse(await readFile(file, 'utf8')))
    expect((await stat(file)).mode & 0o777).toBe(0o600)

    expect(back.format).toBe('denydoctor-snapshot')
    expect(back.version).toBe(1)
    expect(back.takenAt).toBe('2026-11-01T10:00:00.000Z')
    expect(back.collectedBy).toBe(`arn:aws:sts::${PAYMENTS}:assumed-role/Collector/alice`)
    expect(back.accounts.map((a) => a.id)).toEqual([PAYMENTS])
    const iam = back.accounts[0]!.iam!

    // Every page of GetAccountAuthorizationDetails (three entries a page) was read.
    const gaad = aws.operations().filter((op) => op === 'iam:GetAccountAuthorizationDetails')
    expect(gaad.length).toBeGreaterThanOrEqual(4)
    expect(iam.users.map((u) => u.userName)).toEqual(['tester'])
    expect(iam.groups.map((g) => g.groupName)).toEqual(['Developers', 'Auditors'])
    expect(iam.roles.map((r) => r.roleName)).toEqual(['CloudOps', 'TestReadOnly', 'BoundedDev', 'AWSServiceRoleForSupport'])

    const tester = iam.users[0]!
    expect(tester).toMatchObject({
      path: '/',
      userId: 'AIDATESTER0000000001',
      arn: `arn:aws:iam::${PAYMENTS}:user/tester`,
      groupList: ['Developers'],
      attachedManagedPolicies: [{ policyName: 'ReadOnlyAccess', policyArn: READ_ONLY_ARN }],
      userPolicyList: [],
      permissionsBoundary: null,
      tags: [{ key: 'team', value: 'payments' }],
    })
    const developers = iam.groups[0]!
    expect(developers.groupId).toBe('AGPADEVELOPERS000001')
    // Documents stay exactly as IAM sent them: URL-encoded JSON text.
    expect(developers.groupPolicyList[0]!.policyName).toBe('ForceMFA')
    expect(developers.groupPolicyList[0]!.policyDocument).toBe(iamDocument(FORCE_MFA))
    expect(iam.groups[1]!.path).toBe('/audit/')

    const bounded = iam.roles[2]!
    expect(bounded).toMatchObject({ path: '/dev/', roleId: 'AROABOUNDEDDEV000001', arn: `arn:aws:iam::${PAYMENTS}:role/dev/BoundedDev`, tags: [] })
    expect(bounded.permissionsBoundary).toEqual({ permissionsBoundaryType: 'PermissionsBoundaryPolicy', permissionsBoundaryArn: DEV_BOUNDARY_ARN })
    expect(decode(iam.roles[0]!.assumeRolePolicyDocument)).toEqual({ Version: '2012-10-17', Statement: [] })

    // Managed policies carry the default version's document; a boundary-only policy was fetched on its own.
    const readOnly = iam.policies.find((p) => p.arn === READ_ONLY_ARN)!
    expect(readOnly).toMatchObject({ policyName: 'ReadOnlyAccess', defaultVersionId: 'v7', path: '/', policyId: 'ANPAREADONLYACCESS' })
    expect(decode(readOnly.document).Statement[0].Action).toEqual(['ec2:Describe*', 's3:Get*', 's3:List*'])
    const boundary = iam.policies.find((p) => p.arn === DEV_BOUNDARY_ARN)!
    expect(boundary.defaultVersionId).toBe('v2')
    expect(decode(boundary.document).Statement[1].Sid).toBe('NoEc2')
    expect(aws.operations()).toContain('iam:GetPolicyVersion')
    expect(iam.policies.map((p) => p.arn).sort()).toEqual(
      ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/PowerUserAccess', READ_ONLY_ARN, DEV_BOUNDARY_ARN].sort(),
    )

    // Buckets: with a policy, without one (null), and the unreadable one left out with a gap.
    const buckets = back.accounts[0]!.buckets
    expect(buckets.map((b) => [b.name, b.region])).toEqual([
      ['examplebucket', 'us-east-1'],
      ['payments-artifacts', 'eu-west-1'],
      ['payments-logs', 'eu-west-1'],
    ])
    expect(JSON.parse(String(buckets[0]!.policy))).toEqual(VPCE_ONLY)
    expect(buckets[1]!.policy).toBeNull()
    const bucketPolicyCalls = aws.stubs.s3.calls().filter((c) => (c.args[0] as object).constructor.name === 'GetBucketPolicyCommand')
    expect(bucketPolicyCalls.every((c) => (c.args[0] as { input: { ExpectedBucketOwner?: string } }).input.ExpectedBucketOwner === PAYMENTS)).toBe(true)

    // Endpoints in both regions, with and without a policy.
    const endpoints = back.accounts[0]!.vpcEndpoints
    expect(endpoints.map((e) => [e.id, e.region, e.vpcId])).toEqual([
      ['vpce-11111111', 'us-east-1', 'vpc-aaaa1111'],
      ['vpce-33333333', 'us-east-1', 'vpc-aaaa1111'],
      ['vpce-22222222', 'eu-west-1', 'vpc-bbbb2222'],
    ])
    expect(endpoints[0]!.serviceName).toBe('com.amazonaws.us-east-1.s3')
    expect(endpoints[1]!.policy).toBeNull()
    expect(JSON.parse(String(endpoints[2]!.policy)).Statement[1].Effect).toBe('Deny')

    expect(back.incomplete).toEqual([
      {
        source: 's3',
        error: 'AccessDenied: Access Denied',
        effect: expect.stringMatching(/^Bucket `locked-bucket` of account 111111111111 was left out of the snapshot: its bucket policy was not read.*s3:GetBucketPolicy/),
        account: '111111111111',
        call: 's3:GetBucketPolicy on locked-bucket',
      },
    ])
  })

  it('reads the organization three OUs deep, with SCPs, RCPs and every attachment', async () => {
    fakeAws(world())
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'] })
    const org = snapshot.organization!
    expect(org.id).toBe('o-prty111111')
    expect(org.managementAccountId).toBe('999999999999')
    // Tag policies are enabled too, but the snapshot keeps SCPs and RCPs only.
    expect(org.roots).toEqual([{ id: ROOT, name: 'Root', policyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] }])
    expect(org.ous).toEqual([
      { id: OU_WORKLOADS, name: 'Workloads', parentId: ROOT },
      { id: OU_PROD, name: 'Prod', parentId: OU_WORKLOADS },
      { id: OU_PAYMENTS, name: 'Payments', parentId: OU_PROD },
    ])
    expect(org.accounts.find((a) => a.id === PAYMENTS)).toEqual({ id: PAYMENTS, name: 'Payments', parentId: OU_PAYMENTS })
    expect(org.accounts).toHaveLength(5)
    expect(org.policies.map((p) => [p.name, p.type])).toEqual([
      ['FullAWSAccess', 'SERVICE_CONTROL_POLICY'],
      ['DenyRunInstances', 'SERVICE_CONTROL_POLICY'],
      ['RCPFullAWSAccess', 'RESOURCE_CONTROL_POLICY'],
      ['DenyS3OutsideOrg', 'RESOURCE_CONTROL_POLICY'],
    ])
    const denyRun = org.policies.find((p) => p.name === 'DenyRunInstances')!
    expect(denyRun.arn).toBe('arn:aws:organizations::999999999999:policy/o-prty111111/service_control_policy/p-denyrun1')
    expect(JSON.parse(String(denyRun.document)).Statement[0].Sid).toBe('DenyRunInstancesExceptCloudOps')
    expect(org.attachments).toContainEqual({ policyId: 'p-denyrun1', targetId: OU_PROD })
    expect(org.attachments.filter((a) => a.policyId === 'p-FullAWSAccess')).toHaveLength(9)
    expect(org.attachments.filter((a) => a.targetId === OU_PAYMENTS).map((a) => a.policyId).sort()).toEqual(['p-FullAWSAccess', 'p-RCPFullAWSAccess'])
    expect(snapshot.incomplete).toEqual([])
  })

  it('keeps the answer of --all-regions: DescribeRegions, then every region it lists', async () => {
    const aws = fakeAws(world())
    const { snapshot } = await collectSnapshot({ clock, allRegions: true })
    expect(aws.operations()).toContain('ec2:DescribeRegions')
    expect(snapshot.accounts[0]!.vpcEndpoints.map((e) => e.id)).toEqual(['vpce-22222222', 'vpce-11111111', 'vpce-33333333'])
  })

  it('a region that refuses the endpoints read is a gap for that region only; the other regions are kept', async () => {
    const aws = fakeAws(world())
    const { DescribeVpcEndpointsCommand } = await import('@aws-sdk/client-ec2')
    const regionOf = async (getClient: () => { config: { region: () => Promise<string> } }) => getClient().config.region()
    aws.stubs.ec2.on(DescribeVpcEndpointsCommand).callsFake(async (_input: unknown, getClient: () => { config: { region: () => Promise<string> } }) => {
      const region = await regionOf(getClient)
      if (region === 'me-south-1') throw awsError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401)
      if (region === 'eu-west-1') throw awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403)
      return { VpcEndpoints: [{ VpcEndpointId: 'vpce-11111111', VpcId: 'vpc-aaaa1111', ServiceName: 'com.amazonaws.us-east-1.s3', State: 'available', OwnerId: PAYMENTS }] }
    })
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1', 'eu-west-1', 'me-south-1'] })
    expect(snapshot.accounts[0]!.vpcEndpoints.map((e) => [e.id, e.region, e.policy])).toEqual([['vpce-11111111', 'us-east-1', null]])
    const notRead = (region: string) => `The VPC endpoints of account 111111111111 in ${region} were not read, so a diagnosis through one of them reports a gap`
    expect(snapshot.incomplete.map((g) => [g.source, g.error.split(':')[0], g.effect])).toEqual([
      ['ec2', 'UnauthorizedOperation', `${notRead('eu-west-1')}; the credentials need ec2:DescribeVpcEndpoints there.`],
      ['ec2', 'AuthFailure', `${notRead('me-south-1')}; me-south-1 refused the credentials, as a region not enabled for the account does (enable it, or leave it out of --region).`],
    ])
  })

  it('IAM or the bucket list denied: iam null / no buckets, each with a gap naming the permission', async () => {
    const aws = fakeAws(world())
    const { GetAccountAuthorizationDetailsCommand } = await import('@aws-sdk/client-iam')
    const { ListBucketsCommand } = await import('@aws-sdk/client-s3')
    aws.stubs.iam.on(GetAccountAuthorizationDetailsCommand).rejects(awsError('AccessDenied', 'User is not authorized to perform: iam:GetAccountAuthorizationDetails', 403))
    aws.stubs.s3.on(ListBucketsCommand).rejects(awsError('AccessDenied', 'Access Denied', 403))
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'] })
    expect(snapshot.accounts[0]).toMatchObject({ id: PAYMENTS, iam: null, buckets: [] })
    expect(snapshot.accounts[0]!.vpcEndpoints).toHaveLength(2)
    expect(snapshot.incomplete.map((g) => g.source)).toEqual(['iam', 's3'])
    expect(snapshot.incomplete[0]!.effect).toBe(
      'IAM of account 111111111111 was not read, so none of its users, groups or roles can be diagnosed from the snapshot; the credentials need iam:GetAccountAuthorizationDetails (see the collector policy in the README).',
    )
    expect(snapshot.incomplete[1]!.effect).toMatch(/^The buckets of account 111111111111 were not listed.*s3:ListAllMyBuckets\.$/)
  })

  it('a GetCallerIdentity the service fails stops the run with one sentence, before anything else is read', async () => {
    const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts')
    const aws = fakeAws(world())
    aws.stubs.sts.on(GetCallerIdentityCommand).rejects(awsError('InternalFailure', 'We encountered an internal error.', 500))
    const error = await collectSnapshot({ clock, regions: ['us-east-1'] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect((error as Error).message).toBe(
      'The identity of the default credentials (environment variables or the default profile) could not be read (InternalFailure: We encountered an internal error.), so nothing was collected.',
    )
    expect(aws.operations()).toEqual(['sts:GetCallerIdentity'])
  })

  it('a bucket deleted between ListBuckets and its reads is simply not there', async () => {
    const aws = fakeAws(world())
    const { GetBucketPolicyCommand } = await import('@aws-sdk/client-s3')
    aws.stubs.s3.on(GetBucketPolicyCommand, { Bucket: 'payments-logs' }).rejects(awsError('NoSuchBucket', 'The specified bucket does not exist', 404))
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'] })
    expect(snapshot.accounts[0]!.buckets.map((b) => b.name)).toEqual(['examplebucket', 'payments-artifacts'])
    expect(snapshot.incomplete).toEqual([])
  })

  it('uses the configured region when no --region is given', async () => {
    fakeAws(world())
    const { snapshot } = await collectSnapshot({ clock })
    expect(snapshot.accounts[0]!.vpcEndpoints.map((e) => e.region)).toEqual(['us-east-1', 'us-east-1'])
  })

  it('writes .json.gz compressed, mode 0600, and reads it back', async () => {
    fakeAws(world())
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'] })
    const file = join(await mkdtemp(join(tmpdir(), 'denydoctor-collect-')), 's.json.gz')
    await writeSnapshot(file, snapshot)
    const bytes = await readFile(file)
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b])
    expectSchemaValid(JSON.parse(gunzipSync(bytes).toString('utf8')))
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await readSnapshot(file)).accounts[0]!.iam!.roles).toHaveLength(4)
  })
})
