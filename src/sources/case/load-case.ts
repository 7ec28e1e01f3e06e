import {
  POLICY_TYPES,
  principalFromArn,
  type CollectionGap,
  type OrgLevel,
  type PolicySet,
  type PolicyType,
  type Request,
  type ResourceTypeHint,
  type SourcedPolicy,
} from '../../model/index.js'
import { parsePolicy, PolicyInputError, type PolicyKind } from '../../policy/index.js'
import { CaseError } from './case-error.js'
import type { CaseCache } from './case-cache.js'
import { accountOfResource, isAccountId, readContext } from './read-request.js'

/**
 * The `evaluate` command's case file (cli-contract.md, "Case file") → the engine's Request
 * and PolicySet. Every complaint names the field it is about.
 */
export interface LoadedCase {
  readonly request: Request
  readonly policies: PolicySet
  readonly warnings: readonly string[]
  /** What the case says could not be read (`incomplete`): the verdict lists it and is never Allowed. */
  readonly incomplete: readonly CollectionGap[]
}

type Json = Record<string, unknown>

/** How a case is loaded: alone (every policy parsed), or sharing parsed policies and parts with other cases. */
export interface LoadOptions {
  readonly cache?: CaseCache
  /** The case is a value straight from JSON.parse (the cache may then key documents by JSON.stringify). */
  readonly fromJson?: boolean
}

/** The options of one loadCase call, passed down to each policy. */
interface Loader {
  readonly cache: CaseCache | null
  readonly fromJson: boolean
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/

function stringList(value: unknown, path: string): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[]
  throw new CaseError(`${path} must be a string or a list of strings.`, path)
}

/**
 * The policy loaded before from this value at this place of a set (CaseCache.keptSourced), or
 * undefined: then load it (loadPolicy), its path and name written only then.
 */
function keptAt(loader: Loader, value: unknown, type: PolicyType, kind: PolicyKind, attachedTo: string | null, index: number): SourcedPolicy | undefined {
  return loader.cache !== null && typeof value === 'object' && value !== null ? loader.cache.keptSourced(value, type, kind, attachedTo, index) : undefined
}

/** `index`: the policy's position in its list (-1 for a layer's single policy), which names an unnamed one. */
function loadPolicy(
  loader: Loader,
  value: unknown,
  path: string,
  type: PolicyType,
  defaultName: string,
  attachedTo: string | null,
  index: number,
  kind: PolicyKind = type,
): SourcedPolicy {
  const wrapped = isObject(value) && 'document' in value
  const name = wrapped && typeof value.name === 'string' ? value.name : defaultName
  const arn = wrapped && typeof value.arn === 'string' ? value.arn : null
  const document = wrapped ? value.document : value
  if (!isObject(document) && typeof document !== 'string') {
    throw new CaseError(`${path} must be a policy: {"name", "arn", "document"}, a bare policy document, or its JSON text.`, path)
  }
  try {
    const source = { type, name, arn, attachedTo, origin: null }
    if (!loader.cache) return { source, policy: parsePolicy(document, { name, kind }) }
    const sourced = loader.cache.sourcedPolicy(source, loader.cache.policies.parse(document, { name, kind, fromJson: loader.fromJson }))
    if (isObject(value)) loader.cache.keepSourced(value, type, kind, attachedTo, index, wrapped, sourced)
    return sourced
  } catch (error) {
    if (error instanceof PolicyInputError) throw new CaseError(`${path}: ${error.message}`, path)
    throw error
  }
}

function loadOne(loader: Loader, value: unknown, path: string, type: PolicyType, defaultName: string, kind: PolicyKind = type): SourcedPolicy | null {
  if (value === null || value === undefined) return null
  return keptAt(loader, value, type, kind, null, -1) ?? loadPolicy(loader, value, path, type, defaultName, null, -1, kind)
}

/** Whether a policy allows every action on every resource with no condition (FullAWSAccess, RCPFullAWSAccess). */
function allowsEverything(policy: SourcedPolicy): boolean {
  return policy.policy.statements.some(
    (s) => s.effect === 'Allow' && s.action?.includes('*') === true && s.resource?.includes('*') === true && s.conditions.length === 0,
  )
}

/**
 * RCPFullAWSAccess is attached to every root, OU and account once RCPs are enabled and cannot be
 * detached; the evaluator reads an RCP level as if it held it (layers.ts). A case that leaves it
 * out gets a note, not an implicit deny.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 */
export function rcpFullAccessNotes(levels: readonly OrgLevel[]): string[] {
  return levels
    .map((level, i) => ({ level, i }))
    .filter(({ level }) => !level.policies.some(allowsEverything))
    .map(
      ({ level, i }) =>
        `policies.rcps[${i}] (${level.name}) does not hold RCPFullAWSAccess; AWS attaches it to every root, OU and account and it cannot be detached, so the level is evaluated as if it were there.`,
    )
}

