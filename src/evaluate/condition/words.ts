/**
 * How each positive operator reads in a sentence: "which matches arn:…", "which is not less
 * than 10", "which equals none of a, b". Kept apart from the sentences themselves (why.ts).
 */

export interface Relation {
  /** The request value satisfies the operator against this one policy value. */
  hit(policyValue: string): string
  /** It satisfies the operator against none of these (count of them given). */
  none(policyValues: string, count: number): string
  /** It satisfies the operator against at least one of these. */
  some(policyValues: string, count: number): string
}

/** "matches X" / "matches none of X" / "matches one of X". */
function setLike(verb: string, tail = ''): Relation {
  return {
    hit: (p) => `${verb} ${p}${tail}`,
    none: (ps) => `${verb} none of ${ps}${tail}`,
    some: (ps, n) => (n === 1 ? `${verb} ${ps}${tail}` : `${verb} one of ${ps}${tail}`),
  }
}

/** "is less than X" / "is not less than (any of) X" / "is less than (one of) X". */
function comparison(positive: string, negative: string): Relation {
  return {
    hit: (p) => `${positive} ${p}`,
    none: (ps, n) => (n === 1 ? `${negative} ${ps}` : `${negative} any of ${ps}`),
    some: (ps, n) => (n === 1 ? `${positive} ${ps}` : `${positive} one of ${ps}`),
  }
}

const RELATIONS: Readonly<Record<string, Relation>> = {
  StringEquals: setLike('equals'),
  StringEqualsIgnoreCase: setLike('equals', ' when case is ignored'),
  StringLike: setLike('matches'),
  NumericEquals: setLike('equals'),
  NumericLessThan: comparison('is less than', 'is not less than'),
  NumericLessThanEquals: comparison('is at most', 'is not at most'),
  NumericGreaterThan: comparison('is greater than', 'is not greater than'),
  NumericGreaterThanEquals: comparison('is at least', 'is not at least'),
  DateEquals: comparison('is the same moment as', 'is not the same moment as'),
  DateLessThan: comparison('is before', 'is not before'),
  DateLessThanEquals: comparison('is at or before', 'is not at or before'),
  DateGreaterThan: comparison('is after', 'is not after'),
  DateGreaterThanEquals: comparison('is at or after', 'is not at or after'),
  Bool: comparison('is', 'is not'),
  BinaryEquals: setLike('equals'),
  IpAddress: setLike('is in'),
  ArnLike: setLike('matches'),
}

export function relationOf(positiveBase: string): Relation {
  return RELATIONS[positiveBase] ?? setLike('matches')
}

const SHOWN = 5

/** "a, b, c and 4 more"; an empty string shows as "" so that it is visible. */
export function listOf(values: readonly string[]): string {
  if (values.length === 0) return '(no values)'
  // Joined as it goes: lists that slice() and map() make come in kinds that optimized code
  // told apart, and threw itself away for.
  const count = Math.min(values.length, SHOWN)
  let shown = show(values[0]!)
  for (let i = 1; i < count; i++) shown += `, ${show(values[i]!)}`
  const rest = values.length - count
  return rest > 0 ? `${shown} and ${rest} more` : shown
}

export function show(value: string): string {
  return value === '' ? '"" (empty)' : value
}

/** "aws:username has" / "aws:username and aws:userid have". */
export function keysSubject(keys: readonly string[], singular: string, plural: string): string {
  const unique = [...new Set(keys)]
  return `${unique.join(' and ')} ${unique.length === 1 ? singular : plural}`
}
