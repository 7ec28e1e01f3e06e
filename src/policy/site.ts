/**
 * What the checks need to know about the policy being read: its name and kind, and where
 * each element sits in the text (when it came as text), so errors can point at it.
 */
import type { JsonPath } from './json-positions.js'
import { policyError, type Place } from './errors.js'

export type PolicyKind = 'identity' | 'boundary' | 'scp' | 'rcp' | 'resource' | 'vpce' | 'session' | 'trust'

/** The kind of policy in words, with its article, for messages. */
export const KIND_WORDS: Readonly<Record<PolicyKind, string>> = {
  identity: 'an identity-based policy',
  boundary: 'a permissions boundary',
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  resource: 'a resource-based policy',
  vpce: 'a VPC endpoint policy',
  session: 'a session policy',
  trust: 'a role trust policy',
}

/**
 * Principal / NotPrincipal belong to policies attached to a resource, and only there.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export const HAS_PRINCIPAL: Readonly<Record<PolicyKind, boolean>> = {
  identity: false,
  boundary: false,
  scp: false,
  session: false,
  rcp: true,
  resource: true,
  vpce: true,
  trust: true,
}

export interface Site {
  readonly name: string
  readonly kind: PolicyKind
  /** Where a key or a value sits in the text; null when the policy came as an object. */
  readonly locate: (path: JsonPath, part: 'key' | 'value') => Place | null
}

/** A statement as reports name it: by Sid when it has one, else by 1-based position. */
export function statementLabel(index: number, sid: unknown): string {
  return typeof sid === 'string' && sid !== '' ? `statement "${sid}"` : `statement ${index + 1}`
}

/** Throws the "is not valid" error for the element at `path`. */
export function invalid(site: Site, path: JsonPath, part: 'key' | 'value', statement: string | null, reason: string): never {
  throw policyError(site.name, 'is not valid', site.locate(path, part), statement, reason)
}

/** "a string", "a number", "a list"… for "found …" messages. */
export function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'boolean') return `${value}`
  if (typeof value === 'string') return 'a string'
  if (typeof value === 'number') return 'a number'
  return `a ${typeof value}`
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}
