/**
 * What case files share, kept across cases: parsed policies (PolicyCache), and the parts of a
 * policy set built from them (each sourced policy, identity list, organization level and chain,
 * the set itself, the caller's PrincipalInfo), one object per distinct part.
 *
 * The engine keeps its compiled plans by the identity of a set's parts (evaluate/set-plan.ts),
 * as it does for a snapshot audit. A case file builds new objects for every case; interning
 * them here lets the thousandth case about the same principal and policies find its plan made,
 * instead of comparing each policy's content again.
 *
 * Every part is keyed by the identity of what it is made of and its own plain fields, so two
 * parts share an object only when they are equal. Bounded: each table is emptied when it
 * reaches its limit (what is still in use is rebuilt on the next case).
 */
import type { OrgLevel, Policy, PolicySet, PolicySource, PrincipalInfo, SourcedPolicy } from '../../model/index.js'
import { PolicyCache, sharedPolicyCache } from '../../policy/policy-cache.js'

const PART_LIMIT = 20_000

/** Stands for a missing part (a set without a boundary) in a key made of parts. */
const NOTHING = {}

interface Node<V> {
  value: V | undefined
  /** Children by a part that is a string, number or other primitive (or any part, in a strong table). */
  next: Map<unknown, Node<V>> | null
  /** Children by a part that is an object, in a weak table. */
  weak: WeakMap<object, Node<V>> | null
}

const newNode = <V>(): Node<V> => ({ value: undefined, next: null, weak: null })

/**
 * Values keyed by a sequence of parts compared by identity (objects) or value (strings): a
 * trie of maps, so a lookup costs one map read per part and builds no key string. Bounded: it
 * is emptied when it holds `limit` nodes or more (what is still in use is rebuilt on the next case).
 *
 * A weak table holds its object parts weakly: a path through a document the caller has let go
 * of goes with it, so keeping sets by the documents of a batch's cases does not keep the
 * documents (nodes so collected still count towards the limit until the table is emptied).
 */
class Table<V> {
  private root: Node<V> = newNode()
  private nodes = 0
  constructor(
    private readonly limit: number,
    private readonly weak = false,
  ) {}

  get(parts: readonly unknown[], make: () => V): V {
    // Emptied before a lookup, never during one: at most limit + parts.length nodes.
    if (this.nodes >= this.limit) this.clear()
    let node = this.root
    for (const raw of parts) {
      const part = raw ?? NOTHING
      const byObject = this.weak && (typeof part === 'object' || typeof part === 'function')
      let child = byObject ? node.weak?.get(part as object) : node.next?.get(part)
      if (child === undefined) {
        child = newNode()
        if (byObject) (node.weak ??= new WeakMap()).set(part as object, child)
        else (node.next ??= new Map()).set(part, child)
        this.nodes++
      }
      node = child
    }
    return (node.value ??= make())
  }

  get size(): number {
    return this.nodes
  }

  clear(): void {
    this.root = newNode()
    this.nodes = 0
  }
}

export class CaseCache {
  private readonly sourced: Table<SourcedPolicy>
  private readonly lists: Table<readonly SourcedPolicy[]>
  private readonly levels: Table<OrgLevel>
  private readonly chains: Table<readonly OrgLevel[]>
  private readonly sets: Table<PolicySet>
  private readonly principals = new Map<string, PrincipalInfo | null>()
  private readonly partLimit: number
  /** Sets by what a `policies` object holds (containerKey): a new object holding the same documents finds its set. */
  private readonly containers: Table<PolicySet>
  private lastContainer: { readonly key: readonly unknown[]; readonly set: PolicySet } | null = null

  /** `partLimit`: nodes each table keeps before it is emptied (and principals kept by ARN). */
  constructor(
    readonly policies: PolicyCache = new PolicyCache(),
    options: { readonly partLimit?: number } = {},
  ) {
    this.partLimit = options.partLimit ?? PART_LIMIT
    this.sourced = new Table(this.partLimit)
    this.lists = new Table(this.partLimit)
    this.levels = new Table(this.partLimit)
    this.chains = new Table(this.partLimit)
    this.sets = new Table(this.partLimit)
    this.containers = new Table(this.partLimit, true)
  }

  sourcedPolicy(source: PolicySource, policy: Policy): SourcedPolicy {
    return this.sourced.get([policy, source.type, source.name, source.arn, source.attachedTo, source.origin], () => ({ source, policy }))
  }

  /** The list of these (interned) policies; the array given is kept when it is the first. */
  list(policies: readonly SourcedPolicy[]): readonly SourcedPolicy[] {
    return this.lists.get(policies.length === 0 ? [NOTHING] : policies, () => policies)
  }

  level(level: OrgLevel): OrgLevel {
    const policies = this.list(level.policies)
    return this.levels.get([policies, level.id, level.name], () => (policies === level.policies ? level : { ...level, policies }))
  }

  chain(levels: readonly OrgLevel[]): readonly OrgLevel[] {
    const shared = levels.map((l) => this.level(l))
    return this.chains.get(shared.length === 0 ? [NOTHING] : shared, () => shared)
  }

  /** The set of these parts (its policies interned already). */
  set(parts: PolicySet): PolicySet {
    const p: PolicySet = {
      identity: this.list(parts.identity),
      boundary: parts.boundary,
      scps: this.chain(parts.scps),
      rcps: this.chain(parts.rcps),
      resource: parts.resource,
      vpce: parts.vpce,
      session: parts.session,
    }
    return this.sets.get([p.identity, p.boundary, p.scps, p.rcps, p.resource, p.vpce, p.session], () => p)
  }

