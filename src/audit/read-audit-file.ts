/**
 * Audit file text (YAML, or JSON, which is read with the same plain-words syntax errors as
 * policies) → AuditFile. Every problem names its line; all of them are reported at once, so
 * that a scheduled job's owner fixes the file in one go.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { fileProblem } from '../file-problem.js'
import { readJsonText } from '../policy/read-json-text.js'
import { UserError } from '../user-error.js'
import { jsonTree } from './json-nodes.js'
import { readAccount } from './read-principals.js'
import { DEFAULT_KEYS, EXPECTATION_KEYS, mergeExpectation, readFields, type Fields } from './read-expectation.js'
import type { AuditFile, Expectation } from './types.js'
import { NodeReader, unknownKeyMessage, type Problem } from './yaml-nodes.js'

export const TOP_KEYS = ['version', 'name', 'accounts', 'assumeRoleName', 'defaults', 'expectations'] as const
const MAX_SHOWN = 20

export interface ReadAuditOptions {
  /** Accept actions the IAM action catalogue does not know (a brand-new API). */
  readonly allowUnknownAction?: boolean
  /** Reads a session policy file; by default from disk, relative to the audit file. */
  readonly readPolicyFile?: (path: string) => string
}

function problemsError(fileName: string, problems: readonly Problem[]): UserError {
  const sorted = [...problems].map((p) => ({ ...p, message: p.message.replace(/[.\s]+$/, '') })).sort((a, b) => a.line - b.line)
  if (sorted.length === 1) return new UserError(`Audit file ${fileName} is not valid at line ${sorted[0]!.line}: ${sorted[0]!.message}.`)
  const shown = sorted.slice(0, MAX_SHOWN).map((p) => `  line ${p.line}: ${p.message}.`)
  const more = sorted.length > MAX_SHOWN ? [`  … and ${sorted.length - MAX_SHOWN} more.`] : []
  return new UserError([`Audit file ${fileName} is not valid (${sorted.length} problems):`, ...shown, ...more].join('\n'))
}

function diskReader(fileName: string): (path: string) => string {
  return (path) => {
    const full = resolve(dirname(fileName), path)
    try {
      return readFileSync(full, 'utf8')
    } catch (error) {
      throw new Error(`${path} cannot be read (${fileProblem(error, full)}: ${full})`)
    }
  }
}

