/**
 * Mermaid's own parser, run offline. The `mermaid` package's parse() sanitises labels with
 * DOMPurify, which needs a DOM: a happy-dom window is put on globalThis as `window` and
 * `document` before Mermaid is first loaded (only in the test files that check diagrams; the
 * rest of the process keeps Node's own globals, so the commands run as they do for users).
 * A diagram GitHub would refuse to draw makes parse() throw with Mermaid's message.
 */
import { Window } from 'happy-dom'

type Mermaid = (typeof import('mermaid'))['default']
let loaded: Promise<Mermaid> | null = null

function mermaidWithDom(): Promise<Mermaid> {
  loaded ??= (async () => {
    const g = globalThis as Record<string, unknown>
    if (!g['window']) {
      const window = new Window()
      g['window'] = window
      g['document'] = window.document
    }
    const mermaid = (await import('mermaid')).default
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
    return mermaid
  })()
  return loaded
}

/** Throws Mermaid's parse error when `source` is not a flowchart Mermaid can draw. */
export async function assertMermaidParses(source: string): Promise<void> {
  const mermaid = await mermaidWithDom()
  const result = await mermaid.parse(source)
  if (!result || result.diagramType !== 'flowchart-v2') throw new Error(`not a flowchart: ${JSON.stringify(result)}`)
}

/** The bodies of the ```mermaid blocks in a markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!)
}
