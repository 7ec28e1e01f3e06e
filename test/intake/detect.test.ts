import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectAndParse, IntakeError, parseCloudTrail } from '../../src/intake/index.js'

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/intake/${name}`, import.meta.url), 'utf8')
}

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

  it('explains unreadable input in one paragraph', () => {
    expect(() => detectAndParse('')).toThrow(IntakeError)
    expect(() => detectAndParse('[]')).toThrow(/expected an AWS AccessDenied message of the form 'User: ARN is not authorized to perform: service:Action …'/)
    expect(() => detectAndParse('{"Records": []}')).toThrow(/holds no CloudTrail event/)
  })
})
