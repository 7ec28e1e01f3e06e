import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { intakeFromDecodedMessage } from '../../src/intake/decoded.js'
import { IntakeError } from '../../src/intake/types.js'
import { intake } from './helpers.js'

// DecodedMessage shapes: the aws-cli example (aws/aws-cli awscli/examples/sts/decode-authorization-message.rst)
// and older third-party samples with strings in place of booleans and lists.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html

const CLI_OUTPUT = readFileSync(new URL('../fixtures/intake/decode-authorization-message.json', import.meta.url), 'utf8')
const DECODED = (JSON.parse(CLI_OUTPUT) as { DecodedMessage: string }).DecodedMessage

const CLI_EXAMPLE = intake({
  source: 'encoded',
  principal: 'arn:aws:sts::111122223333:assumed-role/Developer/Ana',
  action: 'ec2:RunInstances',
  resources: ['arn:aws:ec2:us-east-1:111122223333:instance/*'],
  reportedDenyKind: 'explicit',
  context: {
    'ec2:MetadataHttpPutResponseHopLimit': '2',
    'ec2:InstanceMarketType': 'on-demand',
    'ec2:AvailabilityZone': 'us-east-1f',
    'ec2:ebsOptimized': 'false',
    'ec2:IsLaunchTemplateResource': 'false',
    'ec2:InstanceType': 't2.micro',
    'ec2:RootDeviceType': 'ebs',
    'aws:RequestedRegion': 'us-east-1',
    'ec2:MetadataHttpEndpoint': 'enabled',
    'ec2:InstanceID': '*',
    'ec2:MetadataHttpTokens': 'required',
    'ec2:Tenancy': 'default',
    'ec2:Region': 'us-east-1',
    'aws:userid': 'AROA123456789EXAMPLE:Ana',
  },
  matchedStatements: [
    {
      statementId: 'VisualEditor0',
      effect: 'DENY',
      principals: ['AROA123456789EXAMPLE'],
      principalGroups: [],
      actions: ['ec2:RunInstances'],
      resources: ['*'],
    },
  ],
  notes: ['AWS says statement VisualEditor0 (Deny) in a policy attached to AROA123456789EXAMPLE matched the request.'],
})

