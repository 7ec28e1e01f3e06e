/**
 * Doubtful but legal constructs, as warnings that name the policy and the statement.
 * They never change how a policy is evaluated; they tell the reader where a policy may
 * not mean what its author thought.
 */
import type { ConditionClause, Policy, PrincipalBlock, Statement } from '../model/policy.js'
import { isSingleValuedKey } from './single-valued-keys.js'
import { statementLabel } from './site.js'
import { guessAction } from './validate-elements.js'
import { LINT_STATEMENT_TEXTS as SAY, LINT_TEXTS } from '../model/lint-texts.js'

const NOT_PRINCIPAL_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html'
const ACCOUNT_PRINCIPAL = /^(\d{12}|arn:[a-z-]+:iam::\d{12}:root)$/

export function lint(policy: Omit<Policy, 'warnings'>, name: string, bare: boolean): string[] {
  const warnings: string[] = []
  if (bare) {
    warnings.push(LINT_TEXTS.lone.en(name))
  } else if (policy.version === null) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
    warnings.push(LINT_TEXTS.noVersion.en(name))
  }
  for (const s of policy.statements) {
    const say = (text: string): void => {
      warnings.push(LINT_TEXTS.statement.en(name, statementLabel(s.index, s.sid), text))
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
  say(version === null ? SAY.variableNoVersion.en(variable) : SAY.variable2008.en(variable))
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
      say(SAY.wildcardPrefix.en(element, action))
    }
    if (/\s/.test(action)) {
      // IAM accepts and stores it (validate-elements.ts); no action name holds a space.
      const guess = guessAction(action.trim())
      say((element === 'Action' ? SAY.spacesAction : SAY.spacesNotAction).en(action, guess ?? ''))
    }
  }
}

/**
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
function lintNegations(s: Statement, say: Say): void {
  if (s.effect === 'Allow' && s.notAction) {
    say(SAY.allowNotAction.en())
  }
  if (s.effect === 'Allow' && s.notResource) {
    say(SAY.allowNotResource.en())
  }
  if (s.effect === 'Deny' && s.notResource) {
    say(SAY.denyNotResource.en())
  }
}

function lintNotPrincipal(s: Statement, block: PrincipalBlock, say: Say): void {
  if (s.effect === 'Allow') {
    say(SAY.notPrincipalAllow.en(NOT_PRINCIPAL_DOC))
    return
  }
  if (!block.aws.some((p) => ACCOUNT_PRINCIPAL.test(p))) {
    say(SAY.notPrincipalDeny.en(NOT_PRINCIPAL_DOC))
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
      say(SAY.forAllValuesAllow.en(name, clause.key))
    }
    if (isSingleValuedKey(clause.key)) {
      const single = name.slice(setOperator.length + 1)
      say(SAY.setOnSingleValued.en(name, clause.key, single))
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