  /**
   * The set loaded from a case's `policies` object, kept by what the object holds: each
   * document, name and ARN at its place (documents by identity, as PolicyCache reads them;
   * names, ARNs and JSON texts by value), not by the object or its lists, which a caller
   * building a case per request makes anew each time. A caller who adds, removes or swaps a
   * policy gets a new set. `trust`: the resource policy is read as a trust policy. A set that
   * fails to load is not kept.
   */
  policySet(container: object, trust: boolean, load: () => PolicySet): PolicySet {
    const key = containerKey(container, trust)
    // A caller mostly asks about one set many times in a row: compared part by part, the last
    // key answers without a lookup per part.
    const last = this.lastContainer
    if (last !== null && sameParts(key, last.key)) return last.set
    const set = this.containers.get(key, load)
    this.lastContainer = { key, set }
    return set
  }

  principal(arn: string, make: (arn: string) => PrincipalInfo | null): PrincipalInfo | null {
    let principal = this.principals.get(arn)
    if (principal === undefined) {
      if (this.principals.size >= this.partLimit) this.principals.clear()
      principal = make(arn)
      this.principals.set(arn, principal)
    }
    return principal
  }

  /** Forget every part and policy. */
  clear(): void {
    for (const table of [this.sourced, this.lists, this.levels, this.chains, this.sets, this.containers]) table.clear()
    this.principals.clear()
    this.policies.clear()
    this.lastContainer = null
  }

  /** Nodes kept, table by table (tests check that they stay bounded). */
  sizes(): Readonly<Record<'sourced' | 'lists' | 'levels' | 'chains' | 'sets' | 'containers' | 'principals', number>> {
    return {
      sourced: this.sourced.size,
      lists: this.lists.size,
      levels: this.levels.size,
      chains: this.chains.size,
      sets: this.sets.size,
      containers: this.containers.size,
      principals: this.principals.size,
    }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Stand for "a long list of N" and "a policy wrapped around JSON text" in a container's key: no value a caller gives can be either. */
const LIST = {}
const WRAPPED_TEXT = {}
/** A hole in a sparse list (loading skips it, where it refuses an item that is undefined). */
const HOLE = {}
const TRUST = {}
const NOT_TRUST = {}

function sameParts(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * What a `policies` object holds, as the key of its set: every value loading reads, in a fixed
 * order (each list's length and items; each wrapped policy's document, name and ARN as one
 * token, wrappedToken; a policy that is not wrapped, as itself). Two objects with the same
 * key load to equal sets.
 */
function containerKey(container: object, trust: boolean): unknown[] {
  const key: unknown[] = [trust ? TRUST : NOT_TRUST]
  const c = container as Record<string, unknown>
  pushList(key, c.identity)
  pushPolicy(key, c.boundary)
  pushLevels(key, c.scps)
  pushLevels(key, c.rcps)
  pushPolicy(key, c.resource)
  pushPolicy(key, c.vpce)
  pushPolicy(key, c.session)
  return key
}

/**
 * One object per wrapped policy's document (by identity), name and ARN (by value): a wrapped
 * policy is then one part of a container's key instead of four, which keeps the table of sets
 * small. Held weakly by the document; a document given as JSON text keeps its four parts.
 */
const wrappedTokens = new WeakMap<object, Map<unknown, Map<unknown, object>>>()

function wrappedToken(document: object, name: unknown, arn: unknown): object {
  let byName = wrappedTokens.get(document)
  if (byName === undefined) wrappedTokens.set(document, (byName = new Map()))
  let byArn = byName.get(name)
  if (byArn === undefined) byName.set(name, (byArn = new Map()))
  let token = byArn.get(arn)
  if (token === undefined) byArn.set(arn, (token = {}))
  return token
}

// Plain functions rather than closures: the key is built on every case.
function pushPolicy(key: unknown[], p: unknown): void {
  if (!isRecord(p) || !('document' in p)) key.push(p)
  // A token is an object of this module's own: no value a caller gives can be one.
  else if (typeof p.document === 'object' && p.document !== null) key.push(wrappedToken(p.document, p.name, p.arn))
  else key.push(WRAPPED_TEXT, p.name, p.arn, p.document)
}

/** "A list of N": one marker of this module's own for a short list, LIST and N for a long one. */
const LENGTHS: object[] = Array.from({ length: 64 }, () => ({}))
function pushLength(key: unknown[], length: number): void {
  if (length < LENGTHS.length) key.push(LENGTHS[length])
  else key.push(LIST, length)
}

/** A list: its length and each item by `pushItem` (a hole as HOLE); a value that is no list, as itself. */
function pushEach(key: unknown[], l: unknown, pushItem: (key: unknown[], item: unknown) => void): void {
  if (!Array.isArray(l)) {
    key.push(l)
    return
  }
  pushLength(key, l.length)
  for (let i = 0; i < l.length; i++) pushItem(key, i in l ? l[i] : HOLE)
}

/** A list of policies. */
function pushList(key: unknown[], l: unknown): void {
  pushEach(key, l, pushPolicy)
}

/** A chain of levels, each a list of policies. */
function pushLevels(key: unknown[], chain: unknown): void {
  pushEach(key, chain, pushList)
}

/** The cache evaluateCase and the `evaluate` command share within one process. */
export const sharedCaseCache = new CaseCache(sharedPolicyCache)
