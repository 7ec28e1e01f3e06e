/**
 * The markdown report: the text report's content as a document for a ticket or a wiki page.
 * Statements are shown as valid JSON in fenced blocks (a margin marker would break the JSON),
 * with what matched listed under each one.
 */
import type { StatementFinding, Verdict } from '../model/index.js'
import { ASSUMED_LABEL, assumedKeys, assumptionsText, OVERRIDE_HINT } from './assumptions.js'
import { BRANCHES_TITLE, branchLines, evidenceLines } from './branch-lines.js'
import { intakeView } from './intake.js'
import { code, fence, prose, table } from './markdown-text.js'
import { findKey } from './statement-marks.js'
import { FULL_FINDINGS, type TextOptions } from './text.js'
import { findingVerb } from './text-finding.js'
import {
  DECISION_TITLE,
  formatContextValue,
  formatRequestValues,
  formatResult,
  hangsOnSentence,
  missingAllowLabel,
  policyTitle,
  statementLabel,
} from './wording.js'

export function renderMarkdown(verdict: Verdict, options: TextOptions): string {
  const sections: string[][] = [header(verdict, options)]
  const evidence = evidenceLines(verdict)
  if (evidence.length > 0) sections.push(evidence.map((line) => `> ${prose(line)}`))
  const branches = branchLines(verdict)
  if (branches.length > 0) sections.push([`#### ${BRANCHES_TITLE}`, '', ...branches.map((line) => `- ${prose(line)}`)])
  if (options.intake) {
    const view = intakeView(options.intake)
    sections.push([`#### ${prose(view.title)}`, '', ...table(['Field', 'Value'], view.rows.map(([label, value]) => [label, code(value)]))])
  }
  if (verdict.denies.length > 0) {
    sections.push(['#### Denies', '', ...findingTable(verdict.denies)])
    verdict.denies.slice(0, FULL_FINDINGS).forEach((finding, i) => sections.push(findingSection(finding, i + 1, verdict)))
  }
  if (verdict.missingAllows.length > 0) {
    const title = verdict.decision === 'ImplicitDeny' ? '#### Nothing allows it here' : '#### Also without an Allow'
    const items = verdict.missingAllows.map(
      (missing) => `- **${prose(missingAllowLabel(missing))}**${missing.explanation ? `: ${prose(missing.explanation)}` : ''}`,
    )
    sections.push([title, '', ...items])
  }
  if (verdict.allows.length > 0) {
    sections.push(['#### Allows', '', ...findingTable(verdict.allows)])
    const decidesByAllow = verdict.decision === 'Allowed' || (verdict.decision === 'Undetermined' && verdict.allows.some((a) => !a.certain))
    if (decidesByAllow) {
      const uncertainFirst = [...verdict.allows].sort((a, b) => Number(a.certain) - Number(b.certain))
      uncertainFirst.slice(0, FULL_FINDINGS).forEach((finding, i) => sections.push(findingSection(finding, i + 1, verdict)))
    }
  }
  if (verdict.incomplete.length > 0) {
    const rows = verdict.incomplete.map((gap) => [code(gap.source), prose(gap.error), prose(gap.effect)])
    sections.push(['#### Could not read', '', ...table(['Source', 'Error', 'Effect'], rows)])
  }
  if (verdict.suggestions.length > 0) {
    const heading = verdict.decision === 'Allowed' ? '#### If AWS still denies it' : '#### What to change'
    sections.push([heading, '', ...verdict.suggestions.map((s) => `- ${prose(s)}`)])
  }
  if (verdict.warnings.length > 0) {
    sections.push(['#### Warnings', '', ...verdict.warnings.map((w) => `- ${prose(w)}`)])
  }
  return sections.map((section) => section.join('\n')).join('\n\n')
}

