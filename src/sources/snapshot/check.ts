/**
 * Small path-aware readers for validating parsed JSON: each complaint names the JSON path
 * (`accounts[0].iam.roles[2].roleId`), what was expected and what was found.
 */
import { ACCOUNT_ID } from '../../model/index.js'
import { SnapshotError } from './errors.js'
import type { PolicyDocument } from './format.js'

export type Json = Record<string, unknown>

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `accounts` + 0 → `accounts[0]`; `accounts[0]` + `iam` → `accounts[0].iam`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path ? `${path}.${key}` : key
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return value.length > 40 ? `the string "${value.slice(0, 37)}…"` : `the string ${JSON.stringify(value)}`
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'number') return `the number ${value}`
  return String(value)
}

export class Checker {
  constructor(
    /** The file as the user named it. */
    readonly file: string,
  ) {}

  fail(path: string, expected: string, found: unknown): never {
    throw this.problem(path, `expected ${expected}, found ${describeValue(found)}`)
  }

  /** A complaint about the value at `path` in plain words. */
  problem(path: string, sentence: string): SnapshotError {
    const end = /[.?!]$/.test(sentence) ? '' : '.'
    return new SnapshotError(this.file, `Snapshot file ${this.file} is not valid at ${path || 'the top level'}: ${sentence}${end}`, path)
  }

  object(value: unknown, path: string, what = 'an object'): Json {
    if (!isObject(value)) this.fail(path, what, value)
    return value
  }

  list(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'a list', value)
    return value
  }

  /** A list of objects, each read by `each`. */
  objects<T>(value: unknown, path: string, each: (item: Json, path: string) => T): T[] {
    return this.list(value, path).map((item, i) => each(this.object(item, at(path, i)), at(path, i)))
  }

  string(value: unknown, path: string, pattern?: { test: RegExp; what: string }): string {
    if (typeof value !== 'string') this.fail(path, pattern ? pattern.what : 'a string', value)
    if (pattern && !pattern.test.test(value)) this.fail(path, pattern.what, value)
    return value
  }

  nullableString(value: unknown, path: string): string | null {
    if (value === null) return null
    if (typeof value !== 'string') this.fail(path, 'a string or null', value)
    return value
  }

  strings(value: unknown, path: string): string[] {
    return this.list(value, path).map((item, i) => this.string(item, at(path, i)))
  }

  /** A policy document: an object, or its JSON text (possibly URL-encoded). */
  document(value: unknown, path: string): PolicyDocument {
    if (typeof value === 'string' || isObject(value)) return value
    return this.fail(path, 'a policy document (an object, or its JSON text)', value)
  }

  nullableDocument(value: unknown, path: string): PolicyDocument | null {
    if (value === null) return null
    if (typeof value === 'string' || isObject(value)) return value
    return this.fail(path, 'a policy document (an object, or its JSON text) or null', value)
  }

  /** Values of `field` must be unique across `items`. */
  unique<T>(items: readonly T[], field: (item: T) => string, path: string, name: string): void {
    const seen = new Map<string, number>()
    items.forEach((item, i) => {
      const key = field(item)
      const first = seen.get(key)
      if (first !== undefined) throw this.problem(at(path, i), `${name} ${JSON.stringify(key)} appears twice (also at ${at(path, first)})`)
      seen.set(key, i)
    })
  }
}

export const ACCOUNT = { test: ACCOUNT_ID, what: 'a 12-digit account ID' }
export const ARN = { test: /^arn:[a-z-]+:/, what: 'an ARN (arn:aws:…)' }
