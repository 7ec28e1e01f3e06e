/**
 * A strict reader for the XML the JUnit report writes: it refuses anything a conforming
 * parser would (unbalanced or misnamed tags, raw `<` or `&`, unknown entities, duplicate
 * attributes, characters XML 1.0 cannot hold, more than one root) and gives back the tree
 * with text and attribute values decoded, so tests can assert both form and content.
 */
export interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: XmlElement[]
  text: string
}

const NAME = /^[A-Za-z_][\w.-]*/
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw "<" in ${where}`)
  if (INVALID.test(raw)) throw new Error(`a character XML cannot hold in ${where}`)
  return raw.replace(/&([^;]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new Error(`a bare "&" in ${where}`)
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
    if (entity in named) return named[entity]!
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(entity)
    if (!numeric) throw new Error(`unknown entity &${entity}; in ${where}`)
    return String.fromCodePoint(numeric[1]!.startsWith('x') ? parseInt(numeric[1]!.slice(1), 16) : Number(numeric[1]))
  })
}

export function parseXml(text: string): XmlElement {
  let rest = text.replace(/^<\?xml [^?]*\?>\s*/, '')
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  while (rest.length) {
    const lt = rest.indexOf('<')
    const chunk = lt < 0 ? rest : rest.slice(0, lt)
    if (chunk) {
      const top = stack.at(-1)
      if (!top) {
        if (chunk.trim()) throw new Error(`text outside the root: ${JSON.stringify(chunk.slice(0, 20))}`)
      } else top.text += decode(chunk, `<${top.name}>`)
    }
    if (lt < 0) break
    rest = rest.slice(lt)
    if (rest.startsWith('</')) {
      const m = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest)
      const top = stack.pop()
      if (!m || !top || m[1] !== top.name) throw new Error(`closing tag ${rest.slice(0, 30)} does not match <${top?.name}>`)
      rest = rest.slice(m[0].length)
      continue
    }
    const name = NAME.exec(rest.slice(1))?.[0]
    if (!name) throw new Error(`not a tag: ${rest.slice(0, 30)}`)
    rest = rest.slice(1 + name.length)
    const attributes: Record<string, string> = {}
    for (;;) {
      const attr = /^\s+([A-Za-z_][\w.-]*)="([^"]*)"/.exec(rest)
      if (!attr) break
      if (attr[1]! in attributes) throw new Error(`attribute ${attr[1]} twice on <${name}>`)
      attributes[attr[1]!] = decode(attr[2]!, `${name}/@${attr[1]}`)
      rest = rest.slice(attr[0].length)
    }
    const end = /^\s*(\/?)>/.exec(rest)
    if (!end) throw new Error(`malformed tag <${name}: ${rest.slice(0, 30)}`)
    rest = rest.slice(end[0].length)
    const element: XmlElement = { name, attributes, children: [], text: '' }
    if (stack.length) stack.at(-1)!.children.push(element)
    else if (root) throw new Error('more than one root element')
    else root = element
    if (!end[1]) stack.push(element)
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is never closed`)
  if (!root) throw new Error('no root element')
  return root
}

/** Every descendant element called `name`, in document order. */
export function all(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)])
}
