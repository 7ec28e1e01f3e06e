import { describe, expect, it } from 'vitest'
import { parseCloudTrail } from '../../src/intake/cloudtrail.js'
import { IntakeError } from '../../src/intake/types.js'
import { fixture } from './cloudtrail-helpers.js'

const EXPECTED_EVENTS =
  'a CloudTrail event (a JSON object with eventSource and eventName), a {"Records":[…]} log file, ' +
  "or the output of 'aws cloudtrail lookup-events'"

/** The message of the IntakeError that parseCloudTrail throws for `text`. */
function failure(text: string): string {
  try {
    parseCloudTrail(text)
  } catch (error) {
    expect(error).toBeInstanceOf(IntakeError)
    return (error as IntakeError).message
  }
  throw new Error(`expected an IntakeError for ${JSON.stringify(text)}`)
}

/** A minimal denial event, with fields overridden. */
function event(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAEXAMPLE000000001',
      arn: 'arn:aws:iam::111122223333:user/u',
      accountId: '111122223333',
      accessKeyId: 'AKIAEXAMPLE000000001',
      userName: 'u',
    },
    eventTime: '2024-05-14T00:00:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListRoles',
    awsRegion: 'us-east-1',
    sourceIPAddress: '81.2.69.160',
    errorCode: 'AccessDenied',
    errorMessage:
      'User: arn:aws:iam::111122223333:user/u is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::111122223333:role/ because no identity-based policy allows the iam:ListRoles action',
    requestParameters: null,
    recipientAccountId: '111122223333',
    ...fields,
  }
}

function one(value: unknown) {
  const results = parseCloudTrail(JSON.stringify(value))
  expect(results).toHaveLength(1)
  return results[0]!
}