/** What the file says, without lines or layout: the same audit written twice has the same digest. */
function digestOf(file: Omit<AuditFile, 'digest' | 'fileName'>): string {
  const canonical = JSON.stringify({ ...file, expectations: file.expectations.map(({ line: _line, ...rest }) => rest) })
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`
}

function looksJson(text: string, fileName: string): boolean {
  return /\.json$/i.test(fileName) || /^\s*[[{]/.test(text)
}

function syntaxCheck(text: string, fileName: string): { reader: NodeReader; root: Node | null } {
  if (looksJson(text, fileName)) readJsonText(text, `Audit file ${fileName}`) // throws JsonInputError with line and column
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true })
  const error = doc.errors[0]
  if (error) {
    const [message, excerpt = ''] = error.message.split(/ at line \d+, column \d+:\n/)
    const at = error.linePos?.[0]
    const where = at ? ` at line ${at.line}, column ${at.col}` : ''
    throw new UserError(`Audit file ${fileName} is not valid YAML${where}: ${message}.${excerpt.trimEnd() ? `\n${excerpt.trimEnd()}` : ''}`)
  }
  return { reader: new NodeReader(doc, lines, text), root: (doc.contents as Node | null) ?? null }
}

/**
 * The audit file, or every problem with it: YAML and JSON are read into one kind of syntax
 * tree (yaml-nodes.ts), whose nodes know their lines.
 */
export function parseAuditText(text: string, fileName: string, options: ReadAuditOptions = {}): AuditFile {
  if (text.trim() === '') throw new UserError(`Audit file ${fileName} is empty: it needs a list of expectations (see docs/audit.md).`)
  // A JSON file is read in one fast pass first (a large generated audit spends otherwise more
  // time parsing than checking); a file with any problem is read again below, so that every
  // message is worded, and every line counted, as for any other file.
  const tree = looksJson(text, fileName) ? jsonTree(text) : null
  if (tree) {
    const fast = readTree(new NodeReader(null, tree.lines, text), tree.root, fileName, options)
    if (fast) return fast
  }
  return parseAuditTextLineAware(text, fileName, options)
}

/** The reference reader: line-aware syntax checks (readJsonText for JSON, then the YAML parser) for every file. */
export function parseAuditTextLineAware(text: string, fileName: string, options: ReadAuditOptions = {}): AuditFile {
  if (text.trim() === '') throw new UserError(`Audit file ${fileName} is empty: it needs a list of expectations (see docs/audit.md).`)
  const { reader, root } = syntaxCheck(text, fileName)
  const file = readTree(reader, root, fileName, options)
  if (!file) throw problemsError(fileName, reader.problems)
  return file
}

/** The audit file from its syntax tree; null when the reader recorded problems. */
function readTree(reader: NodeReader, root: Node | null, fileName: string, options: ReadAuditOptions): AuditFile | null {
  const top = reader.attempt(() => reader.map(root, 'the audit file'), null)
  if (!top) return null

  let name: string | null = null
  let assumeRoleName: string | null = null
  const accounts: string[] = []
  let defaults: Fields = { given: new Set() }
  let expectationsNode: Node | null | undefined
  for (const { key, keyNode, value } of reader.attempt(() => reader.entries(top), [])) {
    reader.attempt(() => {
      switch (key) {
        case 'version':
          if (reader.string(value, 'version') !== '1') reader.fail(value, 'version must be 1, the only audit file version this denydoctor reads')
          return
        case 'name':
          name = reader.string(value, 'name')
          return
        case 'assumeRoleName':
          assumeRoleName = reader.string(value, 'assumeRoleName')
          if (!/^[\w+=,.@/-]+$/.test(assumeRoleName)) reader.fail(value, `assumeRoleName ${JSON.stringify(assumeRoleName)} is not an IAM role name`)
          return
        case 'accounts':
          accounts.push(...reader.list(value, 'accounts', (item) => reader.attempt(() => readAccount(reader, item, 'account'), '')).map((a) => a.value).filter((a) => a))
          return
        case 'defaults':
          defaults = readFields(reader, value, 'defaults', DEFAULT_KEYS)
          return
        case 'expectations':
          expectationsNode = value
          return
        default:
          reader.fail(keyNode, unknownKeyMessage(key, 'the audit file', TOP_KEYS))
      }
    }, undefined)
  }

  const expectations: Expectation[] = []
  if (expectationsNode === undefined) reader.problems.push({ line: reader.lineOf(top), message: 'the audit file has no expectations list' })
  else if (!isSeq(expectationsNode) || expectationsNode.items.length === 0) {
    reader.problems.push({ line: reader.lineOf(expectationsNode), message: 'expectations must be a list with at least one expectation' })
  } else {
    const env = { allowUnknownAction: options.allowUnknownAction ?? false, readPolicyFile: options.readPolicyFile ?? diskReader(fileName) }
    const names = new Map<string, number>()
    for (const raw of expectationsNode.items) {
      const node = reader.resolve(raw)
      const own = readFields(reader, node, 'an expectation', EXPECTATION_KEYS)
      const merged = node ? mergeExpectation(reader, node, defaults, own, env) : null
      if (!merged) continue
      const earlier = names.get(merged.name.toLowerCase())
      if (earlier !== undefined) {
        reader.problems.push({ line: merged.line, message: `expectation name ${JSON.stringify(merged.name)} is used already at line ${earlier}; names must be unique, reports and shards go by them` })
        continue
      }
      names.set(merged.name.toLowerCase(), merged.line)
      expectations.push(merged)
    }
  }
  if (reader.problems.length > 0) return null
  const content = { name, accounts: [...new Set(accounts)], assumeRoleName, expectations }
  return { fileName, ...content, digest: digestOf(content) }
}
