/**
 * The remedies in the text and markdown reports: one line saying where each goes, then the
 * statement or the patch in a fenced JSON block labelled "review before applying", so that it
 * can be pasted as it is — and is read first.
 */
import { say } from '../i18n/index.js'
import type { Verdict } from '../model/index.js'
import type { Palette } from './colors.js'
import { wrap } from './layout.js'
import { fence } from './markdown-text.js'
import { HEADINGS, MARKDOWN_HEADINGS, REMEDY_PHRASES } from './phrases.js'
import { remediesFor, type Remedy } from './remedies.js'

/** "add to the resource policy of arn:aws:s3:::b:" or "edit statement 1 (Sid X) of DenyRunInstances …:". */
export function remedyHeading(remedy: Remedy): string {
  if (remedy.kind === 'edit-statement') {
    const statement = say()['report.statement']((remedy.statementIndex ?? 0) + 1, remedy.sid ?? null)
    return REMEDY_PHRASES.edit(statement, remedy.policyName ?? remedy.target)
  }
  const layer = REMEDY_PHRASES.layer[remedy.policyType]
  // "SCPs attached at ou-…" already names the level: the target is the level itself.
  return remedy.policyType === 'scp' || remedy.policyType === 'rcp' ? REMEDY_PHRASES.addAtLevel(layer, remedy.target) : REMEDY_PHRASES.addTo(layer, remedy.target)
}

/** The JSON to paste: the policy to add, or the patch to apply. */
function remedyJson(remedy: Remedy): string {
  // A patch reads best one operation a line; a policy as IAM's console shows it.
  if (remedy.kind === 'edit-statement') return `[\n${(remedy.patch ?? []).map((op) => `  ${JSON.stringify(op)}`).join(',\n')}\n]`
  return JSON.stringify(remedy.policy, null, 2)
}

function block(remedy: Remedy): string {
  return fence(remedyJson(remedy), `json ${REMEDY_PHRASES.label}`)
}

/** The text report's block (no indentation inside the fence, so that it pastes clean). */
export function remedyBlocks(verdict: Verdict, pal: Palette, width: number): string[][] {
  const remedies = remediesFor(verdict)
  if (remedies.length === 0) return []
  const lines = [pal.heading(HEADINGS.remedies)]
  for (const remedy of remedies) lines.push(...wrap(remedyHeading(remedy), width, '  ', '    '), block(remedy))
  return [lines]
}

/** The markdown report's section. */
export function remedySection(verdict: Verdict, prose: (text: string) => string): string[] {
  const remedies = remediesFor(verdict)
  if (remedies.length === 0) return []
  const out = [`#### ${MARKDOWN_HEADINGS.remedies}`]
  for (const remedy of remedies) out.push('', prose(remedyHeading(remedy)), '', block(remedy))
  return out
}
