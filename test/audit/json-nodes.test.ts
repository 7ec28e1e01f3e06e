import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { jsonTree } from '../../src/audit/json-nodes.js'
import { readJsonText } from '../../src/policy/read-json-text.js'
import { jsonObjectShape, jsonShape, printJson, style } from './json-text.js'

/**
 * What the field readers see of a node: its kind, where it starts (its line), and its value —
 * for a number or a boolean, the text it was written as (NodeReader.string reads that).
 */
function shape(node: unknown, text: string): unknown {
  if (isMap(node)) return ['map', node.range?.[0], node.items.map((pair) => [shape(pair.key, text), shape(pair.value, text)])]
  if (isSeq(node)) return ['seq', node.range?.[0], node.items.map((item) => shape(item, text))]
  if (isScalar(node)) {
    const [start = -1, end = -1] = node.range ?? []
    return ['scalar', start, typeof node.value, typeof node.value === 'string' ? node.value : text.slice(start, end).trim()]
  }
  return ['other', node]
}

/** The tree and line starts the line-aware readers give; null where they refuse the text. */
function lineAware(text: string): { shape: unknown; lineStarts: number[] } | null {
  try {
    readJsonText(text, 'the text')
  } catch {
    return null
  }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true })
  if (doc.errors.length > 0) return null
  return { shape: shape(doc.contents as Node, text), lineStarts: lines.lineStarts }
}

function fast(text: string): { shape: unknown; lineStarts: number[] } | null {
  const tree = jsonTree(text)
  return tree && { shape: shape(tree.root, text), lineStarts: tree.lines.lineStarts }
}

describe('the fast JSON tree is the tree the line-aware readers build', () => {
  it('for any JSON object, with any whitespace, escapes and number spellings (nodes, values, offsets, line starts)', () => {
    fc.assert(
      fc.property(jsonObjectShape, style, (value, s) => {
        const text = printJson(value, s)
        const tree = fast(text)
        expect(tree).not.toBeNull()
        expect(tree).toEqual(lineAware(text))
      }),
      { numRuns: 400 },
    )
  })

  it('for JSON with the contents of a real audit file', () => {
    const text = JSON.stringify(
      { version: 1, name: 'Prod', defaults: { mfa: true }, expectations: [{ name: 'a', principals: ['arn:aws:iam::111111111111:role/CloudOps', { roles: 'Deploy*' }], action: 's3:GetObject', expect: { 'explicit-deny': ['scp'] } }] },
      null,
      2,
    ).replace(/\n/g, '\r\n')
    const tree = fast(text)
    expect(tree).not.toBeNull()
    expect(tree).toEqual(lineAware(text))
  })
})

describe('the fast JSON tree is left to the line-aware readers for', () => {
  it('text that is not JSON', () => {
    for (const text of ['{"a": 1,}', '{"a" 1}', "{'a': 1}", '{"a": “b”}', '{"a": 01}', '\ufeff{"a": 1}', 'a: 1', '{"a": "tab\there"}']) expect(jsonTree(text), text).toBeNull()
  })

  it('a duplicate key, which readJsonText refuses and JSON.parse does not', () => {
    expect(jsonTree('{"a": 1, "b": {"c": 1, "c": 2}}')).toBeNull()
    expect(jsonTree('{"a": 1, "b": {"c": 1}, "c": 2}')).not.toBeNull()
  })

  it('nesting deeper than the 64 levels readJsonText reads', () => {
    const nested = (depth: number) => `{"a": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`
    expect(lineAware(nested(64))).not.toBeNull()
    expect(jsonTree(nested(64))).not.toBeNull()
    expect(lineAware(nested(65))).toBeNull()
    expect(jsonTree(nested(65))).toBeNull()
    expect(jsonTree(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`)).toBeNull()
  })

  it('anything but an object, which no audit file is (and YAML refuses a scalar after a tab)', () => {
    fc.assert(
      fc.property(
        jsonShape.filter((v) => typeof v !== 'object' || v === null || !('entries' in v)),
        style,
        (value, s) => {
          expect(jsonTree(printJson(value, s))).toBeNull()
        },
      ),
    )
    expect(lineAware('\t"text"')).toBeNull()
  })

  it('a lone carriage return, which JSON takes as a space and YAML does not', () => {
    expect(jsonTree('{"a":\r1}')).toBeNull()
    expect(jsonTree('{"a":\r\n1}')).not.toBeNull()
  })
})
