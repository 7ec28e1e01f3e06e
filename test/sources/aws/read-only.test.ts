import { AttachRolePolicyCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { PutBucketPolicyCommand } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import { describe, expect, it } from 'vitest'
import { AwsClientPool, isReadOnlyOperation } from '../../../src/sources/aws/clients.js'
import { createLimit } from '../../../src/sources/aws/limit.js'
import { operationsImported } from './source-scan.js'

const SETTINGS = { profile: null, region: 'us-east-1', orgProfile: null, orgRoleArn: null, resourceProfile: null, resourceRoleArn: null }

describe('denydoctor only reads from AWS', () => {
  it('imports no SDK command or paginator that is not a read', () => {
    const imported = operationsImported()
    expect(imported.length).toBeGreaterThan(15)
    const writes = imported.filter((op) => !isReadOnlyOperation(op.operation)).map((op) => `${op.file}: ${op.service}:${op.operation}`)
    expect(writes).toEqual([])
  })

  it('knows reads from writes', () => {
    for (const op of ['GetRole', 'ListParents', 'DescribePolicy', 'GetCallerIdentity', 'AssumeRole', 'DecodeAuthorizationMessage']) {
      expect(isReadOnlyOperation(op), op).toBe(true)
    }
    for (const op of ['PutRolePolicy', 'AttachRolePolicy', 'DeleteBucketPolicy', 'CreatePolicyVersion', 'Getaway', 'UpdateAssumeRolePolicy']) {
      expect(isReadOnlyOperation(op), op).toBe(false)
    }
  })

  it('refuses to send a write through its clients, before anything reaches AWS', async () => {
    const iam = new IAMClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
    const stub = mockClient(iam)
    stub.onAnyCommand().resolves({})
    const pool = new AwsClientPool(SETTINGS, createLimit(2), undefined, { iam })
    const write = pool.iam().send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }))
    await expect(write).rejects.toThrow('denydoctor only reads from AWS; it refused to send iam:AttachRolePolicy')
    await expect(pool.s3().send(new PutBucketPolicyCommand({ Bucket: 'b', Policy: '{}' }) as never)).rejects.toThrow('refused to send s3:PutBucketPolicy')
    expect(stub.calls()).toHaveLength(0)
    await pool.iam().send(new GetRoleCommand({ RoleName: 'r' }))
    expect(stub.calls()).toHaveLength(1)
  })
})
