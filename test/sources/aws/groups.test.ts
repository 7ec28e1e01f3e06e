import {
  GetGroupPolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
} from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { ACCOUNT, allow, awsError, deny, givenManagedPolicy, iamDocument, mockAws, names, query, type MockedAws } from './helpers.js'

const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`
const POWER = 'arn:aws:iam::aws:policy/PowerUserAccess'

function group(name: string) {
  return { GroupName: name, GroupId: `AGPA${name.toUpperCase()}`, Arn: `arn:aws:iam::${ACCOUNT}:group/${name}`, Path: '/', CreateDate: new Date() }
}

function givenAlice(aws: MockedAws): void {
  aws.iam.on(GetUserCommand, { UserName: 'alice' }).resolves({
    User: { Path: '/', UserName: 'alice', UserId: 'AIDAALICE', Arn: ALICE, CreateDate: new Date() },
  })
  aws.iam.on(ListAttachedUserPoliciesCommand, { UserName: 'alice' }).resolves({ AttachedPolicies: [], IsTruncated: false })
  aws.iam.on(ListUserPoliciesCommand, { UserName: 'alice' }).resolves({ PolicyNames: ['SelfService'], IsTruncated: false })
  aws.iam.on(GetUserPolicyCommand).resolves({ PolicyDocument: iamDocument(allow('iam:ChangePassword')) })
  // Two pages of groups.
  aws.iam.on(ListGroupsForUserCommand).callsFake((input: { Marker?: string }) =>
    input.Marker ? { Groups: [group('Admins')], IsTruncated: false } : { Groups: [group('Developers')], IsTruncated: true, Marker: 'g2' },
  )
  aws.iam.on(ListAttachedGroupPoliciesCommand, { GroupName: 'Developers' }).resolves({
    AttachedPolicies: [{ PolicyName: 'PowerUserAccess', PolicyArn: POWER }],
    IsTruncated: false,
  })
  aws.iam.on(ListGroupPoliciesCommand, { GroupName: 'Developers' }).resolves({ PolicyNames: ['ForceMFA'], IsTruncated: false })
  aws.iam.on(GetGroupPolicyCommand, { GroupName: 'Developers', PolicyName: 'ForceMFA' }).resolves({
    GroupName: 'Developers',
    PolicyName: 'ForceMFA',
    PolicyDocument: iamDocument(deny('*', 'DenyAllExceptListedIfNoMFA')),
  })
  aws.iam.on(ListAttachedGroupPoliciesCommand, { GroupName: 'Admins' }).resolves({ AttachedPolicies: [], IsTruncated: false })
  aws.iam.on(ListGroupPoliciesCommand, { GroupName: 'Admins' }).resolves({ PolicyNames: [], IsTruncated: false })
  givenManagedPolicy(aws, POWER, allow('*'))
}

describe('groups of a user', () => {
  it('adds the attached and inline policies of every group, after the user\'s own', async () => {
    const aws = mockAws()
    givenAlice(aws)
    const { policies, incomplete } = await aws.provider().gather(query(ALICE))
    expect(incomplete).toEqual([])
    expect(names(policies.identity)).toEqual(['SelfService', 'PowerUserAccess', 'ForceMFA'])
    expect(policies.identity.map((p) => p.source.origin)).toEqual([
      'inline policy `SelfService` of user `alice`',
      'managed policy `PowerUserAccess` attached to group `Developers`',
      'inline policy `ForceMFA` of group `Developers`',
    ])
    expect(policies.identity[2]!.source.attachedTo).toBe('Developers')
    expect(aws.iam.commandCalls(ListGroupsForUserCommand)).toHaveLength(2)
  })

  it('reads the policies of a group once, however many members are diagnosed', async () => {
    const aws = mockAws()
    givenAlice(aws)
    aws.iam.on(GetUserCommand, { UserName: 'carol' }).resolves({
      User: { Path: '/', UserName: 'carol', UserId: 'AIDACAROL', Arn: `arn:aws:iam::${ACCOUNT}:user/carol`, CreateDate: new Date() },
    })
    const provider = aws.provider()
    await provider.gather(query(ALICE))
    await provider.gather(query(`arn:aws:iam::${ACCOUNT}:user/carol`))
    expect(aws.iam.commandCalls(ListGroupPoliciesCommand, { GroupName: 'Developers' })).toHaveLength(1)
    expect(aws.iam.commandCalls(GetGroupPolicyCommand)).toHaveLength(1)
  })

  it('turns a groups listing that is denied into a gap that says group Denies may be missing', async () => {
    const aws = mockAws()
    givenAlice(aws)
    aws.iam.on(ListGroupsForUserCommand).rejects(awsError('AccessDenied', 'not authorized to perform: iam:ListGroupsForUser', 403))
    const { policies, incomplete } = await aws.provider().gather(query(ALICE))
    expect(names(policies.identity)).toEqual(['SelfService'])
    expect(incomplete).toHaveLength(1)
    expect(incomplete[0]!.effect).toContain('The groups of user `alice` were not read')
  })
})
