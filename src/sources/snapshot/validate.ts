/**
 * Parsed JSON → Snapshot, or a SnapshotError naming the file and the JSON path. Checks the
 * shape, not the policy documents: those are parsed when a diagnosis reads them, and one
 * that does not parse becomes a gap in that diagnosis, as it would live.
 */
import { at, Checker, describeValue, isObject, type Json } from './check.js'
import { SnapshotError } from './errors.js'
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSIONS, type Snapshot } from './format.js'
import { readAccounts } from './validate-accounts.js'
import { readOrganization } from './validate-organization.js'

/** What a JSON file that is not a snapshot most likely is, for the error message. */
function lookalike(o: Json): string {
  if ('UserDetailList' in o || 'RoleDetailList' in o) return ' It looks like the output of `aws iam get-account-authorization-details`; `denydoctor collect --out FILE` writes a snapshot.'
  if ('request' in o && 'policies' in o) return ' It looks like a case file: run it with `denydoctor evaluate FILE`.'
  if ('Statement' in o) return ' It looks like a policy document.'
  return ' Snapshots are written by `denydoctor collect --out FILE`.'
}

function checkFormatAndVersion(file: string, o: Json): void {
  if (o.format !== SNAPSHOT_FORMAT) {
    const found = o.format === undefined ? 'has no "format" field' : `has "format" ${describeValue(o.format).replace(/^the string /, '')}`
    throw new SnapshotError(file, `Snapshot file ${file} is not a denydoctor snapshot: it ${found} (expected "${SNAPSHOT_FORMAT}").${lookalike(o)}`, 'format')
  }
  if (!(SNAPSHOT_VERSIONS as readonly unknown[]).includes(o.version)) {
    const reads = `this denydoctor reads version ${SNAPSHOT_VERSIONS.join(', ')}`
    const problem =
      typeof o.version === 'number'
        ? `is version ${o.version}, but ${reads} only. Upgrade denydoctor to read it, or write the snapshot again with this denydoctor's \`collect\``
        : `has no valid "version" (found ${describeValue(o.version)}); ${reads}`
    throw new SnapshotError(file, `Snapshot file ${file} ${problem}.`, 'version')
  }
}

// ISO 8601 with a time and an offset, as collect writes it (`new Date().toISOString()`).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

export function validateSnapshot(value: unknown, file: string): Snapshot {
  if (!isObject(value)) {
    throw new SnapshotError(file, `Snapshot file ${file} is not a denydoctor snapshot: it holds ${describeValue(value)}, not an object with "format": "${SNAPSHOT_FORMAT}".`)
  }
  checkFormatAndVersion(file, value)
  const c = new Checker(file)
  const takenAt = c.string(value.takenAt, 'takenAt', { test: TIMESTAMP, what: 'an ISO 8601 time such as "2026-11-01T10:00:00Z"' })
  if (Number.isNaN(Date.parse(takenAt))) c.fail('takenAt', 'a real date and time', takenAt)
  const organization = readOrganization(c, value.organization, 'organization')
  const accounts = readAccounts(c, value.accounts, 'accounts')
  // An account the organization holds cannot also be recorded as outside it.
  accounts.forEach((account, i) => {
    if (account.organizationMembership !== undefined && organization?.accounts.some((a) => a.id === account.id)) {
      throw c.problem(at(at('accounts', i), 'organizationMembership'), `account ${account.id} is in organization ${organization.id} (organization.accounts), so it cannot be recorded as outside it; remove organizationMembership`)
    }
  })
  return {
    format: SNAPSHOT_FORMAT,
    version: value.version as Snapshot['version'],
    takenAt,
    collectedBy: value.collectedBy === undefined ? null : c.nullableString(value.collectedBy, 'collectedBy'),
    organization,
    accounts,
    incomplete: c.objects(value.incomplete, 'incomplete', (o, p) => ({
      source: c.string(o.source, at(p, 'source')),
      error: c.string(o.error, at(p, 'error')),
      effect: c.string(o.effect, at(p, 'effect')),
      ...(o.account === undefined ? {} : { account: c.string(o.account, at(p, 'account')) }),
      ...(o.call === undefined ? {} : { call: c.string(o.call, at(p, 'call')) }),
    })),
  }
}
