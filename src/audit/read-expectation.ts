/**
 * The fields of one expectation (or of `defaults`), read from the syntax tree with their
 * lines, then merged: an expectation's own value wins over the default, key by key for
 * `context`.
 */
import { isMap, isScalar, type Node } from 'yaml'
import { checkAction } from '../diagnose.js'
import { parseAddress } from '../evaluate/condition/ip.js'
import { parseArn, POLICY_TYPES, VPC_ENDPOINT_ID, type PolicyType } from '../model/index.js'
import { parsePolicy } from '../policy/index.js'
import { readAccount, readPrincipal } from './read-principals.js'
import { EXPECTED_KINDS, type Expectation, type Expected, type PrincipalSpec } from './types.js'
import { describeNode, unknownKeyMessage, type NodeReader } from './yaml-nodes.js'

export const DEFAULT_KEYS = [
  'principals', 'principal', 'actions', 'action', 'resources', 'resource', 'context', 'mfa', 'sourceVpce', 'sourceIp',
  'region', 'resourceAccount', 'sessionPolicy', 'assumeAbsent', 'expect',
] as const
export const EXPECTATION_KEYS = ['name', 'description', ...DEFAULT_KEYS] as const

/** `principal`, `action`, `resource` are the one-value spellings of the plural keys. */
const PLURAL: Readonly<Record<string, string>> = { principal: 'principals', action: 'actions', resource: 'resources' }

/** What one mapping says; undefined where it says nothing. */
export interface Fields {
  /** Keys given, valid or not: a key given but invalid is reported once, not also as missing. */
  given: Set<string>
  name?: string
  description?: string
  principals?: PrincipalSpec[]
  actions?: { value: string; node: Node | null }[]
  resources?: string[]
  context?: [string, string[]][]
  mfa?: boolean
  sourceVpce?: string
  sourceIp?: string
  region?: string
  resourceAccount?: string
  sessionPolicy?: { path: string; node: Node | null }
  assumeAbsent?: boolean
  expect?: Expected
}

const CONTEXT_KEY = /^[A-Za-z0-9-]+:[\w/.:-]+$/

function readContext(reader: NodeReader, node: Node | null): [string, string[]][] {
  const map = reader.map(node, 'context (KEY: value, as --context takes)')
  return reader.entries(map).map(({ key, keyNode, value }) => {
    if (!CONTEXT_KEY.test(key)) reader.fail(keyNode, `context key ${JSON.stringify(key)} is not a condition key such as aws:SourceIp or ec2:InstanceType`)
    return [key, reader.list(value, `context ${key}`, (item) => reader.string(item, `context ${key}`)).map((v) => v.value)]
  })
}

function readExpected(reader: NodeReader, node: Node | null): Expected {
  const choices = `${EXPECTED_KINDS.join(', ')} or {explicit-deny: TYPE} with TYPE one of ${POLICY_TYPES.join(', ')}`
  if (isScalar(node)) {
    const kind = reader.string(node, 'expect')
    if (!(EXPECTED_KINDS as readonly string[]).includes(kind)) reader.fail(node, `expect ${JSON.stringify(kind)} is not one of ${choices}`)
    return kind === 'explicit-deny' ? { kind, by: [] } : ({ kind } as Expected)
  }
  if (!isMap(node) || node.items.length !== 1) reader.fail(node, `expect must be ${choices}, not ${describeNode(node)}`)
  const [entry] = reader.entries(node)
  if (entry!.key !== 'explicit-deny') reader.fail(entry!.keyNode, `only explicit-deny takes a policy type (expect: {explicit-deny: scp}); found ${JSON.stringify(entry!.key)}`)
  const by = reader.list(entry!.value, 'the explicit-deny policy type', (item) => {
    const type = reader.string(item, 'the explicit-deny policy type')
    if (!(POLICY_TYPES as readonly string[]).includes(type)) reader.fail(item, `${JSON.stringify(type)} is not a policy type; the types are ${POLICY_TYPES.join(', ')}`)
    return type as PolicyType
  })
  return { kind: 'explicit-deny', by: [...new Set(by.map((b) => b.value))] }
}

