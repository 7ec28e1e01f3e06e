/**
 * The evaluation path of one request, as the picture in the markdown report draws it: the
 * organisation's levels (root → OUs → account), the principal, then each layer AWS evaluates
 * (RCPs and SCPs per level, VPC endpoint policy, resource policy, identity policies,
 * permissions boundary, session policy) with what it did: denied, had no Allow, allowed, left
 * it open (unknown), or could not be read. Built from the Verdict's findings only, and plain
 * JSON, so that an audit result can carry it for its failed checks.
 */
import { AWS_OWNED_LEVEL } from '../evaluate/aws-owned.js'
import { foundStatements, requestNamed, type FoundStatement, type FoundStatements } from '../evaluate/verdict.js'
import { POLICY_TYPE_NAMES, type PolicyType, type Verdict } from '../model/index.js'
import { policyTitle, statementLabel } from './wording.js'

export const PATH_STATES = ['denied', 'no-allow', 'allowed', 'unknown', 'not-read'] as const
export type PathState = (typeof PATH_STATES)[number]

/** One layer on the path; org layers (`scp`, `rcp`) come once per level. */
export interface PathLayer {
  readonly layer: PolicyType
  /** The organisation level's id for SCPs and RCPs ("r-demo", "ou-…", "111111111111"), else null. */
  readonly level: string | null
  /** The level's name for people ("OU `Prod` (ou-demo-prod11)"), else null. */
  readonly levelLabel: string | null
  readonly state: PathState
  /** The statement that did it ("SCP `X` attached to …, statement 1 (Sid Y)"), when one did. */
  readonly statement: string | null
  /** Set when AWS refuses the request because the resource is its own (evaluate/aws-owned.ts). */
  readonly awsOwned?: true
}

export interface EvaluationPath {
  readonly decision: Verdict['decision']
  readonly principal: string
  readonly action: string
  readonly resource: string | null
  /**
   * The principal's organisation levels, root first, account last, with a name for people
   * (the SCP chain; a cross-account resource's RCPs sit in the resource's own chain).
   */
  readonly levels: readonly { readonly id: string; readonly label: string }[]
  readonly layers: readonly PathLayer[]
}

/** The order AWS evaluates the layers in, as the picture draws them. */
const LAYER_ORDER: readonly PolicyType[] = ['rcp', 'scp', 'vpce', 'resource', 'identity', 'boundary', 'session']
const ORG_LAYERS = new Set<PolicyType>(['scp', 'rcp'])

/** Which layers an unread source leaves unknown, by the source's name. */
const GAP_LAYERS: readonly [RegExp, readonly PolicyType[]][] = [
  [/organi[sz]ations|\bscp|\brcp/i, ['rcp', 'scp']],
  [/vpce|vpc ?endpoint/i, ['vpce']],
  [/bucket|s3:|kms|key polic|trust polic|resource/i, ['resource']],
  [/boundary/i, ['boundary']],
  [/session/i, ['session']],
  [/iam|identity|user|role|group/i, ['identity']],
]

export function evaluationPath(verdict: Verdict): EvaluationPath {
  // The statements' places are enough: their words are not read (foundStatements).
  const found = foundStatements(verdict)
  const findings = [...found.denies, ...found.allows]
  const labels = levelLabels(found)
  const chain = (type: PolicyType): string[] => byLevel([...new Set(findings.filter((f) => f.policyType === type && f.attachedTo).map((f) => f.attachedTo!))])
  const scpChain = chain('scp')
  const levels = (scpChain.length > 0 ? scpChain : chain('rcp')).map((id) => ({ id, label: labels.get(id) ?? id }))
  const notRead = new Set(verdict.incomplete.flatMap((gap) => GAP_LAYERS.find(([pattern]) => pattern.test(gap.source))?.[1] ?? []))
  const layers: PathLayer[] = []
  for (const layer of LAYER_ORDER) {
    const ofLayer = findings.filter((f) => f.policyType === layer)
    const missing = verdict.missingAllows.filter((m) => m.policyType === layer)
    if (ORG_LAYERS.has(layer)) {
      // Levels in the order the sources list them (root first), then levels only a missing Allow names.
      const ids = byLevel([...new Set([...ofLayer.flatMap((f) => (f.attachedTo ? [f.attachedTo] : [])), ...missing.flatMap((m) => (m.level ? [m.level] : []))])])
      for (const id of ids) {
        layers.push(layerAt(layer, id, labels.get(id) ?? id, ofLayer.filter((f) => f.attachedTo === id), missing.some((m) => m.level === id)))
      }
      if (ids.length === 0 && (notRead.has(layer) || ofLayer.length > 0 || missing.length > 0)) {
        layers.push(notRead.has(layer) && ofLayer.length === 0 ? { layer, level: null, levelLabel: null, state: 'not-read', statement: null } : layerAt(layer, null, null, ofLayer, missing.length > 0))
      }
      continue
    }
    const awsOwned = missing.some((m) => m.level === AWS_OWNED_LEVEL)
    if (ofLayer.length > 0 || missing.length > 0) {
      const at = layerAt(layer, null, null, ofLayer, missing.length > 0)
      layers.push(awsOwned ? { ...at, awsOwned: true as const } : at)
    }
    else if (notRead.has(layer)) layers.push({ layer, level: null, levelLabel: null, state: 'not-read', statement: null })
  }
  const request = requestNamed(verdict)
  return {
    decision: verdict.decision,
    principal: request.principal,
    action: request.action,
    resource: request.resources[0] ?? null,
    levels: sharedLevels(levels),
    layers: sharedLayers(layers),
  }
}

