import { describe, expect, it } from 'vitest'
import { badRegionMessage, classifyAwsError, describeAwsError, gapFor, UnexpectedResponseError } from '../../../src/sources/aws/errors.js'
import { SourceError } from '../../../src/sources/errors.js'
import { awsError } from './helpers.js'

describe('classifyAwsError (by error.name)', () => {
  it.each([
    ['AccessDenied', 'access-denied'],
    ['AccessDeniedException', 'access-denied'],
    ['UnauthorizedOperation', 'access-denied'],
    ['NoSuchEntity', 'not-found'],
    ['NoSuchEntityException', 'not-found'],
    ['NoSuchBucket', 'not-found'],
    ['ChildNotFoundException', 'not-found'],
    ['NoSuchBucketPolicy', 'no-bucket-policy'],
    ['MethodNotAllowed', 'not-bucket-owner'],
    ['AWSOrganizationsNotInUseException', 'org-not-in-use'],
    ['ExpiredToken', 'credentials'],
    ['ExpiredTokenException', 'credentials'],
    ['InvalidClientTokenId', 'credentials'],
    ['UnrecognizedClientException', 'credentials'],
    ['ThrottlingException', 'throttled'],
    ['Throttling', 'throttled'],
    ['TooManyRequestsException', 'throttled'],
    ['ServiceFailureException', 'service'],
  ])('%s → %s', (name, kind) => {
    expect(classifyAwsError(awsError(name))).toBe(kind)
  })

  it('classifies credential-provider failures, which carry no $metadata', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })
    expect(classifyAwsError(error)).toBe('credentials')
  })

  it('classifies network failures by code and a missing region by its message', () => {
    expect(classifyAwsError(Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), { code: 'ENOTFOUND' }))).toBe('network')
    expect(classifyAwsError(new Error('Region is missing'))).toBe('no-region')
  })

  // The SDK's own check of the region's form (@smithy/core checkRegion): AWS_REGION='' is no
  // region at all; a mistyped one is named, never an "unexpected failure".
  it('reads the SDK refusing a region: empty as no region, any other as a bad one it names', () => {
    expect(classifyAwsError(new Error('Region not accepted: region="" is not a valid hostname component.'))).toBe('no-region')
    const typo = new Error('Region not accepted: region="eu west 1" is not a valid hostname component.')
    expect(classifyAwsError(typo)).toBe('bad-region')
    expect(badRegionMessage(typo)).toBe('The AWS region "eu west 1" is not a region name; pass --region with one such as eu-west-1, or correct AWS_REGION or the profile\'s region.')
  })

  it('calls anything else a program error, never a gap', () => {
    expect(classifyAwsError(new TypeError('x is undefined'))).toBe('program')
    expect(classifyAwsError(new UnexpectedResponseError('no document'))).toBe('service')
  })
})

describe('gapFor', () => {
  it('makes a gap of a service failure, with the error on one line', () => {
    expect(gapFor(awsError('AccessDenied', 'User: x\n is not authorized', 403), 'iam', 'The thing was not read.')).toEqual({
      source: 'iam',
      error: 'AccessDenied: User: x is not authorized',
      effect: 'The thing was not read.',
    })
  })

  it('stops the run for credentials, network and region problems, with a SourceError', () => {
    expect(() => gapFor(awsError('ExpiredToken'), 'iam', '')).toThrow(SourceError)
    expect(() => gapFor(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'iam', '')).toThrow(/Could not reach AWS/)
    expect(() => gapFor(new Error('Region is missing'), 'iam', '')).toThrow(/pass --region/)
    // The same sentence as a client's own refusal (clients.ts), so one Japanese row serves both.
    expect(() => gapFor(new Error('Region is missing'), 'iam', '')).toThrow('No AWS region is configured; pass --region, set AWS_REGION, or give the profile a region.')
  })

  it('rethrows program errors as they are', () => {
    const bug = new TypeError('cannot read properties of undefined')
    expect(() => gapFor(bug, 'iam', '')).toThrow(bug)
  })
})

describe('describeAwsError', () => {
  it('is Name: message', () => {
    expect(describeAwsError(awsError('NoSuchBucket', 'The specified bucket does not exist'))).toBe('NoSuchBucket: The specified bucket does not exist')
  })
})