function header(verdict: Verdict, options: TextOptions): string[] {
  const { request } = verdict
  const lines = [`### Verdict: ${DECISION_TITLE[verdict.decision]}`, '', `${code(request.action)} by ${code(request.principal)}`, '']
  const resources = request.resources.length > 0 ? request.resources.map(code).join(', ') : '(not given)'
  lines.push(`- **${request.resources.length > 1 ? 'Resources' : 'Resource'}:** ${resources}`)
  const assumed = assumedKeys(verdict)
  const context = Object.entries(request.context)
    .filter(([key]) => !assumed.has(key.toLowerCase()))
    .map(([key, value]) => code(`${key}=${formatContextValue(value)}`))
  if (context.length > 0) lines.push(`- **Context:** ${context.join(', ')}`)
  const assumptions = assumptionsText(verdict, code)
  if (assumptions) lines.push(`- **${ASSUMED_LABEL[0]!.toUpperCase()}${ASSUMED_LABEL.slice(1)}:** ${assumptions} ${OVERRIDE_HINT}`)
  if (options.origin) lines.push(`- **Source:** ${prose(options.origin)}`)
  if (verdict.incomplete.length > 0) {
    const sources = verdict.incomplete.map((gap) => code(gap.source)).join(', ')
    lines.push('', `> **⚠ Partial diagnosis.** Could not read ${sources}. What those sources hold is not in this verdict, so it cannot say Allowed.`)
  }
  return lines
}

function findingTable(findings: readonly StatementFinding[]): string[] {
  const rows = findings.map((f, i) => [
    String(i + 1),
    prose(policyTitle(f)),
    prose(statementLabel(f)),
    f.certain ? 'yes' : `hangs on ${f.unknownKeys.length > 0 ? f.unknownKeys.map(code).join(', ') : 'the resource'}`,
    prose(f.explanation),
  ])
  return table(['#', 'Policy', 'Statement', 'Applies', 'Explanation'], rows)
}

function findingSection(finding: StatementFinding, n: number, verdict: Verdict): string[] {
  const out = [`#### ${n}. ${prose(`${findingVerb(finding)} ${policyTitle(finding)}`)}`, '']
  const on = verdict.request.resources.length > 1 && finding.resource ? ` — on ${code(finding.resource)}` : ''
  out.push(`${prose(statementLabel(finding))}${on}`, '')
  if (finding.explanation) out.push(prose(finding.explanation), '')
  if (!finding.certain) out.push(`> **Undetermined:** ${prose(hangsOnSentence(finding))}`, '')
  out.push(fence(JSON.stringify(finding.statement, null, 2), 'json'), '')
  out.push('**Matched**', '', ...matchedList(finding))
  if (finding.conditions.length > 0) {
    const rows = finding.conditions.map((trace) => {
      const requestValues = Array.isArray(trace.requestValues) && trace.requestValues.length > 0
        ? trace.requestValues.map(code).join('<br>')
        : `*${formatRequestValues(trace.requestValues)}*`
      const policyValues = trace.policyValues.map(code).join('<br>')
      return [code(trace.operator), code(trace.key), policyValues, requestValues, `**${formatResult(trace.result)}**`, prose(trace.why)]
    })
    out.push('', '**Conditions**', '', ...table(['Operator', 'Key', 'Policy values', 'Request values', 'Result', 'Why'], rows))
  }
  return out
}

/** What the finding says matched, one item per element: the text report's margin markers, as a list. */
function matchedList(finding: StatementFinding): string[] {
  // Name the element the statement actually uses: "NotAction" tells the reader the match is by omission.
  const element = (positive: string, negative: string): string =>
    findKey(finding.statement, positive) === null && findKey(finding.statement, negative) !== null ? negative : positive
  const items = [`- ${element('Action', 'NotAction')}: ${code(finding.matchedAction)}`, `- ${element('Resource', 'NotResource')}: ${code(finding.matchedResource)}`]
  if (finding.matchedPrincipal !== null) items.push(`- ${element('Principal', 'NotPrincipal')}: ${code(finding.matchedPrincipal)}`)
  if (finding.resource === null && finding.resourceTypes.length > 0) items.push(`- Resource types it covers: ${finding.resourceTypes.map(code).join(', ')}`)
  for (const trace of finding.conditions) items.push(`- Condition ${code(trace.operator)} ${code(trace.key)}: **${String(trace.result)}**`)
  return items
}
