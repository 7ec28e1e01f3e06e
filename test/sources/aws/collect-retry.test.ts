/**
 * The real SDK paths aws-sdk-client-mock skips: retries (adaptive mode, in the middleware) and
 * AssumeRole through fromTemporaryCredentials. Clients are real, with only the HTTP handler
 * faked (no network), as in retry.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { collectSnapshot } from '../../../src/sources/aws/collect.js'
import { assumedRoleCredentials } from '../../../src/sources/aws/collect-accounts.js'
import { clock, fakeAws, useFakeEnvironment } from './collect-setup.js'
import { DATA, PAYMENTS, world } from './collect-world.js'
import { actionOf, fastRetries, scriptedHttp, THROTTLED } from './fake-http.js'
import { iamDocument } from './helpers.js'

useFakeEnvironment()

const IAM = 'https://iam.amazonaws.com/doc/2010-05-08/'
const STS = 'https://sts.amazonaws.com/doc/2011-06-15/'

function gaadPage(body: string, marker: string | null): string {
  const truncation = marker ? `<IsTruncated>true</IsTruncated><Marker>${marker}</Marker>` : '<IsTruncated>false</IsTruncated>'
  return `<GetAccountAuthorizationDetailsResponse xmlns="${IAM}"><GetAccountAuthorizationDetailsResult>${truncation}${body}</GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>req</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>`
}

const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
const document = iamDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] })

const PAGE_1 = gaadPage(
  `<UserDetailList><member><Path>/</Path><UserName>tester</UserName><UserId>AIDATESTER0000000001</UserId><Arn>arn:aws:iam::${PAYMENTS}:user/tester</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><GroupList/><AttachedManagedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName><PolicyArn>${READ_ONLY}</PolicyArn></member></AttachedManagedPolicies><UserPolicyList/></member></UserDetailList><GroupDetailList/><RoleDetailList/><Policies/>`,
  'page-2',
)
const PAGE_2 = gaadPage(
  `<UserDetailList/><GroupDetailList/><RoleDetailList><member><Path>/</Path><RoleName>Reader</RoleName><RoleId>AROAREADER0000000001</RoleId><Arn>arn:aws:iam::${PAYMENTS}:role/Reader</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${document}</AssumeRolePolicyDocument><RolePolicyList><member><PolicyName>Inline</PolicyName><PolicyDocument>${document}</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies/><Tags><member><Key>env</Key><Value>prod</Value></member></Tags></member></RoleDetailList><Policies><member><PolicyName>ReadOnlyAccess</PolicyName><PolicyId>ANPAREADONLY</PolicyId><Arn>${READ_ONLY}</Arn><Path>/</Path><DefaultVersionId>v3</DefaultVersionId><PolicyVersionList><member><Document>${document}</Document><VersionId>v3</VersionId><IsDefaultVersion>true</IsDefaultVersion></member></PolicyVersionList></member></Policies>`,
  null,
)

describe('collect through the SDK\'s own middleware', () => {
  it('a ThrottlingException on a page of GetAccountAuthorizationDetails is retried, and every page still lands in the snapshot', async () => {
    fakeAws(world(), { skip: ['iam'] })
    const { handler, bodies } = scriptedHttp([
      { status: 200, body: PAGE_1 },
      { status: 400, body: THROTTLED },
      { status: 200, body: PAGE_2 },
    ])
    const calls: string[] = []
    const { snapshot } = await collectSnapshot({
      clock,
      regions: ['us-east-1'],
      clientConfig: { requestHandler: handler, retryStrategy: fastRetries(3) },
      onCall: (c) => calls.push(`${c.service}:${c.operation}:${c.ok}`),
    })
    expect(bodies.map((b) => `${actionOf(b)}${/Marker=([\w-]+)/.exec(b)?.[1] ? ` ${/Marker=([\w-]+)/.exec(b)?.[1]}` : ''}`)).toEqual([
      'GetAccountAuthorizationDetails',
      'GetAccountAuthorizationDetails page-2',
      'GetAccountAuthorizationDetails page-2',
    ])
    const iam = snapshot.accounts[0]!.iam!
    expect(iam.users.map((u) => u.userName)).toEqual(['tester'])
    expect(iam.roles[0]).toEqual({
      path: '/',
      roleName: 'Reader',
      roleId: 'AROAREADER0000000001',
      arn: `arn:aws:iam::${PAYMENTS}:role/Reader`,
      assumeRolePolicyDocument: document,
      attachedManagedPolicies: [],
      rolePolicyList: [{ policyName: 'Inline', policyDocument: document }],
      permissionsBoundary: null,
      tags: [{ key: 'env', value: 'prod' }],
    })
    expect(iam.policies).toEqual([{ arn: READ_ONLY, policyName: 'ReadOnlyAccess', policyId: 'ANPAREADONLY', path: '/', defaultVersionId: 'v3', document }])
    expect(snapshot.incomplete).toEqual([])
    // The pool sees one call per page: the retry happens inside it.
    expect(calls.filter((c) => c.startsWith('iam:'))).toEqual(['iam:GetAccountAuthorizationDetails:true', 'iam:GetAccountAuthorizationDetails:true'])
  })

  it('AccessDenied from STS AssumeRole (the SDK\'s fromTemporaryCredentials) leaves the account out with a gap', async () => {
    fakeAws(world())
    const denied = `<ErrorResponse xmlns="${STS}"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::${PAYMENTS}:assumed-role/Collector/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${DATA}:role/Reader</Message></Error><RequestId>req-a</RequestId></ErrorResponse>`
    const { handler, bodies } = scriptedHttp([{ status: 403, body: denied }])
    const settings = { profile: null, region: 'us-east-1', orgProfile: null, orgRoleArn: null, resourceProfile: null, resourceRoleArn: null }
    const { snapshot } = await collectSnapshot({
      clock,
      regions: ['us-east-1'],
      accounts: { kind: 'list', ids: [PAYMENTS, DATA] },
      assumeRoleName: 'Reader',
      roleCredentials: assumedRoleCredentials(settings, { requestHandler: handler }),
    })
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toContain('Action=AssumeRole')
    expect(bodies[0]).toContain(`RoleArn=${encodeURIComponent(`arn:aws:iam::${DATA}:role/Reader`)}`)
    expect(bodies[0]).toContain('RoleSessionName=denydoctor-collect')
    expect(snapshot.accounts.map((a) => [a.id, a.iam === null])).toEqual([
      [PAYMENTS, false],
      [DATA, true],
    ])
    expect(snapshot.incomplete).toHaveLength(1)
    expect(snapshot.incomplete[0]!.source).toBe('sts')
    expect(snapshot.incomplete[0]!.error).toMatch(/^AccessDenied: User: .* is not authorized to perform: sts:AssumeRole/)
  })
})
