/**
 * The lines that say what an open verdict turns on (`branches`) and what AWS's own message
 * settled (`messageEvidence`), shared by the text and markdown reports. In English they are the
 * verdict's own sentences; another language words them from the same data (the JSON keeps
 * the English). Nothing here decides anything.
 */
import { say } from '../i18n/index.js'
import type { EvidenceStatement, StatementFinding, Verdict } from '../model/index.js'
import { policyTitle, statementLabel } from './wording.js'

/** One line per unknown key: "DENIED if aws:MultiFactorAuthPresent is false or absent, ALLOWED if true". */
export function branchLines(verdict: Verdict): string[] {
  if (verdict.decision !== 'Undetermined') return []
  return (verdict.branches ?? []).map((branch) => say()['report.branch'](branch))
}

/** "What it turns on", in the language being spoken. */
export function branchesTitle(): string {
  return say()['report.branchesTitle']
}

/** The same statement as a finding (a finding is repeated per resource). */
const sameStatement = (a: EvidenceStatement, b: StatementFinding): boolean =>
  a.policyType === b.policyType &&
  a.policyArn === b.policyArn &&
  a.policyName === b.policyName &&
  a.attachedTo === b.attachedTo &&
  a.origin === b.origin &&
  a.statementIndex === b.statementIndex

/** The evidence sentence, with the statements it leaves when there are several. */
export function evidenceLines(verdict: Verdict): string[] {
  const evidence = verdict.messageEvidence
  if (!evidence) return []
  const findings = [...verdict.denies, ...verdict.allows]
  // A message that disagrees names no candidate; an implicit deny disagrees with an Allow that certainly applies.
  const named: readonly EvidenceStatement[] =
    evidence.outcome === 'disagrees' && evidence.denyKind === 'implicit'
      ? verdict.allows.filter((a) => a.certain && a.policyType === evidence.policyType).slice(0, 1)
      : evidence.candidates
  const statements = named.map((c) => ({ policy: policyTitle(c), statement: statementLabel(c) }))
  const dependsOn = [...new Set(evidence.candidates.flatMap((c) => findings.find((f) => sameStatement(c, f))?.unknownKeys ?? []))]
  return [say()['report.evidence'](evidence, { statements, dependsOn, decision: verdict.decision, anyDeny: verdict.denies.length > 0 })]
}
