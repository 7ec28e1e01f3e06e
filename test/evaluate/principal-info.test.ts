/**
 * principalFromArn: every kind of caller read from its ARN (IAM identifiers:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html), with the same
 * fields in the same order whatever the kind (each is one object literal).
 */
import { describe, expect, it } from 'vitest'
import { principalFromArn } from '../../src/model/index.js'

const IN_ACCOUNT = ['arn', 'roleArn', 'sessionName', 'name', 'uniqueId', 'isServiceLinkedRole', 'tags', 'service', 'partition', 'account', 'kind', 'principalArn']
const OUTSIDE = ['arn', 'roleArn', 'sessionName', 'name', 'uniqueId', 'isServiceLinkedRole', 'tags', 'service', 'kind', 'partition', 'account', 'principalArn']

describe('principalFromArn', () => {
  it('reads a role session: the role behind it, the session name, service-linked or not', () => {
    const info = principalFromArn('arn:aws-cn:sts::111111111111:assumed-role/AWSServiceRoleForECS/s/x')!
    expect(Object.keys(info)).toEqual(IN_ACCOUNT)
    expect(info).toMatchObject({ kind: 'assumed-role', partition: 'aws-cn', account: '111111111111', roleArn: 'arn:aws-cn:iam::111111111111:role/AWSServiceRoleForECS', principalArn: 'arn:aws-cn:iam::111111111111:role/AWSServiceRoleForECS', sessionName: 's/x', name: 'AWSServiceRoleForECS', isServiceLinkedRole: true })
  })

  it('reads users, roles (with a path), the root and federated users', () => {
    expect(principalFromArn('arn:aws:iam::111111111111:user/path/bob')).toMatchObject({ kind: 'user', name: 'bob', principalArn: 'arn:aws:iam::111111111111:user/path/bob' })
    expect(principalFromArn('arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS')).toMatchObject({ kind: 'role', isServiceLinkedRole: true, roleArn: 'arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS' })
    expect(principalFromArn('arn:aws:iam::111111111111:root')).toMatchObject({ kind: 'root', name: null, account: '111111111111' })
    expect(principalFromArn('arn:aws:sts::111111111111:federated-user/bob')).toMatchObject({ kind: 'federated-user', name: 'bob' })
    for (const arn of ['arn:aws:iam::111111111111:user/a', 'arn:aws:iam::111111111111:role/R', 'arn:aws:iam::111111111111:root', 'arn:aws:sts::111111111111:federated-user/bob']) expect(Object.keys(principalFromArn(arn)!)).toEqual(IN_ACCOUNT)
  })

  it('reads anonymous and service principals, outside any account', () => {
    expect(principalFromArn('*')).toMatchObject({ kind: 'anonymous', account: '', partition: 'aws', service: null })
    expect(principalFromArn('lambda.amazonaws.com')).toMatchObject({ kind: 'service', account: '', service: 'lambda.amazonaws.com' })
    expect(Object.keys(principalFromArn('Anonymous')!)).toEqual(OUTSIDE)
    expect(Object.keys(principalFromArn('ec2.amazonaws.com')!)).toEqual(OUTSIDE)
  })

  it('names no principal for other text', () => {
    for (const arn of ['arn:aws:iam::111111111111:user/', 'arn:aws:iam::111111111111:group/G', 'arn:aws:sts::111111111111:assumed-role/R', 'arn:aws:sts::111111111111:federated-user/bob/x', 'arn:aws:s3:::b', 'arn:aws:iam::1111:user/a']) expect(principalFromArn(arn)).toBeNull()
  })
})
