import { describe, expect, it } from 'vitest'
import { blockNamesCaller } from '../../../src/evaluate/match/principal.js'
import { principalFromArn, type PrincipalBlock, type PrincipalInfo } from '../../../src/model/index.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
const block = (aws: string[], extra: Partial<PrincipalBlock> = {}): PrincipalBlock => ({ wildcard: false, aws, service: [], federated: [], canonicalUser: [], ...extra })
const who = (arn: string, more: Partial<PrincipalInfo> = {}): PrincipalInfo => ({ ...principalFromArn(arn)!, ...more })

const session = who('arn:aws:sts::111111111111:assumed-role/Dev/alice')
const user = who('arn:aws:iam::111111111111:user/tester')

describe('blockNamesCaller', () => {
  it('"*" names everyone, directly', () => {
    expect(blockNamesCaller({ ...block([]), wildcard: true }, session)).toMatchObject({ result: true, strength: 'direct' })
  })

  it('an account ID or :root ARN delegates to the whole account', () => {
    expect(blockNamesCaller(block(['111111111111']), session)).toMatchObject({ result: true, strength: 'account' })
    expect(blockNamesCaller(block(['arn:aws:iam::111111111111:root']), user)).toMatchObject({ result: true, strength: 'account' })
    expect(blockNamesCaller(block(['222222222222']), user).result).toBe(false)
  })

  it('a role ARN names every session of the role; a session ARN only that session', () => {
    expect(blockNamesCaller(block(['arn:aws:iam::111111111111:role/Dev']), session)).toMatchObject({ result: true, strength: 'role' })
    expect(blockNamesCaller(block(['arn:aws:sts::111111111111:assumed-role/Dev/alice']), session)).toMatchObject({ result: true, strength: 'direct' })
    expect(blockNamesCaller(block(['arn:aws:sts::111111111111:assumed-role/Dev/bob']), session).result).toBe(false)
  })

  it('a role ARN with a path still matches sessions of that role', () => {
    expect(blockNamesCaller(block(['arn:aws:iam::111111111111:role/team/Dev']), session)).toMatchObject({ result: true, strength: 'role' })
  })

  it('user names are case-sensitive', () => {
    expect(blockNamesCaller(block(['arn:aws:iam::111111111111:user/Tester']), user).result).toBe(false)
    expect(blockNamesCaller(block(['arn:aws:iam::111111111111:user/tester']), user)).toMatchObject({ result: true, strength: 'direct' })
  })

  it('a unique ID matches only when the caller\'s ID is known', () => {
    const p = block(['AIDAEXAMPLETESTER1234'])
    expect(blockNamesCaller(p, user)).toMatchObject({ result: 'unknown', unknownKeys: ['aws:userid'] })
    expect(blockNamesCaller(p, { ...user, uniqueId: 'AIDAEXAMPLETESTER1234' }).result).toBe(true)
    expect(blockNamesCaller(p, { ...user, uniqueId: 'AIDAOTHER00000000000' }).result).toBe(false)
  })

  it('a service principal names only that service', () => {
    const svc = who('cloudtrail.amazonaws.com')
    expect(blockNamesCaller(block([], { service: ['cloudtrail.amazonaws.com'] }), svc).result).toBe(true)
    expect(blockNamesCaller(block([], { service: ['ec2.amazonaws.com'] }), svc).result).toBe(false)
    expect(blockNamesCaller(block(['111111111111']), svc).result).toBe(false)
  })
})

describe('principalFromArn', () => {
  it('reads an assumed-role session back to its role', () => {
    expect(session).toMatchObject({ kind: 'assumed-role', account: '111111111111', principalArn: 'arn:aws:iam::111111111111:role/Dev', sessionName: 'alice', name: 'Dev' })
  })
  it('recognises service-linked roles', () => {
    expect(who('arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS').isServiceLinkedRole).toBe(true)
    expect(who('arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForECS/ecs').isServiceLinkedRole).toBe(true)
  })
  it.each(['arn:aws:iam::111111111111:group/Dev', 'arn:aws:s3:::bucket', 'not an arn', 'arn:aws:iam::12345:user/x'])('rejects %s', (arn) => {
    expect(principalFromArn(arn)).toBeNull()
  })
})
