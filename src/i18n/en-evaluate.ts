/**
 * The evaluator's own sentences that a report shows as the JSON has them: in English, the text
 * itself; ja-evaluate.ts says the same from their codes (model/coded-text.ts).
 */
export const enEvaluate = {
  /** A verdict warning (lint, request warnings). */
  'report.warning': (warning: string) => warning,
  /** A missing Allow's explanation. */
  'report.missingExplanation': (explanation: string) => explanation,
  /** What matched a statement's element (`matchedAction`, …): "NotAction (ec2:X is not listed)". */
  'report.matched': (matched: string) => matched,
}
