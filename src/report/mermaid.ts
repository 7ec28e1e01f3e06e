/**
 * The evaluation path as a Mermaid flowchart, which GitHub and GitLab render in markdown:
 * organisation root → OUs → account → principal → the request → each layer → the decision.
 * Each layer's node is coloured by what it did; a node that decided carries the deciding
 * statement in its label. Tests check every diagram with Mermaid's own parser.
 */
import type { PolicyType } from '../model/index.js'
import { awsOwnedWords, DIAGRAM_PHRASES } from './phrases.js'
import type { EvaluationPath, PathLayer, PathState } from './path.js'

/** Fill, border and text colours per state; readable in GitHub's light and dark themes. */
const STATE_STYLE: Readonly<Record<PathState | 'plain', string>> = {
  denied: 'fill:#ffd7d5,stroke:#cf222e,stroke-width:2px,color:#1f2328',
  'no-allow': 'fill:#ffe2bd,stroke:#bc4c00,stroke-width:2px,color:#1f2328',
  allowed: 'fill:#d3f5dc,stroke:#1a7f37,color:#1f2328',
  unknown: 'fill:#fff3b8,stroke:#9a6700,stroke-dasharray:4 3,color:#1f2328',
  'not-read': 'fill:#eaeef2,stroke:#6e7781,stroke-dasharray:4 3,color:#1f2328',
  plain: 'fill:#f6f8fa,stroke:#57606a,color:#1f2328',
}

const CLASS_NAME: Readonly<Record<PathState | 'plain', string>> = {
  denied: 'denied',
  'no-allow': 'noAllow',
  allowed: 'allowed',
  unknown: 'unknown',
  'not-read': 'notRead',
  plain: 'plain',
}

/**
 * Text for a quoted Mermaid label. Mermaid decodes `#name;` entities in labels, so the
 * characters that would end the label or read as markup are written that way; backticks would
 * turn the label into a markdown string, so they become plain quotes.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/&/g, '#38;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, "'")
    .replace(/[\r\n]+/g, ' ')
}

function node(id: string, lines: readonly string[], shape: 'box' | 'round' | 'stadium' = 'box'): string {
  const label = `"${lines.map(mermaidText).join('<br/>')}"`
  const [open, close] = shape === 'round' ? ['(', ')'] : shape === 'stadium' ? ['([', '])'] : ['[', ']']
  return `${id}${open}${label}${close}`
}

function layerName(layer: PolicyType): string {
  return DIAGRAM_PHRASES.layer[layer]
}

function layerLines(step: PathLayer, levelLabel: string | null): string[] {
  if (step.awsOwned) return [awsOwnedWords().label, awsOwnedWords().why]
  const title = levelLabel ? `${layerName(step.layer)} · ${levelLabel}` : layerName(step.layer)
  const lines = [title, DIAGRAM_PHRASES.state[step.state]]
  // An organisation-wide Allow (FullAWSAccess at every level) is noise; any other statement that did something is named.
  const orgAllow = step.state === 'allowed' && (step.layer === 'scp' || step.layer === 'rcp')
  if (step.statement && !orgAllow) lines.push(step.statement)
  return lines
}

/** A level's node inside its layer's box: the level, what it did, and the statement that did it. */
function levelLines(step: PathLayer): string[] {
  const lines = [step.levelLabel ?? step.level ?? '', DIAGRAM_PHRASES.state[step.state]]
  if (step.statement && step.state !== 'allowed') lines.push(step.statement)
  return lines
}

/** The flowchart's source, without the markdown fence. */
export function mermaidFlowchart(path: EvaluationPath): string {
  const out = ['flowchart TD']
  const classes = new Map<string, string[]>()
  const mark = (id: string, state: PathState | 'plain'): void => {
    const name = CLASS_NAME[state]
    classes.set(name, [...(classes.get(name) ?? []), id])
  }
  let previous: string | null = null
  const chain = (id: string): void => {
    if (previous) out.push(`  ${previous} --> ${id}`)
    previous = id
  }
  if (path.levels.length > 0) {
    // The chain inside its own box, left to right; the box itself links on, so Mermaid keeps
    // the direction (it drops a subgraph's direction when an inner node links outside).
    out.push(`  subgraph org["${mermaidText(DIAGRAM_PHRASES.organisation)}"]`, '    direction LR')
    path.levels.forEach((level, i) => {
      out.push(`    ${node(`L${i}`, [level.label], 'round')}`)
      mark(`L${i}`, 'plain')
    })
    for (let i = 1; i < path.levels.length; i++) out.push(`    L${i - 1} --> L${i}`)
    out.push('  end')
    previous = 'org'
  }
  out.push(`  ${node('P', [path.principal], 'round')}`)
  mark('P', 'plain')
  chain('P')
  out.push(`  ${node('Q', path.resource ? [path.action, path.resource] : [path.action])}`)
  mark('Q', 'plain')
  chain('Q')
  // SCPs (and RCPs) per level: one box per kind, its levels left to right.
  let i = 0
  while (i < path.layers.length) {
    const step = path.layers[i]!
    const group: { step: PathLayer; id: string }[] = []
    while (i < path.layers.length && path.layers[i]!.layer === step.layer && path.layers[i]!.level !== null) {
      group.push({ step: path.layers[i]!, id: `S${i}` })
      i++
    }
    if (group.length === 0) {
      const id = `S${i}`
      out.push(`  ${node(id, layerLines(step, step.levelLabel))}`)
      mark(id, step.state)
      chain(id)
      i++
      continue
    }
    const box = `G${group[0]!.id}`
    out.push(`  subgraph ${box}["${mermaidText(layerName(step.layer))}"]`, '    direction LR')
    for (const { step: s, id } of group) {
      out.push(`    ${node(id, levelLines(s))}`)
      mark(id, s.state)
    }
    for (let j = 1; j < group.length; j++) out.push(`    ${group[j - 1]!.id} --> ${group[j]!.id}`)
    out.push('  end')
    chain(box)
  }
  out.push(`  ${node('R', [DIAGRAM_PHRASES.result(path.decision)], 'stadium')}`)
  mark('R', path.decision === 'Allowed' ? 'allowed' : path.decision === 'Undetermined' ? 'unknown' : 'denied')
  chain('R')
  for (const [state, style] of Object.entries(STATE_STYLE)) {
    const name = CLASS_NAME[state as PathState | 'plain']
    if (classes.has(name)) out.push(`  classDef ${name} ${style}`)
  }
  for (const [name, ids] of classes) out.push(`  class ${ids.join(',')} ${name}`)
  return out.join('\n')
}
