/**
 * The text report, for an engineer reading a terminal in a hurry: the verdict on the first
 * line, the deciding statements with the matching parts marked, the condition values side by
 * side, then what to change. Everything shown comes from the Verdict.
 */
import type { Verdict } from '../model/index.js'
import { ASSUMED_LABEL, assumedKeys, assumptionsText, OVERRIDE_HINT } from './assumptions.js'
import { BRANCHES_TITLE, branchLines, evidenceLines } from './branch-lines.js'
import { palette, type Palette } from './colors.js'
import { intakeView } from './intake.js'
import { effectiveWidth, length, padEnd, wrap } from './layout.js'
import { renderFindingLine, renderFindings } from './text-finding.js'
import { decisionHeadline, formatContextValue, missingAllowLabel, requestSummary } from './wording.js'

export interface TextOptions {
  readonly color: boolean
  readonly width?: number
  readonly origin?: string | null
  readonly intake?: Readonly<Record<string, unknown>> | null
}

/** How many statements of each kind are shown in full; the rest get one line each. */
export const FULL_FINDINGS = 3

export function renderText(verdict: Verdict, options: TextOptions): string {
  const pal = palette(options.color)
  const width = effectiveWidth(options.width)
  const blocks: string[][] = [header(verdict, options, pal, width)]
  const evidence = evidenceLines(verdict)
  if (evidence.length > 0) blocks.push(evidence.flatMap((line) => wrap(line, width, '', '  ')))
  const branches = branchLines(verdict)
  if (branches.length > 0) blocks.push([pal.bold(`${BRANCHES_TITLE}:`), ...branches.flatMap((line) => wrap(line, width, '  • ', '    '))])
  if (options.intake) blocks.push(intakeBlock(options.intake, width))
  blocks.push(...body(verdict, pal, width))
  if (verdict.incomplete.length > 0) {
    const lines = [pal.unknown('Could not read:')]
    for (const gap of verdict.incomplete) {
      const effect = gap.effect ? ` — ${gap.effect}` : ''
      lines.push(...wrap(`✗ ${gap.source}: ${gap.error}${effect}`, width, '  ', '    '))
    }
    blocks.push(lines)
  }
  if (verdict.suggestions.length > 0) {
    const lines = [pal.heading(verdict.decision === 'Allowed' ? 'If AWS still denies it:' : 'What to change:')]
    for (const suggestion of verdict.suggestions) lines.push(...wrap(suggestion, width, '  • ', '    '))
    blocks.push(lines)
  }
  if (verdict.warnings.length > 0) {
    const lines = [pal.dim('Warnings:')]
    for (const warning of verdict.warnings) lines.push(...wrap(warning, width, '  - ', '    ').map((l) => pal.dim(l)))
    blocks.push(lines)
  }
  return blocks.map((block) => block.join('\n')).join('\n\n')
}

function header(verdict: Verdict, options: TextOptions, pal: Palette, width: number): string[] {
  const headline = decisionHeadline(verdict)
  const style = verdict.decision === 'Allowed' ? pal.allow : verdict.decision === 'Undetermined' ? pal.unknown : pal.deny
  const lines = [`${style(headline)} — ${requestSummary(verdict)}`]
  if (verdict.incomplete.length > 0) {
    const sources = verdict.incomplete.map((gap) => gap.source).join(', ')
    const warning = `⚠ Partial diagnosis: could not read ${sources}. What those sources hold is not in this verdict, so it cannot say Allowed.`
    lines.push(...wrap(warning, width, '', '  ').map((line) => pal.unknown(line)))
  }
  const resources = verdict.request.resources
  const details: [string, string][] = []
  details.push([resources.length > 1 ? 'resources' : 'resource', resources.length > 0 ? resources.join(', ') : '(not given)'])
  const assumed = assumedKeys(verdict)
  const context = Object.entries(verdict.request.context)
    .filter(([key]) => !assumed.has(key.toLowerCase()))
    .map(([key, value]) => `${key}=${formatContextValue(value)}`)
  if (context.length > 0) details.push(['context', context.join(', ')])
  const labelWidth = Math.max(...details.map(([label]) => length(label))) + 2
  for (const [label, value] of details) lines.push(...wrap(value, width, `  ${padEnd(`${label}:`, labelWidth)}`, ' '.repeat(labelWidth + 2)))
  if (options.origin) lines.push(...wrap(options.origin, width, '  '))
  const assumptions = assumptionsText(verdict)
  if (assumptions) lines.push(...wrap(`${ASSUMED_LABEL}: ${assumptions} ${OVERRIDE_HINT}`, width, '  ', '    ').map((line) => pal.dim(line)))
  return lines
}

function intakeBlock(intake: Readonly<Record<string, unknown>>, width: number): string[] {
  const view = intakeView(intake)
  const labelWidth = Math.max(0, ...view.rows.map(([label]) => length(label))) + 2
  const lines = [`${view.title}:`]
  for (const [label, value] of view.rows) lines.push(...wrap(value, width, `  ${padEnd(label, labelWidth)}`, ' '.repeat(labelWidth + 2)))
  return lines
}

function body(verdict: Verdict, pal: Palette, width: number): string[][] {
  const blocks: string[][] = []
  const { decision } = verdict
  if (verdict.denies.length > 0) {
    blocks.push(...renderFindings(verdict.denies, FULL_FINDINGS, 'Other denies:', verdict, pal, width))
  }
  if (verdict.missingAllows.length > 0) {
    const title = decision === 'ImplicitDeny' ? 'Nothing allows it here:' : 'Also without an Allow:'
    const lines = [pal.bold(title)]
    for (const missing of verdict.missingAllows) {
      const explanation = missing.explanation ? `: ${missing.explanation}` : ''
      lines.push(...wrap(`✗ ${missingAllowLabel(missing)}${explanation}`, width, '  ', '    '))
    }
    blocks.push(lines)
  }
  if (verdict.allows.length > 0) {
    // Allows are what decides an Allowed or an Undetermined verdict; after a deny they are context.
    const uncertainFirst = [...verdict.allows].sort((a, b) => Number(a.certain) - Number(b.certain))
    if (decision === 'Allowed') {
      blocks.push(...renderFindings(verdict.allows, FULL_FINDINGS, 'Other allows:', verdict, pal, width))
    } else if (decision === 'Undetermined' && verdict.allows.some((a) => !a.certain)) {
      blocks.push(...renderFindings(uncertainFirst, FULL_FINDINGS, 'Other allows:', verdict, pal, width))
    } else {
      const title =
        decision === 'ExplicitDeny'
          ? 'Allowed by (overridden by the deny):'
          : decision === 'ImplicitDeny'
            ? 'Allowed by (not enough on its own):'
            : 'Allowed by (not enough to settle it):'
      const lines = [pal.bold(title)]
      verdict.allows.forEach((allow, i) => lines.push(...renderFindingLine(allow, { n: i + 1, of: verdict.allows.length }, verdict, pal, width)))
      blocks.push(lines)
    }
  }
  return blocks
}
