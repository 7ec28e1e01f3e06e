/**
 * The text report, for an engineer reading a terminal in a hurry. The answer comes first: the
 * verdict line, then what decided it (the deciding statements with their matching parts
 * marked, or the layers without an Allow), then what to change, then everything else (the
 * request, what was read from the input, the other statements, unread sources, warnings).
 * Everything shown comes from the Verdict; every phrase comes from phrases.ts.
 */
import { say } from '../i18n/index.js'
import type { Verdict } from '../model/index.js'
import { assumedKeys, assumptionsText, overrideHint } from './assumptions.js'
import { branchesTitle, branchLines, evidenceLines } from './branch-lines.js'
import { answerOf, type Answer } from './answer.js'
import { renderBrief } from './brief.js'
import { palette, type Palette } from './colors.js'
import { intakeView } from './intake.js'
import { effectiveWidth, length, padEnd, wrap } from './layout.js'
import { assumptionsLine, HEADINGS, orgAllowsLine, orgKinds, orgWideAllowLine, partialWarning, REQUEST_LABELS, unreadSources } from './phrases.js'
import { remedyBlocks } from './remedy-text.js'
import { renderFindingLine, renderFindings } from './text-finding.js'
import { decisionHeadline, formatContextValue, missingAllowLabel, requestSummary } from './wording.js'

export interface TextOptions {
  readonly color: boolean
  readonly width?: number
  readonly origin?: string | null
  readonly intake?: Readonly<Record<string, unknown>> | null
  /** The answer in a few lines (brief.ts) instead of the whole report. */
  readonly brief?: boolean
}

/** How many statements of each kind are shown in full; the rest get one line each. */
export const FULL_FINDINGS = 3

export function renderText(verdict: Verdict, options: TextOptions): string {
  if (options.brief) return renderBrief(verdict, options)
  const pal = palette(options.color)
  const width = effectiveWidth(options.width)
  const answer = answerOf(verdict)
  const blocks: string[][] = [headline(verdict, pal, width)]
  // What AWS's own message settled comes before the statements it points at.
  const evidence = evidenceLines(verdict)
  if (evidence.length > 0) blocks.push(evidence.flatMap((line) => wrap(line, width, '', '  ')))
  // For an open verdict the answer is what it turns on: one line per unknown key, first.
  const branches = branchLines(verdict)
  if (branches.length > 0) blocks.push([pal.bold(`${branchesTitle()}:`), ...branches.flatMap((line) => wrap(line, width, '  • ', '    '))])
  blocks.push(...decidedBy(verdict, answer, pal, width))
  blocks.push(...whatToChange(verdict, pal, width))
  blocks.push(requestBlock(verdict, options, pal, width))
  if (options.intake) blocks.push(intakeBlock(options.intake, width))
  blocks.push(...everythingElse(verdict, answer, pal, width))
  return blocks.filter((block) => block.length > 0).map((block) => block.join('\n')).join('\n\n')
}

/** The verdict line, and right under it the warning that sources could not be read. */
function headline(verdict: Verdict, pal: Palette, width: number): string[] {
  const style = verdict.decision === 'Allowed' ? pal.allow : verdict.decision === 'Undetermined' ? pal.unknown : pal.deny
  // The verdict line is never wrapped: `| head -1` gives the whole answer, as scripts expect.
  const lines = [`${style(decisionHeadline(verdict))} — ${requestSummary(verdict)}`]
  if (verdict.incomplete.length > 0) {
    const warning = partialWarning(unreadSources(verdict).map((source) => say()['source.gapSource'](source)).join(', '))
    lines.push(...wrap(warning, width, '', '  ').map((line) => pal.unknown(line)))
  }
  return lines
}

/** What decided: the deciding statements in full, or the layers that had no Allow. */
function decidedBy(verdict: Verdict, answer: Answer, pal: Palette, width: number): string[][] {
  const blocks: string[][] = []
  if (answer.deciding.length > 0) {
    const moreTitle = verdict.decision === 'ExplicitDeny' ? HEADINGS.otherDenies : HEADINGS.otherAllows
    blocks.push(...renderFindings(answer.deciding, FULL_FINDINGS, moreTitle, verdict, pal, width))
  }
  if (answer.orgWide) {
    const line = orgWideAllowLine(orgKinds(answer.orgWide.scp, answer.orgWide.rcp), answer.orgWide.parts)
    blocks.push(wrap(line, width, '', '  ').map((l) => pal.dim(l)))
  }
  if (verdict.missingAllows.length > 0) {
    const title = verdict.decision === 'ImplicitDeny' ? HEADINGS.nothingAllows : HEADINGS.alsoWithoutAllow
    const lines = [pal.bold(title)]
    for (const missing of verdict.missingAllows) {
      const explanation = missing.explanation ? `: ${say()['report.missingExplanation'](missing.explanation)}` : ''
      lines.push(...wrap(`✗ ${missingAllowLabel(missing)}${explanation}`, width, '  ', '    '))
    }
    blocks.push(lines)
  }
  return blocks
}

