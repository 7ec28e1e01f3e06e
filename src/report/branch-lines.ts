/**
 * The lines that say what an open verdict turns on (`branches`) and what AWS's own message
 * settled (`messageEvidence`), shared by the text and markdown reports. The sentences are the
 * verdict's own; nothing here decides anything.
 */
import type { Verdict } from '../model/index.js'

/** One line per unknown key: "DENIED if aws:MultiFactorAuthPresent is false or absent, ALLOWED if true". */
export function branchLines(verdict: Verdict): string[] {
  if (verdict.decision !== 'Undetermined') return []
  return (verdict.branches ?? []).map((branch) => branch.summary)
}

export const BRANCHES_TITLE = 'What it turns on'

/** The evidence sentence, with the statements it leaves when there are several. */
export function evidenceLines(verdict: Verdict): string[] {
  const evidence = verdict.messageEvidence
  return evidence ? [evidence.summary] : []
}
