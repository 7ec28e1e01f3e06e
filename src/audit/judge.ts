/**
 * One verdict against what the expectation says must hold: held, failed, or undetermined
 * (the verdict hangs on something unknown that decides the expectation), and the statement
 * that decided it, for the reports.
 */
import { foundStatements, type FoundStatement, type FoundStatements } from '../evaluate/verdict.js'
import type { MissingAllow, PolicyType, Verdict } from '../model/index.js'
import { missingAllowLabel, policyTitle, statementLabel } from '../report/wording.js'
import type { Expected } from './types.js'

/** `error`: the check could not be evaluated (the principal does not exist, cannot be read). */
export const OUTCOMES = ['held', 'failed', 'undetermined', 'error'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** The deciding statement, as the contract's JSON names a statement, plus a label for people. */
export interface DecidingStatement extends Omit<FoundStatement, 'origin'> {
  /** `SCP \`DenyRunInstances\` attached to OU \`Prod\` (ou-…), statement 1 (Sid DenyEC2)`. */
  readonly label: string
}

export interface Judgement {
  readonly outcome: Exclude<Outcome, 'error'>
  readonly deciding: DecidingStatement | null
  /** For an implicit deny: the layers that had no Allow. */
  readonly missingAllows: readonly { readonly policyType: PolicyType; readonly level: string | null; readonly label: string }[]
  /** One sentence: what decided, for people (also when the expectation held). */
  readonly summary: string
}

function statement(finding: FoundStatement): DecidingStatement {
  return {
    policyType: finding.policyType,
    policyName: finding.policyName,
    policyArn: finding.policyArn,
    attachedTo: finding.attachedTo,
    statementIndex: finding.statementIndex,
    sid: finding.sid,
    effect: finding.effect,
    certain: finding.certain,
    unknownKeys: finding.unknownKeys,
    label: `${policyTitle(finding)}, ${statementLabel(finding)}`,
  }
}

function ofTypes(findings: readonly FoundStatement[], types: readonly PolicyType[]): readonly FoundStatement[] {
  return types.length === 0 ? findings : findings.filter((f) => types.includes(f.policyType))
}

/**
 * The statement that decided the verdict, preferring one of the types the expectation names,
 * from the statements found (foundStatements: their places, without the words that most of an
 * audit's checks never show).
 */
function decidingFinding(verdict: Verdict, found: FoundStatements, expected: Expected): FoundStatement | null {
  const types = expected.kind === 'explicit-deny' ? expected.by : []
  switch (verdict.decision) {
    case 'ExplicitDeny': {
      const certainDenies = found.denies.filter((d) => d.certain)
      return ofTypes(certainDenies, types)[0] ?? certainDenies[0] ?? null
    }
    case 'Undetermined':
      return ofTypes(found.denies, types)[0] ?? found.denies[0] ?? found.allows.find((a) => !a.certain) ?? null
    case 'Allowed': {
      const granting = found.allows.filter((a) => a.certain)
      return granting.find((a) => a.policyType === 'identity') ?? granting.find((a) => a.policyType === 'resource') ?? granting[0] ?? null
    }
    case 'ImplicitDeny':
      return null
  }
}

function outcomeOf(verdict: Verdict, found: FoundStatements, expected: Expected): Judgement['outcome'] {
  const d = verdict.decision
  switch (expected.kind) {
    case 'allow':
      return d === 'Allowed' ? 'held' : d === 'Undetermined' ? 'undetermined' : 'failed'
    case 'deny':
      return d === 'ExplicitDeny' || d === 'ImplicitDeny' ? 'held' : d === 'Undetermined' ? 'undetermined' : 'failed'
    case 'implicit-deny':
      return d === 'ImplicitDeny' ? 'held' : d === 'Undetermined' ? 'undetermined' : 'failed'
    case 'explicit-deny': {
      // A certain Deny of the named type holds whatever else is unknown; one that hangs on
      // an unknown key leaves the expectation open; none at all fails it.
      const named = ofTypes(found.denies, expected.by)
      if (named.some((f) => f.certain)) return 'held'
      if ((d === 'ExplicitDeny' || d === 'Undetermined') && named.some((f) => !f.certain)) return 'undetermined'
      // Sources that could not be read may hold the very Deny that is expected.
      if (d === 'Undetermined' && verdict.incomplete.length > 0) return 'undetermined'
      return 'failed'
    }
  }
}

function missingOf(verdict: Verdict): Judgement['missingAllows'] {
  return verdict.missingAllows.map((m: MissingAllow) => ({ policyType: m.policyType, level: m.level, label: missingAllowLabel(m) }))
}

export function judge(verdict: Verdict, expected: Expected): Judgement {
  const found = foundStatements(verdict)
  const finding = decidingFinding(verdict, found, expected)
  const deciding = finding ? statement(finding) : null
  const missingAllows = verdict.decision === 'ImplicitDeny' ? missingOf(verdict) : []
  return { outcome: outcomeOf(verdict, found, expected), deciding, missingAllows, summary: summaryOf(verdict, found, deciding, missingAllows) }
}

function summaryOf(verdict: Verdict, found: FoundStatements, deciding: DecidingStatement | null, missing: Judgement['missingAllows']): string {
  if (verdict.decision === 'ImplicitDeny') return `no Allow in ${missing.map((m) => m.label).join(', ') || 'any layer'}`
  if (verdict.decision === 'Undetermined') {
    if (deciding) {
      const keys = deciding.unknownKeys.length ? ` (hangs on ${deciding.unknownKeys.join(', ')})` : ''
      return `${deciding.effect === 'Deny' ? 'may be denied by' : 'may be allowed by'} ${deciding.label}${keys}`
    }
    const gap = verdict.incomplete[0]
    return gap ? `not every policy could be read: ${gap.error}` : 'the request context does not settle it'
  }
  if (!deciding) return verdict.decision === 'Allowed' ? 'allowed' : 'denied'
  // Across accounts the bucket policy's grant lets the caller in as much as its own policy does.
  const grant = verdict.decision === 'Allowed' && deciding.policyType !== 'resource' ? found.allows.find((a) => a.certain && a.policyType === 'resource') : undefined
  return grant ? `${deciding.label}; with ${statement(grant).label}` : deciding.label
}
