/**
 * Every sentence and heading the text, brief and markdown reports show to people, grouped by
 * the part of the report it belongs to. The words come from the message catalogue of the
 * language being spoken (src/i18n: en.ts/en-report.ts, ja.ts/ja-report.ts; renderVerdict sets
 * the language), read when used. Layout code never writes words itself: it asks for a phrase
 * here. JSON output never goes through these.
 */
import { say } from '../i18n/index.js'
import type { Decision, PolicyType, Verdict } from '../model/index.js'

const md = (key: string): string => say()['report.md'][key]!

/**
 * A table of words read from one section of the catalogue, one getter per key, so each read
 * speaks the language current at the time (renderVerdict may switch it between reports).
 */
function readsFrom<K extends string>(
  section: 'report.heading' | 'report.label' | 'report.brief' | 'report.md',
  keys: readonly K[],
): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>
  for (const key of keys) Object.defineProperty(table, key, { get: () => say()[section][key]!, enumerable: true })
  return table
}

/** Headings of the report's sections, in the order the report shows them. */
export const HEADINGS = readsFrom('report.heading', [
  'whatToChange', 'ifStillDenied', 'nothingAllows', 'alsoWithoutAllow', 'request', 'otherDenies',
  'otherAllows', 'allowedOverridden', 'allowedNotEnough', 'allowedUnsettled', 'couldNotRead', 'warnings',
  'remedies',
])

/** How a finding is introduced, by its effect and whether it certainly applies. */
export const FINDING_VERBS = {
  get deny() { return say()['report.verb'].denied },
  get mayDeny() { return say()['report.verb'].mayDeny },
  get allow() { return say()['report.verb'].allowed },
  get mayAllow() { return say()['report.verb'].mayAllow },
}

/** The lines around a statement in the text report. */
export const FINDING_PHRASES = {
  get everyResourceType() { return say()['report.coversAll'] },
  covers: (what: string): string => say()['report.noResourceCovers'](what),
  mayApply: (what: string): string => say()['report.mayApply'](what),
  get theResource() { return say()['report.theResource'] },
  get conditions() { return say()['report.conditions'] },
}

/** The labels of the request block ("resource: …"). */
export const REQUEST_LABELS = readsFrom('report.label', [
  'resource', 'resources', 'notGiven', 'context', 'assumed', 'source',
])

/**
 * The sources that could not be read, each once: one source often leaves several gaps (a
 * snapshot without the bucket and without the resource account's RCPs), and the warning names
 * sources, not gaps; the gaps themselves are each listed under what to change.
 */
export function unreadSources(verdict: Pick<Verdict, 'incomplete'>): string[] {
  return [...new Set(verdict.incomplete.map((gap) => gap.source))]
}

/** What every report says about a diagnosis with unread sources, right under the verdict. */
export function partialWarning(sources: string): string {
  return say()['report.partial'](sources)
}

/** The same, after a bold "⚠ Partial diagnosis." in markdown. */
export function partialTitle(): string {
  return say()['report.partialTitle']
}
export function partialWarningBody(sources: string): string {
  return say()['report.partialBody'](sources)
}

/** "Every SCP and RCP level allows it: FullAWSAccess at 4 levels, RCPFullAWSAccess at 3 levels." */
export function orgWideAllowLine(kinds: string, parts: readonly { readonly name: string; readonly levels: number }[]): string {
  return say()['report.orgWide'](kinds, parts)
}

/** After a deny, where not every level need allow: "SCP policies that allow it: FullAWSAccess at 3 levels". */
export function orgAllowsLine(kinds: string, parts: readonly { readonly name: string; readonly levels: number }[]): string {
  return say()['report.orgAllows'](kinds, parts)
}

/** "SCP and RCP", "SCP", "RCP": which organisation policy kinds a folded line covers. */
export function orgKinds(hasScp: boolean, hasRcp: boolean): string {
  return say()['report.orgKinds'](hasScp, hasRcp)
}

/** The one assumptions line: "assumed for a direct call: aws:SecureTransport=true, …". */
export function assumptionsLine(pairs: readonly string[]): string {
  return say()['report.assumptions'](pairs)
}

/** The parts of a deciding statement in the brief form, one line each. */
export const BRIEF_LABELS = Object.assign(readsFrom('report.brief', [
  'action', 'resource', 'principal', 'condition', 'change', 'notRead',
  'noChange', 'request',
]), {
  more: (n: number): string => say()['report.briefMore'](n),
})

/**
 * What a request AWS refuses because the resource is AWS's own comes to, where there is no
 * room for the whole explanation (the brief line, the picture): "AWS-owned resource: only AWS
 * may change it".
 */
/** AWS's refusal of a change to its own resource: its name and what it says after it, in the language spoken. */
export function awsOwnedWords(): { readonly label: string; readonly why: string } {
  return say()['report.awsOwned']
}

/** The one line under the deciding statement of an implicit deny, per layer without an Allow. */
export function missingAllowLine(text: string): string {
  return say()['report.noAllowIn'](text)
}

/** The note that introduces the remedies: they are proposals, written for a reviewer. */
export const REMEDY_PHRASES = {
  get label() { return say()['report.remedy'].label! },
  /** "add to the resource policy of arn:aws:s3:::b:" */
  addTo: (layer: string, target: string): string => say()['report.remedyAddTo'](layer, target),
  /** "add to the SCPs attached at ou-abcd-11111111:" */
  addAtLevel: (layer: string, level: string): string => say()['report.remedyAddAtLevel'](layer, level),
  /** "edit statement 1 (Sid X) of SCP DenyRunInstances (JSON Patch, paths from the statement):" */
  edit: (statement: string, policy: string): string => say()['report.remedyEdit'](statement, policy),
  get layer(): Readonly<Record<PolicyType, string>> { return say()['report.remedyLayer'] },
}

/** Markdown headings (without the leading #s). */
export const MARKDOWN_HEADINGS = Object.assign(readsFrom('report.md', [
  'decidedBy', 'path', 'whatToChange', 'ifStillDenied', 'nothingAllows', 'alsoWithoutAllow',
  'request', 'denies', 'allows', 'couldNotRead', 'warnings', 'remedies',
  'matched', 'conditions', 'undetermined', 'resourceTypes', 'condition',
]), {
  verdict: (title: string): string => say()['report.mdVerdict'](title),
})

const column = (key: string): string => say()['report.columns'][key]!
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** Column headers of the markdown tables. */
export const MARKDOWN_COLUMNS = {
  get findings() { return ['#', 'policy', 'statement', 'applies', 'explanation'].map(column) },
  get conditions() { return ['operator', 'key', 'policyValues', 'requestValues', 'result', 'why'].map((k) => capital(column(k))) },
  get gaps() { return [md('source'), column('error'), column('effect')] },
  get intake() { return [md('field'), md('value')] },
  applies: {
    get yes() { return md('yes') },
    hangsOn: (what: string): string => say()['report.mdHangsOn'](what),
    get theResource() { return say()['report.theResource'] },
  },
}

/** Decision words for the picture's legend and nodes. */
export const DIAGRAM_PHRASES = {
  get organisation() { return say()['report.diagramOrganisation'] },
  request: (action: string): string => action,
  get state() { return say()['report.diagramState'] },
  get layer(): Readonly<Record<PolicyType, string>> { return say()['report.diagramLayer'] },
  result: (decision: Decision): string => say()['report.diagramResult'][decision],
}
