/**
 * The markdown report: the text report's content as a document for a ticket, a wiki page or
 * a CI step summary, in the same answer-first order — the verdict, what decided it, the
 * picture of the evaluation path (a Mermaid flowchart), what to change, then everything else.
 * Statements are shown as valid JSON in fenced blocks (a margin marker would break the JSON),
 * with what matched listed under each one. Every phrase comes from phrases.ts.
 */
import { say } from '../i18n/index.js'
import type { StatementFinding, Verdict } from '../model/index.js'
import { assumedKeys, assumptionsText, overrideHint } from './assumptions.js'
import { branchesTitle, branchLines, evidenceLines } from './branch-lines.js'
import { answerOf } from './answer.js'
import { briefLines } from './brief.js'
import { intakeView } from './intake.js'
import { code, fence, prose, table } from './markdown-text.js'
import { mermaidFlowchart } from './mermaid.js'
import { evaluationPath } from './path.js'
import { MARKDOWN_COLUMNS, MARKDOWN_HEADINGS as H, orgKinds, orgWideAllowLine, partialTitle, partialWarningBody, REQUEST_LABELS, unreadSources } from './phrases.js'
import { remedySection } from './remedy-text.js'
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
  policyNote,
  policyTitle,
  statementLabel,
} from './wording.js'

export function renderMarkdown(verdict: Verdict, options: TextOptions): string {
  if (options.brief) return renderMarkdownBrief(verdict)
  const answer = answerOf(verdict)
  const sections: string[][] = [header(verdict)]
  const evidence = evidenceLines(verdict)
  if (evidence.length > 0) sections.push(evidence.map((line) => `> ${prose(line)}`))
  const branches = branchLines(verdict)
  if (branches.length > 0) sections.push([`#### ${branchesTitle()}`, '', ...branches.map((line) => `- ${prose(line)}`)])
  const deciding = answer.deciding.slice(0, FULL_FINDINGS)
  if (deciding.length > 0 || verdict.decision === 'ImplicitDeny') sections.push([`#### ${H.decidedBy}`])
  deciding.forEach((finding, i) => sections.push(findingSection(finding, i + 1, verdict)))
  if (answer.orgWide) sections.push([prose(orgWideAllowLine(orgKinds(answer.orgWide.scp, answer.orgWide.rcp), answer.orgWide.parts))])
  if (verdict.missingAllows.length > 0) {
    const title = verdict.decision === 'ImplicitDeny' ? H.nothingAllows : H.alsoWithoutAllow
    const items = verdict.missingAllows.map(
      (missing) => `- **${prose(missingAllowLabel(missing))}**${missing.explanation ? `: ${prose(say()['report.missingExplanation'](missing.explanation))}` : ''}`,
    )
    sections.push([`#### ${title}`, '', ...items])
  }
  sections.push(pathSection(verdict))
  if (verdict.suggestions.length > 0) {
    const heading = verdict.decision === 'Allowed' ? H.ifStillDenied : H.whatToChange
    sections.push([`#### ${heading}`, '', ...verdict.suggestions.map((s) => `- ${prose(say()['report.suggestion'](s))}`)])
  }
  const fixes = remedySection(verdict, prose)
  if (fixes.length > 0) sections.push(fixes)
  sections.push(requestSection(verdict, options))
  if (options.intake) {
    const view = intakeView(options.intake)
    sections.push([`#### ${prose(view.title)}`, '', ...table(MARKDOWN_COLUMNS.intake, view.rows.map(([label, value]) => [label, code(value)]))])
  }
  if (verdict.denies.length > 0) sections.push([`#### ${H.denies}`, '', ...findingTable(verdict.denies)])
  if (verdict.allows.length > 0) sections.push([`#### ${H.allows}`, '', ...findingTable(verdict.allows)])
  if (verdict.incomplete.length > 0) {
    const rows = verdict.incomplete.map((gap) => [code(say()['source.gapSource'](gap.source)), prose(say()['source.gapError'](gap.error)), prose(say()['source.gapEffect'](gap.effect))])
    sections.push([`#### ${H.couldNotRead}`, '', ...table(MARKDOWN_COLUMNS.gaps, rows)])
  }
  if (verdict.warnings.length > 0) {
    sections.push([`#### ${H.warnings}`, '', ...verdict.warnings.map((w) => `- ${prose(say()['report.warning'](w))}`)])
  }
  return sections.map((section) => section.join('\n')).join('\n\n')
}

/** `--brief --format markdown`: the brief answer as a text block, and the picture. */
function renderMarkdownBrief(verdict: Verdict): string {
  return [`### ${H.verdict(DECISION_TITLE[verdict.decision])}`, '', fence(briefLines(verdict).join('\n'), 'text'), '', ...mermaidBlock(verdict)].join('\n')
}

