import {
  POLICY_TYPE_MESSAGE_WORDS,
  type Branch,
  type ConditionTrace,
  type EvidenceDetail,
  type EvidenceStatement,
  type MessageEvidence,
  type MissingAllow,
  type PolicySet,
  type PolicyType,
  type StatementFinding,
  type Verdict,
  withHidden,
} from '../model/index.js'
import { narrowedSummary } from './branch-words.js'
import { describePolicy, statementLabel } from './explain.js'
import { MISSING_TEXTS } from '../model/need-texts.js'
import { denySuggestion, denyTrigger } from './suggestions.js'

/**
 * AWS's own AccessDenied message as evidence (cli-contract.md: "a message that says 'explicit
 * deny in an identity-based policy' rules out the worlds in which no identity-based Deny
 * applied"). A pure step after the verdict: it takes what the message reported and the
 * verdict's findings, and
 *
 * - when exactly one may-apply Deny of the reported type (and of the named policy) is left, it
 *   decided: the verdict becomes an explicit deny by it, and what its unknown conditions must
 *   have been is said ("so the call was made without MFA");
 * - when several are left, it lists them (the decision stays open);
 * - when none can have done it, it says that the message and the policies disagree.
 *
 * An implicit-deny message ("because no identity-based policy allows …") is read the same way:
 * the may-apply Allows of that type did not grant the call.
 * Wording of the messages: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */

/** What the message reported (the intake's reportedDenyKind, reportedPolicyType, reportedPolicyArn). */
export interface ReportedDeny {
  readonly denyKind: 'explicit' | 'implicit' | null
  readonly policyType: PolicyType | null
  readonly policyArn: string | null
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** The evidence with what it was worked out from (model/branch-case.ts), kept off the JSON. */
function withDetail(evidence: MessageEvidence, detail: Partial<EvidenceDetail>): MessageEvidence {
  return withHidden(evidence, 'detail', { namedPolicy: 'none', scpGateOpen: false, sourceUnread: false, certainAllow: false, ...detail })
}

const DISAGREE_REASONS =
  'Either a policy changed since the error, or these are not the policies of the account that denied the call (another account, profile or snapshot).'

/** Every policy ARN the set holds: a message naming one of them is about a policy that was read. */
function policyArns(set: PolicySet): Set<string> {
  const all = [
    ...set.identity,
    set.boundary,
    set.resource,
    set.vpce,
    set.session,
    ...set.scps.flatMap((level) => level.policies),
    ...set.rcps.flatMap((level) => level.policies),
  ]
  return new Set(all.flatMap((p) => (p?.source.arn ? [p.source.arn] : [])))
}

/** The same statement (a finding is repeated per resource). */
const statementKey = (f: StatementFinding): string =>
  [f.policyType, f.policyArn ?? '', f.policyName ?? '', f.attachedTo ?? '', f.origin ?? '', f.statementIndex].join('\u0000')

function uniqueStatements(findings: readonly StatementFinding[]): StatementFinding[] {
  const seen = new Map<string, StatementFinding>()
  for (const f of findings) if (!seen.has(statementKey(f))) seen.set(statementKey(f), f)
  return [...seen.values()]
}

const toStatement = (f: StatementFinding): EvidenceStatement => ({
  policyType: f.policyType,
  policyName: f.policyName,
  policyArn: f.policyArn,
  attachedTo: f.attachedTo,
  statementIndex: f.statementIndex,
  sid: f.sid,
  effect: f.effect,
  origin: f.origin,
})

/** "statement 2 (Sid DenyAllExceptListedIfNoMFA) of inline policy `ForceMFA` of group `Developers`". */
function statementTitle(f: EvidenceStatement): string {
  const where = describePolicy({ type: f.policyType, name: f.policyName, arn: f.policyArn, attachedTo: f.attachedTo, origin: f.origin })
  return `${statementLabel(f.statementIndex, f.sid)} of ${where}`
}

function said(reported: ReportedDeny): string {
  const words = reported.policyType ? POLICY_TYPE_MESSAGE_WORDS[reported.policyType] : null
  const article = (w: string) => (/^[aeiou]/i.test(w) ? 'an' : 'a')
  const arn = reported.policyArn ? ` (${reported.policyArn})` : ''
  if (reported.denyKind === 'implicit') return `that no ${words ?? 'policy'} allows it${arn}`
  return `an explicit deny${words ? ` in ${article(words)} ${words}` : ''}${arn}`
}

/** What the conditions a Deny hung on must have been, once it is known to have applied. */
function impliedBy(finding: StatementFinding): string[] {
  const out = finding.conditions.filter((c) => c.result === 'unknown').map(denyTrigger)
  if (finding.resource === null && finding.resourceTypes.length > 0) out.push(`the resource was one it covers (${finding.resourceTypes.join(', ')})`)
  return out
}

/** The finding of a Deny the message shows applied: certain, its open conditions held. */
function settledFinding(f: StatementFinding): StatementFinding {
  const conditions = f.conditions.map((c): ConditionTrace =>
    c.result === 'unknown' ? { ...c, result: true, why: `AWS's message shows this condition held: ${denyTrigger(c)}` } : c,
  )
  const explanation = `${f.explanation.replace(/; it applies or not depending on [^;]*, which the request does not settle\.$/, '.')} AWS's message settles it: this is the only statement here that can have denied the call.`
  return { ...f, certain: true, unknownKeys: [], conditions, explanation }
}

/** A verdict with some fields replaced, keeping every other field (extra ones included). */
function replaced(verdict: Verdict, changes: Partial<Mutable<Verdict>>): Verdict {
  // `branches` belong to an Undetermined verdict only, and are read only for one (each costs
  // evaluations): leaving them out of a rest pattern would still read them, through their getter.
  const out = {} as Record<string, unknown>
  for (const key of Object.keys(verdict)) if (key !== 'branches') out[key] = (verdict as unknown as Record<string, unknown>)[key]
  Object.assign(out, changes)
  if (out['decision'] === 'Undetermined' && out['branches'] === undefined && 'branches' in verdict) out['branches'] = verdict.branches
  return out as unknown as Verdict
}

function reconcileExplicit(verdict: Verdict, reported: ReportedDeny, read: ReadonlySet<string>, action: string): Verdict {
  const type = reported.policyType
  // S3 reports a RestrictPublicBuckets denial as an explicit deny in a resource-based policy,
  // whatever the bucket policy says: the message is no evidence about the bucket policy then.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/troubleshoot-403-errors.html
  if (type === 'resource' && action.toLowerCase().startsWith('s3:')) return verdict
  // AWS words an SCP chain without an Allow as an explicit deny in a service control policy too.
  if (type === 'scp' && verdict.missingAllows.some((m) => m.policyType === 'scp')) return verdict
  const scpGateOpen = type === 'scp' && verdict.allows.some((a) => a.policyType === 'scp' && !a.certain)

  const arn = reported.policyArn
  const arnState = arn === null ? 'none' : read.has(arn) ? 'read' : 'unread'
  // A named policy that was read must be that policy; a name that matches no policy read can
  // only be one without an ARN (an inline policy: AWS's wording for those is not documented).
  const named = (f: StatementFinding) => arnState === 'none' || (arnState === 'read' ? f.policyArn === arn : f.policyArn === null)
  const ofType = (f: StatementFinding) => (type === null || f.policyType === type) && named(f)
  const denies = uniqueStatements(verdict.denies.filter(ofType))
  if (denies.some((d) => d.certain)) return verdict
  const candidates = denies.filter((d) => !d.certain)
  const says = said(reported)
  const unreadNote =
    arnState === 'unread'
      ? ` The message names ${arn}, which is not among the policies read; only policies without an ARN (inline policies) can be the one it names.`
      : ''
  const base = { says, denyKind: 'explicit' as const, policyType: type, policyArn: arn }

  if (candidates.length === 0) {
    if (scpGateOpen) return verdict
    const what =
      arnState === 'read'
        ? `the policy it names (${arn}) has no Deny statement that can apply to this request`
        : `no ${type ? POLICY_TYPE_MESSAGE_WORDS[type] : 'policy'} read here has a Deny statement that can apply to this request${type === 'scp' ? ', and every SCP level allows it' : ''}`
    const summary = `AWS's message and the policies disagree: the message says ${says}, but ${what}.${unreadNote} ${DISAGREE_REASONS}`
    return replaced(verdict, { messageEvidence: withDetail({ ...base, outcome: 'disagrees', candidates: [], implies: [], summary }, { namedPolicy: arnState }) })
  }

  const unread = verdict.incomplete.length > 0
  if (candidates.length === 1 && !scpGateOpen && !unread) {
    const only = candidates[0]!
    const implies = impliedBy(only)
    const settledKey = statementKey(only)
    const newDenies = verdict.denies
      .map((d) => (statementKey(d) === settledKey ? settledFinding(d) : d))
      .sort((a, b) => Number(b.certain) - Number(a.certain))
    const so = implies.length > 0 ? ` — so ${implies.join(', and ')}` : ''
    const summary = `AWS's message settles it: it says ${says}, and the only one here that can deny this request is ${statementTitle(only)}${so}.${unreadNote}`
    const suggestions = [
      ...new Set([
        ...uniqueStatements(newDenies.filter((d) => d.certain)).slice(0, 5).map((d) => denySuggestion(d)),
        ...verdict.suggestions.filter((s) => s.startsWith('Not everything could be read')),
      ]),
    ]
    const evidence = withDetail({ ...base, outcome: 'settled', candidates: [toStatement(only)], implies, summary }, { namedPolicy: arnState })
    return replaced(verdict, { decision: 'ExplicitDeny', denies: newDenies, suggestions, messageEvidence: evidence })
  }

  const keys = [...new Set(candidates.flatMap((c) => c.unknownKeys))]
  const list = candidates.map(statementTitle).join('; ')
  const alsoScp = scpGateOpen ? ' (or an SCP level without an Allow, which AWS words the same way)' : ''
  const alsoUnread = unread ? ' (or a policy in a source that could not be read)' : ''
  const dependsOn = keys.length > 0 ? ` Which one depends on ${keys.join(', ')}.` : ''
  const summary = `AWS's message narrows it: it says ${says}, which here can only be ${candidates.length === 1 ? '' : 'one of '}${list}${alsoScp}${alsoUnread}.${dependsOn}${unreadNote}`
  const evidence = withDetail(
    { ...base, outcome: 'narrowed', candidates: candidates.map(toStatement), implies: [], summary },
    { namedPolicy: arnState, scpGateOpen, sourceUnread: unread },
  )
  return replaced(verdict, { messageEvidence: evidence, branches: consistentBranches(verdict.branches ?? [], type) })
}

/**
 * The branches without the values the message rules out: after "explicit deny", a value that
 * would leave the call allowed (or, but for SCPs, denied only for want of an Allow) is not
 * what happened. (AWS words an SCP chain without an Allow as an explicit SCP deny too.)
 */
function consistentBranches(branches: readonly Branch[], type: PolicyType | null): Branch[] {
  const possible = (decision: string) => decision === 'ExplicitDeny' || decision === 'Undetermined' || (type === 'scp' && decision === 'ImplicitDeny')
  return branches.map((branch) => {
    const kept = branch.outcomes.filter((o) => possible(o.decision))
    if (kept.length === branch.outcomes.length || kept.length === 0) return branch
    const ruledOut = branch.outcomes.filter((o) => !kept.includes(o))
    return withHidden({ key: branch.key, outcomes: kept, summary: narrowedSummary(branch.key, kept, ruledOut) }, 'case', { kind: 'narrowed' as const, ruledOut })
  })
}

/** Layers whose gate is simply "some policy of this type must allow it". */
const PLAIN_GATES: ReadonlySet<PolicyType> = new Set(['identity', 'boundary', 'session', 'vpce', 'rcp'])

function reconcileImplicit(verdict: Verdict, reported: ReportedDeny, action: string): Verdict {
  const type = reported.policyType
  if (type === null || !PLAIN_GATES.has(type)) return verdict
  if (verdict.missingAllows.some((m) => m.policyType === type)) return verdict
  const says = said(reported)
  const base = { says, denyKind: 'implicit' as const, policyType: type, policyArn: reported.policyArn }
  const allows = uniqueStatements(verdict.allows.filter((a) => a.policyType === type))
  const certain = allows.filter((a) => a.certain)
  const maybe = allows.filter((a) => !a.certain)
  if (certain.length > 0 || maybe.length === 0) {
    const what =
      certain.length > 0
        ? `${statementTitle(certain[0]!)} allows it here whatever the request carried`
        : `denydoctor finds no ${POLICY_TYPE_MESSAGE_WORDS[type]} here that would need to allow it`
    const summary = `AWS's message and the policies disagree: the message says ${says}, but ${what}. ${DISAGREE_REASONS}`
    return replaced(verdict, { messageEvidence: withDetail({ ...base, outcome: 'disagrees', candidates: [], implies: [], summary }, { certainAllow: certain.length > 0 }) })
  }
  const gone = new Set(maybe.map(statementKey))
  const implies = maybe.map((a) => `${statementTitle(a)} did not apply (it hangs on ${a.unknownKeys.join(', ') || 'the resource'})`)
  const anyDeny = verdict.denies.length > 0
  const list = maybe.map(statementTitle).join('; ')
  if (!anyDeny && verdict.incomplete.length === 0 && verdict.decision === 'Undetermined') {
    const missing: MissingAllow = {
      policyType: type,
      level: null,
      explanation: MISSING_TEXTS.messageSaysNone.en(action, POLICY_TYPE_MESSAGE_WORDS[type], maybe.length === 1 ? 'the one that may' : 'none of those that may'),
    }
    const summary = `AWS's message settles it: it says ${says}, so ${list} did not grant the call, and nothing else here could.`
    return replaced(verdict, {
      decision: 'ImplicitDeny',
      missingAllows: [...verdict.missingAllows, missing],
      allows: verdict.allows.filter((a) => !gone.has(statementKey(a))),
      messageEvidence: withDetail({ ...base, outcome: 'settled', candidates: maybe.map(toStatement), implies, summary }, {}),
    })
  }
  const why =
    verdict.decision !== 'Undetermined'
      ? ''
      : anyDeny
        ? '; the call was denied either way, and whether a Deny applied too is still open'
        : '; the rest is still open'
  const summary = `AWS's message narrows it: it says ${says}, so ${list} did not grant the call${why}.`
  return replaced(verdict, { messageEvidence: withDetail({ ...base, outcome: 'narrowed', candidates: maybe.map(toStatement), implies, summary }, {}) })
}

/**
 * The verdict with what AWS's message shows taken into account. The verdict comes back as it
 * was when the message adds nothing (it agrees, or does not say what denied).
 * `policies` are the ones the verdict was evaluated with: a named policy among them is checked by ARN.
 */
export function reconcileWithMessage(verdict: Verdict, reported: ReportedDeny, policies: PolicySet): Verdict {
  if (reported.denyKind === 'explicit') return reconcileExplicit(verdict, reported, policyArns(policies), verdict.request.action)
  if (reported.denyKind === 'implicit') return reconcileImplicit(verdict, reported, verdict.request.action)
  return verdict
}
