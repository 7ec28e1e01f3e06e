/**
 * What `collect` prints once the snapshot is written: a few lines of counts, or (--json) one
 * object with the same counts; the gaps go to stderr, where a person sees them and a script's
 * stdout stays parseable.
 */
import type { CollectionGap } from '../model/index.js'
import type { Snapshot } from '../sources/snapshot/format.js'

export interface CollectSummary {
  readonly file: string
  readonly takenAt: string
  readonly collectedBy: string | null
  readonly accounts: number
  /** Accounts whose IAM could not be read (or that could not be reached at all). */
  readonly accountsWithoutIam: number
  readonly users: number
  readonly groups: number
  readonly roles: number
  readonly managedPolicies: number
  readonly organization: { readonly id: string; readonly ous: number; readonly accounts: number; readonly scps: number; readonly rcps: number } | null
  readonly buckets: number
  readonly endpoints: number
  readonly gaps: number
  readonly incomplete: readonly CollectionGap[]
  readonly notes: readonly string[]
}

export function summarise(snapshot: Snapshot, file: string, notes: readonly string[]): CollectSummary {
  const iams = snapshot.accounts.flatMap((a) => (a.iam ? [a.iam] : []))
  const org = snapshot.organization
  const sum = (count: (iam: (typeof iams)[number]) => number) => iams.reduce((total, iam) => total + count(iam), 0)
  return {
    file,
    takenAt: snapshot.takenAt,
    collectedBy: snapshot.collectedBy,
    accounts: snapshot.accounts.length,
    accountsWithoutIam: snapshot.accounts.length - iams.length,
    users: sum((iam) => iam.users.length),
    groups: sum((iam) => iam.groups.length),
    roles: sum((iam) => iam.roles.length),
    managedPolicies: sum((iam) => iam.policies.length),
    organization: org
      ? {
          id: org.id,
          ous: org.ous.length,
          accounts: org.accounts.length,
          scps: org.policies.filter((p) => p.type === 'SERVICE_CONTROL_POLICY').length,
          rcps: org.policies.filter((p) => p.type === 'RESOURCE_CONTROL_POLICY').length,
        }
      : null,
    buckets: snapshot.accounts.reduce((total, a) => total + a.buckets.length, 0),
    endpoints: snapshot.accounts.reduce((total, a) => total + a.vpcEndpoints.length, 0),
    gaps: snapshot.incomplete.length,
    incomplete: snapshot.incomplete,
    notes,
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function renderSummary(s: CollectSummary): string {
  const org = s.organization
  const lines = [
    `Wrote ${s.file} (taken ${s.takenAt}${s.collectedBy ? ` by ${s.collectedBy}` : ''}).`,
    `  accounts       ${s.accounts}${s.accountsWithoutIam ? ` (${s.accountsWithoutIam} without IAM data: see the gaps)` : ''}`,
    `  users          ${s.users}`,
    `  groups         ${s.groups}`,
    `  roles          ${s.roles}`,
    `  policies       ${s.managedPolicies} managed polic${s.managedPolicies === 1 ? 'y' : 'ies'}${org ? `, ${plural(org.scps, 'SCP')}, ${plural(org.rcps, 'RCP')}` : ''}`,
    `  organization   ${org ? `${org.id}: ${plural(org.ous, 'OU')}, ${plural(org.accounts, 'account')}` : 'none'}`,
    `  buckets        ${s.buckets}`,
    `  endpoints      ${s.endpoints}`,
    `  gaps           ${s.gaps}${s.gaps ? ' (listed on stderr; every diagnosis from this snapshot carries them)' : ''}`,
  ]
  return `${lines.join('\n')}\n`
}

/** "organizations:ListRoots (account 111…) failed: Name: message": which call, where, and AWS's answer. */
function failure(gap: CollectionGap): string {
  const where = gap.account ? ` (account ${gap.account})` : ''
  return gap.call ? `${gap.call}${where} failed: ${gap.error}` : `${gap.source}${where}: ${gap.error}`
}

/** The gaps and notes for stderr; empty when there are none. */
export function renderGaps(s: CollectSummary): string {
  const out: string[] = []
  if (s.incomplete.length) {
    out.push(`denydoctor: the snapshot is incomplete (${plural(s.incomplete.length, 'gap')}); no diagnosis from it can come out Allowed:`)
    for (const gap of s.incomplete) out.push(`  - ${failure(gap)}\n    ${gap.effect}`)
  }
  for (const note of s.notes) out.push(`denydoctor: note: ${note}`)
  return out.length ? `${out.join('\n')}\n` : ''
}

/** The --json object: the counts, the gaps and the notes. */
export function summaryJson(s: CollectSummary): string {
  return `${JSON.stringify(s)}\n`
}
