/**
 * One statement finding in the text report: in full (heading, statement number, explanation,
 * what it hangs on, the marked JSON, the condition table) or as a single line.
 */
import { say } from '../i18n/index.js'
import type { StatementFinding, Verdict } from '../model/index.js'
import type { Palette, Style } from './colors.js'
import { renderConditionTable } from './condition-table.js'
import { wrap } from './layout.js'
import { renderMarkedStatement } from './statement-marks.js'
import { FINDING_PHRASES, FINDING_VERBS } from './phrases.js'
import { hangsOnSentence, policyNote, policyTitle, statementLabel } from './wording.js'

export interface Position {
  readonly n: number
  readonly of: number
}

/** `[2/5] ` when there are several; nothing for a lone finding. */
function counter(at: Position): string {
  return at.of > 1 ? `[${at.n}/${at.of}] ` : ''
}

/** "Denied by", "May be denied by", "Allowed by", "May be allowed by". */
export function findingVerb(finding: StatementFinding): string {
  if (finding.effect === 'Deny') return finding.certain ? FINDING_VERBS.deny : FINDING_VERBS.mayDeny
  return finding.certain ? FINDING_VERBS.allow : FINDING_VERBS.mayAllow
}

export function findingStyle(finding: StatementFinding, pal: Palette): Style {
  if (!finding.certain) return pal.unknown
  return finding.effect === 'Deny' ? pal.deny : pal.allow
}

/** `statement 1 (Sid DenyEC2)`, plus the resource when the request named several. */
function statementLine(finding: StatementFinding, verdict: Verdict): string {
  const label = statementLabel(finding)
  return verdict.request.resources.length > 1 && finding.resource ? `${label}${say()['report.onResource'](finding.resource)}` : label
}

export function renderFindingFull(finding: StatementFinding, at: Position, verdict: Verdict, pal: Palette, width: number): string[] {
  const style = findingStyle(finding, pal)
  const out: string[] = []
  out.push(...wrap(`${counter(at)}${findingVerb(finding)} ${policyTitle(finding)}`, width, '', '  ').map((line) => style(line)))
  out.push(`  ${statementLine(finding, verdict)}`)
  // The source's reasoning ("S3 returns a bucket policy only to its owner's account") goes
  // under the heading, so that the heading only names the policy.
  const note = policyNote(finding)
  if (note) out.push(...wrap(`(${note})`, width, '  ', '   ').map((line) => pal.dim(line)))
  // The explanation sentence is in the JSON; here the marked statement and the condition
  // table below say the same thing in a form read at a glance.
  if (!finding.certain) out.push(...wrap(hangsOnSentence(finding), width, '  ? ', '    ').map((line) => pal.unknown(line)))
  else if (finding.resource === null && finding.resourceTypes.length > 0) {
    const covers = finding.matchedResource === '*' ? FINDING_PHRASES.everyResourceType : finding.resourceTypes.join(', ')
    out.push(...wrap(FINDING_PHRASES.covers(covers), width, '  '))
  }
  out.push('')
  out.push(...renderMarkedStatement(finding, pal, width, '  '))
  if (finding.conditions.length > 0) {
    out.push('')
    out.push(`  ${FINDING_PHRASES.conditions}`)
    out.push(...renderConditionTable(finding.conditions, finding.effect, pal, width, '    '))
  }
  return out
}

/** `[4/5] SCP "X" attached to r-1 — statement 2 (Sid Y) — may apply: hangs on aws:SourceVpc`. */
export function renderFindingLine(finding: StatementFinding, at: Position, verdict: Verdict, pal: Palette, width: number): string[] {
  const tail = finding.certain ? '' : FINDING_PHRASES.mayApply(finding.unknownKeys.length > 0 ? finding.unknownKeys.join(', ') : FINDING_PHRASES.theResource)
  const text = `${counter(at)}${policyTitle(finding)} — ${statementLine(finding, verdict)}${tail}`
  return wrap(text, width, '  ', '      ').map((line) => (finding.certain ? line : pal.unknown(line)))
}

/**
 * A list of findings: the first `full` in full, the rest one line each under `moreTitle`.
 * The contract orders denies most decisive first, so the first ones are the ones to read.
 */
export function renderFindings(
  findings: readonly StatementFinding[],
  full: number,
  moreTitle: string,
  verdict: Verdict,
  pal: Palette,
  width: number,
): string[][] {
  const blocks: string[][] = []
  const of = findings.length
  findings.slice(0, full).forEach((finding, i) => blocks.push(renderFindingFull(finding, { n: i + 1, of }, verdict, pal, width)))
  const rest = findings.slice(full)
  if (rest.length > 0) {
    const lines = [pal.bold(moreTitle)]
    rest.forEach((finding, i) => lines.push(...renderFindingLine(finding, { n: full + i + 1, of }, verdict, pal, width)))
    blocks.push(lines)
  }
  return blocks
}
