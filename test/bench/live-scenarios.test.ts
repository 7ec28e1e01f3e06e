import { describe, expect, it } from 'vitest'
import { measureLive } from '../../bench/live/measure.js'

// `npm run bench` diagnoses two scenarios through the AWS provider over a fake AWS. When the
// provider learns a new read (as it did s3:GetBucketLocation), the fake must answer it, or the
// whole bench stops there; this runs both scenarios without latency to catch that here.
describe('the live bench scenarios', () => {
  it('diagnose end to end over the fake AWS: the role is allowed, the user denied by its group', async () => {
    const results = await measureLive(0)
    expect(results.map((r) => [r.scenario, r.decision])).toEqual([
      ['role, 10 attached + 3 inline, 3 OUs deep', 'Allowed'],
      ['user in 3 groups', 'ExplicitDeny'],
    ])
    for (const result of results) expect(result.duplicates).toEqual([])
  })
})
