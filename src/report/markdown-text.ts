/**
 * Escaping for the markdown report. Policy text is full of characters markdown reads as
 * formatting (`*` in ARNs, `|` in table cells), so every piece of verdict text goes through
 * one of these before it lands in the document.
 */

/** An inline code span that survives backticks in the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const ticks = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${text}${pad}${ticks}`
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fence(text: string, language: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const ticks = '`'.repeat(Math.max(3, longest + 1))
  return `${ticks}${language}\n${text}\n${ticks}`
}

/**
 * Prose from the verdict. Backtick spans the evaluator wrote on purpose ("inline policy
 * `ForceMFA`") are kept as code; everything else has markdown's special characters escaped.
 */
export function prose(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_[\]<>#]/g, '\\$&')))
    .join('')
}

/** A table cell: one line, pipes escaped (also inside code spans, as GFM requires). */
export function cell(markdown: string): string {
  return markdown.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ]
}
