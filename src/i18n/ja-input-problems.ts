/**
 * Problems in the files people give (policy, case, audit and snapshot files), in Japanese, by
 * the readers' own templates (templates.ts). A message no template knows stays English.
 */
import { translators, type TemplateRow } from './templates.js'

const PROBLEM: readonly TemplateRow[] = []

const T = translators({ problem: PROBLEM })

export function inputProblemInJapanese(message: string): string {
  return T.problem(message)
}
