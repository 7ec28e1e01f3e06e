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
import type { OrgLevel, Policy, PolicySet, PolicySource, PolicyType, PrincipalInfo, SourcedPolicy } from '../../model/index.js'
import { PolicyCache, sharedPolicyCache } from '../../policy/policy-cache.js'
import type { PolicyKind } from '../../policy/index.js'
import { ContainerIndex, containerKey } from './container-index.js'

const PART_LIMIT = 20_000

/** Stands for a missing part (a set without a boundary) in a key made of parts. */
const NOTHING = {}

interface Node<V> {
  value: V | undefined
  /** The first child, by its part, held in the node: most nodes have one child only. */
  firstPart: unknown
  first: Node<V> | null
  /** The other children, by part. */
  next: Map<unknown, Node<V>> | null
}

const newNode = <V>(): Node<V> => ({ value: undefined, firstPart: undefined, first: null, next: null })

/**
 * Values keyed by a sequence of parts compared by identity (objects) or value (strings): a
 * trie, so a lookup costs one comparison or map read per part and builds no key string. A
 * node's first child is held in the node itself and only the others in a map: a map per node
 * was most of what a fresh process's first pass kept, and its collector copied. Bounded: it
 * is emptied when it holds `limit` nodes or more (what is still in use is rebuilt on the next case).
 */
class Table<V> {
  private root: Node<V> = newNode()
  private nodes = 0
  constructor(private readonly limit: number) {}

  get(parts: readonly unknown[], make: () => V): V {
    // Emptied before a lookup, never during one: at most limit + parts.length nodes.
    if (this.nodes >= this.limit) this.clear()
    let node = this.root
    for (const raw of parts) {
      const part = raw ?? NOTHING
      let child = node.first !== null && node.firstPart === part ? node.first : node.next?.get(part)
      if (child === undefined) {
        child = newNode()
        if (node.first === null) {
          node.firstPart = part
          node.first = child
        } else (node.next ??= new Map()).set(part, child)
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

/**
 * A policy as loaded from one value (a `{name, arn, document}` object or a bare document) at
 * one place of a set: its layer, how its document is read, the level it is attached to, its
 * position (which gives the name of an unnamed one). What it was read from is kept to check
 * that the value still holds it.
 */
interface KeptSourced {
  readonly type: PolicyType
  readonly kind: PolicyKind
  readonly attachedTo: string | null
  readonly index: number
  /** Whether the value was wrapped: then its document, name and ARN as read. */
  readonly wrapped: boolean
  readonly document: unknown
  readonly name: unknown
  readonly arn: unknown
  readonly sourced: SourcedPolicy
}

/** Whether a kept policy was loaded at this place. */
const atPlace = (kept: KeptSourced, type: PolicyType, kind: PolicyKind, attachedTo: string | null, index: number): boolean =>
  kept.index === index && kept.type === type && kept.kind === kind && kept.attachedTo === attachedTo

/** Places kept per value (the same FullAWSAccess object on every level of every chain). */
const PLACES_PER_VALUE = 8

export class CaseCache {
  private readonly sourced: Table<SourcedPolicy>
  private readonly lists: Table<readonly SourcedPolicy[]>
  private readonly levels: Table<OrgLevel>
  private readonly chains: Table<readonly OrgLevel[]>
  private readonly sets: Table<PolicySet>
  private readonly principals = new Map<string, PrincipalInfo | null>()
  private readonly partLimit: number
  /** Sets by what a `policies` object holds (containerKey): a new object holding the same documents finds its set. */
  private readonly containers: ContainerIndex
  private lastContainer: { readonly parts: readonly unknown[]; readonly set: PolicySet } | null = null
  /** Policies by the value they were loaded from (keptSourced). */
  private byValue = new WeakMap<object, KeptSourced[]>()

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
    this.containers = new ContainerIndex(this.partLimit)
  }

  sourcedPolicy(source: PolicySource, policy: Policy): SourcedPolicy {
    return this.sourced.get([policy, source.type, source.name, source.arn, source.attachedTo, source.origin], () => ({ source, policy }))
  }

  /**
   * The policy loaded before from this value at this place, when the value still holds what it
   * was read from (a wrapped value: the same document, name and ARN; a bare document: still
   * not wrapped); undefined otherwise. A new set is mostly made of policies loaded for other
   * sets (one principal's policies with each bucket policy it meets): this answers them with one
   * lookup, where reading each again (its name, its parsed document by identity, its interned
   * part) was about a sixth of a fresh process's first pass.
   */
  keptSourced(value: object, type: PolicyType, kind: PolicyKind, attachedTo: string | null, index: number): SourcedPolicy | undefined {
    const places = this.byValue.get(value)
    if (places === undefined) return undefined
    for (let i = 0; i < places.length; i++) {
      const kept = places[i]!
      if (!atPlace(kept, type, kind, attachedTo, index)) continue
      const v = value as Record<string, unknown>
      const same = kept.wrapped ? v.document === kept.document && v.name === kept.name && v.arn === kept.arn : !('document' in v)
      return same ? kept.sourced : undefined
    }
    return undefined
  }

  /** Keeps a policy loaded from `value` at this place (keptSourced); `wrapped`: it was read as {name, arn, document}. */
  keepSourced(value: object, type: PolicyType, kind: PolicyKind, attachedTo: string | null, index: number, wrapped: boolean, sourced: SourcedPolicy): void {
    const v = value as Record<string, unknown>
    const kept: KeptSourced = { type, kind, attachedTo, index, wrapped, document: wrapped ? v.document : value, name: wrapped ? v.name : undefined, arn: wrapped ? v.arn : undefined, sourced }
    let places = this.byValue.get(value)
    if (places === undefined) this.byValue.set(value, (places = []))
    const at = places.findIndex((p) => atPlace(p, type, kind, attachedTo, index))
    if (at >= 0) places[at] = kept
    else {
      if (places.length >= PLACES_PER_VALUE) places.shift()
      places.push(kept)
    }
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
    try {
      // A caller mostly asks about one set many times in a row: compared part by part, the last
      // key answers without a lookup.
      const last = this.lastContainer
      if (last !== null && key.equals(last.parts)) return last.set
      const kept = this.containers.get(key, load)
      this.lastContainer = kept
      return kept.set
    } finally {
      key.release()
    }
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
    this.byValue = new WeakMap()
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

/** The cache evaluateCase and the `evaluate` command share within one process. */
export const sharedCaseCache = new CaseCache(sharedPolicyCache)
