import { SET_OPERATORS, type ParsedOperator, type SetOperator } from './policy.js'

/**
 * Every base condition operator IAM knows, by family.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export const OPERATOR_FAMILIES = {
  string: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
  numeric: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
  date: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'],
  bool: ['Bool'],
  binary: ['BinaryEquals'],
  ip: ['IpAddress', 'NotIpAddress'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
  null: ['Null'],
} as const

export type OperatorFamily = keyof typeof OPERATOR_FAMILIES
export type BaseOperator = (typeof OPERATOR_FAMILIES)[OperatorFamily][number]

const FAMILY_OF = new Map<string, OperatorFamily>(
  (Object.entries(OPERATOR_FAMILIES) as [OperatorFamily, readonly string[]][]).flatMap(([family, ops]) =>
    ops.map((op) => [op, family] as const),
  ),
)

/** Negated operators: several values act as NOR, and an absent key makes them true. */
export const NEGATED_OPERATORS: ReadonlySet<string> = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
])

export function operatorFamily(base: string): OperatorFamily | null {
  return FAMILY_OF.get(base) ?? null
}

/**
 * Splits `ForAnyValue:StringLikeIfExists` into its parts. Returns null for an operator IAM
 * does not know (spelling is case-sensitive, as IAM documents it), and for `NullIfExists`.
 */
export function parseOperator(name: string): ParsedOperator | null {
  let rest = name
  let setOperator: SetOperator | null = null
  const colon = rest.indexOf(':')
  if (colon >= 0) {
    const prefix = rest.slice(0, colon)
    if (!(SET_OPERATORS as readonly string[]).includes(prefix)) return null
    setOperator = prefix as SetOperator
    rest = rest.slice(colon + 1)
  }
  let ifExists = false
  if (rest.endsWith('IfExists')) {
    ifExists = true
    rest = rest.slice(0, -'IfExists'.length)
  }
  if (!FAMILY_OF.has(rest)) return null
  if (ifExists && rest === 'Null') return null
  return { name, setOperator, base: rest, ifExists }
}
