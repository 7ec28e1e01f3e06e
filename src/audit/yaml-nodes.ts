/**
 * Reading a parsed YAML (or JSON) document node by node, so that every problem names the line
 * it is on. Values are read from the syntax tree, never from `toJS()`, which forgets where
 * they came from.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml'

/** One problem with the file, at a line. */
export interface Problem {
  readonly line: number
  readonly message: string
}

/** Thrown inside a reader to abandon one value; the problem is already recorded. */
export class Abandon extends Error {}

export class NodeReader {
  readonly problems: Problem[] = []

  constructor(
    /** Null for a tree built from JSON, which has no aliases to follow. */
    private readonly doc: Document | null,
    private readonly lines: LineCounter,
    private readonly text: string,
  ) {}

  lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0]
    return offset === undefined ? 1 : this.lines.linePos(offset).line
  }

  /** Records a problem and abandons the value being read. */
  fail(node: Node | null | undefined, message: string): never {
    this.problems.push({ line: this.lineOf(node), message })
    throw new Abandon(message)
  }

  /** Runs a reader; a problem it records leaves `fallback` in place of the value. */
  attempt<T>(read: () => T, fallback: T): T {
    try {
      return read()
    } catch (error) {
      if (error instanceof Abandon) return fallback
      throw error
    }
  }

  /** Follows a YAML alias (`*name`) to the node it names. */
  resolve(node: unknown): Node | null {
    if (node === null || node === undefined) return null
    if (isAlias(node)) return this.doc ? ((node.resolve(this.doc) as Node | undefined) ?? null) : null
    return node as Node
  }

  /** The map's pairs as key text → pair, refusing keys that are not plain words. */
  entries(map: YAMLMap): { key: string; keyNode: Node; value: Node | null }[] {
    return map.items.map((pair: Pair) => {
      const keyNode = this.resolve(pair.key)
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) this.fail(keyNode ?? map, 'a key must be a plain word')
      return { key: String(keyNode.value), keyNode, value: this.resolve(pair.value) }
    })
  }

  map(node: Node | null, what: string): YAMLMap {
    if (!isMap(node)) this.fail(node, `${what} must be a mapping (key: value lines), not ${describeNode(node)}`)
    return node
  }

  /** A scalar as text; numbers and booleans are taken as written. */
  string(node: Node | null, what: string): string {
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') this.fail(node, `${what} must be text, not ${describeNode(node)}`)
    const value = typeof node.value === 'string' ? node.value : this.source(node)
    if (value.trim() === '') this.fail(node, `${what} is empty`)
    return value
  }

  boolean(node: Node | null, what: string): boolean {
    if (!isScalar(node) || typeof node.value !== 'boolean') this.fail(node, `${what} must be true or false, not ${describeNode(node)}`)
    return node.value
  }

  /** One value or a list of them, each read by `item`, with the node it came from. */
  list<T>(node: Node | null, what: string, item: (node: Node | null) => T): { value: T; node: Node | null }[] {
    if (isSeq(node)) {
      if (node.items.length === 0) this.fail(node, `${what} is an empty list`)
      return node.items.map((raw) => {
        const child = this.resolve(raw)
        return { value: item(child), node: child }
      })
    }
    return [{ value: item(node), node }]
  }

  /** The text the scalar was written as: keeps the leading zero of an account ID written without quotes. */
  private source(node: Node): string {
    const [start, end] = node.range ?? [0, 0]
    return this.text.slice(start, end).trim().replace(/^['"]|['"]$/g, '')
  }
}

export function describeNode(node: Node | null): string {
  if (node === null) return 'nothing'
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) {
    if (node.value === null) return 'nothing'
    return typeof node.value === 'string' ? `the text ${JSON.stringify(node.value)}` : `${typeof node.value} ${String(node.value)}`
  }
  return 'something else'
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}

/** `unknown key "actoin" (did you mean "action"?; expected one of …)`. */
export function unknownKeyMessage(key: string, where: string, known: readonly string[]): string {
  const plain = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '')
  const close = known.filter((k) => plain(k) === plain(key) || distance(plain(k), plain(key)) <= Math.max(2, Math.floor(key.length / 4)))
  const hint = close.length ? ` (did you mean ${close.map((k) => `"${k}"`).join(' or ')}?)` : ''
  return `unknown key "${key}" in ${where}${hint}; the keys there are ${known.join(', ')}`
}
