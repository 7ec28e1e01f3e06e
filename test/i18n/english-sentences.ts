/**
 * Finds English sentences in what denydoctor showed a Japanese reader: three or more
 * consecutive lower-case English words, once the parts that are code are taken out —
 * backticked spans, double-quoted text (policy JSON, AWS's own error message, a file's
 * excerpt), ARNs, flags, URLs, paths and the excerpt lines under a file problem.
 */

/** Words that appear in code-like runs the stripping cannot tell from prose. Why each is here: */
const ALLOWED: readonly RegExp[] = [
  // oclif's usage line lists flag values: "text|json|markdown", "en|ja".
  /\b[a-z]+\|[a-z|]+\b/g,
  // Condition operators and keys written inside prose, e.g. "ForAllValues:StringLike".
  /\b[A-Za-z]+:[A-Za-z/*]+\b/g,
]

function stripCode(text: string): string {
  return (
    text
      // ANSI colours.
      .replace(/\u001b\[[0-9;]*m/g, '')
      // The excerpt under a file problem ("3 |   \"Action\": …", "  |   ^") and fenced JSON.
      .split('\n')
      .filter((line) => !/^\s*\d*\s*\|/.test(line))
      .join('\n')
      .replace(/```[\s\S]*?```/g, ' ')
      .replace(/`[^`\n]*`/g, ' ')
      // Escaped quotes inside a quoted excerpt of the input, then the quoted text itself.
      .replace(/\\"/g, ' ')
      .replace(/"[^"\n]*"/g, ' ')
      // A single-quoted example of what to paste ('User: ARN is not authorized to perform: …').
      .replace(/(^|[\s(])'[^'\n]*'(?=[\s).,;:]|$)/g, '$1 ')
      .replace(/“[^”\n]*”/g, ' ')
      .replace(/\barn:[^\s,)]+/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/(?:^|\s)--?[a-z][\w-]*(?:[= ]<[^>]*>)?/g, ' ')
      .replace(/(?:\.{0,2}\/|~\/)[\w./-]+/g, ' ')
      // Example command lines in --help ("$ denydoctor …", "cat x | denydoctor …", "VAR=0 denydoctor …").
      .replace(/[^\n]*\bdenydoctor (?:audit|collect|evaluate|explain|principal|help)\b[^\n]*/g, ' ')
  )
}

/** The English runs left once code is taken out; `pending` are known ones another change translates. */
export function englishSentences(text: string, pending: readonly string[] = []): string[] {
  let prose = stripCode(text)
  for (const allowed of ALLOWED) prose = prose.replace(allowed, ' ')
  const found: string[] = []
  for (const line of prose.split('\n')) {
    // Words joined by spaces only: "identity, boundary, scp" is a list of values, not prose.
    const run = /\b[a-z]+(?:'[a-z]+)?(?: +[a-z]+(?:'[a-z]+)?){2,}\b/.exec(line)
    if (!run) continue
    if (pending.some((p) => line.includes(p))) continue
    found.push(line.trim())
  }
  return found
}
