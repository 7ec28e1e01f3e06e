import type { CollectionGap, PolicySet, PrincipalInfo } from '../model/index.js'

/** What the user asked about, as the `principal` command's flags give it. */
export interface PrincipalQuery {
  readonly principalArn: string
  readonly action: string
  /** Resource ARNs; empty when unknown. */
  readonly resources: readonly string[]
  /** `--context KEY=VALUE` pairs (a key given several times is multi-valued), after shorthands. */
  readonly context: readonly (readonly [string, string])[]
  /** Keys known not to be in the request (from a CloudTrail event, say). */
  readonly absentKeys?: readonly string[]
  /** `--unknown KEY`: keys left unknown on purpose, whatever the direct-call profile would assume. */
  readonly unknownKeys?: readonly string[]
  /** When the call was made (ISO 8601), when the input says so (a CloudTrail event); default now. */
  readonly time?: string | null
  /** The session policy passed to AssumeRole, as text (from `--session-policy FILE`). */
  readonly sessionPolicy: { readonly name: string; readonly text: string } | null
  /** `--resource-account`: the account owning the resource, when its ARN does not say. */
  readonly resourceAccount: string | null
  /** The VPC endpoint the call went through (`--source-vpce` or `--context aws:SourceVpce=`). */
  readonly sourceVpce: string | null
  readonly region: string | null
}

/** Everything a source learned for one query: the policies, facts about the principal, and gaps. */
export interface Gathered {
  /** The principal, enriched: role path in roleArn/principalArn, unique ID, tags. */
  readonly principal: PrincipalInfo
  readonly policies: PolicySet
  readonly incomplete: readonly CollectionGap[]
  readonly isManagementAccount: boolean
  readonly resourceAccount: string | null
  readonly resourceInManagementAccount: boolean
  /** Context keys the source knows for certain (aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:SourceVpc, …). */
  readonly knownContext: readonly (readonly [string, readonly string[]])[]
  /** Context keys the source knows are absent (aws:PrincipalOrgID of an account in no organization). */
  readonly absentContext?: readonly string[]
  /** The resource's region when the source knows it and the ARN does not say (an S3 bucket's). */
  readonly resourceRegion?: string | null
  /** Why the resource's region is not known when the source tried to read it (GetBucketLocation refused). */
  readonly resourceRegionUnknown?: string
  /** Where the data came from, for the report: "live account 111111111111", "snapshot taken 2026-…". */
  readonly origin: string
}

/** Which IAM principals to list (for `audit` selectors such as `{roles: "Deploy*"}`). */
export interface PrincipalFilter {
  readonly kind: 'role' | 'user'
  /** The account to list; null for the source's own: every account of a snapshot, the credentials' account live. */
  readonly account: string | null
  /** IAM path prefix (`/ops/`), as ListRoles' PathPrefix; null for every path. */
  readonly pathPrefix: string | null
}

/** A place policies come from: the live account, a snapshot file. */
export interface PolicySourceProvider {
  gather(query: PrincipalQuery): Promise<Gathered>
  /** ARNs (path included) of the users or roles the filter selects, sorted; sources that cannot list leave it out. */
  listPrincipals?(filter: PrincipalFilter): Promise<string[]>
}