/**
 * The levels, layers and lists of them made so far, each kept once (frozen): an audit keeps
 * the path of every check that did not hold, tens of thousands, and they mostly repeat a few
 * lists (the same account's levels, the same policies deciding). Kept apart, the paths were a
 * fifth of an audit's heap and of the collector's work. Found by their fields (and a list by
 * its items, once each is kept) through maps, one field at a time: a key written out of every
 * field cost more to hash than the path took to draw.
 */
class Kept {
  private root = new Map<unknown, unknown>()
  private count = 0

  /** The kept value of these fields, or `value` itself, kept (frozen). */
  find<T extends object>(fields: readonly unknown[], value: T): T {
    // Bounded: past the limit, what was kept is let go (values drawn later are kept anew).
    if (this.count >= KEPT) {
      this.root = new Map()
      this.count = 0
    }
    let node = this.root
    for (const field of fields) {
      let next = node.get(field) as Map<unknown, unknown> | undefined
      if (next === undefined) node.set(field, (next = new Map()))
      node = next
    }
    const found = node.get(END) as T | undefined
    if (found !== undefined) return found
    this.count++
    node.set(END, Object.freeze(value))
    return value
  }
}

const END = Symbol('kept')
const KEPT = 20_000
const keptLevels = new Kept()
const keptLayers = new Kept()
const keptLists = new Kept()

function sharedLevels(levels: readonly EvaluationPath['levels'][number][]): EvaluationPath['levels'] {
  const items = levels.map((l) => keptLevels.find([l.id, l.label], l))
  return keptLists.find(['levels', ...items], items)
}

function sharedLayers(layers: readonly PathLayer[]): readonly PathLayer[] {
  const items = layers.map((l) => keptLayers.find([l.layer, l.level, l.levelLabel, l.state, l.statement, l.awsOwned === true], l))
  return keptLists.find(['layers', ...items], items)
}

function layerAt(layer: PolicyType, level: string | null, levelLabel: string | null, findings: readonly FoundStatement[], noAllow: boolean): PathLayer {
  const certainDeny = findings.find((f) => f.effect === 'Deny' && f.certain)
  const openDeny = findings.find((f) => f.effect === 'Deny' && !f.certain)
  const allow = findings.find((f) => f.effect === 'Allow' && f.certain)
  const openAllow = findings.find((f) => f.effect === 'Allow' && !f.certain)
  // At an organisation level the node already names the level: the statement needs only its policy's name.
  const name = (f: FoundStatement): string => (level && f.policyName ? `${POLICY_TYPE_NAMES[f.policyType]} \`${f.policyName}\`` : policyTitle(f))
  const pick = (state: PathState, finding?: FoundStatement): PathLayer => ({ layer, level, levelLabel, state, statement: finding ? `${name(finding)}, ${statementLabel(finding)}` : null })
  if (certainDeny) return pick('denied', certainDeny)
  if (openDeny) return pick('unknown', openDeny)
  if (noAllow) return pick('no-allow', openAllow)
  if (allow) return pick('allowed', allow)
  return pick('unknown', openAllow)
}

/**
 * Organisation levels root first, account last, OUs between in the order first named: the
 * root is `r-…` (or `root` in a case file), an account a 12-digit ID (or `account`).
 */
function byLevel(ids: readonly string[]): string[] {
  const rank = (id: string): number => (/^(r-|root$)/.test(id) ? 0 : /^(\d{12}|account)$/.test(id) ? 2 : 1)
  return ids.map((id, i) => ({ id, i })).sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i).map((x) => x.id)
}

/** A name for each organisation level a finding names: "OU `Prod` (ou-demo-prod11)" from its origin. */
function levelLabels(found: FoundStatements): Map<string, string> {
  const labels = new Map<string, string>()
  for (const f of [...found.allows, ...found.denies]) {
    if (!ORG_LAYERS.has(f.policyType) || !f.attachedTo || labels.has(f.attachedTo)) continue
    const attached = f.origin ? / attached to (.+)$/.exec(f.origin)?.[1] : undefined
    if (attached) labels.set(f.attachedTo, attached)
  }
  return labels
}
