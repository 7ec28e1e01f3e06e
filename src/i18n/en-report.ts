/**
 * The verdict report's words in English: headlines, headings, labels and the sentences the
 * report composes from a finding (what a statement hangs on, a condition in words). The
 * sentences that travel in the Verdict's JSON (explanations, suggestions, a condition's why)
 * are the evaluator's and stay as they are.
 */
import type { Branch, ConditionTrace, Decision, MessageEvidence, PolicyType, StatementFinding } from '../model/index.js'

/** What the report passes along with AWS's message evidence, for a language that words it from the data. */
export interface EvidenceParts {
  /** The candidate statements, named as the report names them. */
  readonly statements: readonly { readonly policy: string; readonly statement: string }[]
  /** The keys deciding between several candidates. */
  readonly dependsOn: readonly string[]
  readonly decision: Decision
  readonly anyDeny: boolean
}

const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export const enReport = {
  'report.headline': { Allowed: 'ALLOWED', ExplicitDeny: 'DENIED (explicit deny)', ImplicitDeny: 'DENIED (implicit: nothing allows it)', Undetermined: 'UNDETERMINED (depends on what the request carried)' } as Readonly<Record<Decision, string>>,
  'report.headlineUnread': 'UNDETERMINED (some policies could not be read)',
  'report.title': { Allowed: 'Allowed', ExplicitDeny: 'Explicit deny', ImplicitDeny: 'Implicit deny', Undetermined: 'Undetermined' } as Readonly<Record<Decision, string>>,
  'report.requestSummary': (action: string, principal: string) => `${action} by ${principal}`,
  'report.policyType': { identity: 'identity-based policy', boundary: 'permissions boundary', scp: 'SCP', rcp: 'RCP', resource: 'resource-based policy', vpce: 'VPC endpoint policy', session: 'session policy' } as Readonly<Record<PolicyType, string>>,
  'report.missingLayer': { identity: 'identity-based policies', boundary: 'permissions boundary', scp: 'SCPs', rcp: 'RCPs', resource: 'resource-based policy', vpce: 'VPC endpoint policy', session: 'session policy' } as Readonly<Record<PolicyType, string>>,
  'report.awsOwned': { label: 'AWS-owned resource', why: 'only AWS may change it' },
  'report.assumedAbsent': (keys: readonly string[]) => `absent: ${keys.join(', ')}`,
  'report.overrideHint': '(override with --context KEY=VALUE or --unknown KEY)',
  'report.missingAt': (what: string, level: string) => `${what} at ${level}`,
  'report.policyTitle': (type: string, name: string | null, attachedTo: string | null) => [type, name, attachedTo ? `attached to ${attachedTo}` : null].filter(Boolean).join(' '),
  'report.statement': (n: number, sid: string | null) => (sid ? `statement ${n} (Sid ${sid})` : `statement ${n}`),
  'report.onResource': (resource: string) => ` — on ${resource}`,
  'report.verb': { denied: 'Denied by', mayDeny: 'May be denied by', allowed: 'Allowed by', mayAllow: 'May be allowed by' } as Readonly<Record<'denied' | 'mayDeny' | 'allowed' | 'mayAllow', string>>,
  'report.mayApply': (what: string) => ` — may apply: hangs on ${what}`,
  'report.theResource': 'the resource',
  'report.coversAll': 'every resource type the action touches',
  'report.noResourceCovers': (covers: string) => `The request does not name the resource; this statement covers ${covers}.`,
  'report.conditions': 'Conditions:',
  'report.heading': {
    whatToChange: 'What to change:', ifStillDenied: 'If AWS still denies it:', nothingAllows: 'Nothing allows it here:', alsoWithoutAllow: 'Also without an Allow:',
    request: 'The request:', otherDenies: 'Other denies:', otherAllows: 'Other allows:', allowedOverridden: 'Allowed by (overridden by the deny):',
    allowedNotEnough: 'Allowed by (not enough on its own):', allowedUnsettled: 'Allowed by (not enough to settle it):', couldNotRead: 'Could not read:',
    warnings: 'Warnings:', remedies: 'Fixes to paste (review before applying):',
  } as Readonly<Record<string, string>>,
  'report.label': { resource: 'resource', resources: 'resources', notGiven: '(not given)', context: 'context', assumed: 'assumed for a direct call', source: 'source' } as Readonly<Record<string, string>>,
  'report.partial': (sources: string) => `⚠ Partial diagnosis: could not read ${sources}. What those sources hold is not in this verdict, so it cannot say Allowed.`,
  'report.orgWide': (kinds: string, list: readonly { readonly name: string; readonly levels: number }[]) =>
    `Every ${kinds} level allows it: ${list.map((p) => `${p.name} at ${s(p.levels, 'level')}`).join(', ')}.`,
  'report.orgAllows': (kinds: string, list: readonly { readonly name: string; readonly levels: number }[]) =>
    `${kinds} policies that allow it: ${list.map((p) => `${p.name} at ${s(p.levels, 'level')}`).join(', ')}`,
  'report.orgKinds': (scp: boolean, rcp: boolean): string => (scp && rcp ? 'SCP and RCP' : scp ? 'SCP' : 'RCP'),
  'report.assumptions': (pairs: readonly string[]) => (pairs.length > 0 ? `assumed for a direct call: ${pairs.join(', ')}` : 'assumed: nothing'),
  'report.brief': { action: 'action', resource: 'resource', principal: 'principal', condition: 'condition', change: 'change', notRead: 'not read', noChange: 'nothing to change: the policies allow it', request: 'request' } as Readonly<Record<string, string>>,
  'report.briefMore': (n: number) => `… ${n} more deciding statement${n === 1 ? '' : 's'} (full report without --brief)`,
  'report.noAllowIn': (label: string) => `no Allow in ${label}`,
  'report.remedy': { label: 'review before applying' } as Readonly<Record<string, string>>,
  'report.remedyAddTo': (layer: string, target: string) => `add to the ${layer} of ${target}:`,
  'report.remedyAddAtLevel': (layer: string, level: string) => `add to the ${layer} ${level}:`,
  'report.remedyEdit': (statement: string, policy: string) => `edit ${statement} of ${policy} (JSON Patch, paths from the statement):`,
  'report.remedyLayer': { identity: 'identity-based policies', boundary: 'permissions boundary', session: 'session policy', resource: 'resource policy', vpce: 'VPC endpoint policy', scp: 'SCPs attached at', rcp: 'RCPs attached at' } as Readonly<Record<PolicyType, string>>,
  'report.partialTitle': '⚠ Partial diagnosis.',
  'report.partialBody': (sources: string) => `could not read ${sources}. What those sources hold is not in this verdict, so it cannot say Allowed.`,
  'report.diagramOrganisation': 'organisation',
  'report.diagramState': { denied: 'denied', 'no-allow': 'no Allow', allowed: 'allowed', unknown: 'unknown', 'not-read': 'not read' } as Readonly<Record<'denied' | 'no-allow' | 'allowed' | 'unknown' | 'not-read', string>>,
  'report.diagramLayer': { rcp: 'RCPs', scp: 'SCPs', vpce: 'VPC endpoint policy', resource: 'resource policy', identity: 'identity policies', boundary: 'permissions boundary', session: 'session policy' } as Readonly<Record<PolicyType, string>>,
  'report.diagramResult': { Allowed: 'ALLOWED', ExplicitDeny: 'DENIED (explicit)', ImplicitDeny: 'DENIED (implicit)', Undetermined: 'UNDETERMINED' } as Readonly<Record<Decision, string>>,
  'report.md': {
    decidedBy: 'What decided it', path: 'The evaluation path', whatToChange: 'What to change', ifStillDenied: 'If AWS still denies it', nothingAllows: 'Nothing allows it here',
    alsoWithoutAllow: 'Also without an Allow', request: 'The request', denies: 'Denies', allows: 'Allows', couldNotRead: 'Could not read', warnings: 'Warnings',
    remedies: 'Fixes to paste (review before applying)', matched: 'Matched', conditions: 'Conditions', undetermined: 'Undetermined:', resourceTypes: 'Resource types it covers',
    condition: 'Condition', yes: 'yes', field: 'Field', value: 'Value', resource: 'Resource', resources: 'Resources', context: 'Context', source: 'Source',
  } as Readonly<Record<string, string>>,
  'report.mdVerdict': (title: string) => `Verdict: ${title}`,
  'report.mdPartial': (sources: string) => `**⚠ Partial diagnosis.** Could not read ${sources}. What those sources hold is not in this verdict, so it cannot say Allowed.`,
  'report.mdHangsOn': (what: string) => `hangs on ${what}`,
  'report.columns': {
    '#': '#', policy: 'Policy', statement: 'Statement', applies: 'Applies', explanation: 'Explanation', operator: 'operator', key: 'key', policyValues: 'policy values',
    requestValues: 'request values', result: 'result', why: 'why', error: 'Error', effect: 'Effect',
  } as Readonly<Record<string, string>>,
  'report.values': { unknown: '(unknown)', absent: '(absent)', empty: '(empty)', none: '(none)', resultUnknown: 'unknown', true: 'true', false: 'false' } as Readonly<Record<string, string>>,
  'report.marks': {
    matchedAction: 'matched action', actionNotListed: 'action not listed here', matchedResource: 'matched resource', resourceNotListed: 'resource not listed here',
    matchedPrincipal: 'matched principal', principalNotListed: 'principal not listed here', conditionTrue: 'condition true', conditionFalse: 'condition false', conditionUnknown: 'condition unknown',
  } as Readonly<Record<string, string>>,
  'report.intakeTitle': { message: 'Read from the AccessDenied message', encoded: 'Read from the encoded authorization message', cloudtrail: 'Read from the CloudTrail event', other: 'Read from your input' } as Readonly<Record<string, string>>,
  'report.intakeLabel': { principal: 'principal', action: 'action', resource: 'resource', resources: 'resources', reported: 'reported', context: 'context', notes: 'notes', comparison: 'comparison' } as Readonly<Record<string, string>>,
  'report.noTypeGiven': 'no policy type given',
  /** A source's origin sentence and an intake note, which the sources and intake write in English. */
  'report.origin': (origin: string) => origin,
  'report.note': (note: string) => note,
  'report.suggestion': (suggestion: string) => suggestion,
  /** A condition's why and a finding's explanation: the evaluator's own sentences, as in the JSON. */
  'report.why': (trace: ConditionTrace) => trace.why,
  'report.explanation': (finding: StatementFinding) => finding.explanation,
  /** An Undetermined verdict's branch lines and the message-evidence sentence: the verdict's own English sentences. */
  'report.branchesTitle': 'What it turns on',
  'report.branch': (branch: Branch) => branch.summary,
  'report.evidence': (evidence: MessageEvidence, _parts: EvidenceParts) => evidence.summary,
  // A statement's conditions in words ("denies unless aws:PrincipalArn matches "x"").
  'report.cond.verb': { Deny: 'denies', Allow: 'allows' } as Readonly<Record<'Deny' | 'Allow', string>>,
  'report.cond.mfa': 'unless the call was made with MFA',
  'report.cond.anyValue': (key: string) => `any value of ${key}`,
  'report.cond.everyValue': (key: string) => `every value of ${key}`,
  'report.cond.absent': (key: string, wantsAbsent: boolean) => `if ${key} ${wantsAbsent ? 'is absent' : 'is present'}`,
  'report.cond.unless': (subject: string, predicate: string, values: string) => `unless ${subject} ${predicate} ${values}`,
  'report.cond.if': (subject: string, predicate: string, values: string, orAbsent: boolean) => `if ${subject} ${predicate} ${values}${orAbsent ? ' (or is absent)' : ''}`,
  'report.cond.holds': (operator: string, key: string, values: string) => `if ${operator} ${key} ${values} holds`,
  'report.cond.oneOf': (quoted: readonly string[]) => (quoted.length === 1 ? quoted[0]! : `one of ${quoted.join(', ')}`),
  'report.cond.clause': (verb: string, phrase: string) => `${verb} ${phrase}`,
  'report.cond.predicate': {
    is: 'is', isIgnoringCase: 'is (ignoring case)', matches: 'matches', lessThan: 'is less than', atMost: 'is at most', greaterThan: 'is greater than', atLeast: 'is at least',
    before: 'is before', atOrBefore: 'is at or before', after: 'is after', atOrAfter: 'is at or after', isIn: 'is in',
  } as Readonly<Record<string, string>>,
  'report.hang.sentence': (clauses: readonly string[], unsaid: string) => {
    const text = clauses.join(', and ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)} — the request context does not say ${unsaid}.`
  },
  'report.hang.keys': (keys: readonly string[], unsaid: string) => `Hangs on ${keys.join(', ')}: the request context does not say ${unsaid}.`,
  'report.hang.maybe': (explanation: string) => `It may or may not apply: ${explanation}`,
  'report.unsaid.whetherItWas': 'whether it was',
  'report.unsaid.carried': 'what the call carried',
  'report.unsaid.mfa': 'whether the call was made with MFA',
  'report.unsaid.keys': (keys: readonly string[]) => (keys.length === 1 ? `what ${keys[0]} was` : `what ${keys.join(', ')} were`),
}
