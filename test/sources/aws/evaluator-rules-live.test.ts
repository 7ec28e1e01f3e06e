/**
 * Evaluator rules as a live diagnosis meets them (mocked AWS): a key policy the live source does
 * not read is a gap, not a missing Allow; a service principal answers to the trust policy alone.
 */
import { GetRoleCommand, ListRolePoliciesCommand, GetRolePolicyCommand } from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { rcpServices } from '../../../src/catalogue/index.js'
import { diagnose } from '../../../src/diagnose.js'
import { ACCOUNT, allow, givenRole, iamDocument, mockAws, query } from './helpers.js'

const OPTIONS = { assumeAbsent: false, allowUnknownAction: false }

describe('a KMS key policy the live source does not read', () => {
  // https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html: the key policy must allow,
  // and an unread one may well: Undetermined with the gap, never "needs its key policy to allow".
  it('makes kms:CreateGrant Undetermined with no missing Allow, the key policy listed as not read', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'App' })
    aws.iam.on(ListRolePoliciesCommand, { RoleName: 'App' }).resolves({ PolicyNames: ['Kms'], IsTruncated: false })
    aws.iam.on(GetRolePolicyCommand, { RoleName: 'App', PolicyName: 'Kms' }).resolves({ RoleName: 'App', PolicyName: 'Kms', PolicyDocument: iamDocument(allow('kms:CreateGrant')) })
    const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
    const q = query(`arn:aws:sts::${ACCOUNT}:assumed-role/App/s`, { action: 'kms:CreateGrant', resources: [key] })
    const { verdict } = await diagnose(q, aws.provider({ rcpServices: rcpServices() }), OPTIONS)
    expect(verdict.decision).toBe('Undetermined')
    expect(verdict.missingAllows).toEqual([])
    expect(verdict.incomplete).toEqual([expect.objectContaining({ source: 'kms', layer: 'resource' })])
    expect(verdict.suggestions.join(' ')).not.toContain('only under conditions the request context does not settle')
  })
})

describe('a service principal as the caller', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
  it('lambda.amazonaws.com assuming a role is decided by the role\'s trust policy alone', async () => {
    const aws = mockAws()
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }
    aws.iam.on(GetRoleCommand, { RoleName: 'OrdersFunction' }).resolves({
      Role: { RoleName: 'OrdersFunction', Path: '/', RoleId: 'AROAORDERS', Arn: `arn:aws:iam::${ACCOUNT}:role/OrdersFunction`, CreateDate: new Date(), AssumeRolePolicyDocument: iamDocument(trust) },
    })
    const q = query('lambda.amazonaws.com', { action: 'sts:AssumeRole', resources: [`arn:aws:iam::${ACCOUNT}:role/OrdersFunction`] })
    const { verdict } = await diagnose(q, aws.provider({ rcpServices: rcpServices() }), OPTIONS)
    expect(verdict.incomplete).toEqual([])
    expect(verdict.decision).toBe('Allowed')
    expect(verdict.allows).toEqual([expect.objectContaining({ policyType: 'resource', statementIndex: 0 })])
  })
})
