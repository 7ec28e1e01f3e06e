/**
 * What `collect` prints once the snapshot is written: a few lines of counts, or (--json) one
 * object with the same counts; the gaps go to stderr, where a person sees them and a script's
 * stdout stays parseable.
 */
import { messages, padEndColumns, type Catalogue } from '../i18n/index.js'
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

/** The counts, one a line; `m` is the catalogue of the language asked for. */
export function renderSummary(s: CollectSummary, m: Catalogue = messages('en')): string {
  const org = s.organization
  const row = (label: keyof Catalogue['collect.row'], value: string) => `  ${padEndColumns(m['collect.row'][label], 15)}${value}`
  const lines = [
    m['collect.wrote'](s.file, s.takenAt, s.collectedBy),
    row('accounts', `${s.accounts}${s.accountsWithoutIam ? m['collect.withoutIam'](s.accountsWithoutIam) : ''}`),
    row('users', `${s.users}`),
    row('groups', `${s.groups}`),
    row('roles', `${s.roles}`),
    row('policies', m['collect.policies'](s.managedPolicies, org)),
    row('organization', m['collect.organization'](org)),
    row('buckets', `${s.buckets}`),
    row('endpoints', `${s.endpoints}`),
    row('gaps', `${s.gaps}${s.gaps ? m['collect.gapsListed'] : ''}`),
  ]
  return `${lines.join('\n')}\n`
}

/** "organizations:ListRoots (account 111…) failed: Name: message": which call, where, and AWS's answer (as AWS gave it). */
function failure(gap: CollectionGap, m: Catalogue): string {
  const error = m['source.gapError'](gap.error)
  return gap.call ? m['collect.failed'](gap.call, gap.account ?? null, error) : m['collect.unread'](m['source.gapSource'](gap.source), gap.account ?? null, error)
}

/** The gaps and notes for stderr; empty when there are none. The effect and notes are the sources' own sentences. */
export function renderGaps(s: CollectSummary, m: Catalogue = messages('en')): string {
  const out: string[] = []
  if (s.incomplete.length) {
    out.push(`denydoctor: ${m['collect.incomplete'](s.incomplete.length)}`)
    for (const gap of s.incomplete) out.push(`  - ${failure(gap, m)}\n    ${m['source.gapEffect'](gap.effect)}`)
  }
  for (const note of s.notes) out.push(`denydoctor: ${m['collect.note'](m['source.collectNote'](note))}`)
  return out.length ? `${out.join('\n')}\n` : ''
}

/** The --json object: the counts, the gaps and the notes. */
export function summaryJson(s: CollectSummary): string {
  return `${JSON.stringify(s)}\n`
}
