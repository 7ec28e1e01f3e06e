import { describe, expect, it } from 'vitest'
import {
  criticalPath,
  dependencies,
  duplicates,
  knownFromQuery,
  needlessWaits,
  peakInFlight,
  timelineDepth,
  type CallRecord,
} from '../../bench/live/critical-path.js'

// A hand-made run at 50 ms a call: the role's policies and the organization chain.
//   0  GetCallerIdentity            0–50
//   1  GetRole(App)                50–100   guard: after GetCallerIdentity
//   2  ListAttachedRolePolicies     0–50    needs only the role name (from the query)
//   3  GetPolicy(arn:…/P1)         50–100   needs the ARN listed by 2
//   4  GetPolicyVersion(P1, v7)   100–150   needs the version from 3
//   5  ListParents(111…)            0–50
//   6  ListParents(ou-1)          120–170   needs ou-1 from 5, but waited 70 ms for nothing
//   7  ListPoliciesForTarget(r-1) 170–220   needs r-1 from 6
//   8  GetPolicy(arn:…/P1) again  150–200   the same call twice
const call = (id: number, operation: string, input: object, output: object, start: number): CallRecord => ({ id, service: 'x', operation, input, output, start, end: start + 50 })
const P1 = 'arn:aws:iam::111111111111:policy/P1'
const calls: CallRecord[] = [
  call(0, 'GetCallerIdentity', {}, { Account: '111111111111' }, 0),
  call(1, 'GetRole', { RoleName: 'App' }, { Role: { RoleName: 'App', RoleId: 'AROA1' } }, 50),
  call(2, 'ListAttachedRolePolicies', { RoleName: 'App' }, { AttachedPolicies: [{ PolicyArn: P1 }] }, 0),
  call(3, 'GetPolicy', { PolicyArn: P1 }, { Policy: { DefaultVersionId: 'v7' } }, 50),
  call(4, 'GetPolicyVersion', { PolicyArn: P1, VersionId: 'v7' }, { PolicyVersion: { Document: '{}' } }, 100),
  call(5, 'ListParents', { ChildId: '111111111111' }, { Parents: [{ Id: 'ou-1', Type: 'ORGANIZATIONAL_UNIT' }] }, 0),
  call(6, 'ListParents', { ChildId: 'ou-1' }, { Parents: [{ Id: 'r-1', Type: 'ROOT' }] }, 120),
  call(7, 'ListPoliciesForTarget', { TargetId: 'r-1', Filter: 'SERVICE_CONTROL_POLICY' }, { Policies: [] }, 170),
  call(8, 'GetPolicy', { PolicyArn: P1 }, { Policy: { DefaultVersionId: 'v7' } }, 150),
]
const known = knownFromQuery(['arn:aws:sts::111111111111:assumed-role/App/alice', 's3:GetObject'])
const guards = { GetRole: ['GetCallerIdentity'] }

describe('the critical path of a recorded run', () => {
  const deps = dependencies(calls, known, guards)

  it('links a call to the earlier call whose answer it used, and to its guard', () => {
    expect(deps.get(2)).toEqual([]) // the role name is in the query
    expect(deps.get(1)).toEqual([0]) // guard
    expect(deps.get(3)).toEqual([2])
    expect(deps.get(4)).toEqual([2, 3]) // the ARN listed by 2, the version ID from 3
    expect(deps.get(6)).toEqual([5])
    expect(deps.get(7)).toEqual([6]) // SERVICE_CONTROL_POLICY is an API constant, not an answer
  })

  it('is the longest chain of needed answers', () => {
    const path = criticalPath(calls, deps)
    expect(path.length).toBe(3)
    expect(path.chain.map((c) => c.id)).toEqual([2, 3, 4])
  })

  it('differs from the chain the run actually waited through', () => {
    const waited = timelineDepth(calls, 1)
    expect(waited.length).toBe(4) // 0 → 1 → 6 → 7: ListParents(ou-1) started late
    expect(waited.chain.every((c, i) => i === 0 || c.start >= waited.chain[i - 1]!.end - 1)).toBe(true)
  })

  it('names the calls that waited for nothing', () => {
    expect(needlessWaits(calls, deps, 25).map((w) => [w.call.id, w.waitedMs])).toEqual([
      [6, 70],
      [8, 100],
    ])
  })

  it('finds the call made twice and the peak in flight', () => {
    expect(duplicates(calls)).toEqual([`x:GetPolicy {"PolicyArn":"${P1}"} ×2`])
    expect(peakInFlight(calls)).toBe(3)
  })

  it('treats calls that end exactly when another starts as not overlapping', () => {
    expect(peakInFlight([call(0, 'A', {}, {}, 0), call(1, 'B', {}, {}, 50)])).toBe(1)
  })
})
