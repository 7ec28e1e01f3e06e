/** en-numbered.ts in Japanese: evaluate's numbered text report of several cases. */
import type { enNumbered } from './en-numbered.js'

type Shape = { readonly [K in keyof typeof enNumbered]: (typeof enNumbered)[K] }

/** "cases.jsonl line 2" → "cases.jsonl の 2 行目"; "cases.json case 3" → "cases.json のケース 3" (cli/case-stream.ts, case-documents.ts). */
function labelInJapanese(label: string): string {
  // cli/case-source.ts names a pipe "standard input".
  const file = (name: string) => (name === 'standard input' ? '標準入力' : `${name} `)
  const line = /^(.+) line (\d+)$/.exec(label)
  if (line) return `${file(line[1]!)}の ${line[2]} 行目`
  const item = /^(.+) case (\d+)$/.exec(label)
  return item ? `${file(item[1]!)}のケース ${item[2]}` : label
}

export const jaNumbered: Shape = {
  'numbered.heading': (n, total, label) => `ケース ${n}${total === null ? '' : ` / ${total}`} — ${labelInJapanese(label)}`,
  'numbered.label': labelInJapanese,
  'numbered.notEvaluated': (error) => `評価できませんでした — ${error}`,
  'numbered.outcome': {
    ExplicitDeny: '明示的な拒否',
    ImplicitDeny: '暗黙的な拒否',
    Undetermined: '未確定',
    Allowed: '許可',
    error: '評価できなかったもの',
  },
  'numbered.summary': (total, counts) => `${total} 件のケース: ${counts.map(({ n, words }) => `${words} ${n} 件`).join('、')}。`,
}
