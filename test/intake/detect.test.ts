import { describe, expect, it } from 'vitest'
import { detectAndParse, IntakeError, parseCloudTrail } from '../../src/intake/index.js'
import { fixture } from './cloudtrail-helpers.js'

const MESSAGE =
  'An error occurred (AccessDenied) when calling the ListRoles operation: User: arn:aws:iam::123456789012:user/Matt is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::123456789012:role/* with an explicit deny in a service control policy'

describe('detectAndParse', () => {
  it('routes CloudTrail JSON (one event, Records, lookup-events) to the CloudTrail reader', () => {
    for (const name of ['iam-user-long-term-keys.json', 'records-mixed.json', 'lookup-events.json']) {
      const text = fixture(name)
      expect(detectAndParse(text)).toEqual(parseCloudTrail(text))
    }
    expect(detectAndParse(fixture('records-mixed.json'))).toHaveLength(3)
  })

  it('routes JSON Lines of events to the CloudTrail reader', () => {
    const event = JSON.parse(fixture('cross-account.json')) as object
    const lines = `${JSON.stringify(event)}\n${JSON.stringify(event)}\n`
    expect(detectAndParse(lines).map((i) => i.source)).toEqual(['cloudtrail', 'cloudtrail'])
  })

  it('routes decoded authorization messages (CLI output or bare) to the decoded reader', () => {
    const cli = fixture('decode-authorization-message.json')
    const [fromCli] = detectAndParse(cli)
    expect(fromCli).toMatchObject({ source: 'encoded', action: 'ec2:RunInstances', reportedDenyKind: 'explicit' })
    const bare = (JSON.parse(cli) as { DecodedMessage: string }).DecodedMessage
    expect(detectAndParse(bare)).toEqual([fromCli])
    expect(detectAndParse(JSON.stringify(bare))).toEqual([fromCli])
  })

  it('routes everything else to the message parser, SDK error JSON included', () => {
    expect(detectAndParse(MESSAGE)).toEqual([
      expect.objectContaining({ source: 'message', principal: 'arn:aws:iam::123456789012:user/Matt', reportedPolicyType: 'scp' }),
    ])
    const sdkError = JSON.stringify({ __type: 'AccessDeniedException', message: MESSAGE.replace(/^.*operation: /, '') })
    expect(detectAndParse(sdkError)).toEqual([expect.objectContaining({ source: 'message', errorCode: 'AccessDeniedException', action: 'iam:ListRoles' })])
  })

  it('extracts the encoded authorization message from an EC2 error for a later decoding step', () => {
    const [result] = detectAndParse(
      'You are not authorized to perform this operation. Encoded authorization failure message: eyJhbGciOi-_Xyz0123456789',
    )
    expect(result).toMatchObject({ source: 'message', principal: null, action: null, encodedMessage: 'eyJhbGciOi-_Xyz0123456789' })
  })

  it('takes a bare encoded blob as an encoded message', () => {
    const blob = 'Kq3V_'.repeat(40)
    expect(detectAndParse(`  ${blob}\n`)).toEqual([
      expect.objectContaining({ source: 'encoded', encodedMessage: blob, principal: null, action: null }),
    ])
  })

  it('takes text longer than STS accepts (10240 characters) as no encoded message', () => {
    expect(() => detectAndParse('Kq3V_'.repeat(2049))).toThrow(/^Could not find an access-denied error in the input \("(Kq3V_){24}…"\)/)
  })

  it('explains unreadable input in one paragraph', () => {
    expect(() => detectAndParse('')).toThrow(IntakeError)
    expect(() => detectAndParse('[]')).toThrow(/expected an AWS AccessDenied message of the form 'User: ARN is not authorized to perform: service:Action …'/)
    expect(() => detectAndParse('{"Records": []}')).toThrow(/holds no CloudTrail event/)
  })

  it('a damaged CloudTrail event (cut, or a missing comma) says where its JSON breaks', () => {
    const damaged = ['{', '  "eventSource": "s3.amazonaws.com"', '  "eventName": "GetObject",', '  "errorCode": "AccessDenied"', '}'].join('\n')
    expect(() => detectAndParse(damaged)).toThrow(
      /^The CloudTrail input is not valid JSON at line 3, column 3: expected a comma between "eventSource": "s3\.amazonaws\.com" and "eventName" .* Expected a CloudTrail event \(/,
    )
    expect(() => detectAndParse('{"eventName": "GetObject", "errorCode": "AccessDenied",')).toThrow(
      /^The CloudTrail input is not valid JSON at line 1, column 56: the text ends before the object opened at line 1, column 1 is closed/,
    )
  })

  it('a damaged event whose errorMessage is readable is still read as that message', () => {
    const cut = `{"eventName": "ListRoles", "errorMessage": "${MESSAGE.replace(/^.*operation: /, '')}", "userIdent`
    expect(detectAndParse(cut)).toEqual([expect.objectContaining({ source: 'message', action: 'iam:ListRoles', reportedPolicyType: 'scp' })])
  })
})
