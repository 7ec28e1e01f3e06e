/**
 * Do denydoctor and the peer decide alike? Each case's two decisions side by side; every
 * disagreement keeps its case so that it can be fixed or explained.
 */
import type { Decision, Verdict } from '../../src/model/index.js'
import type { CorpusCase } from './case-file.js'
import type { PeerAnswer, PeerDecision } from './peer.js'

export interface Disagreement {
  readonly id: string
  /** `action: ours ≠ theirs`, for grouping. */
  readonly kind: string
  readonly denydoctor: Decision
  readonly peer: PeerDecision
  readonly peerNote: string | null
  readonly peerBlockedBy: readonly string[]
  /** What decided it for denydoctor: the certain denies, else the layers without an Allow. */
  readonly denydoctorReason: readonly string[]
  readonly case: CorpusCase['case']
}

export interface AgreementReport {
  readonly total: number
  readonly agree: number
  /** denydoctor said Undetermined: should not happen on a complete context. */
  readonly undetermined: number
  readonly peerErrors: number
  /** Cases where the peer dropped context keys as not applying to the action. */
  readonly peerIgnoredKeys: number
  readonly disagreements: readonly Disagreement[]
  /** Disagreement kinds with their counts, most frequent first. */
  readonly byKind: readonly (readonly [string, number])[]
}

/** The two decisions agree when they are the same word; a peer refusal never agrees. */
export function agrees(ours: Decision, theirs: PeerDecision): boolean {
  return theirs !== 'Error' && ours === theirs
}

export function reasonOf(verdict: Verdict): string[] {
  const certain = verdict.denies.filter((d) => d.certain)
  if (verdict.decision === 'ExplicitDeny') return certain.map((d) => `${d.policyType} ${d.policyName ?? '?'} statement ${d.statementIndex}${d.sid ? ` (${d.sid})` : ''}`)
  if (verdict.decision === 'ImplicitDeny') return verdict.missingAllows.map((m) => `no Allow in ${m.policyType}${m.level ? ` at ${m.level}` : ''}`)
  return verdict.allows.filter((a) => a.certain).map((a) => `allowed by ${a.policyType} ${a.policyName ?? '?'} statement ${a.statementIndex}`)
}

export function compareAll(cases: readonly CorpusCase[], ours: readonly Verdict[], theirs: readonly PeerAnswer[]): AgreementReport {
  const disagreements: Disagreement[] = []
  let agree = 0
  const kinds = new Map<string, number>()
  cases.forEach((item, i) => {
    const verdict = ours[i]!
    const answer = theirs[i]!
    if (agrees(verdict.decision, answer.decision)) {
      agree++
      return
    }
    const kind = `${item.case.request.action}: denydoctor ${verdict.decision}, peer ${answer.decision}`
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    disagreements.push({
      id: item.id,
      kind,
      denydoctor: verdict.decision,
      peer: answer.decision,
      peerNote: answer.note,
      peerBlockedBy: answer.blockedBy,
      denydoctorReason: reasonOf(verdict),
      case: item.case,
    })
  })
  return {
    total: cases.length,
    agree,
    undetermined: ours.filter((v) => v.decision === 'Undetermined').length,
    peerErrors: theirs.filter((a) => a.decision === 'Error').length,
    peerIgnoredKeys: theirs.filter((a) => a.note?.startsWith('ignored') ?? false).length,
    disagreements,
    byKind: [...kinds.entries()].sort((a, b) => b[1] - a[1]),
  }
}
