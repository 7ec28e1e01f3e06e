import { GetPolicyVersionCommand, GetUserCommand } from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { ACCOUNT, allow, awsError, givenManagedPolicy, givenRole, mockAws, query } from './helpers.js'

const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/boundaries/DevBoundary`

describe('permissions boundary', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
  it('reads the default version of the role\'s boundary as a boundary policy', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Dev', boundaryArn: BOUNDARY })
    givenManagedPolicy(aws, BOUNDARY, allow('s3:*', 'OnlyS3'), 'v7')
    const { policies, incomplete } = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/Dev`))
    expect(incomplete).toEqual([])
    expect(policies.boundary?.source).toEqual({
      type: 'boundary',
      name: 'DevBoundary',
      arn: BOUNDARY,
      attachedTo: 'Dev',
      origin: 'permissions boundary `DevBoundary` of role `Dev`',
    })
    expect(policies.boundary?.policy.statements[0]?.sid).toBe('OnlyS3')
    expect(policies.identity).toEqual([])
    expect(aws.iam.commandCalls(GetPolicyVersionCommand)[0]?.args[0].input).toEqual({ PolicyArn: BOUNDARY, VersionId: 'v7' })
  })

  it('reads a user\'s boundary from GetUser', async () => {
    const aws = mockAws()
    aws.iam.on(GetUserCommand).resolves({
      User: {
        Path: '/',
        UserName: 'alice',
        UserId: 'AIDAALICE',
        Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
        CreateDate: new Date(),
        PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: BOUNDARY },
      },
    })
    givenManagedPolicy(aws, BOUNDARY, allow('s3:*'))
    const { policies } = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:user/alice`))
    expect(policies.boundary?.source.origin).toBe('permissions boundary `DevBoundary` of user `alice`')
  })

  it('has no boundary when the role has none', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Plain' })
    const { policies } = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/Plain`))
    expect(policies.boundary).toBeNull()
  })

  it('turns a boundary that cannot be read into a gap, never into "no boundary" silently', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Dev', boundaryArn: BOUNDARY })
    givenManagedPolicy(aws, BOUNDARY, allow('s3:*'))
    aws.iam.on(GetPolicyVersionCommand).rejects(awsError('AccessDenied', 'not authorized to perform: iam:GetPolicyVersion', 403))
    const { policies, incomplete } = await aws.provider().gather(query(`arn:aws:iam::${ACCOUNT}:role/Dev`))
    expect(policies.boundary).toBeNull()
    expect(incomplete).toEqual([
      {
        source: 'iam',
        error: 'AccessDenied: not authorized to perform: iam:GetPolicyVersion',
        effect: `The permissions boundary \`${BOUNDARY}\` of role \`Dev\` was not read, so whether it allows the request is unknown.`,
      },
    ])
  })
})