function readAction(reader: NodeReader, node: Node | null): string {
  const action = reader.string(node, 'an action')
  if (!/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)) reader.fail(node, `${JSON.stringify(action)} is not an action written service:Action, such as s3:GetObject`)
  if (/[*?]/.test(action)) reader.fail(node, `${JSON.stringify(action)} is a wildcard; an audit checks real requests, so name each action (s3:GetObject, s3:PutObject, …)`)
  return action
}

function readResource(reader: NodeReader, node: Node | null): string {
  const resource = reader.string(node, 'a resource')
  if (resource !== '*' && parseArn(resource) === null) reader.fail(node, `resource ${JSON.stringify(resource)} is not an ARN (arn:aws:service:region:account:…)`)
  return resource
}

/** Reads one mapping's fields; `keys` says which are allowed there. Problems are recorded, not thrown. */
export function readFields(reader: NodeReader, map: Node | null, where: string, keys: readonly string[]): Fields {
  const fields: Fields = { given: new Set() }
  const seen = new Map<string, string>()
  const node = reader.attempt(() => reader.map(map, where), null)
  if (!node) return fields
  for (const { key, keyNode, value } of reader.attempt(() => reader.entries(node), [])) {
    reader.attempt(() => {
      if (!keys.includes(key)) reader.fail(keyNode, unknownKeyMessage(key, where, keys))
      const canonical = PLURAL[key] ?? key
      fields.given.add(canonical)
      const earlier = seen.get(canonical)
      if (earlier !== undefined) reader.fail(keyNode, `${where} gives both ${earlier} and ${key}; use ${canonical} with a list`)
      seen.set(canonical, key)
      readField(reader, fields, key, value)
    }, undefined)
  }
  return fields
}

function readField(reader: NodeReader, fields: Fields, key: string, value: Node | null): void {
  switch (key) {
    case 'name':
      fields.name = reader.string(value, 'name')
      return
    case 'description':
      fields.description = reader.string(value, 'description')
      return
    case 'principals':
    case 'principal':
      fields.principals = reader.list(value, key, (item) => reader.attempt(() => readPrincipal(reader, item), null)).flatMap((p) => (p.value ? [p.value] : []))
      return
    case 'actions':
    case 'action':
      fields.actions = reader.list(value, key, (item) => reader.attempt(() => readAction(reader, item), '')).filter((a) => a.value !== '')
      return
    case 'resources':
    case 'resource':
      fields.resources = reader.list(value, key, (item) => reader.attempt(() => readResource(reader, item), '')).map((r) => r.value).filter((r) => r !== '')
      return
    case 'context':
      fields.context = readContext(reader, value)
      return
    case 'mfa':
      fields.mfa = reader.boolean(value, 'mfa')
      return
    case 'assumeAbsent':
      fields.assumeAbsent = reader.boolean(value, 'assumeAbsent')
      return
    case 'sourceVpce':
      fields.sourceVpce = reader.string(value, 'sourceVpce')
      if (!VPC_ENDPOINT_ID.test(fields.sourceVpce)) reader.fail(value, `sourceVpce ${JSON.stringify(fields.sourceVpce)} is not a VPC endpoint ID (vpce-…)`)
      return
    case 'sourceIp':
      fields.sourceIp = reader.string(value, 'sourceIp')
      if (parseAddress(fields.sourceIp) === null) reader.fail(value, `sourceIp ${JSON.stringify(fields.sourceIp)} is not an IP address`)
      return
    case 'region':
      fields.region = reader.string(value, 'region')
      if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(fields.region)) reader.fail(value, `region ${JSON.stringify(fields.region)} is not an AWS region such as us-east-1`)
      return
    case 'resourceAccount':
      fields.resourceAccount = readAccount(reader, value, 'resourceAccount')
      return
    case 'sessionPolicy':
      fields.sessionPolicy = { path: reader.string(value, 'sessionPolicy (a file name)'), node: value }
      return
    case 'expect':
      fields.expect = readExpected(reader, value)
      return
  }
}

