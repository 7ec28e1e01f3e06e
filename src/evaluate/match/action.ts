import type { Statement } from '../../model/index.js'
import { globMatch } from './glob.js'

/**
 * Action / NotAction matching: `service:name`, case-insensitive, `*` and `?` anywhere.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export interface ActionMatch {
  readonly matched: boolean
  /** What made it match, for the report: the pattern, or why NotAction lets it through. */
  readonly pattern: string
}

const NO_MATCH: ActionMatch = { matched: false, pattern: '' }

export function actionPatternMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true
  // An entry without `service:` is invalid; the parser rejects it, and it never matches.
  if (!pattern.includes(':')) return false
  return globMatch(pattern, action, true)
}

export function matchAction(statement: Statement, action: string): ActionMatch {
  if (statement.action) {
    for (const pattern of statement.action) {
      if (actionPatternMatches(pattern, action)) return { matched: true, pattern }
    }
    return NO_MATCH
  }
  const excluded = statement.notAction ?? []
  for (const pattern of excluded) {
    if (actionPatternMatches(pattern, action)) return NO_MATCH
  }
  return { matched: true, pattern: `NotAction (${action} is not listed)` }
}
