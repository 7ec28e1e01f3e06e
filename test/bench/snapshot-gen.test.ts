import { describe, expect, it } from 'vitest'
import { expandChecks, generateAuditFile, generateSnapshot } from '../../bench/audit/snapshot-gen.js'
import { parseAuditText } from '../../src/audit/read-audit-file.js'
import { createSnapshotProvider, validateSnapshot } from '../../src/sources/snapshot/index.js'

const options = { seed: 9, roles: 150, managedPolicies: 30, accounts: 3, checks: 200 }

describe('the audit-scale snapshot generator', () => {
  it('writes a snapshot that the snapshot reader accepts, with the roles and policies asked for', () => {
    const snapshot = validateSnapshot(JSON.parse(JSON.stringify(generateSnapshot(options))), 'generated.json')
    expect(snapshot.accounts.reduce((n, a) => n + (a.iam?.roles.length ?? 0), 0)).toBe(150)
    expect(snapshot.accounts.reduce((n, a) => n + (a.iam?.policies.length ?? 0), 0)).toBe(30)
  })

  it('is deterministic for a seed, audit file included', () => {
    const a = generateSnapshot(options)
    expect(generateSnapshot(options)).toEqual(a)
    expect(generateAuditFile(generateSnapshot(options), options)).toEqual(generateAuditFile(a, options))
  })

  it('writes an audit file that the audit reader accepts, with the checks asked for', () => {
    const json = generateAuditFile(generateSnapshot(options), options)
    const file = parseAuditText(JSON.stringify(json, null, 1), 'scale-audit.json')
    expect(file.expectations).toHaveLength(2)
    expect(file.expectations[0]!.principals).toHaveLength(50)
    expect(expandChecks(json)).toHaveLength(200)
  })

  it('asks only about principals the snapshot holds', async () => {
    const snapshot = generateSnapshot(options)
    const provider = createSnapshotProvider(snapshot, { fileName: 'generated.json' })
    for (const query of expandChecks(generateAuditFile(snapshot, options)).slice(0, 10)) {
      const gathered = await provider.gather(query)
      expect(gathered.policies.identity.length).toBeGreaterThan(0)
      expect(gathered.policies.scps).toHaveLength(3)
    }
  })
})