export interface MergeEnv {
  readonly allowUnknownAction: boolean
  /** Reads a session policy file named relative to the audit file; throws a message when it cannot. */
  readonly readPolicyFile: (path: string) => string
}

function mergeContext(defaults: Fields, own: Fields): (readonly [string, string])[] {
  const ownKeys = new Set((own.context ?? []).map(([k]) => k.toLowerCase()))
  const merged = [...(defaults.context ?? []).filter(([k]) => !ownKeys.has(k.toLowerCase())), ...(own.context ?? [])]
  const pairs: (readonly [string, string])[] = merged.flatMap(([k, values]) => values.map((v) => [k, v] as const))
  const has = (key: string) => pairs.some(([k]) => k.toLowerCase() === key.toLowerCase())
  const mfa = own.mfa ?? defaults.mfa
  const sourceIp = own.sourceIp ?? defaults.sourceIp
  const sourceVpce = own.sourceVpce ?? defaults.sourceVpce
  if (mfa !== undefined && !has('aws:MultiFactorAuthPresent')) pairs.push(['aws:MultiFactorAuthPresent', String(mfa)])
  if (sourceIp !== undefined && !has('aws:SourceIp')) pairs.push(['aws:SourceIp', sourceIp])
  if (sourceVpce !== undefined && !has('aws:SourceVpce')) pairs.push(['aws:SourceVpce', sourceVpce])
  return pairs
}

/** The complete expectation, or null when something required is missing (the problem is recorded). */
export function mergeExpectation(reader: NodeReader, node: Node, defaults: Fields, own: Fields, env: MergeEnv): Expectation | null {
  const line = reader.lineOf(node)
  const label = own.name ? `expectation ${JSON.stringify(own.name)}` : 'this expectation'
  const principals = own.principals ?? defaults.principals
  const actions = own.actions ?? defaults.actions
  const expect = own.expect ?? defaults.expect
  const given = (key: string) => own.given.has(key) || defaults.given.has(key)
  const missing = ['name', 'principals', 'actions', 'expect'].filter((key) => !given(key))
  if (missing.length) {
    reader.problems.push({ line, message: `${label} has no ${missing.join(', ')} (each expectation needs a name, principals, actions and what to expect, unless defaults give them)` })
    return null
  }
  if (!own.name || !principals || !actions || !expect) return null // given but invalid: reported already
  for (const action of actions!) {
    reader.attempt(() => {
      try {
        checkAction(action.value, env.allowUnknownAction)
      } catch (error) {
        reader.fail(action.node, (error as Error).message)
      }
    }, undefined)
  }
  const policy = own.sessionPolicy ?? defaults.sessionPolicy
  let sessionPolicy: Expectation['sessionPolicy'] = null
  if (policy) {
    sessionPolicy = reader.attempt(() => {
      let text: string
      try {
        text = env.readPolicyFile(policy.path)
      } catch (error) {
        return reader.fail(policy.node, `sessionPolicy ${(error as Error).message}`)
      }
      // Checked now, so that a malformed policy stops the audit before any check, at its line.
      try {
        parsePolicy(text, { name: policy.path, kind: 'session' })
      } catch (error) {
        return reader.fail(policy.node, `sessionPolicy ${policy.path}: ${(error as Error).message.split('\n')[0]}`)
      }
      return { name: policy.path, text }
    }, null)
  }
  const context = mergeContext(defaults, own)
  const vpce = context.find(([k]) => k.toLowerCase() === 'aws:sourcevpce')?.[1] ?? null
  return {
    name: own.name!,
    line,
    description: own.description ?? null,
    principals: principals!,
    actions: [...new Set(actions!.map((a) => a.value))],
    resources: [...new Set(own.resources ?? defaults.resources ?? [])],
    context,
    sourceVpce: vpce,
    region: own.region ?? defaults.region ?? null,
    resourceAccount: own.resourceAccount ?? defaults.resourceAccount ?? null,
    sessionPolicy,
    assumeAbsent: own.assumeAbsent ?? defaults.assumeAbsent ?? false,
    expect: expect!,
  }
}
