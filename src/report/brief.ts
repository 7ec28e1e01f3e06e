/**
 * `--brief`: the answer in at most ten lines, for a chat message or a runbook log. The verdict
 * line; the deciding statement with each part that matched on a line of its own (or, for an
 * implicit deny, each layer without an Allow); the one thing to change; the values assumed for
 * a direct call, in one line. Lines are not wrapped: each is one thing to copy.
 */
import { say } from '../i18n/index.js'
import type { StatementFinding, Verdict } from '../model/index.js'
import { answerOf } from './answer.js'
import { assumptionsText } from './assumptions.js'
import { branchLines, evidenceLines } from './branch-lines.js'
import { palette, type Palette } from './colors.js'
import { remediesFor } from './remedies.js'
import { remedyHeading } from './remedy-text.js'
import { findingStyle, findingVerb } from './text-finding.js'
import { AWS_OWNED_LEVEL } from '../evaluate/aws-owned.js'
import { assumptionsLine, awsOwnedWords, BRIEF_LABELS, missingAllowLine, orgKinds, orgWideAllowLine, unreadSources } from './phrases.js'
import { decisionHeadline, formatRequestValues, formatResult, missingAllowLabel, policyTitle, requestSummary, statementLabel } from './wording.js'

/** The most lines the brief form takes for the usual case. */
export const BRIEF_LINES = 10

export interface BriefOptions {
  readonly color: boolean
}

export function renderBrief(verdict: Verdict, options: BriefOptions): string {
  const pal = palette(options.color)
  return briefLines(verdict, pal).join('\n')
}

/** The brief form's lines; audit's failure list uses them too. */
export function briefLines(verdict: Verdict, pal: Palette = palette(false)): string[] {
  const style = verdict.decision === 'Allowed' ? pal.allow : verdict.decision === 'Undetermined' ? pal.unknown : pal.deny
  const head = [`${style(decisionHeadline(verdict))} — ${requestSummary(verdict)}`]
  if (verdict.incomplete.length > 0) head.push(pal.unknown(`⚠ ${BRIEF_LABELS.notRead}: ${unreadSources(verdict).map((source) => say()['source.gapSource'](source)).join(', ')}`))
  const tail: string[] = []
  const answer = answerOf(verdict)
  if (answer.orgWide) tail.push(pal.dim(orgWideAllowLine(orgKinds(answer.orgWide.scp, answer.orgWide.rcp), answer.orgWide.parts)))
  const change = verdict.decision === 'Allowed' ? null : (oneLineRemedy(verdict) ?? (verdict.suggestions[0] !== undefined ? say()['report.suggestion'](verdict.suggestions[0]) : null))
  if (change) tail.push(`${pal.heading(`${BRIEF_LABELS.change}:`)} ${change}`)
  const assumed = assumptionsText(verdict)
  if (assumed) tail.push(pal.dim(assumptionsLine([assumed])))
  // An open verdict's one line per unknown key (the answer for each value that matters), and
  // what AWS's message settled, come right after the deciding statement, within the budget.
  const turnsOn = [...evidenceLines(verdict), ...branchLines(verdict)].slice(0, 3).map((line) => pal.unknown(line))
  const budget = BRIEF_LINES - head.length - tail.length - turnsOn.length
  return [...head, ...decidingLines(verdict, answer.deciding, budget, pal), ...turnsOn, ...tail]
}

/**
 * The first remedy in one line: where it goes, then the statement (or the patch) as compact
 * JSON, ready to paste. Remedies come first for what decided (the deny's edit, else the first
 * layer without an Allow).
 */
function oneLineRemedy(verdict: Verdict): string | null {
  const [remedy] = remediesFor(verdict)
  if (!remedy) return null
  const json = remedy.kind === 'edit-statement' ? remedy.patch : remedy.policy?.Statement.length === 1 ? remedy.policy.Statement[0] : remedy.policy
  return `${remedyHeading(remedy)} ${JSON.stringify(json)}`
}

/** The deciding statements within `budget` lines: the first with a line per part, the next compact. */
function decidingLines(verdict: Verdict, deciding: readonly StatementFinding[], budget: number, pal: Palette): string[] {
  if (deciding.length === 0) {
    const line = (m: Verdict['missingAllows'][number]): string => (m.level === AWS_OWNED_LEVEL ? `${missingAllowLabel(m)}: ${awsOwnedWords().why}` : missingAllowLine(missingAllowLabel(m)))
    return verdict.missingAllows.slice(0, budget).map((m) => pal.deny(`✗ ${line(m)}`))
  }
  const out: string[] = []
  for (const [i, finding] of deciding.entries()) {
    const left = deciding.length - i
    const heading = findingStyle(finding, pal)(`${findingVerb(finding)} ${policyTitle(finding)}, ${statementLabel(finding)}`)
    const parts = partLines(finding)
    const room = budget - out.length - (left > 1 ? 1 : 0)
    if (i === 0 && parts.length + 1 <= room) out.push(heading, ...parts.map((p) => `  ${p}`))
    else if (room >= 2) out.push(heading, `  ${parts.join(' · ')}`)
    else {
      out.push(pal.dim(BRIEF_LABELS.more(left)))
      break
    }
  }
  return out
}

/** `action: ec2:RunInstances`, `condition: ArnNotLike aws:PrincipalArn = true (request: …)`. */
function partLines(finding: StatementFinding): string[] {
  // matchedAction already says "NotAction (… is not listed)" for a NotAction statement.
  const matched = say()['report.matched']
  const lines = [`${BRIEF_LABELS.action}: ${matched(finding.matchedAction)}`, `${BRIEF_LABELS.resource}: ${matched(finding.matchedResource)}`]
  if (finding.matchedPrincipal !== null) lines.push(`${BRIEF_LABELS.principal}: ${matched(finding.matchedPrincipal)}`)
  for (const trace of finding.conditions) {
    lines.push(`${BRIEF_LABELS.condition}: ${trace.operator} ${trace.key} ${formatResult(trace.result)} (${BRIEF_LABELS.request}: ${formatRequestValues(trace.requestValues)})`)
  }
  return lines
}
