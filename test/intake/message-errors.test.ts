import { describe, expect, it } from 'vitest'
import { parseDeniedMessage } from '../../src/intake/message.js'
import { IntakeError } from '../../src/intake/types.js'
import { intake, NOTE } from './helpers.js'

const EXPECTED = "an AWS AccessDenied message of the form 'User: ARN is not authorized to perform: service:Action …'"

function failure(input: string): IntakeError {
  try {
    parseDeniedMessage(input)
  } catch (error) {
    expect(error).toBeInstanceOf(IntakeError)
    const intakeError = error as IntakeError
    expect(intakeError.name).toBe('IntakeError')
    // One paragraph, and always what was expected.
    expect(intakeError.message).not.toMatch(/\n/)
    expect(intakeError.message).toContain(EXPECTED)
    return intakeError
  }
  throw new Error(`expected an IntakeError for ${JSON.stringify(input)}`)
}

describe('parseDeniedMessage: input it cannot read', () => {
  it('empty or blank input', () => {
    expect(failure('').message).toBe(
      `The input is empty: expected ${EXPECTED} (as printed by the AWS console, CLI, an SDK or Terraform), an EC2 encoded authorization message, or a CloudTrail event.`,
    )
    expect(failure(' \n\t ').message).toMatch(/^The input is empty/)
  })

  it('unrelated text, quoted back', () => {
    expect(failure('Error: connect ETIMEDOUT 52.94.133.131:443').message).toBe(
      `Could not find an access-denied error in the input ("Error: connect ETIMEDOUT 52.94.133.131:443"): expected ${EXPECTED} (as printed by the AWS console, CLI, an SDK or Terraform), an EC2 encoded authorization message, or a CloudTrail event.`,
    )
  })

  it('JSON that carries no message', () => {
    expect(failure('{"ok": true}').message).toMatch(/^Could not find an access-denied error in the input \("\{"ok": true\}"\)/)
  })

  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html
  it("S3's bare 'Access Denied': explains why S3 gave no reason and how to get one", () => {
    const error = failure('Access Denied')
    expect(error.message).toMatch(/^S3 answered with a bare 'Access Denied', which names neither the caller nor the action/)
    expect(error.message).toContain('S3 gives the reason only to callers in the same account or organization')
    expect(error.message).toContain('find the request in CloudTrail')
    expect(error.message).toContain('`denydoctor principal <caller ARN> --action s3:ACTION --resource arn:aws:s3:::BUCKET/KEY`')
  })

  it('the CLI form keeps the operation and turns it into the action to suggest', () => {
    const error = failure('An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied')
    expect(error.message).toContain('--action s3:ListBucket')
    expect(error.partial).toEqual({ source: 'message', errorCode: 'AccessDenied', operation: 'ListObjectsV2', requestId: null, resourceText: null })
  })

  it('an S3 XML body keeps what it knows (resource, request id) and names them', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Error>',
      '  <Code>AccessDenied</Code>',
      '  <Message>Access Denied</Message>',
      '  <Resource>/amzn-s3-demo-bucket/photos/cat.jpg</Resource>',
      '  <RequestId>4442587FB7D0A2F9</RequestId>',
      '  <HostId>ZXhhbXBsZWhvc3RpZA==</HostId>',
      '</Error>',
    ].join('\n')
    const error = failure(xml)
    expect(error.message).toMatch(/^S3 answered with a bare 'Access Denied' for \/amzn-s3-demo-bucket\/photos\/cat\.jpg \(request id 4442587FB7D0A2F9\)/)
    expect(error.message).toContain('--resource arn:aws:s3:::amzn-s3-demo-bucket/photos/cat.jpg')
    expect(error.partial).toEqual({
      source: 'message',
      errorCode: 'AccessDenied',
      operation: null,
      requestId: '4442587FB7D0A2F9',
      resourceText: '/amzn-s3-demo-bucket/photos/cat.jpg',
    })
  })

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
  it('a HEAD request refused with a bare 403 (CLI and Go SDK forms)', () => {
    const cli = failure('An error occurred (403) when calling the HeadObject operation: Forbidden')
    expect(cli.message).toMatch(/^The HeadObject was refused with a bare 403 'Forbidden': HEAD requests have no response body/)
    expect(cli.message).toContain('Repeat the call as a GET')
    const go = failure(
      'operation error S3: HeadObject, https response error StatusCode: 403, RequestID: 1XKJ0B5YVZ8Q7W6E, HostID: aG9zdA==, api error Forbidden: Forbidden',
    )
    expect(go.message).toMatch(/^The HeadObject was refused with a bare 403 'Forbidden' \(request id 1XKJ0B5YVZ8Q7W6E\)/)
    expect(go.partial).toMatchObject({ errorCode: 'Forbidden', operation: 'HeadObject', requestId: '1XKJ0B5YVZ8Q7W6E' })
  })

  it('a caller without an action (API Gateway wording) is not guessed', () => {
    const error = failure('User: arn:aws:sts::123456789012:assumed-role/api/caller is not authorized to access this resource')
    expect(error.message).toMatch(
      /^The message names the caller \(arn:aws:sts::123456789012:assumed-role\/api\/caller\) but no 'service:Action'/,
    )
    expect(error.message).toContain('`denydoctor principal arn:aws:sts::123456789012:assumed-role/api/caller --action SERVICE:ACTION`')
    expect(error.partial).toMatchObject({ principal: 'arn:aws:sts::123456789012:assumed-role/api/caller' })
  })

  it('an encoded authorization message that is not one (not base64url), or nothing after its label', () => {
    const error = failure(
      'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: !!!not-base64???',
    )
    expect(error.message).toBe(
      `The message has 'Encoded authorization failure message:' but what follows it ("!!!not-base64???") is not an encoded message, ` +
        'which is made of letters, digits and - _ + / = only; copy the whole error again, or pass the CloudTrail event with --event. ' +
        `Expected ${EXPECTED} (as printed by the AWS console, CLI, an SDK or Terraform), an EC2 encoded authorization message, or a CloudTrail event.`,
    )
    expect(error.partial).toMatchObject({ errorCode: 'UnauthorizedOperation', operation: 'RunInstances' })
    expect(failure('Encoded authorization failure message:').message).toMatch(
      /^The message has 'Encoded authorization failure message:' but nothing follows it, not an encoded message/,
    )
  })

  it('binary input, and a UTF-16 file read as UTF-8, are not quoted back', () => {
    const notText =
      'The input is not text: it holds NUL bytes or bytes that are not UTF-8, as a binary file or a UTF-16 file (which Windows PowerShell writes) does; ' +
      `save it as UTF-8 text. Expected ${EXPECTED} (as printed by the AWS console, CLI, an SDK or Terraform), an EC2 encoded authorization message, or a CloudTrail event.`
    expect(failure(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x9f, 0x92, 0x41, 0xff, 0xfe, 0x10]).toString('utf8')).message).toBe(notText)
    expect(failure(Buffer.from('\uFEFFAccess Denied', 'utf16le').toString('utf8')).message).toBe(notText)
  })

  it("EC2's generic sentence without the encoded message", () => {
    const error = failure(
      'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation.',
    )
    expect(error.message).toMatch(/^The message says 'You are not authorized to perform this operation' but carries neither/)
    expect(error.partial).toMatchObject({ errorCode: 'UnauthorizedOperation', operation: 'RunInstances' })
  })
})

describe('parseDeniedMessage: messages that name no caller but can still be resolved', () => {
  it('EC2 message with only the encoded authorization message', () => {
    const input =
      'An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: 4cNa-8Uj_2pQ0xT9vW3yZ'
    expect(parseDeniedMessage(input)).toEqual(
      intake({ errorCode: 'UnauthorizedOperation', operation: 'RunInstances', encodedMessage: '4cNa-8Uj_2pQ0xT9vW3yZ', notes: [NOTE.encodedOnly] }),
    )
  })

  it('a message with only an Access Troubleshooter authorization id', () => {
    const input =
      'Access denied. Go to https://eu-west-1.console.aws.amazon.com/iam/home?region=eu-west-1#/authorization-details/a1B2c3 for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: a1B2c3'
    expect(parseDeniedMessage(input)).toEqual(
      intake({
        authorizationId: 'a1B2c3',
        authorizationUrl: 'https://eu-west-1.console.aws.amazon.com/iam/home?region=eu-west-1#/authorization-details/a1B2c3',
        notes: [expect.stringContaining('the authorization id leads to them'), NOTE.authorizationId('a1B2c3')],
      }),
    )
  })
})
