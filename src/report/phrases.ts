/**
 * Every sentence and heading the text, brief and markdown reports show to people, in one
 * place, grouped by the part of the report it belongs to, so that a message catalogue (one
 * per language) can take them over as they are. Layout code never writes English itself: it
 * asks for a phrase here. JSON output never goes through these.
 */
import type { Decision } from '../model/index.js'

/** Headings of the report's sections, in the order the report shows them. */
export const HEADINGS = {
  whatToChange: 'What to change:',
  ifStillDenied: 'If AWS still denies it:',
  nothingAllows: 'Nothing allows it here:',
  alsoWithoutAllow: 'Also without an Allow:',
  request: 'The request:',
  otherDenies: 'Other denies:',
  otherAllows: 'Other allows:',
  allowedOverridden: 'Allowed by (overridden by the deny):',
  allowedNotEnough: 'Allowed by (not enough on its own):',
  allowedUnsettled: 'Allowed by (not enough to settle it):',
  couldNotRead: 'Could not read:',
  warnings: 'Warnings:',
  remedies: 'Fixes to paste (review before applying):',
} as const

/** How a finding is introduced, by its effect and whether it certainly applies. */
export const FINDING_VERBS = {
  deny: 'Denied by',
  mayDeny: 'May be denied by',
  allow: 'Allowed by',
  mayAllow: 'May be allowed by',
} as const

/** The lines around a statement in the text report. */
export const FINDING_PHRASES = {
  everyResourceType: 'every resource type the action touches',
  covers: (what: string): string => `The request does not name the resource; this statement covers ${what}.`,
  mayApply: (what: string): string => ` — may apply: hangs on ${what}`,
  theResource: 'the resource',
  conditions: 'Conditions:',
} as const

/** The labels of the request block ("resource: …"). */
export const REQUEST_LABELS = {
  resource: 'resource',
  resources: 'resources',
  notGiven: '(not given)',
  context: 'context',
  assumed: 'assumed for a direct call',
  source: 'source',
} as const

/** What every report says about a diagnosis with unread sources, right under the verdict. */
export function partialWarning(sources: string): string {
  return `⚠ Partial diagnosis: ${partialWarningBody(sources)}`
}

/** The same, after a bold "⚠ Partial diagnosis." in markdown. */
export const PARTIAL_TITLE = '⚠ Partial diagnosis.'
export function partialWarningBody(sources: string): string {
  return `could not read ${sources}. What those sources hold is not in this verdict, so it cannot say Allowed.`
}

/** "every SCP and RCP level allows: FullAWSAccess at 4 levels, RCPFullAWSAccess at 3 levels". */
export function orgWideAllowLine(kinds: string, parts: readonly { readonly name: string; readonly levels: number }[]): string {
  const list = parts.map((p) => `${p.name} at ${p.levels} level${p.levels === 1 ? '' : 's'}`).join(', ')
  return `Every ${kinds} level allows it: ${list}.`
}

/** After a deny, where not every level need allow: "SCP policies that allow it: FullAWSAccess at 3 levels". */
export function orgAllowsLine(kinds: string, parts: readonly { readonly name: string; readonly levels: number }[]): string {
  const list = parts.map((p) => `${p.name} at ${p.levels} level${p.levels === 1 ? '' : 's'}`).join(', ')
  return `${kinds} policies that allow it: ${list}`
}

/** "SCP and RCP", "SCP", "RCP": which organisation policy kinds a folded line covers. */
export function orgKinds(hasScp: boolean, hasRcp: boolean): string {
  return hasScp && hasRcp ? 'SCP and RCP' : hasScp ? 'SCP' : 'RCP'
}

/** The one assumptions line: "assumed for a direct call: aws:SecureTransport=true, …". */
export function assumptionsLine(pairs: readonly string[]): string {
  return pairs.length > 0 ? `${REQUEST_LABELS.assumed}: ${pairs.join(', ')}` : 'assumed: nothing'
}

