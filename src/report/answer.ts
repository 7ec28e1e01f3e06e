/**
 * What the reports put first: the statements that decided the verdict, the organisation-wide
 * allows folded into one line, and everything else for later. Every report (text, brief,
 * markdown, the picture) reads this one selection, so they never disagree about what decided.
 */
import type { StatementFinding, Verdict } from '../model/index.js'

/** Organisation-wide Allows with the same name, counted by the levels they are attached at. */
export interface FoldedAllow {
  readonly name: string
  readonly levels: number
}

export interface Answer {
  /** The statements that decided, in the order to read them. */
  readonly deciding: readonly StatementFinding[]
  /** For an Allowed verdict: the SCP and RCP allows, one entry per policy name. */
  readonly orgWide: { readonly scp: boolean; readonly rcp: boolean; readonly parts: readonly FoldedAllow[] } | null
  /** The other denies, listed after what to change. */
  readonly otherDenies: readonly StatementFinding[]
  /** The other allows (after a deny: overridden or not enough), listed last. */
  readonly otherAllows: readonly StatementFinding[]
  /** Among those, the certain SCP and RCP allows, folded like `orgWide` (null when none). */
  readonly otherOrgAllows: Answer['orgWide']
}

const ORG_WIDE = new Set(['scp', 'rcp'])

/**
 * An Allow from an SCP or RCP only lets the request through the organisation's guard rails;
 * the statements that grant are the identity, resource, boundary and session ones. So an
 * Allowed report leads with those and folds the organisation's allows into one line.
 */
export function answerOf(verdict: Verdict): Answer {
  const { decision } = verdict
  if (decision === 'ExplicitDeny') {
    // The contract orders denies most decisive first: the certain ones lead, and the reports
    // show the first few in full and the rest one line each.
    return { deciding: verdict.denies, orgWide: null, otherDenies: [], ...splitOrgAllows(verdict.allows) }
  }
  if (decision === 'Allowed') {
    const granting = verdict.allows.filter((a) => !ORG_WIDE.has(a.policyType))
    const org = verdict.allows.filter((a) => ORG_WIDE.has(a.policyType))
    return {
      deciding: granting.length > 0 ? granting : org,
      orgWide: granting.length > 0 && org.length > 0 ? fold(org) : null,
      otherDenies: verdict.denies,
      otherAllows: [],
      otherOrgAllows: null,
    }
  }
  if (decision === 'Undetermined') {
    const open = [...verdict.denies.filter((d) => !d.certain), ...verdict.allows.filter((a) => !a.certain)]
    const openSet = new Set(open)
    return {
      deciding: open,
      orgWide: null,
      otherDenies: verdict.denies.filter((d) => !openSet.has(d)),
      ...splitOrgAllows(verdict.allows.filter((a) => !openSet.has(a))),
    }
  }
  // An implicit deny is decided by the layers without an Allow (verdict.missingAllows).
  return { deciding: [], orgWide: null, otherDenies: verdict.denies, ...splitOrgAllows(verdict.allows) }
}

/** The allows listed after a deny, with the certain SCP and RCP ones folded into one line. */
function splitOrgAllows(allows: readonly StatementFinding[]): Pick<Answer, 'otherAllows' | 'otherOrgAllows'> {
  const org = allows.filter((a) => a.certain && ORG_WIDE.has(a.policyType))
  return { otherAllows: allows.filter((a) => !org.includes(a)), otherOrgAllows: org.length > 0 ? fold(org) : null }
}

function fold(findings: readonly StatementFinding[]): NonNullable<Answer['orgWide']> {
  const levelsByName = new Map<string, Set<string>>()
  for (const f of findings) {
    const name = f.policyName ?? f.policyArn ?? f.policyType.toUpperCase()
    const levels = levelsByName.get(name) ?? new Set<string>()
    levels.add(`${f.policyType}:${f.attachedTo ?? f.origin ?? ''}`)
    levelsByName.set(name, levels)
  }
  return {
    scp: findings.some((f) => f.policyType === 'scp'),
    rcp: findings.some((f) => f.policyType === 'rcp'),
    parts: [...levelsByName].map(([name, levels]) => ({ name, levels: levels.size })),
  }
}
