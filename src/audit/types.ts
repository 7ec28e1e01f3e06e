/**
 * An audit file after validation: the expectations to check, each with what must hold.
 * The file format (YAML or JSON) is in docs/audit.md and schemas/audit.schema.json.
 */
import type { PolicyType } from '../model/index.js'

/** What must hold for every check of an expectation. */
export type Expected =
  | { readonly kind: 'allow' }
  /** Denied, explicitly or implicitly. */
  | { readonly kind: 'deny' }
  | { readonly kind: 'implicit-deny' }
  /** Denied by an explicit Deny; with `by`, by a policy of one of those types. */
  | { readonly kind: 'explicit-deny'; readonly by: readonly PolicyType[] }

export const EXPECTED_KINDS = ['allow', 'deny', 'implicit-deny', 'explicit-deny'] as const

/** One principal spec as written: an ARN, or a selector of users or roles by name and path. */
export type PrincipalSpec =
  | { readonly kind: 'arn'; readonly arn: string }
  | {
      readonly kind: 'role' | 'user'
      /** Wildcard pattern on the name (`Deploy*`); `*` for every one. */
      readonly name: string
      /** IAM path prefix (`/ops/`), or null for every path. */
      readonly path: string | null
      /** Accounts to look in; empty for the audit's `accounts` (or the source's own). */
      readonly accounts: readonly string[]
    }

export interface Expectation {
  readonly name: string
  /** Line of the expectation in the audit file, for messages. */
  readonly line: number
  readonly description: string | null
  readonly principals: readonly PrincipalSpec[]
  readonly actions: readonly string[]
  /** Resource ARNs, each checked on its own; empty for an unknown resource. */
  readonly resources: readonly string[]
  /** Context pairs (a key given with several values is multi-valued), shorthands included. */
  readonly context: readonly (readonly [string, string])[]
  readonly sourceVpce: string | null
  readonly region: string | null
  readonly resourceAccount: string | null
  readonly sessionPolicy: { readonly name: string; readonly text: string } | null
  readonly assumeAbsent: boolean
  readonly expect: Expected
}

export interface AuditFile {
  /** The file as the user named it. */
  readonly fileName: string
  readonly name: string | null
  /** Accounts a selector without its own looks in; empty for the source's own. */
  readonly accounts: readonly string[]
  /** The role assumed in each account for a live audit. */
  readonly assumeRoleName: string | null
  readonly expectations: readonly Expectation[]
  /** `sha256:…` of what the file says (not of its layout): shards of one audit share it. */
  readonly digest: string
}

/** `allow`, `explicit-deny: scp`, `explicit-deny: scp|rcp`: how reports name an expectation. */
export function expectedLabel(expected: Expected): string {
  if (expected.kind === 'explicit-deny' && expected.by.length > 0) return `explicit-deny: ${expected.by.join('|')}`
  return expected.kind
}