function whatToChange(verdict: Verdict, pal: Palette, width: number): string[][] {
  const blocks: string[][] = []
  if (verdict.suggestions.length > 0) {
    const lines = [pal.heading(verdict.decision === 'Allowed' ? HEADINGS.ifStillDenied : HEADINGS.whatToChange)]
    for (const suggestion of verdict.suggestions) lines.push(...wrap(say()['report.suggestion'](suggestion), width, '  • ', '    '))
    blocks.push(lines)
  }
  blocks.push(...remedyBlocks(verdict, pal, width))
  return blocks
}

/** The request as diagnosed: resources, context, the values assumed for a direct call, origin. */
function requestBlock(verdict: Verdict, options: TextOptions, pal: Palette, width: number): string[] {
  const resources = verdict.request.resources
  const details: [string, string][] = []
  details.push([resources.length > 1 ? REQUEST_LABELS.resources : REQUEST_LABELS.resource, resources.length > 0 ? resources.join(', ') : REQUEST_LABELS.notGiven])
  // Assumed values are listed once, on their own line, not again among the context given.
  const assumedKey = assumedKeys(verdict)
  const context = Object.entries(verdict.request.context)
    .filter(([key]) => !assumedKey.has(key.toLowerCase()))
    .map(([key, value]) => `${key}=${formatContextValue(value)}`)
  // Where the policies came from stays near the top, before a context list that can be long.
  if (options.origin) details.push([REQUEST_LABELS.source, say()['report.origin'](options.origin)])
  if (context.length > 0) details.push([REQUEST_LABELS.context, context.join(', ')])
  const labelWidth = Math.max(...details.map(([label]) => length(label))) + 2
  const lines = [pal.bold(HEADINGS.request)]
  for (const [label, value] of details) lines.push(...wrap(value, width, `  ${padEnd(`${label}:`, labelWidth)}`, ' '.repeat(labelWidth + 2)))
  // Its label says it all ("assumed for a direct call: …"), so it is not aligned with the short ones.
  const assumed = assumptionsText(verdict)
  if (assumed) lines.push(...wrap(`${assumptionsLine([assumed])} ${overrideHint()}`, width, '  ', '    '))
  return lines
}

function intakeBlock(intake: Readonly<Record<string, unknown>>, width: number): string[] {
  const view = intakeView(intake)
  const labelWidth = Math.max(0, ...view.rows.map(([label]) => length(label))) + 2
  const lines = [`${view.title}:`]
  for (const [label, value] of view.rows) lines.push(...wrap(value, width, `  ${padEnd(label, labelWidth)}`, ' '.repeat(labelWidth + 2)))
  return lines
}

/** The statements that did not decide, the unread sources and the warnings: one line each. */
function everythingElse(verdict: Verdict, answer: Answer, pal: Palette, width: number): string[][] {
  const blocks: string[][] = []
  const list = (title: string, findings: Answer['otherDenies'], folded: Answer['otherOrgAllows'] = null): void => {
    if (findings.length === 0 && !folded) return
    const lines = [pal.bold(title)]
    if (folded) lines.push(...wrap(orgAllowsLine(orgKinds(folded.scp, folded.rcp), folded.parts), width, '  ', '      '))
    findings.forEach((f, i) => lines.push(...renderFindingLine(f, { n: i + 1, of: findings.length }, verdict, pal, width)))
    blocks.push(lines)
  }
  list(HEADINGS.otherDenies, answer.otherDenies)
  const allowsTitle =
    verdict.decision === 'ExplicitDeny' ? HEADINGS.allowedOverridden : verdict.decision === 'ImplicitDeny' ? HEADINGS.allowedNotEnough : HEADINGS.allowedUnsettled
  list(allowsTitle, answer.otherAllows, answer.otherOrgAllows)
  if (verdict.incomplete.length > 0) {
    const lines = [pal.unknown(HEADINGS.couldNotRead)]
    for (const gap of verdict.incomplete) {
      const effect = gap.effect ? ` — ${say()['source.gapEffect'](gap.effect)}` : ''
      lines.push(...wrap(`✗ ${say()['source.gapSource'](gap.source)}: ${say()['source.gapError'](gap.error)}${effect}`, width, '  ', '    '))
    }
    blocks.push(lines)
  }
  if (verdict.warnings.length > 0) {
    const lines = [pal.dim(HEADINGS.warnings)]
    for (const warning of verdict.warnings) lines.push(...wrap(say()['report.warning'](warning), width, '  - ', '    ').map((l) => pal.dim(l)))
    blocks.push(lines)
  }
  return blocks
}