describe('intakeFromDecodedMessage', () => {
  it('reads the full `aws sts decode-authorization-message` output', () => {
    expect(intakeFromDecodedMessage(CLI_OUTPUT)).toEqual(CLI_EXAMPLE)
  })

  it('reads the DecodedMessage JSON on its own, a JSON string of it, and an escaped copy of it', () => {
    expect(intakeFromDecodedMessage(DECODED)).toEqual(CLI_EXAMPLE)
    expect(intakeFromDecodedMessage(JSON.stringify(DECODED))).toEqual(CLI_EXAMPLE)
    expect(intakeFromDecodedMessage(JSON.stringify(DECODED).slice(1, -1))).toEqual(CLI_EXAMPLE)
  })

  it('drops the pseudo keys (aws:Resource, aws:Type, aws:Service, aws:ARN, aws:Account) from the context', () => {
    const keys = Object.keys(intakeFromDecodedMessage(DECODED).context)
    for (const pseudo of ['aws:Resource', 'aws:Type', 'aws:Service', 'aws:ARN', 'aws:Account', 'aws:Region']) {
      expect(keys).not.toContain(pseudo)
    }
  })

  it('accepts the older shape: "false" strings, "" for empty lists, a prefixed action, a principal name; a key without values stays unknown', () => {
    const older = JSON.stringify({
      allowed: 'false',
      explicitDeny: 'false',
      matchedStatements: '',
      failures: '',
      context: {
        principal: { id: 'AIDAJQABLZS4A3QDU576Q', name: 'dev-user', arn: 'arn:aws:iam::123456789012:user/dev-user' },
        action: 'ec2:RunInstances',
        resource: 'arn:aws:ec2:us-west-2:123456789012:instance/*',
        conditions: {
          items: [
            { key: 'ec2:InstanceType', values: { items: [{ value: 'm5.large' }] } },
            { key: 'aws:Region', values: { items: [{ value: 'us-west-2' }] } },
            { key: 'aws:TagKeys', values: { items: [{ value: 'Name' }, { value: 'Owner' }] } },
            { key: 'ec2:ResourceTag/Owner', values: '' },
          ],
        },
      },
    })
    expect(intakeFromDecodedMessage(older)).toEqual(
      intake({
        source: 'encoded',
        principal: 'arn:aws:iam::123456789012:user/dev-user',
        action: 'ec2:RunInstances',
        resources: ['arn:aws:ec2:us-west-2:123456789012:instance/*'],
        reportedDenyKind: 'implicit',
        context: {
          'ec2:InstanceType': 'm5.large',
          'aws:RequestedRegion': 'us-west-2',
          'aws:TagKeys': ['Name', 'Owner'],
          'aws:userid': 'AIDAJQABLZS4A3QDU576Q',
          'aws:username': 'dev-user',
        },
        matchedStatements: [],
        notes: ['No statement matched: no policy allowed the request (implicit deny).'],
      }),
    )
  })

  it('takes the service from the resource ARN when the action has no prefix and aws:Service is missing', () => {
    const doc = JSON.stringify({
      allowed: false,
      explicitDeny: false,
      context: { principal: { arn: 'arn:aws:iam::123456789012:user/u' }, action: 'CreateVolume', resource: 'arn:aws:ec2:eu-west-1:123456789012:volume/*' },
    })
    const result = intakeFromDecodedMessage(doc)
    expect(result.action).toBe('ec2:CreateVolume')
    expect(result.resources).toEqual(['arn:aws:ec2:eu-west-1:123456789012:volume/*'])
    expect(result.context).toEqual({})
  })

  it('does not guess a service it cannot see', () => {
    const doc = JSON.stringify({ allowed: false, explicitDeny: false, context: { action: 'RunInstances', resource: 'instance/*' } })
    const result = intakeFromDecodedMessage(doc)
    expect(result.action).toBeNull()
    expect(result.principal).toBeNull()
    expect(result.resources).toEqual([])
    expect(result.resourceText).toBe('instance/*')
    expect(result.notes).toEqual([
      "The decoded message names the action 'RunInstances' without its service, and nothing says which service it is.",
      'No statement matched: no policy allowed the request (implicit deny).',
    ])
  })

  it('fills the resource from aws:ARN when context.resource is missing, and reports listed failures', () => {
    const doc = JSON.stringify({
      allowed: false,
      explicitDeny: true,
      failures: { items: [{ value: 'PolicyEvaluationTimeout' }] },
      context: {
        action: 'TerminateInstances',
        conditions: { items: [{ key: 'aws:ARN', values: { items: [{ value: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' }] } }] },
      },
    })
    const result = intakeFromDecodedMessage(doc)
    expect(result.action).toBe('ec2:TerminateInstances')
    expect(result.resources).toEqual(['arn:aws:ec2:us-east-1:123456789012:instance/i-1'])
    expect(result.reportedDenyKind).toBe('explicit')
    expect(result.notes).toEqual(['The decoded message lists a failure: PolicyEvaluationTimeout'])
  })

  it('says so when the decoded message reports the request as allowed', () => {
    const result = intakeFromDecodedMessage(JSON.stringify({ allowed: true, explicitDeny: false, context: { action: 'ec2:DescribeInstances' } }))
    expect(result.reportedDenyKind).toBeNull()
    expect(result.notes).toEqual(['The decoded message says the request was allowed; the failure came from somewhere else.'])
  })

  it('rejects text that is not a decoded message, saying what was expected', () => {
    for (const bad of ['{"Records": []}', 'not json at all', '{"DecodedMessage": "{\\"allowed\\": false}"}']) {
      expect(() => intakeFromDecodedMessage(bad)).toThrow(IntakeError)
      expect(() => intakeFromDecodedMessage(bad)).toThrow(/expected the DecodedMessage of 'aws sts decode-authorization-message'/)
    }
  })
})
