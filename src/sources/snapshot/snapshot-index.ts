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

/** Name lookup as IAM does it: exact first, then regardless of case (IAM names are unique either way). */
function byName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | null {
  return items.find((i) => nameOf(i) === name) ?? items.find((i) => nameOf(i).toLowerCase() === name.toLowerCase()) ?? null
}

export class SnapshotIndex {
  private readonly accounts: ReadonlyMap<string, SnapshotAccount>
  private readonly buckets = new Map<string, Located<SnapshotBucket>>()
  private readonly endpoints = new Map<string, Located<SnapshotVpcEndpoint>>()
  /** Parent of every OU and account of the organization (roots have none). */
  private readonly parents = new Map<string, string>()
  private readonly names = new Map<string, string>()
  private readonly orgPolicies = new Map<string, SnapshotOrgPolicy>()

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

  user(account: string, name: string): SnapshotUser | null {
    return byName(this.accounts.get(account)?.iam?.users ?? [], name, (u) => u.userName)
  }

  role(account: string, name: string): SnapshotRole | null {
    return byName(this.accounts.get(account)?.iam?.roles ?? [], name, (r) => r.roleName)
  }

  group(account: string, name: string): SnapshotGroup | null {
    return byName(this.accounts.get(account)?.iam?.groups ?? [], name, (g) => g.groupName)
  }

  /**
   * A managed policy by ARN: in the given account first, then anywhere (AWS managed policies,
   * `arn:aws:iam::aws:policy/…`, are the same in every account).
   */
  managedPolicy(account: string, arn: string): SnapshotManagedPolicy | null {
    const own = this.accounts.get(account)?.iam?.policies.find((p) => p.arn === arn)
    if (own) return own
    if (!/^arn:[a-z-]+:iam::aws:policy\//.test(arn)) return null
    for (const other of this.snapshot.accounts) {
      const found = other.iam?.policies.find((p) => p.arn === arn)
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