/** rcpFullAccessNotes of a kept set, worked out once per set (a batch sees the same sets again and again). */
const notesOfSet = new WeakMap<PolicySet, readonly string[]>()
function notesOf(set: PolicySet): readonly string[] {
  let notes = notesOfSet.get(set)
  if (notes === undefined) {
    notes = rcpFullAccessNotes(set.rcps)
    notesOfSet.set(set, notes)
  }
  return notes
}

const GAP_FIELDS = ['source', 'error', 'effect'] as const

/** Shared by cases with nothing to list (frozen: no reader may add to it for all). */
const NO_GAPS: readonly CollectionGap[] = Object.freeze([])
const NO_WARNINGS: readonly string[] = Object.freeze([])
const NO_HINTS: readonly ResourceTypeHint[] = Object.freeze([])

/** `incomplete`: sources the case says could not be read, as the verdict lists them. */
function loadIncomplete(value: unknown): readonly CollectionGap[] {
  if (value === undefined || value === null) return NO_GAPS
  if (!Array.isArray(value)) throw new CaseError('incomplete must be a list of {"source", "error", "effect", "layer"?}.', 'incomplete')
  return value.map((gap, i) => {
    const path = `incomplete[${i}]`
    if (!isObject(gap)) throw new CaseError(`${path} must be an object {"source", "error", "effect", "layer"?}.`, path)
    for (const field of GAP_FIELDS) {
      if (typeof gap[field] !== 'string') throw new CaseError(`${path}.${field} must be a string.`, `${path}.${field}`)
    }
    const layer = gap.layer
    if (layer !== undefined && !(POLICY_TYPES as readonly unknown[]).includes(layer)) {
      throw new CaseError(`${path}.layer must be one of ${POLICY_TYPES.join(', ')}, not ${JSON.stringify(layer)}.`, `${path}.layer`)
    }
    const account = optionalAccount(gap.account, `${path}.account`)
    return {
      source: gap.source as string,
      error: gap.error as string,
      effect: gap.effect as string,
      ...(account ? { account } : {}),
      ...(layer ? { layer: layer as PolicyType } : {}),
    }
  })
}

function loadLevels(loader: Loader, value: unknown, path: string, type: 'scp' | 'rcp'): OrgLevel[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new CaseError(`${path} must be a list of levels (root first, account last), each a list of policies.`, path)
  return value.map((level, i) => {
    if (!Array.isArray(level)) throw new CaseError(`${path}[${i}] must be a list of policies attached at that level (use [] for none).`, `${path}[${i}]`)
    const label = i === 0 ? 'root' : i === value.length - 1 ? 'account' : `level-${i}`
    return {
      id: null,
      name: label,
      policies: level.map((p, j) => keptAt(loader, p, type, type, label, j) ?? loadPolicy(loader, p, `${path}[${i}][${j}]`, type, `${type.toUpperCase()} ${label}[${j}]`, label, j)),
    }
  })
}

/** Role trust policies are the resource policy of sts:AssumeRole*, and carry no Resource. */
export function isTrustAction(action: string): boolean {
  return /^sts:(AssumeRole|TagSession|SetSourceIdentity|SetContext)/i.test(action)
}

function loadPolicies(loader: Loader, value: unknown, action: string): PolicySet {
  if (!isObject(value)) throw new CaseError('policies must be an object with identity, boundary, scps, rcps, resource, vpce and session.', 'policies')
  const identity = value.identity ?? []
  if (!Array.isArray(identity)) throw new CaseError('policies.identity must be a list of policies.', 'policies.identity')
  const set: PolicySet = {
    identity: identity.map((p, i) => keptAt(loader, p, 'identity', 'identity', null, i) ?? loadPolicy(loader, p, `policies.identity[${i}]`, 'identity', `identity[${i}]`, null, i)),
    boundary: loadOne(loader, value.boundary, 'policies.boundary', 'boundary', 'boundary'),
    scps: loadLevels(loader, value.scps, 'policies.scps', 'scp'),
    rcps: loadLevels(loader, value.rcps, 'policies.rcps', 'rcp'),
    resource: loadOne(loader, value.resource, 'policies.resource', 'resource', 'resource policy', isTrustAction(action) ? 'trust' : 'resource'),
    vpce: loadOne(loader, value.vpce, 'policies.vpce', 'vpce', 'VPC endpoint policy'),
    session: loadOne(loader, value.session, 'policies.session', 'session', 'session policy'),
  }
  return loader.cache ? loader.cache.set(set) : set
}

function optionalAccount(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' || !isAccountId(value)) throw new CaseError(`${path} must be a 12-digit account ID, not ${JSON.stringify(value)}.`, path)
  return value
}

/** The account the first resource ARN that names one names. */
function arnAccount(resources: readonly string[]): string | null {
  for (const r of resources) {
    const account = accountOfResource(r)
    if (account !== '') return account
  }
  return null
}