/** The picture of the evaluation path, as a fenced Mermaid block. */
function mermaidBlock(verdict: Verdict): string[] {
  return [fence(mermaidFlowchart(evaluationPath(verdict)), 'mermaid')]
}

function pathSection(verdict: Verdict): string[] {
  return [`#### ${H.path}`, '', ...mermaidBlock(verdict)]
}

function header(verdict: Verdict): string[] {
  const { request } = verdict
  const lines = [`### ${H.verdict(DECISION_TITLE[verdict.decision])}`, '', say()['report.requestSummary'](code(request.action), code(request.principal))]
  if (verdict.incomplete.length > 0) {
    const body = partialWarningBody(unreadSources(verdict).map((source) => code(say()['source.gapSource'](source))).join(', '))
    lines.push('', `> **${partialTitle()}** ${body.charAt(0).toUpperCase()}${body.slice(1)}`)
  }
  return lines
}

function requestSection(verdict: Verdict, options: TextOptions): string[] {
  const { request } = verdict
  const lines = [`#### ${H.request}`, '']
  const resources = request.resources.length > 0 ? request.resources.map(code).join(', ') : REQUEST_LABELS.notGiven
  lines.push(`- **${request.resources.length > 1 ? REQUEST_LABELS.resources : REQUEST_LABELS.resource}:** ${resources}`)
  const assumedKey = assumedKeys(verdict)
  const context = Object.entries(request.context)
    .filter(([key]) => !assumedKey.has(key.toLowerCase()))
    .map(([key, value]) => code(`${key}=${formatContextValue(value)}`))
  if (options.origin) lines.push(`- **${REQUEST_LABELS.source}:** ${prose(say()['report.origin'](options.origin))}`)
  if (context.length > 0) lines.push(`- **${REQUEST_LABELS.context}:** ${context.join(', ')}`)
  const assumed = assumptionsText(verdict, code)
  if (assumed) lines.push(`- **${REQUEST_LABELS.assumed}:** ${assumed} ${prose(overrideHint())}`)
  return lines
}

function findingTable(findings: readonly StatementFinding[]): string[] {
  const { applies } = MARKDOWN_COLUMNS
  const rows = findings.map((f, i) => [
    String(i + 1),
    prose(policyTitle(f)),
    prose(statementLabel(f)),
    f.certain ? applies.yes : applies.hangsOn(f.unknownKeys.length > 0 ? f.unknownKeys.map(code).join(', ') : applies.theResource),
    prose(say()['report.explanation'](f)),
  ])
  return table(MARKDOWN_COLUMNS.findings, rows)
}

function findingSection(finding: StatementFinding, n: number, verdict: Verdict): string[] {
  const out = [`##### ${n}. ${prose(`${findingVerb(finding)} ${policyTitle(finding)}`)}`, '']
  const on = verdict.request.resources.length > 1 && finding.resource ? say()['report.onResource'](code(finding.resource)) : ''
  out.push(`${prose(statementLabel(finding))}${on}`, '')
  const note = policyNote(finding)
  if (note) out.push(`*${prose(note)}*`, '')
  if (finding.explanation) out.push(prose(say()['report.explanation'](finding)), '')
  if (!finding.certain) out.push(`> **${H.undetermined}** ${prose(hangsOnSentence(finding))}`, '')
  out.push(fence(JSON.stringify(finding.statement, null, 2), 'json'), '')
  out.push(`**${H.matched}**`, '', ...matchedList(finding))
  if (finding.conditions.length > 0) {
    const rows = finding.conditions.map((trace) => {
      const requestValues = Array.isArray(trace.requestValues) && trace.requestValues.length > 0
        ? trace.requestValues.map(code).join('<br>')
        : `*${formatRequestValues(trace.requestValues)}*`
      const policyValues = trace.policyValues.map(code).join('<br>')
      return [code(trace.operator), code(trace.key), policyValues, requestValues, `**${formatResult(trace.result)}**`, prose(say()['report.why'](trace))]
    })
    out.push('', `**${H.conditions}**`, '', ...table(MARKDOWN_COLUMNS.conditions, rows))
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
  if (finding.resource === null && finding.resourceTypes.length > 0) items.push(`- ${H.resourceTypes}: ${finding.resourceTypes.map(code).join(', ')}`)
  for (const trace of finding.conditions) items.push(`- ${H.condition} ${code(trace.operator)} ${code(trace.key)}: **${String(trace.result)}**`)
  return items
}
