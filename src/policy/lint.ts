/**
 * Doubtful but legal constructs, as warnings that name the policy and the statement.
 * They never change how a policy is evaluated; they tell the reader where a policy may
 * not mean what its author thought.
 */
import type { ConditionClause, Policy, PrincipalBlock, Statement } from '../model/policy.js'
import { isSingleValuedKey } from './single-valued-keys.js'
import { statementLabel } from './site.js'
import { guessAction } from './validate-elements.js'

const NOT_PRINCIPAL_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html'
const ACCOUNT_PRINCIPAL = /^(\d{12}|arn:[a-z-]+:iam::\d{12}:root)$/

export function lint(policy: Omit<Policy, 'warnings'>, name: string, bare: boolean): string[] {
  const warnings: string[] = []
  if (bare) {
    warnings.push(`Policy "${name}" is a lone statement without a "Statement" wrapper; it is read as a policy of one statement, with no Version.`)
  } else if (policy.version === null) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
    warnings.push(
      `Policy "${name}" has no "Version", so AWS reads it with the 2008-10-17 policy language, where \${…} policy variables are literal text; add "Version": "2012-10-17".`,
    )
  }
  for (const s of policy.statements) {
    const say = (text: string): void => {
      warnings.push(`Policy "${name}", ${statementLabel(s.index, s.sid)}: ${text}`)
    }
    lintVariables(s, policy.version, say)
    lintActions(s, say)
    lintNegations(s, say)
    if (s.notPrincipal) lintNotPrincipal(s, s.notPrincipal, say)
    lintConditions(s, say)
  }
  return warnings
}

type Say = (text: string) => void

/** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html */
function lintVariables(s: Statement, version: Policy['version'], say: Say): void {
  if (version === '2012-10-17') return
  const variable = firstVariable(s.raw)
  if (!variable) return
  const has = version === null ? 'has no Version' : 'has "Version": "2008-10-17"'
  say(`${variable} is literal text here, because policy variables work only with "Version": "2012-10-17" and this policy ${has}.`)
}

/** The first `${…}` in any string of the statement (keys included), in document order. */
function firstVariable(value: unknown): string | null {
  if (typeof value === 'string') return /\$\{[^}]*\}/.exec(value)?.[0] ?? null
  if (typeof value !== 'object' || value === null) return null
  for (const [key, item] of Object.entries(value)) {
    const found = firstVariable(key) ?? firstVariable(item)
    if (found) return found
  }
  return null
}

function lintActions(s: Statement, say: Say): void {
  const element = s.action ? 'Action' : 'NotAction'
  for (const action of s.action ?? s.notAction ?? []) {
    const prefix = action.split(':')[0] ?? ''
    if (action !== '*' && /[*?]/.test(prefix)) {
      say(`"${element}": "${action}" has a wildcard in the service prefix — name the service exactly (e.g. "ec2:…"), or write "*" for every action.`)
    }
    if (/\s/.test(action)) {
      // IAM accepts and stores it (validate-elements.ts); no action name holds a space.
      const guess = guessAction(action.trim())
      const meaning = element === 'Action' ? 'so this entry allows or denies nothing' : 'so as NotAction it excludes nothing'
      say(`"${element}": "${action}" holds spaces, which no action name has — it matches no action, ${meaning}${guess ? `; did you mean "${guess}"?` : '.'}`)
    }
  }
}

/**
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
function lintNegations(s: Statement, say: Say): void {
  if (s.effect === 'Allow' && s.notAction) {
    say('Allow with NotAction allows every action that is not listed, in every service, on the resources named — it grants broadly; list the actions in "Action" instead.')
  }
  if (s.effect === 'Allow' && s.notResource) {
    say('Allow with NotResource allows the actions on every resource except the ones listed — it grants broadly; list the resources in "Resource" instead.')
  }
  if (s.effect === 'Deny' && s.notResource) {
    say('Deny with NotResource denies the actions on every resource except the ones listed — check that the list covers every resource that must stay reachable.')
  }
}

function lintNotPrincipal(s: Statement, block: PrincipalBlock, say: Say): void {
  if (s.effect === 'Allow') {
    say(
      `NotPrincipal with Allow grants access to everyone except the principals listed, anonymous users included, and AWS does not support it — use "Principal" with a condition on aws:PrincipalArn (${NOT_PRINCIPAL_DOC}).`,
    )
    return
  }
  if (!block.aws.some((p) => ACCOUNT_PRINCIPAL.test(p))) {
    say(
      `NotPrincipal with Deny lists no account (arn:aws:iam::ACCOUNT:root or a 12-digit account ID) — AWS may evaluate the caller's account separately and deny it, and with it everyone listed; add the account ARN of each principal listed, or use "Principal": "*" with ArnNotEquals on aws:PrincipalArn (${NOT_PRINCIPAL_DOC}).`,
    )
  }
}

/**
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
function lintConditions(s: Statement, say: Say): void {
  for (const clause of s.conditions) {
    const { setOperator, name } = clause.operator
    if (!setOperator) continue
    if (setOperator === 'ForAllValues' && s.effect === 'Allow' && !hasNullGuard(s.conditions, clause.key)) {
      say(
        `${name} on "${clause.key}" in an Allow is also true when the request has no "${clause.key}" at all, so it can allow more than intended — add "Null": {"${clause.key}": "false"}.`,
      )
    }
    if (isSingleValuedKey(clause.key)) {
      const single = name.slice(setOperator.length + 1)
      say(
        `${name} on "${clause.key}", which has a single value per request — set operators are meant for multi-valued keys and can be over-permissive here; use "${single}".`,
      )
    }
  }
}

/** `"Null": {"key": "false"}` in the same statement: the key must be present. */
function hasNullGuard(clauses: readonly ConditionClause[], key: string): boolean {
  const lower = key.toLowerCase()
  return clauses.some(
    (c) => c.operator.base === 'Null' && !c.operator.setOperator && c.key.toLowerCase() === lower && c.values.every((v) => v === 'false'),
  )
}
