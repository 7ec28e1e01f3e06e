/**
 * What every fake AWS of the tests shares: errors and documents shaped as the SDK hands them
 * over, every client class mocked at once, and the guard that fails a test sending anything but
 * a read.
 */
import { EC2Client } from '@aws-sdk/client-ec2'
import { IAMClient } from '@aws-sdk/client-iam'
import { OrganizationsClient } from '@aws-sdk/client-organizations'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import { mockClient, type AwsStub } from 'aws-sdk-client-mock'
import { expect } from 'vitest'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStub = AwsStub<any, any, any>

/** An SDK-shaped service error. */
export function awsError(name: string, message = `${name} (test)`, status = 400): Error {
  const error = new Error(message) as Error & { $metadata: object; $fault: string }
  error.name = name
  error.$metadata = { httpStatusCode: status, requestId: 'test-request' }
  error.$fault = status >= 500 ? 'server' : 'client'
  return error
}

/** A policy document as IAM returns it: URL-encoded JSON. */
export function iamDocument(document: object): string {
  return encodeURIComponent(JSON.stringify(document, null, 2))
}

/**
 * Every SDK client class mocked at the prototype (`mockClient(IAMClient)` stubs its `send`), so
 * that the clients a command builds for itself answer too. Restore each stub after the test.
 */
export function mockClientClasses() {
  return {
    sts: mockClient(STSClient) as AnyStub,
    iam: mockClient(IAMClient) as AnyStub,
    organizations: mockClient(OrganizationsClient) as AnyStub,
    s3: mockClient(S3Client) as AnyStub,
    ec2: mockClient(EC2Client) as AnyStub,
  }
}

/** Every command the stubs received, as `service:Operation` (the stubs' keys name the services), in order per stub. */
export function operationsOf(stubs: Readonly<Record<string, AnyStub>>): string[] {
  return Object.entries(stubs).flatMap(([service, stub]) => stub.calls().map((call) => `${service}:${(call.args[0] as object).constructor.name.replace(/Command$/, '')}`))
}

/** What the AWS CLI's read-only guard lets through; deliberately not the source's own list. */
const READ_ONLY = /^(Get|List|Describe)[A-Z]|^(AssumeRole|DecodeAuthorizationMessage)$/

/** Fails the test when any of `operations` (`service:Operation`) is not a read. */
export function expectOnlyReads(operations: readonly string[]): void {
  expect(operations.filter((op) => !READ_ONLY.test(op.slice(op.indexOf(':') + 1))), 'non-read AWS operations were sent').toEqual([])
}
