import { DECISION_SEVERITY, isAlwaysPresent, joinList, type BranchOutcome, type Decision, type UncountableReason } from '../model/index.js'

/**
 * The one-line summary of a key's branches: "DENIED if aws:MultiFactorAuthPresent is false or
 * absent, ALLOWED if true", "DENIED unless aws:SourceVpce is vpce-11111 (then ALLOWED)".
 */

const WORD: Readonly<Record<Decision, string>> = {
  ExplicitDeny: 'DENIED',
  ImplicitDeny: 'DENIED (nothing allows it)',
  Allowed: 'ALLOWED',
  Undetermined: 'UNDETERMINED',
}

function decisionWords(outcome: BranchOutcome): string {
  return WORD[outcome.decision]
}

/** For an Undetermined outcome: what it still depends on. */
function still(outcome: BranchOutcome): string {
  if (outcome.decision !== 'Undetermined') return ''
  return outcome.dependsOn.length > 0 ? ` (still depending on ${andList(outcome.dependsOn)})` : ' (still depending on more than this key)'
}

const orList = (items: readonly string[]): string => joinList(items, ', ', 'or')
const andList = (items: readonly string[]): string => joinList(items, ', ', 'and')

/** "false or absent", "vpce-11111, any value like vpce-1*". `other` is left to the caller. */
function itemsOf(outcome: BranchOutcome): string[] {
  return [...outcome.values, ...outcome.matching.map((p) => `any value like ${p}`), ...(outcome.absent ? ['absent'] : [])]
}

export function branchSummary(key: string, outcomes: readonly BranchOutcome[]): string {
  if (outcomes.length === 0) return `no value of ${key} settles the answer on its own`
  if (outcomes.length === 1) return `${decisionWords(outcomes[0]!)} whatever ${key} is${still(outcomes[0]!)}`
  const byDecision = [...outcomes].sort((a, b) => DECISION_SEVERITY[b.decision] - DECISION_SEVERITY[a.decision])
  const fallback = byDecision.find((o) => o.other)
  const named = byDecision.filter((o) => o !== fallback)
  // Two answers, one for the named values and one for everything else (absent included):
  // "DENIED unless aws:SourceVpce is vpce-11111 (then ALLOWED)".
  // A key AWS always sends has no "absent" case, so "any other value" is everything else.
  if (fallback && (fallback.absent || isAlwaysPresent(key)) && named.length === 1) {
    const only = named[0]!
    const rest = only.dependsOn.length > 0 ? andList(only.dependsOn) : 'more than this key'
    const then = only.decision === 'Undetermined' ? `; if it is, it still depends on ${rest}` : ` (then ${decisionWords(only)})`
    return `${decisionWords(fallback)}${still(fallback)} unless ${key} is ${orList(itemsOf(only))}${then}`
  }
  const parts = named.map((o, i) => `${decisionWords(o)} if ${i === 0 ? `${key} is ` : ''}${orList(itemsOf(o))}${still(o)}`)
  if (fallback) {
    const rest = fallback.absent ? 'for any other value or if absent' : 'for any other value'
    const extra = itemsOf({ ...fallback, absent: false })
    parts.push(`${decisionWords(fallback)} ${extra.length > 0 ? `if ${orList(extra)} or ` : ''}${rest}${still(fallback)}`)
  }
  return parts.join(', ')
}

/** Why the values cannot be listed, in English (the JSON summary's words). */
function reasonWords(reason: UncountableReason): string {
  switch (reason.code) {
    case 'policyVariable': return 'the policies use it as a policy variable'
    case 'notNamedDirectly': return 'no condition names it directly'
    case 'operator': return `the operator ${reason.operator} is not one denydoctor can branch on`
    case 'multiValued': return 'a request can carry several values of it'
    case 'ranges': return `its ${reason.family} conditions compare ranges of values`
    case 'variablesInConditions': return 'its conditions use policy variables'
    case 'patterns': return `the policies name ${reason.count} wildcard patterns for it`
    case 'values': return `the policies name ${reason.count} values for it`
    case 'sampleClash': return `a named value looks like the sample of ${reason.pattern}`
    case 'matchesEverything': return `its pattern ${reason.pattern} matches every value`
    case 'firstKeysOnly': return `only the first ${reason.max} keys are worked out`
  }
}

export function uncountableSummary(key: string, reason: UncountableReason): string {
  return `depends on ${key}, whose values that matter cannot be listed exactly here (${reasonWords(reason)}); give it with --context ${key}=VALUE`
}

function itemsWithOther(outcome: BranchOutcome): string[] {
  return [...itemsOf(outcome), ...(outcome.other ? ['any other value'] : [])]
}

/**
 * A key's line once AWS's message has ruled some of its values out: "DENIED if
 * aws:MultiFactorAuthPresent is false or absent; AWS's message rules out true (ALLOWED)".
 */
export function narrowedSummary(key: string, kept: readonly BranchOutcome[], ruledOut: readonly BranchOutcome[]): string {
  const parts = kept.map((o, i) => `${decisionWords(o)} if ${i === 0 ? `${key} is ` : ''}${orList(itemsWithOther(o))}${still(o)}`)
  const ruled = ruledOut.map((o) => `${orList(itemsWithOther(o))} (${decisionWords(o)})`)
  return `${parts.join(', ')}; AWS's message rules out ${orList(ruled)}`
}
