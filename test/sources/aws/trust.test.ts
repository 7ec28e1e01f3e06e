import { GetRoleCommand } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { describe, expect, it } from 'vitest'
import { assumedRole } from '../../../src/sources/aws/trust.js'
import { ACCOUNT, awsError, givenRole, iamDocument, mockAws, OTHER_ACCOUNT, query } from './helpers.js'

const CALLER = `arn:aws:iam::${ACCOUNT}:role/Deployer`

const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'TrustDeployer', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Deployer` }, Action: 'sts:AssumeRole' }],
}

describe('assumedRole', () => {
  it('names the role an sts:AssumeRole* request is about', () => {
    expect(assumedRole(`arn:aws:iam::${ACCOUNT}:role/team/Target`, 'sts:AssumeRole')).toEqual({ account: ACCOUNT, name: 'Target' })
    expect(assumedRole(`arn:aws:iam::${ACCOUNT}:role/Target`, 'sts:assumerolewithwebidentity')).toEqual({ account: ACCOUNT, name: 'Target' })
    expect(assumedRole(`arn:aws:iam::${ACCOUNT}:role/Target`, 'iam:GetRole')).toBeNull()
    expect(assumedRole(`arn:aws:iam::${ACCOUNT}:role/*`, 'sts:AssumeRole')).toBeNull()
  })
})

describe('trust policy as the resource policy of sts:AssumeRole', () => {
  it('reads the target role\'s trust policy in the caller\'s account', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Deployer' })
    aws.iam.on(GetRoleCommand, { RoleName: 'Target' }).resolves({
      Role: { RoleName: 'Target', Path: '/', RoleId: 'AROATARGET', Arn: `arn:aws:iam::${ACCOUNT}:role/Target`, CreateDate: new Date(), AssumeRolePolicyDocument: iamDocument(TRUST) },
    })
    const target = `arn:aws:iam::${ACCOUNT}:role/Target`
    const gathered = await aws.provider().gather(query(CALLER, { action: 'sts:AssumeRole', resources: [target] }))
    expect(gathered.incomplete).toEqual([])
    expect(gathered.policies.resource?.source).toEqual({ type: 'resource', name: 'Target', arn: target, attachedTo: 'Target', origin: 'trust policy of role `Target`' })
    expect(gathered.policies.resource?.policy.statements[0]?.sid).toBe('TrustDeployer')
    expect(gathered.resourceAccount).toBe(ACCOUNT)
  })

  it('reads a role of another account with the resource credentials', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Deployer' })
    aws.resourceSts.on(GetCallerIdentityCommand).resolves({ Account: OTHER_ACCOUNT })
    aws.resourceIam.on(GetRoleCommand, { RoleName: 'Target' }).resolves({
      Role: { RoleName: 'Target', Path: '/', RoleId: 'AROATARGET', Arn: `arn:aws:iam::${OTHER_ACCOUNT}:role/Target`, CreateDate: new Date(), AssumeRolePolicyDocument: iamDocument(TRUST) },
    })
    const gathered = await aws
      .provider({ resourceProfile: 'prod' })
      .gather(query(CALLER, { action: 'sts:AssumeRole', resources: [`arn:aws:iam::${OTHER_ACCOUNT}:role/Target`] }))
    expect(gathered.policies.resource?.source.origin).toBe('trust policy of role `Target`')
    expect(aws.iam.commandCalls(GetRoleCommand, { RoleName: 'Target' })).toHaveLength(0)
  })

  it('says which flag to use for a role of another account without resource credentials', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Deployer' })
    const gathered = await aws.provider().gather(query(CALLER, { action: 'sts:AssumeRole', resources: [`arn:aws:iam::${OTHER_ACCOUNT}:role/Target`] }))
    expect(gathered.policies.resource).toBeNull()
    expect(gathered.incomplete.find((g) => g.source === 'iam')?.effect).toContain(`--resource-role-arn for account ${OTHER_ACCOUNT}`)
  })

  it('turns a target role that does not exist into a gap, not an error about the caller', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Deployer' })
    aws.iam.on(GetRoleCommand, { RoleName: 'Gone' }).rejects(awsError('NoSuchEntityException', 'The role with name Gone cannot be found.', 404))
    const gathered = await aws.provider().gather(query(CALLER, { action: 'sts:AssumeRole', resources: [`arn:aws:iam::${ACCOUNT}:role/Gone`] }))
    expect(gathered.incomplete).toEqual([
      { source: 'iam', error: 'NoSuchEntityException: The role with name Gone cannot be found.', effect: expect.stringContaining('trust policy of role `Gone`'), layer: 'resource' },
    ])
  })

  it('says a wildcard role ARN names no single trust policy', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Deployer' })
    const gathered = await aws.provider().gather(query(CALLER, { action: 'sts:AssumeRole', resources: [`arn:aws:iam::${ACCOUNT}:role/*`] }))
    expect(gathered.incomplete).toEqual([{ source: 'iam', error: `\`arn:aws:iam::${ACCOUNT}:role/*\` names no single role, so no trust policy was read`, effect: expect.any(String), layer: 'resource' }])
  })
})