/** The parts of a deciding statement in the brief form, one line each. */
export const BRIEF_LABELS = {
  action: 'action',
  resource: 'resource',
  principal: 'principal',
  condition: 'condition',
  change: 'change',
  notRead: 'not read',
  more: (n: number): string => `… ${n} more deciding statement${n === 1 ? '' : 's'} (full report without --brief)`,
  noChange: 'nothing to change: the policies allow it',
} as const

/**
 * What a request AWS refuses because the resource is AWS's own comes to, where there is no
 * room for the whole explanation (the brief line, the picture): "AWS-owned resource: only AWS
 * may change it".
 */
export const AWS_OWNED_PHRASE = 'only AWS may change it'

/** The one line under the deciding statement of an implicit deny, per layer without an Allow. */
export function missingAllowLine(label: string): string {
  return `no Allow in ${label}`
}

/** The note that introduces the remedies: they are proposals, written for a reviewer. */
export const REMEDY_PHRASES = {
  label: 'review before applying',
  /** "add to the resource policy of arn:aws:s3:::b:" */
  addTo: (layer: string, target: string): string => `add to the ${layer} of ${target}:`,
  /** "add to the SCPs attached at ou-abcd-11111111:" */
  addAtLevel: (layer: string, level: string): string => `add to the ${layer} ${level}:`,
  /** "edit statement 1 (Sid X) of SCP DenyRunInstances (JSON Patch, paths from the statement):" */
  edit: (statement: string, policy: string): string => `edit ${statement} of ${policy} (JSON Patch, paths from the statement):`,
  layer: {
    identity: 'identity-based policies',
    boundary: 'permissions boundary',
    session: 'session policy',
    resource: 'resource policy',
    vpce: 'VPC endpoint policy',
    scp: 'SCPs attached at',
    rcp: 'RCPs attached at',
  },
} as const

/** Markdown headings (without the leading #s). */
export const MARKDOWN_HEADINGS = {
  verdict: (title: string): string => `Verdict: ${title}`,
  decidedBy: 'What decided it',
  path: 'The evaluation path',
  whatToChange: 'What to change',
  ifStillDenied: 'If AWS still denies it',
  nothingAllows: 'Nothing allows it here',
  alsoWithoutAllow: 'Also without an Allow',
  request: 'The request',
  denies: 'Denies',
  allows: 'Allows',
  couldNotRead: 'Could not read',
  warnings: 'Warnings',
  remedies: 'Fixes to paste (review before applying)',
  matched: 'Matched',
  conditions: 'Conditions',
  undetermined: 'Undetermined:',
  resourceTypes: 'Resource types it covers',
  condition: 'Condition',
} as const

/** Column headers of the markdown tables. */
export const MARKDOWN_COLUMNS = {
  findings: ['#', 'Policy', 'Statement', 'Applies', 'Explanation'],
  conditions: ['Operator', 'Key', 'Policy values', 'Request values', 'Result', 'Why'],
  gaps: ['Source', 'Error', 'Effect'],
  intake: ['Field', 'Value'],
  applies: { yes: 'yes', hangsOn: (what: string): string => `hangs on ${what}`, theResource: 'the resource' },
} as const

/** Decision words for the picture's legend and nodes. */
export const DIAGRAM_PHRASES = {
  organisation: 'organisation',
  request: (action: string): string => action,
  state: {
    denied: 'denied',
    'no-allow': 'no Allow',
    allowed: 'allowed',
    unknown: 'unknown',
    'not-read': 'not read',
  },
  layer: {
    rcp: 'RCPs',
    scp: 'SCPs',
    vpce: 'VPC endpoint policy',
    resource: 'resource policy',
    identity: 'identity policies',
    boundary: 'permissions boundary',
    session: 'session policy',
  },
  result: (decision: Decision): string => DIAGRAM_RESULT[decision],
} as const

const DIAGRAM_RESULT: Readonly<Record<Decision, string>> = {
  Allowed: 'ALLOWED',
  ExplicitDeny: 'DENIED (explicit)',
  ImplicitDeny: 'DENIED (implicit)',
  Undetermined: 'UNDETERMINED',
}