describe('parseCloudTrail: input shapes', () => {
  it('reads one event, a JSON array, JSON Lines, a Records file and a single lookup-events entry alike', () => {
    const e = event({})
    const expected = parseCloudTrail(JSON.stringify(e))
    expect(parseCloudTrail(JSON.stringify([e]))).toEqual(expected)
    expect(parseCloudTrail(`${JSON.stringify(e)}\n${JSON.stringify(event({ errorCode: undefined }))}\n`)).toEqual(expected)
    expect(parseCloudTrail(JSON.stringify({ Records: [e] }))).toEqual(expected)
    expect(parseCloudTrail(JSON.stringify({ EventId: 'x', CloudTrailEvent: JSON.stringify(e) }))).toEqual(expected)
  })

  it('accepts Client.-prefixed codes and SNS AuthorizationError, not throttling', () => {
    const codes = ['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'AuthorizationError']
    const records = [...codes, 'ThrottlingException'].map((errorCode) => event({ errorCode }))
    expect(parseCloudTrail(JSON.stringify({ Records: records })).map((r) => r.errorCode)).toEqual(codes)
  })

  it('says how many events it read and which codes they had when none is a denial', () => {
    expect(() => parseCloudTrail(fixture('lookup-events.json').replace('"AuthorizationError', '"Throttling'))).toThrow(IntakeError)
    const records = { Records: [event({ errorCode: undefined }), event({ errorCode: undefined }), event({ errorCode: 'ThrottlingException' })] }
    expect(() => parseCloudTrail(JSON.stringify(records))).toThrow(
      'Read 3 CloudTrail events but none is an access denial (error codes: no error ×2, ThrottlingException ×1). Expected an event whose errorCode is AccessDenied, AccessDeniedException, UnauthorizedOperation, Client.UnauthorizedOperation or AuthorizationError',
    )
  })

  it('rejects text that is not JSON, or JSON without events, saying what was expected', () => {
    expect(failure('{"Records": [')).toBe(
      'The CloudTrail input is not valid JSON at line 1, column 14: the text ends before the list opened at line 1, column 13 is closed — ' +
        `a "]" is probably missing. Expected ${EXPECTED_EVENTS}.\n` +
        '1 | {"Records": [\n' +
        '  |              ^',
    )
    expect(() => parseCloudTrail('{"hello": "world"}')).toThrow(/^The input is JSON but holds no CloudTrail event/)
  })

  it('JSON Lines with a damaged line: names that line of the input', () => {
    const good = JSON.stringify(event({}))
    expect(failure(`${good}\n\n{"eventName": "ListRoles",}\n${good}`)).toBe(
      'The CloudTrail input line 3 is not valid JSON at line 1, column 26: a comma right before "}" — JSON does not allow a comma after the last property; ' +
        `remove this comma. Expected ${EXPECTED_EVENTS}.\n` +
        '1 | {"eventName": "ListRoles",}\n' +
        '  |                          ^',
    )
  })

  it('rejects empty and binary input (a UTF-16 file read as UTF-8 is binary)', () => {
    expect(failure(' \n')).toBe(`The input is empty: expected ${EXPECTED_EVENTS}.`)
    const utf16 = Buffer.from(`\uFEFF${JSON.stringify(event({}))}`, 'utf16le').toString('utf8')
    expect(failure(utf16)).toBe(
      'The input is not text: it holds NUL bytes or bytes that are not UTF-8, as a binary file or a UTF-16 file (which Windows PowerShell writes) does; ' +
        `save it as UTF-8 text. Expected ${EXPECTED_EVENTS}.`,
    )
  })
})

describe('parseCloudTrail: userIdentity and context', () => {
  it('Root with long-term keys: aws:PrincipalType Account, MFA keys absent', () => {
    const result = one(
      event({ userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'AKIAEXAMPLEROOT00001' } }),
    )
    expect(result.principal).toBe('arn:aws:iam::111122223333:root')
    expect(result.context).toMatchObject({ 'aws:PrincipalType': 'Account', 'aws:PrincipalArn': 'arn:aws:iam::111122223333:root', 'aws:userid': '111122223333' })
    expect(result.context).not.toHaveProperty(['aws:username'])
    expect(result.absentKeys).toEqual(expect.arrayContaining(['aws:MultiFactorAuthPresent', 'aws:TokenIssueTime']))
  })

  it('temporary keys without a logged session do not make the MFA keys absent', () => {
    const result = one(event({ userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/u', accountId: '111122223333', accessKeyId: 'ASIAEXAMPLE000000001', userName: 'u' } }))
    expect(result.absentKeys).not.toContain('aws:MultiFactorAuthPresent')
    expect(result.context).not.toHaveProperty(['aws:MultiFactorAuthPresent'])
  })

  it('AWSAccount caller: no principal is invented; the message names it when it can', () => {
    const identity = { type: 'AWSAccount', principalId: 'AROAEXAMPLEOTHER0001:s', accountId: '444455556666' }
    const without = one(event({ userIdentity: identity, errorMessage: 'Access Denied' }))
    expect(without.principal).toBeNull()
    expect(without.context).toMatchObject({ 'aws:userid': 'AROAEXAMPLEOTHER0001:s', 'aws:PrincipalAccount': '444455556666' })
    expect(without.context).not.toHaveProperty(['aws:PrincipalType'])
    expect(without.notes[0]).toBe(
      'The caller is another AWS account (userIdentity type AWSAccount, account 444455556666, principal id AROAEXAMPLEOTHER0001:s); this copy of the event does not name the principal.',
    )
    const withMessage = one(
      event({
        userIdentity: identity,
        errorMessage: 'User: arn:aws:sts::444455556666:assumed-role/other/s is not authorized to perform: iam:ListRoles',
      }),
    )
    expect(withMessage.principal).toBe('arn:aws:sts::444455556666:assumed-role/other/s')
  })

  it('a service-linked role acting for a service is not a forward access session', () => {
    const result = one(
      event({
        userIdentity: {
          type: 'AssumedRole',
          principalId: 'AROAEXAMPLESLR000001:AutoScaling',
          arn: 'arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling',
          accountId: '111122223333',
          invokedBy: 'autoscaling.amazonaws.com',
          sessionContext: {
            sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling' },
            attributes: { creationDate: '2024-05-14T00:00:00Z', mfaAuthenticated: 'false' },
          },
        },
        sourceIPAddress: 'autoscaling.amazonaws.com',
      }),
    )
    expect(result.context['aws:ViaAWSService']).toBe('false')
    expect(result.context).not.toHaveProperty(['aws:CalledVia'])
    expect(result.context['aws:PrincipalArn']).toBe('arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling')
  })

  it('a private address without a VPC endpoint leaves the network keys unknown', () => {
    const result = one(event({ sourceIPAddress: '10.1.2.3' }))
    for (const key of ['aws:SourceIp', 'aws:VpcSourceIp', 'aws:SourceVpce']) {
      expect(result.context).not.toHaveProperty([key])
      expect(result.absentKeys).not.toContain(key)
    }
    expect(result.notes).toContain('The source address 10.1.2.3 is not public and the event names no VPC endpoint; aws:SourceIp is left unknown.')
  })

  it("'AWS Internal' as the source leaves aws:SourceIp unknown", () => {
    const result = one(event({ sourceIPAddress: 'AWS Internal' }))
    expect(result.context).not.toHaveProperty(['aws:SourceIp'])
    expect(result.absentKeys).not.toContain('aws:SourceIp')
    expect(result.notes).toContain("The source address is logged as 'AWS Internal', so aws:SourceIp is unknown.")
  })
})

describe('parseCloudTrail: request parameters', () => {
  it('tags as a plain map (Lambda, SQS) and as S3 bucket Tagging', () => {
    const lambda = one(
      event({ eventSource: 'lambda.amazonaws.com', eventName: 'CreateFunction20150331', errorMessage: undefined, requestParameters: { functionName: 'f', tags: { team: 'a', env: 'dev' } } }),
    )
    expect(lambda.action).toBe('lambda:CreateFunction')
    expect(lambda.context).toMatchObject({ 'aws:RequestTag/team': 'a', 'aws:RequestTag/env': 'dev', 'aws:TagKeys': ['team', 'env'] })
    expect(lambda.notes).toContain('The event has no errorMessage, so it does not say which policy type denied.')
    const bucket = one(
      event({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketTagging',
        errorMessage: 'Access Denied',
        requestParameters: { bucketName: 'b', tagging: '', Tagging: { TagSet: { Tag: { Key: 'owner', Value: 'ops' } } } },
      }),
    )
    expect(bucket.resources).toEqual(['arn:aws:s3:::b'])
    expect(bucket.context).toMatchObject({ 'aws:RequestTag/owner': 'ops', 'aws:TagKeys': ['owner'] })
  })

  it('S3 prefix and instance types listed per instance; China partition ARNs', () => {
    const list = one(
      event({ eventSource: 's3.amazonaws.com', eventName: 'ListObjects', awsRegion: 'cn-north-1', errorMessage: 'Access Denied', requestParameters: { bucketName: 'logs', prefix: 'app/', delimiter: '/' } }),
    )
    expect(list.action).toBe('s3:ListBucket')
    expect(list.resources).toEqual(['arn:aws-cn:s3:::logs'])
    expect(list.context).toMatchObject({ 's3:prefix': 'app/', 's3:delimiter': '/' })
    const ec2 = one(
      event({
        eventSource: 'ec2.amazonaws.com',
        eventName: 'RunInstances',
        errorCode: 'Client.UnauthorizedOperation',
        errorMessage: 'You are not authorized to perform this operation. Encoded authorization failure message: abc',
        requestParameters: { instancesSet: { items: [{ imageId: 'ami-1', instanceType: 't3.micro' }, { imageId: 'ami-2', instanceType: 'c5.large' }] } },
      }),
    )
    expect(ec2.context['ec2:InstanceType']).toEqual(['t3.micro', 'c5.large'])
    expect(ec2.encodedMessage).toBe('abc')
    expect(ec2.notes).not.toContainEqual(expect.stringContaining('1 KB'))
  })

  it('an errorMessage in another form is quoted in a note, and the eventName gives the action', () => {
    const result = one(event({ errorMessage: 'Request is missing Authentication Token' }))
    expect(result.action).toBe('iam:ListRoles')
    expect(result.reportedPolicyType).toBeNull()
    expect(result.notes).toContain(
      'The errorMessage is not in the usual AccessDenied form, so it does not say which policy type denied: "Request is missing Authentication Token".',
    )
  })
})