/** Resource types for an unknown resource, supplied by the caller (the action catalogue). */
export type ResourceTypeLookup = (action: string) => readonly ResourceTypeHint[]

const loaderOf = (options: LoadOptions): Loader => ({ cache: options.cache ?? null, fromJson: options.fromJson === true })

export function loadCase(value: unknown, resourceTypesOf: ResourceTypeLookup = () => [], options: LoadOptions = {}): LoadedCase {
  const loader = loaderOf(options)
  const { request, warnings, incomplete } = loadCaseRequest(value, resourceTypesOf, options)
  const raw = (value as Json).policies
  const policies = loader.cache && isObject(raw) ? loader.cache.policySet(raw, isTrustAction(request.action), () => loadPolicies(loader, raw, request.action)) : loadPolicies(loader, raw, request.action)
  const notes = loader.cache ? notesOf(policies) : rcpFullAccessNotes(policies.rcps)
  return { request, policies, warnings: notes.length === 0 ? warnings : [...warnings, ...notes], incomplete }
}

/** A case's `policies` alone, for the request `action` (a role trust policy is read as such for sts:AssumeRole*). */
export function loadCasePolicies(value: unknown, action: string, options: LoadOptions = {}): PolicySet {
  return loadPolicies(loaderOf(options), value, action)
}

/** A case without its `policies`: the request and the warnings about it. */
export function loadCaseRequest(value: unknown, resourceTypesOf: ResourceTypeLookup = () => [], options: LoadOptions = {}): Omit<LoadedCase, 'policies'> {
  const loader = loaderOf(options)
  if (!isObject(value)) throw new CaseError('A case must be a JSON object with "request" and "policies".', '')
  const req = value.request
  if (!isObject(req)) throw new CaseError('request is missing: a case needs {"request": {"principal", "action", …}, "policies": {…}}.', 'request')
  if (typeof req.principal !== 'string') throw new CaseError('request.principal is missing: give the ARN of the caller.', 'request.principal')
  const principal = loader.cache ? loader.cache.principal(req.principal, principalFromArn) : principalFromArn(req.principal)
  if (!principal) {
    throw new CaseError(
      `request.principal ${JSON.stringify(req.principal)} is not a principal ARN: expected arn:aws:iam::ACCOUNT:user/NAME, …:role/NAME, arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, …:federated-user/NAME, arn:aws:iam::ACCOUNT:root, or a service principal such as lambda.amazonaws.com.`,
      'request.principal',
    )
  }
  if (typeof req.action !== 'string' || !ACTION.test(req.action)) {
    throw new CaseError(`request.action ${JSON.stringify(req.action)} is not an action: expected service:Action, e.g. ec2:RunInstances.`, 'request.action')
  }
  const resources = req.resource === undefined ? [] : stringList(req.resource, 'request.resource')
  const rawContext = req.context ?? {}
  if (!isObject(rawContext)) throw new CaseError('request.context must be an object of key → string or list of strings.', 'request.context')
  // aws:ResourceAccount given in the context is the resource's account (an S3 ARN names none).
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount
  const { context, resourceAccount: contextAccount } = readContext(rawContext, value.contextComplete !== false)
  if (value.contextComplete !== undefined && typeof value.contextComplete !== 'boolean') throw new CaseError('contextComplete must be true or false.', 'contextComplete')

  let warnings: string[] | null = null
  const principalAccount = optionalAccount(value.principalAccount, 'principalAccount')
  if (principalAccount && principalAccount !== principal.account) {
    ;(warnings ??= []).push(`principalAccount ${principalAccount} differs from the account in the principal ARN (${principal.account}); the ARN's account is used.`)
  }
  // The resource ARNs are read only when the case does not name the account.
  const resourceAccount = optionalAccount(value.resourceAccount, 'resourceAccount') ?? arnAccount(resources) ?? contextAccount
  if (resourceAccount === null && resources.length > 0) {
    ;(warnings ??= []).push(`The resource ARN does not name its account; it is taken to be the principal's (${principal.account}). Give "resourceAccount" if it is another account.`)
  }
  if (value.isManagementAccount !== undefined && typeof value.isManagementAccount !== 'boolean') throw new CaseError('isManagementAccount must be true or false.', 'isManagementAccount')
  const isManagementAccount = value.isManagementAccount === true
  const incomplete = loadIncomplete(value.incomplete)
  return {
    request: {
      principal,
      action: req.action,
      resources,
      resourceTypes: resources.length === 0 ? resourceTypesOf(req.action) : NO_HINTS,
      context,
      resourceAccount,
      isManagementAccount,
      resourceInManagementAccount: isManagementAccount && (resourceAccount ?? principal.account) === principal.account,
    },
    warnings: warnings ?? NO_WARNINGS,
    incomplete,
  }
}
