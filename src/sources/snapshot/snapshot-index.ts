/**
 * Lookups over a validated snapshot, built once per provider: accounts by ID, IAM entities by
 * name, managed policies by ARN, buckets and endpoints by name, the organization tree.
 */
import type {
  Snapshot,
  SnapshotAccount,
  SnapshotBucket,
  SnapshotGroup,
  SnapshotManagedPolicy,
  SnapshotOrganization,
  SnapshotOrgPolicy,
  SnapshotRole,
  SnapshotUser,
  SnapshotVpcEndpoint,
} from './format.js'

export interface Located<T> {
  readonly account: string
  readonly item: T
}

/**
 * Name lookup as IAM does it: exact first, then regardless of case (IAM names are unique
 * either way). Where names repeat, the first in the snapshot's order wins, as a scan would.
 */
class ByName<T> {
  private readonly exact = new Map<string, T>()
  private readonly folded = new Map<string, T>()

  constructor(items: readonly T[], nameOf: (item: T) => string) {
    for (const item of items) {
      const name = nameOf(item)
      if (!this.exact.has(name)) this.exact.set(name, item)
      const lower = name.toLowerCase()
      if (!this.folded.has(lower)) this.folded.set(lower, item)
    }
  }

  get(name: string): T | null {
    return this.exact.get(name) ?? this.folded.get(name.toLowerCase()) ?? null
  }
}

/** One account's IAM entities by name and managed policies by ARN, built when first asked for. */
interface AccountLookups {
  readonly users: ByName<SnapshotUser>
  readonly roles: ByName<SnapshotRole>
  readonly groups: ByName<SnapshotGroup>
  readonly policies: ReadonlyMap<string, SnapshotManagedPolicy>
}

function lookupsOf(account: SnapshotAccount): AccountLookups {
  const iam = account.iam
  const policies = new Map<string, SnapshotManagedPolicy>()
  for (const policy of iam?.policies ?? []) if (!policies.has(policy.arn)) policies.set(policy.arn, policy)
  return {
    users: new ByName(iam?.users ?? [], (u) => u.userName),
    roles: new ByName(iam?.roles ?? [], (r) => r.roleName),
    groups: new ByName(iam?.groups ?? [], (g) => g.groupName),
    policies,
  }
}

export class SnapshotIndex {
  private readonly accounts: ReadonlyMap<string, SnapshotAccount>
  private readonly buckets = new Map<string, Located<SnapshotBucket>>()
  private readonly endpoints = new Map<string, Located<SnapshotVpcEndpoint>>()
  /** Parent of every OU and account of the organization (roots have none). */
  private readonly parents = new Map<string, string>()
  private readonly names = new Map<string, string>()
  private readonly orgPolicies = new Map<string, SnapshotOrgPolicy>()
  private readonly lookups = new Map<SnapshotAccount, AccountLookups>()

  constructor(readonly snapshot: Snapshot) {
    this.accounts = new Map(snapshot.accounts.map((a) => [a.id, a]))
    for (const account of snapshot.accounts) {
      for (const bucket of account.buckets) this.buckets.set(bucket.name, { account: account.id, item: bucket })
      for (const endpoint of account.vpcEndpoints) this.endpoints.set(endpoint.id, { account: account.id, item: endpoint })
    }
    const org = snapshot.organization
    if (org) {
      for (const root of org.roots) this.names.set(root.id, root.name)
      for (const node of [...org.ous, ...org.accounts]) {
        this.parents.set(node.id, node.parentId)
        this.names.set(node.id, node.name)
      }
      for (const policy of org.policies) this.orgPolicies.set(policy.id, policy)
    }
  }

  get organization(): SnapshotOrganization | null {
    return this.snapshot.organization
  }

  account(id: string): SnapshotAccount | null {
    return this.accounts.get(id) ?? null
  }

  /** Accounts the snapshot knows anything about: IAM data, or membership of the organization. */
  knowsAccount(id: string): boolean {
    return this.accounts.has(id) || this.parents.has(id)
  }

  /** "111111111111 (Workloads), 222222222222 (Data)": the accounts holding IAM data. */
  describeAccounts(): string {
    const held = this.snapshot.accounts.filter((a) => a.iam !== null).map((a) => (this.names.has(a.id) ? `${a.id} (${this.names.get(a.id)})` : a.id))
    return held.length ? held.join(', ') : 'none'
  }

  nameOf(id: string): string | null {
    return this.names.get(id) ?? null
  }

  /** Lookups over one account, built once: audits ask about thousands of entities of a few accounts. */
  private lookupsFor(account: SnapshotAccount): AccountLookups {
    let found = this.lookups.get(account)
    if (!found) {
      found = lookupsOf(account)
      this.lookups.set(account, found)
    }
    return found
  }

  private lookupsIn(id: string): AccountLookups | null {
    const account = this.accounts.get(id)
    return account ? this.lookupsFor(account) : null
  }

  user(account: string, name: string): SnapshotUser | null {
    return this.lookupsIn(account)?.users.get(name) ?? null
  }

  role(account: string, name: string): SnapshotRole | null {
    return this.lookupsIn(account)?.roles.get(name) ?? null
  }

  group(account: string, name: string): SnapshotGroup | null {
    return this.lookupsIn(account)?.groups.get(name) ?? null
  }

  /**
   * A managed policy by ARN: in the given account first, then anywhere (AWS managed policies,
   * `arn:aws:iam::aws:policy/…`, are the same in every account).
   */
  managedPolicy(account: string, arn: string): SnapshotManagedPolicy | null {
    const own = this.lookupsIn(account)?.policies.get(arn)
    if (own) return own
    if (!/^arn:[a-z-]+:iam::aws:policy\//.test(arn)) return null
    for (const other of this.snapshot.accounts) {
      const found = this.lookupsFor(other).policies.get(arn)
      if (found) return found
    }
    return null
  }

  bucket(name: string): Located<SnapshotBucket> | null {
    return this.buckets.get(name) ?? null
  }

  endpoint(id: string): Located<SnapshotVpcEndpoint> | null {
    return this.endpoints.get(id) ?? null
  }

  /** Root first, then each OU, then the account itself; null when the account is not in the organization. */
  orgChain(account: string): string[] | null {
    if (!this.parents.has(account)) return null
    const chain = [account]
    for (let id = this.parents.get(account); id !== undefined; id = this.parents.get(id)) chain.unshift(id)
    return chain
  }

  /** Policies of one type attached to one root, OU or account, in the order the snapshot lists them. */
  attachedPolicies(targetId: string, type: SnapshotOrgPolicy['type']): SnapshotOrgPolicy[] {
    return (this.snapshot.organization?.attachments ?? [])
      .filter((a) => a.targetId === targetId)
      .map((a) => this.orgPolicies.get(a.policyId)!)
      .filter((p) => p.type === type)
  }

  /** Every user and role name in the snapshot, for "did you mean". */
  allPrincipals(): { account: string; kind: 'user' | 'role'; name: string; arn: string }[] {
    return this.snapshot.accounts.flatMap((a) => [
      ...(a.iam?.users ?? []).map((u) => ({ account: a.id, kind: 'user' as const, name: u.userName, arn: u.arn })),
      ...(a.iam?.roles ?? []).map((r) => ({ account: a.id, kind: 'role' as const, name: r.roleName, arn: r.arn })),
    ])
  }
}
