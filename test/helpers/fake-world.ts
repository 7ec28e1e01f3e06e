/** What the fake AWS of fake-aws.ts knows: one account's IAM, its organization, buckets and endpoints. */

export interface FakeRole {
  readonly name: string
  /** The role's unique ID (AROA…), which becomes `aws:userid` for its sessions. */
  readonly roleId: string
  readonly path?: string
  readonly boundaryArn?: string
  /** Managed policy ARNs, in listing order. */
  readonly attached?: readonly string[]
  /** Inline policies by name. */
  readonly inline?: Readonly<Record<string, object>>
  readonly tags?: Readonly<Record<string, string>>
}

export interface FakeUser {
  readonly name: string
  readonly userId: string
  readonly groups?: readonly string[]
  readonly attached?: readonly string[]
  readonly inline?: Readonly<Record<string, object>>
  readonly boundaryArn?: string
  readonly tags?: Readonly<Record<string, string>>
}

export interface FakeGroup {
  readonly name: string
  readonly attached?: readonly string[]
  readonly inline?: Readonly<Record<string, object>>
}

export interface FakeEndpoint {
  readonly id: string
  readonly vpcId: string
  readonly serviceName: string
  readonly policy: object
}

export interface FakeOrganization {
  readonly id: string
  readonly managementAccount: string
  readonly rootId: string
  /** Child (account or OU) → parent ID. */
  readonly parents: Readonly<Record<string, string>>
  /** Names of OUs and accounts. */
  readonly names: Readonly<Record<string, string>>
  readonly policies: Readonly<Record<string, { readonly name: string; readonly type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY'; readonly content: object }>>
  /** `SERVICE_CONTROL_POLICY|ou-…` → policy IDs attached there, in listing order. */
  readonly attached: Readonly<Record<string, readonly string[]>>
}

export interface FakeWorld {
  /** The account the credentials belong to (GetCallerIdentity). */
  readonly account: string
  readonly roles: readonly FakeRole[]
  readonly users: readonly FakeUser[]
  readonly groups: readonly FakeGroup[]
  /** Managed policy ARN → its default version's document. */
  readonly managed: Readonly<Record<string, object>>
  readonly org: FakeOrganization | null
  /** Bucket name → its policy; null: the bucket has none (NoSuchBucketPolicy). */
  readonly buckets: Readonly<Record<string, object | null>>
  /** Bucket name → its region; a bucket not named is in us-east-1. */
  readonly bucketRegions?: Readonly<Record<string, string>>
  readonly endpoints: readonly FakeEndpoint[]
  /** Encoded authorization message → the JSON text STS decodes it to. */
  readonly decoded?: Readonly<Record<string, string>>
  /** `service:Operation` → the error that call fails with. */
  readonly failures?: Readonly<Record<string, Error>>
}
