/**
 * Reading a README as its tests do: its fenced blocks, a command line split as a shell would,
 * and each one-line `denydoctor …` block with the output lines the block after it promises.
 */
export interface Block {
  readonly lang: string
  readonly body: string
}

export function blocks(text: string): Block[] {
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }))
}

/** Splits a command line as a POSIX shell would, for the quoting the READMEs use. */
export function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
}

/** Each `denydoctor …` command block followed by the lines its output must contain. */
export function examples(text: string): { argv: string[]; expected: string[] }[] {
  const list = blocks(text)
  const out: { argv: string[]; expected: string[] }[] = []
  list.forEach((block, i) => {
    const next = list[i + 1]
    if (block.lang !== 'sh' || next?.lang !== 'text') return
    const lines = block.body.trim().split('\n')
    if (lines.length !== 1 || !lines[0]!.startsWith('denydoctor ')) return
    const expected = next.body.split('\n').map((l) => l.trim()).filter((l) => l && l !== '…')
    out.push({ argv: words(lines[0]!).slice(1), expected })
  })
  return out
}
