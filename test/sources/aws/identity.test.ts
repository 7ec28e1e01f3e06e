import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { ACCOUNT, allow, awsError, deny, givenManagedPolicy, givenRole, iamDocument, mockAws, names, query, type MockedAws } from './helpers.js'

const ROLE = `arn:aws:iam::${ACCOUNT}:role/TestReadOnly`
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
const DENY_EC2 = `arn:aws:iam::${ACCOUNT}:policy/DenyEc2`
const TAGGING = `arn:aws:iam::${ACCOUNT}:policy/teams/Tagging`

/** Two pages of attached policies and two pages of inline ones, as IAM pages them (Marker/IsTruncated). */
function givenPagedRole(aws: MockedAws): void {
  givenRole(aws, { name: 'TestReadOnly' })
  aws.iam.on(ListAttachedRolePoliciesCommand).callsFake((input: { Marker?: string }) =>
    input.Marker === 'page-2'
      ? { AttachedPolicies: [{ PolicyName: 'Tagging', PolicyArn: TAGGING }], IsTruncated: false }
      : {
          AttachedPolicies: [
            { PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY },
            { PolicyName: 'DenyEc2', PolicyArn: DENY_EC2 },
          ],
          IsTruncated: true,
          Marker: 'page-2',
        },
  )
  aws.iam.on(ListRolePoliciesCommand).callsFake((input: { Marker?: string }) =>
    input.Marker ? { PolicyNames: ['ForceMFA'], IsTruncated: false } : { PolicyNames: ['InlineS3'], IsTruncated: true, Marker: 'm' },
  )
  aws.iam.on(GetRolePolicyCommand, { RoleName: 'TestReadOnly', PolicyName: 'InlineS3' }).resolves({
    RoleName: 'TestReadOnly',
    PolicyName: 'InlineS3',
    PolicyDocument: iamDocument(allow('s3:GetObject', 'ReadObjects')),
  })
  aws.iam.on(GetRolePolicyCommand, { RoleName: 'TestReadOnly', PolicyName: 'ForceMFA' }).resolves({
    RoleName: 'TestReadOnly',
    PolicyName: 'ForceMFA',
    PolicyDocument: iamDocument(deny('*', 'DenyWithoutMFA')),
  })
  givenManagedPolicy(aws, READ_ONLY, allow('s3:Get*'))
  givenManagedPolicy(aws, DENY_EC2, deny('ec2:RunInstances', 'DenyEC2'))
  givenManagedPolicy(aws, TAGGING, allow('tag:*'))
}

describe('identity policies of a role', () => {
  it('reads every page of attached and inline policies and decodes the URL-encoded documents', async () => {
    const aws = mockAws()
    givenPagedRole(aws)
    const { policies, incomplete } = await aws.provider().gather(query(ROLE))
    expect(incomplete).toEqual([])
    expect(names(policies.identity)).toEqual(['ReadOnlyAccess', 'DenyEc2', 'Tagging', 'InlineS3', 'ForceMFA'])
    const denyEc2 = policies.identity[1]!
    expect(denyEc2.policy.statements[0]).toMatchObject({ sid: 'DenyEC2', effect: 'Deny', action: ['ec2:RunInstances'] })
    // The SDK's paginator reuses one input object, so the pages are counted rather than inspected.
    expect(aws.iam.commandCalls(ListAttachedRolePoliciesCommand)).toHaveLength(2)
    expect(aws.iam.commandCalls(ListRolePoliciesCommand)).toHaveLength(2)
  })

  it('says where each policy came from, in words', async () => {
    const aws = mockAws()
    givenPagedRole(aws)
    const { policies } = await aws.provider().gather(query(ROLE))
    expect(policies.identity[0]!.source).toEqual({
      type: 'identity',
      name: 'ReadOnlyAccess',
      arn: READ_ONLY,
      attachedTo: 'TestReadOnly',
      origin: 'managed policy `ReadOnlyAccess` attached to role `TestReadOnly`',
    })
    expect(policies.identity[4]!.source).toEqual({
      type: 'identity',
      name: 'ForceMFA',
      arn: null,
      attachedTo: 'TestReadOnly',
      origin: 'inline policy `ForceMFA` of role `TestReadOnly`',
    })
  })

  it('reads the default version of a managed policy', async () => {
    const aws = mockAws()
    givenPagedRole(aws)
    await aws.provider().gather(query(ROLE))
    const versions = aws.iam.commandCalls(GetPolicyVersionCommand).map((c) => c.args[0].input)
    expect(versions).toContainEqual({ PolicyArn: READ_ONLY, VersionId: 'v3' })
  })

  it('turns a document that does not parse into a gap, and keeps the others', async () => {
    const aws = mockAws()
    givenPagedRole(aws)
    aws.iam.on(GetRolePolicyCommand, { RoleName: 'TestReadOnly', PolicyName: 'ForceMFA' }).resolves({
      PolicyDocument: encodeURIComponent('{"Version":"2012-10-17","Statement":[{"Effect":"deny","Action":"*","Resource":"*"}]}'),
    })
    const { policies, incomplete } = await aws.provider().gather(query(ROLE))
    expect(names(policies.identity)).toEqual(['ReadOnlyAccess', 'DenyEc2', 'Tagging', 'InlineS3'])
    expect(incomplete).toHaveLength(1)
    expect(incomplete[0]).toMatchObject({ source: 'iam', error: expect.stringMatching(/^PolicyInputError: /) })
    expect(incomplete[0]!.effect).toContain('The inline policy `ForceMFA` of role `TestReadOnly` was left out: its document as AWS returned it could not be read as a policy')
  })

  it('turns AccessDenied on one listing into a gap and still reads the rest', async () => {
    const aws = mockAws()
    givenPagedRole(aws)
    aws.iam.on(ListRolePoliciesCommand).rejects(awsError('AccessDenied', 'not authorized to perform: iam:ListRolePolicies', 403))
    const { policies, incomplete } = await aws.provider().gather(query(ROLE))
    expect(names(policies.identity)).toEqual(['ReadOnlyAccess', 'DenyEc2', 'Tagging'])
    expect(incomplete).toEqual([
      {
        source: 'iam',
        error: 'AccessDenied: not authorized to perform: iam:ListRolePolicies',
        effect: 'The inline policies of role `TestReadOnly` were not read.',
      },
    ])
  })

  it('turns a managed policy that cannot be fetched into a gap naming it', async () => {
    const aws = mockAws()
    givenPagedRole(aws)
    aws.iam.on(GetPolicyCommand, { PolicyArn: DENY_EC2 }).rejects(awsError('ServiceFailureException', 'internal error', 500))
    const { policies, incomplete } = await aws.provider().gather(query(ROLE))
    expect(names(policies.identity)).not.toContain('DenyEc2')
    expect(incomplete[0]?.effect).toBe('The managed policy `DenyEc2` attached to role `TestReadOnly` was not read.')
  })

  it('reports a request still throttled after the SDK retries as a gap', async () => {
    const aws = mockAws()
    givenPagedRole(aws)
    aws.iam.on(ListAttachedRolePoliciesCommand).rejects(awsError('Throttling', 'Rate exceeded', 400))
    const { incomplete } = await aws.provider().gather(query(ROLE))
    expect(incomplete[0]?.error).toMatch(/^Throttling: Rate exceeded \(still throttled after the SDK retries/)
  })
})
