import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { SnapshotError } from '../../../src/sources/snapshot/errors.js'
import type { Snapshot } from '../../../src/sources/snapshot/format.js'
import { createSnapshotProvider } from '../../../src/sources/snapshot/provider.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import type { Gathered, PrincipalQuery } from '../../../src/sources/types.js'

export const DEMO_PATH = join(import.meta.dirname, '..', '..', '..', 'examples', 'demo-snapshot.json')

/** The demo snapshot as plain JSON, a fresh copy each time (tests may mutate it). */
export function demoJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(DEMO_PATH, 'utf8')) as Record<string, unknown>
}

export function demoSnapshot(): Snapshot {
  return validateSnapshot(demoJson(), 'demo-snapshot.json')
}

/** A query with nothing but the principal and action; `extra` overrides. */
export function query(principalArn: string, action: string, extra: Partial<PrincipalQuery> = {}): PrincipalQuery {
  return { principalArn, action, resources: [], context: [], sessionPolicy: null, resourceAccount: null, sourceVpce: null, region: null, ...extra }
}

/** Gathers from the demo snapshot (or the given one). */
export function gather(q: PrincipalQuery, snapshot: Snapshot = demoSnapshot()): Promise<Gathered> {
  return createSnapshotProvider(snapshot, { fileName: 'demo-snapshot.json' }).gather(q)
}

/** The SnapshotError a call throws (fails the test when nothing is thrown). */
export async function snapshotErrorOf(run: () => unknown): Promise<SnapshotError> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError)
    return error as SnapshotError
  }
  throw new Error('expected a SnapshotError, but nothing was thrown')
}

/** Loosely typed JSON, for tests that break snapshots on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any

/** A minimal valid snapshot: one account, no organization; `patch` edits the JSON first. */
export function minimalJson(patch: (s: Record<string, Loose>) => void = () => {}): Record<string, Loose> {
  const s: Record<string, Loose> = {
    format: 'denydoctor-snapshot',
    version: 1,
    takenAt: '2026-11-01T10:00:00Z',
    collectedBy: null,
    organization: null,
    accounts: [
      {
        id: '333333333333',
        iam: {
          users: [],
          groups: [],
          roles: [
            {
              path: '/',
              roleName: 'Solo',
              roleId: 'AROAEXAMPLESOLOROLE01',
              arn: 'arn:aws:iam::333333333333:role/Solo',
              assumeRolePolicyDocument: null,
              attachedManagedPolicies: [],
              rolePolicyList: [{ policyName: 'All', policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
              permissionsBoundary: null,
              tags: [],
            },
          ],
          policies: [],
        },
        buckets: [],
        vpcEndpoints: [],
      },
    ],
    incomplete: [],
  }
  patch(s)
  return s
}

/** Names and origins of a Gathered's identity policies, for compact assertions. */
export function identityOrigins(g: Gathered): (string | null)[] {
  return g.policies.identity.map((p) => p.source.origin)
}
