/** Shared set-up of the collect tests: the fake AWS installed per test, fixed env, a fixed clock. */
import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Ajv2020Module from 'ajv/dist/2020.js'
import { STSClient } from '@aws-sdk/client-sts'
import { afterEach, beforeAll, beforeEach, expect, vi } from 'vitest'
import type { RoleCredentials } from '../../../src/sources/aws/collect-accounts.js'
import { awsError, expectOnlyReads } from '../../helpers/aws-mock.js'
import { installFakeAws, type FakeAws, type FakeWorld } from './collect-fake-aws.js'
import { FAKE_ENV } from './collect-world.js'

export const TAKEN_AT = new Date('2026-11-01T10:00:00.000Z')
export const clock = (): Date => TAKEN_AT

let installed: FakeAws[] = []

/** A path for `collect --out` in a new temporary folder of its own. */
export async function snapshotOutPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'denydoctor-collect-')), 'snapshot.json')
}

/** Installs the fake AWS for the current test; removed (and checked for writes) after it. */
export function fakeAws(world: FakeWorld, options?: Parameters<typeof installFakeAws>[1]): FakeAws {
  const fake = installFakeAws(world, options)
  installed.push(fake)
  return fake
}

export function useFakeEnvironment(): void {
  beforeAll(async () => {
    // The SDK warns once per process about the Node version; let that happen before any output is captured.
    new STSClient({ region: 'us-east-1' })
    await new Promise((resolve) => setTimeout(resolve, 10))
  })
  beforeEach(() => {
    for (const [name, value] of Object.entries(FAKE_ENV)) vi.stubEnv(name, value)
  })
  afterEach(() => {
    const sent = installed.flatMap((fake) => fake.operations())
    installed.forEach((fake) => fake.restore())
    installed = []
    vi.unstubAllEnvs()
    // Whatever else a test asserts, nothing but reads may ever reach AWS.
    expectOnlyReads(sent)
  })
}

/** Assumed roles as STS would hand them out: `ASIA<account>` keys; AccessDenied for `denied` accounts. */
export function fakeRoles(denied: readonly string[] = [], calls: string[] = []): RoleCredentials {
  return (roleArn) => {
    const account = roleArn.split(':')[4]!
    return (async () => {
      calls.push(roleArn)
      if (denied.includes(account)) {
        throw awsError('AccessDenied', `User: arn:aws:sts::111111111111:assumed-role/Collector/alice is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403)
      }
      return { accessKeyId: `ASIA${account}`, secretAccessKey: 'secret', sessionToken: 'token', expiration: new Date(Date.now() + 3_600_000) }
    }) as ReturnType<RoleCredentials>
  }
}

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'schemas', 'snapshot.schema.json'), 'utf8'))
// ajv is CommonJS: under NodeNext the default import is module.exports, whose `default` is the class.
const validate = new Ajv2020Module.default({ allErrors: true, strict: false }).compile(schema)

/** Fails the test, with ajv's errors, when `value` does not satisfy schemas/snapshot.schema.json. */
export function expectSchemaValid(value: unknown): void {
  const ok = validate(value)
  expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true)
}
