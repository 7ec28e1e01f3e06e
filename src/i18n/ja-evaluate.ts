/** 評価エンジンの文 (警告、Allow がない理由) の日本語。en-evaluate.ts と同じキー。 */
import type { enEvaluate } from './en-evaluate.js'
import { matchedInJapanese, missingExplanationInJapanese, warningInJapanese } from './ja-warnings.js'

export const jaEvaluate: typeof enEvaluate = {
  'report.warning': (warning: string) => warningInJapanese(warning),
  'report.missingExplanation': (explanation: string) => missingExplanationInJapanese(explanation),
  'report.matched': (matched: string) => matchedInJapanese(matched),
}
