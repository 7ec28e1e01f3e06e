/**
 * Finds English sentences in what denydoctor showed a Japanese reader: three or more
 * consecutive lower-case English words, once the parts that are code are taken out —
 * backticked spans, double-quoted text (policy JSON, AWS's own error message, a file's
 * excerpt), ARNs, flags, URLs, paths and the excerpt lines under a file problem.
 *
 * Two readings of the same rule: `englishSentences` for what the command line says (one line at
 * a time, a file's excerpt left out), `englishRuns` for a whole report, wrapped to a width (a
 * backticked or quoted span may run over several lines, a markdown table's cells are prose,
 * aligned table columns are several spaces apart and so never one run).
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

/** The lines of what the command line said that hold an English run once code is taken out. */
export function englishSentences(text: string): string[] {
  let prose = stripCode(text)
  for (const allowed of ALLOWED) prose = prose.replace(allowed, ' ')
  const found: string[] = []
  for (const line of prose.split('\n')) {
    // Words joined by spaces only: "identity, boundary, scp" is a list of values, not prose.
    const run = /\b[a-z]+(?:'[a-z]+)?(?: +[a-z]+(?:'[a-z]+)?){2,}\b/.exec(line)
    if (!run) continue
    found.push(line.trim())
  }
  return found
}

/**
 * Runs of English words that are not sentences: names that stay as AWS spells them. Keep it
 * small; each entry says why it is not a sentence.
 */
const NOT_SENTENCES: readonly RegExp[] = [
  // Condition values in a table row ("false  false  true"): JSON values, not words.
  /^(?:(?:true|false|null)(?: |$))+$/,
]


/** A report with code taken out: what is left is what the report says in words. */
function proseOf(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    // Policy JSON, one value per line, and table rulers.
    .filter((line) => !/^\s*(?:[{}[\]]|"[^"]*"\s*:|"[^"]*",?\s*$|[|:\- ]+$)/.test(line))
    .join('\n')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]{0,400}"/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\barn:[^\s,;)]*/g, ' ')
    .replace(/(?:^|\s)--?[a-z][\w-]*(?:[= ][^\s,;)]+)?/gi, ' ')
    .replace(/\b[\w-]+:[\w*?/${}.-]+/g, ' ')
}

/**
 * Each run of three or more lowercase English words left in `text`, with its line. `theirs`:
 * words of the user's own input that a report quotes (an audit file's names and descriptions,
 * cut short in a table cell), not sentences of denydoctor's.
 */
export function englishRuns(text: string, theirs: readonly string[] = []): string[] {
  const found: string[] = []
  const prose = proseOf(text)
  for (const line of prose.split('\n')) {
    for (const match of line.matchAll(/\b[a-z][a-z'’]*(?: [a-z][a-z'’]*){2,}\b/g)) {
      const run = match[0]
      if (NOT_SENTENCES.some((re) => re.test(run))) continue
      if (theirs.length > 0 && run.split(' ').every((word) => theirs.some((t) => t.startsWith(word)))) continue
      found.push(`${run}  ⟵  ${line.trim()}`)
    }
  }
  return found
}

